package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.bgwizard.sandbox.SandboxFixtures.APPLICATION;
import static org.bgwizard.sandbox.SandboxFixtures.GROUP;
import static org.bgwizard.sandbox.SandboxFixtures.TG1;
import static org.bgwizard.sandbox.SandboxFixtures.TG2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codedeploy.model.ApplicationNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStatusException;

/** Deployments survive a restart of the app, and long lists page. */
class CodeDeployPersistenceTest {

  @Test
  void deploymentWaitingForReroute_continuesToSucceeded_afterTheAccountIsReopened(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("account.json");
    ManualClock clock = ManualClock.startingAt(SandboxFixtures.START);
    var f = SandboxFixtures.blueGreenService(Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE), clock,
        GroupOptions.defaults().readyWait(60).terminationWait(0));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    f.advance(Duration.ofMinutes(4));
    assertEquals("Ready", f.status(id));

    ManualClock later = new ManualClock(clock.instant());
    var g = f.in(Sandbox.open(file, "us-east-1", t -> later, Sleeper.NONE), later);
    assertEquals("Ready", g.status(id));
    assertEquals(Map.of(TG1, 1), g.productionWeights());
    g.sandbox.codeDeploy().continueDeployment(r -> r.deploymentId(id).deploymentWaitType("READY_WAIT"));
    g.advanceUntil(id, "Succeeded", Duration.ofSeconds(10), Duration.ofMinutes(5));
    assertEquals("Succeeded", g.status(id));
    assertEquals(Map.of(TG2, 100, TG1, 0), g.productionWeights());
    assertEquals(1, g.taskSets().size());

    var h = f.in(Sandbox.open(file, "us-east-1", t -> new ManualClock(t), Sleeper.NONE), later);
    assertEquals("Succeeded", h.status(id));
  }

  @Test
  void listDeployments_pagesNewestFirst_andFiltersByStatusAndTime() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults());
    String td = f.registerTaskDefinition(SandboxFixtures.NGINX);
    var cd = f.sandbox.codeDeploy();
    for (int i = 0; i < 105; i++) {
      String id = f.deploy(td);
      cd.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(false));
      f.advance(Duration.ofSeconds(1));
    }
    String last = f.deploy(td);
    var all = cd.listDeploymentsPaginator(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP))
        .deployments().stream().toList();
    assertEquals(106, all.size());
    assertEquals(last, all.get(0));
    assertEquals(List.of(last), cd.listDeploymentsPaginator(r -> r.includeOnlyStatuses(DeploymentStatus.CREATED))
        .deployments().stream().toList());
    assertEquals(105, cd.listDeploymentsPaginator(r -> r.includeOnlyStatuses(DeploymentStatus.STOPPED))
        .deployments().stream().count());
    var start = f.deployment(all.get(10)).createTime();
    assertEquals(11, cd.listDeploymentsPaginator(r -> r.createTimeRange(t -> t.start(start))).deployments().stream()
        .count());
  }

  @Test
  void listDeployments_wantsApplicationAndGroupTogether_andKnownStatuses() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults());
    var cd = f.sandbox.codeDeploy();
    assertAwsError(DeploymentGroupNameRequiredException.class, "DeploymentGroupNameRequiredException", null,
        () -> cd.listDeployments(r -> r.applicationName(APPLICATION)));
    assertAwsError(ApplicationNameRequiredException.class, "ApplicationNameRequiredException", null,
        () -> cd.listDeployments(r -> r.deploymentGroupName(GROUP)));
    assertAwsError(InvalidDeploymentStatusException.class, "InvalidDeploymentStatusException", "Done",
        () -> cd.listDeployments(r -> r.includeOnlyStatusesWithStrings("Done")));
  }
}
