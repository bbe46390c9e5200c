package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.bgwizard.sandbox.SandboxFixtures.TG1;
import static org.bgwizard.sandbox.SandboxFixtures.TG2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.ECSTaskSet;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;

/**
 * The blue/green lifecycle of an ECS deployment that goes well (CodeDeploy User Guide, "What happens during an Amazon
 * ECS deployment"; CodeDeploy API Reference, GetDeployment).
 */
class CodeDeployBlueGreenTest {
  private static final Duration STEP = Duration.ofSeconds(10);

  static List<String> events(ECSTarget target) {
    return target.lifecycleEvents().stream().map(e -> e.lifecycleEventName() + ":" + e.statusAsString()).toList();
  }

  static ECSTaskSet set(ECSTarget target, String label) {
    return target.taskSetsInfo().stream().filter(s -> s.taskSetLabelAsString().equals(label)).findFirst()
        .orElseThrow();
  }

  /** GetDeploymentTarget agrees with the listener, ECS's task sets and their target groups. */
  static void assertConsistent(BlueGreenService f, String id) {
    var target = f.target(id);
    Map<String, Integer> weights = f.productionWeights();
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    var ecsSets = f.taskSets();
    for (ECSTaskSet s : target.taskSetsInfo()) {
      var ecsSet = ecsSets.stream().filter(t -> t.id().equals(s.identifer())).findFirst().orElseThrow();
      assertEquals(ecsSet.status(), s.status());
      assertEquals(ecsSet.runningCount().longValue(), s.runningCount());
      assertEquals(ecsSet.loadBalancers().get(0).targetGroupArn().equals(f.targetGroup1Arn) ? TG1 : TG2,
          s.targetGroup().name());
      assertEquals(weights.getOrDefault(s.targetGroup().name(), 0) * 100.0 / total, s.trafficWeight(), 1e-9);
    }
  }

  private static void advanceUntilTarget(BlueGreenService f, String id, String targetStatus) {
    for (int i = 0; i < 60 && (f.status(id).equals("Created") || !f.target(id).statusAsString().equals(targetStatus));
        i++) {
      f.advance(STEP);
    }
    assertEquals(targetStatus, f.target(id).statusAsString());
  }

