package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.CodeDeployBlueGreenTest.assertConsistent;
import static org.bgwizard.sandbox.CodeDeployBlueGreenTest.set;
import static org.bgwizard.sandbox.SandboxFixtures.TG1;
import static org.bgwizard.sandbox.SandboxFixtures.TG2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;

/**
 * Production traffic moving to green per the deployment configuration (CodeDeploy User Guide, "Deployment
 * configurations on an Amazon ECS compute platform"; terraform-provider-aws #28129).
 */
class CodeDeployTrafficShiftTest {

  /** Deploys and advances second by second until AllowTraffic has begun; returns the deployment id. */
  private static String deployUntilTrafficShifts(BlueGreenService f) {
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    for (int i = 0; i < 600 && !allowTrafficStarted(f, id); i++) {
      f.advance(Duration.ofSeconds(1));
    }
    return id;
  }

  private static boolean allowTrafficStarted(BlueGreenService f, String id) {
    return !f.status(id).equals("Created") && f.target(id).lifecycleEvents().stream()
        .anyMatch(e -> e.lifecycleEventName().equals("AllowTraffic") && !e.statusAsString().equals("Pending"));
  }

  @Test
  void canary_sendsTenPercentForTheInterval_thenEverything() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults()
        .config("CodeDeployDefault.ECSCanary10Percent5Minutes"));
    String id = deployUntilTrafficShifts(f);
    assertEquals(Map.of(TG2, 10, TG1, 90), f.productionWeights());
    var target = f.target(id);
    assertEquals(10.0, set(target, "Green").trafficWeight());
    assertEquals("ACTIVE", set(target, "Green").status());
    assertEquals(90.0, set(target, "Blue").trafficWeight());
    assertEquals("PRIMARY", set(target, "Blue").status());
    assertConsistent(f, id);

    f.advance(Duration.ofSeconds(4 * 60 + 58));
    assertEquals(Map.of(TG2, 10, TG1, 90), f.productionWeights());
    assertEquals("InProgress", f.target(id).statusAsString());

    f.advance(Duration.ofSeconds(2));
    assertEquals(Map.of(TG2, 100, TG1, 0), f.productionWeights());
    assertEquals("PRIMARY", set(f.target(id), "Green").status());
    assertConsistent(f, id);
    f.advance(Duration.ofSeconds(2));
    assertEquals("Succeeded", f.target(id).statusAsString());
  }

  @Test
  void linear_addsTenPercentEveryMinute() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults()
        .config("CodeDeployDefault.ECSLinear10PercentEvery1Minutes"));
    String id = deployUntilTrafficShifts(f);
    List<Integer> green = new ArrayList<>();
    for (int minute = 0; minute < 11; minute++) {
      green.add(f.productionWeights().get(TG2));
      assertEquals(f.productionWeights().get(TG2).doubleValue(), set(f.target(id), "Green").trafficWeight());
      assertConsistent(f, id);
      f.advance(Duration.ofMinutes(1));
    }
    assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100), green);
    assertEquals("Succeeded", f.target(id).statusAsString());
    assertEquals("PRIMARY", set(f.target(id), "Green").status());
  }
}