  @Test
  void manualReroute_andEarlyTermination_swapTheTargetGroups_andLeaveOneTaskSet() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().readyWait(30).terminationWait(60));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    assertEquals("Created", f.status(id));
    assertAwsError(DeploymentNotStartedException.class, "DeploymentNotStartedException", "has not started",
        () -> f.target(id));

    advanceUntilTarget(f, id, "Ready");
    var ready = f.deployment(id);
    assertEquals("Ready", ready.statusAsString());
    assertEquals(1L, ready.deploymentOverview().ready());
    assertEquals(List.of("BeforeInstall:Succeeded", "Install:Succeeded", "AfterInstall:Succeeded",
        "AllowTestTraffic:Succeeded", "AfterAllowTestTraffic:Succeeded", "BeforeAllowTraffic:Pending",
        "AllowTraffic:Pending", "AfterAllowTraffic:Pending"), events(f.target(id)));
    assertEquals(Map.of(TG1, 1), f.productionWeights());
    assertEquals(Map.of(TG2, 100, TG1, 0), f.weights(f.testListenerArn));
    var green = set(f.target(id), "Green");
    assertEquals("ACTIVE", green.status());
    assertEquals(1L, green.runningCount());
    assertEquals(0.0, green.trafficWeight());
    assertEquals(TG2, green.targetGroup().name());
    assertEquals("PRIMARY", set(f.target(id), "Blue").status());
    assertConsistent(f, id);

    f.sandbox.codeDeploy().continueDeployment(r -> r.deploymentId(id).deploymentWaitType("READY_WAIT"));
    f.advance(Duration.ofSeconds(5));
    var waiting = f.deployment(id);
    assertEquals("InProgress", waiting.statusAsString());
    assertEquals("Succeeded", f.target(id).statusAsString());
    assertEquals(1L, waiting.deploymentOverview().succeeded());
    assertFalse(waiting.instanceTerminationWaitTimeStarted());
    assertEquals(Map.of(TG2, 100, TG1, 0), f.productionWeights());
    assertEquals("PRIMARY", set(f.target(id), "Green").status());
    assertEquals("ACTIVE", set(f.target(id), "Blue").status());
    assertConsistent(f, id);

    f.sandbox.codeDeploy().continueDeployment(r -> r.deploymentId(id).deploymentWaitType("TERMINATION_WAIT"));
    assertEquals("DRAINING", set(f.target(id), "Blue").status());
    f.advanceUntil(id, "Succeeded", STEP, Duration.ofMinutes(5));
    var done = f.deployment(id);
    assertEquals("Succeeded", done.statusAsString());
    assertNotNull(done.completeTime());
    assertNull(done.errorInformation());
    assertEquals(1, f.taskSets().size());
    assertEquals("PRIMARY", f.taskSets().get(0).status());
    assertEquals(id, f.taskSets().get(0).externalId());
    assertEquals(TG2, f.serviceTargetGroup());
    assertEquals(id, f.sandbox.codeDeploy().getDeploymentGroup(r -> r.applicationName(SandboxFixtures.APPLICATION)
        .deploymentGroupName(SandboxFixtures.GROUP)).deploymentGroupInfo().lastSuccessfulDeployment().deploymentId());
  }

  @Test
  void allAtOnce_waitsOutTheTerminationWait_thenDeletesTheOriginalTaskSet() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().terminationWait(5));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    advanceUntilTarget(f, id, "Succeeded");
    List<LifecycleEvent> events = f.target(id).lifecycleEvents();
    assertTrue(events.stream().allMatch(e -> e.statusAsString().equals("Succeeded")));
    var trafficDone = events.get(events.size() - 1).endTime();
    f.advance(Duration.between(f.clock.instant(), trafficDone.plus(Duration.ofMinutes(5)).minusSeconds(1)));
    assertEquals("InProgress", f.status(id));
    assertEquals(List.of("ACTIVE", "PRIMARY"), f.taskSets().stream().map(s -> s.status()).sorted().toList());

    f.advance(Duration.ofSeconds(2));
    assertEquals("InProgress", f.status(id));
    assertEquals("DRAINING", set(f.target(id), "Blue").status());
    assertConsistent(f, id);
    Duration draining = f.advanceUntil(id, "Succeeded", Duration.ofSeconds(5), Duration.ofMinutes(5));
    assertTrue(draining.compareTo(Duration.ofSeconds(30)) >= 0, "the original set drains its targets first");
    assertEquals(1, f.taskSets().size());
    assertEquals(Map.of(TG2, 100, TG1, 0), f.productionWeights());
  }

  @Test
  void nextDeployment_installsOnTheOtherTargetGroup() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().terminationWait(0));
    String first = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    f.advanceUntil(first, "Succeeded", STEP, Duration.ofMinutes(10));
    String second = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    advanceUntilTarget(f, second, "Succeeded");
    assertEquals(TG1, set(f.target(second), "Green").targetGroup().name());
    assertEquals(TG2, set(f.target(second), "Blue").targetGroup().name());
    f.advanceUntil(second, "Succeeded", STEP, Duration.ofMinutes(10));
    assertEquals(Map.of(TG1, 100, TG2, 0), f.productionWeights());
    assertEquals(Map.of(TG1, 100, TG2, 0), f.weights(f.testListenerArn));
    assertEquals(TG1, f.serviceTargetGroup());
  }

  @Test
  void withoutTestListener_theTestTrafficEventsAreLeftOut_andGreenGetsWeightZeroForHealthChecks() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().testListener(false).terminationWait(0));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    f.advance(Duration.ofSeconds(5));
    assertEquals(Map.of(TG1, 1, TG2, 0), f.productionWeights());
    f.advanceUntil(id, "Succeeded", STEP, Duration.ofMinutes(10));
    assertEquals(List.of("BeforeInstall:Succeeded", "Install:Succeeded", "AfterInstall:Succeeded",
        "BeforeAllowTraffic:Succeeded", "AllowTraffic:Succeeded", "AfterAllowTraffic:Succeeded"),
        events(f.target(id)));
    assertEquals(Map.of(TG1, 0, TG2, 100), f.productionWeights());
  }
}
