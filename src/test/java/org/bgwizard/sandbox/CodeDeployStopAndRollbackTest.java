package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.CodeDeployBlueGreenTest.assertConsistent;
import static org.bgwizard.sandbox.CodeDeployBlueGreenTest.set;
import static org.bgwizard.sandbox.SandboxFixtures.TG1;
import static org.bgwizard.sandbox.SandboxFixtures.TG2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.StopStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/** Deployments that end other than well: StopDeployment, the ready-wait expiry, a replacement that never gets healthy. */
class CodeDeployStopAndRollbackTest {
  private static final Duration STEP = Duration.ofSeconds(10);

  private static void advanceUntilTarget(BlueGreenService f, String id, String status) {
    for (int i = 0; i < 60 && (f.status(id).equals("Created") || !f.target(id).statusAsString().equals(status)); i++) {
      f.advance(STEP);
    }
  }

  @Test
  void stopWithRollback_reroutesToBlue_removesGreen_andTheRollbackSucceeds() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().terminationWait(60));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    advanceUntilTarget(f, id, "Succeeded");
    assertEquals(Map.of(TG2, 100, TG1, 0), f.productionWeights());

    var stop = f.sandbox.codeDeploy().stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
    assertEquals(StopStatus.SUCCEEDED, stop.status());
    var stopped = f.deployment(id);
    assertEquals("Stopped", stopped.statusAsString());
    assertEquals("MANUAL_STOP", stopped.errorInformation().codeAsString());
    String rollbackId = stopped.rollbackInfo().rollbackDeploymentId();
    assertNotNull(rollbackId);
    var rollback = f.deployment(rollbackId);
    assertEquals("codeDeployRollback", rollback.creatorAsString());
    assertEquals(id, rollback.rollbackInfo().rollbackTriggeringDeploymentId());

    f.advance(Duration.ofSeconds(2));
    assertEquals(Map.of(TG1, 100, TG2, 0), f.productionWeights());
    assertEquals(Map.of(TG1, 100, TG2, 0), f.weights(f.testListenerArn));
    assertEquals("PRIMARY", set(f.target(rollbackId), "Blue").status());
    assertConsistent(f, rollbackId);

    f.advanceUntil(rollbackId, "Succeeded", STEP, Duration.ofMinutes(5));
    assertEquals("Succeeded", f.status(rollbackId));
    assertEquals(1, f.taskSets().size());
    assertEquals(TG1, f.serviceTargetGroup());
    assertEquals(List.of("Blue"), f.target(rollbackId).taskSetsInfo().stream()
        .map(s -> s.taskSetLabelAsString()).toList());
  }

  @Test
  void stopWithoutRollback_leavesTrafficAndTaskSetsAsTheyAre_andTheNextDeploymentCleansUp() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().readyWait(30).terminationWait(0));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    advanceUntilTarget(f, id, "Ready");
    f.sandbox.codeDeploy().stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(false));
    f.advance(Duration.ofMinutes(5));
    var stopped = f.deployment(id);
    assertEquals("Stopped", stopped.statusAsString());
    assertNull(stopped.rollbackInfo());
    assertEquals(Map.of(TG1, 1), f.productionWeights());
    assertEquals(List.of("ACTIVE", "PRIMARY"), f.taskSets().stream().map(s -> s.status()).sorted().toList());
    assertEquals(List.of("Skipped", "Skipped", "Skipped"), f.target(id).lifecycleEvents().subList(5, 8).stream()
        .map(e -> e.statusAsString()).toList());

    String next = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    advanceUntilTarget(f, next, "Ready");
    f.sandbox.codeDeploy().continueDeployment(r -> r.deploymentId(next).deploymentWaitType("READY_WAIT"));
    f.advanceUntil(next, "Succeeded", STEP, Duration.ofMinutes(5));
    assertEquals(1, f.taskSets().size());
    assertEquals(next, f.taskSets().get(0).externalId());
  }

  @Test
  void stopWhileTheOriginalSetIsBeingDeleted_cannotRollBack() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().terminationWait(0));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    advanceUntilTarget(f, id, "Succeeded");
    f.advance(Duration.ofSeconds(1));
    assertEquals("DRAINING", set(f.target(id), "Blue").status());
    f.sandbox.codeDeploy().stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
    var stopped = f.deployment(id);
    assertEquals("Stopped", stopped.statusAsString());
    assertNull(stopped.rollbackInfo().rollbackDeploymentId());
    assertTrue(stopped.rollbackInfo().rollbackMessage().contains("cannot be rolled back"));
    assertEquals(Map.of(TG2, 100, TG1, 0), f.productionWeights());
  }

  @Test
  void readyWaitExpiry_stopsTheDeployment() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().readyWait(10));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    advanceUntilTarget(f, id, "Ready");
    f.advance(Duration.ofMinutes(9));
    assertEquals("Ready", f.status(id));
    f.advance(Duration.ofMinutes(1));
    var expired = f.deployment(id);
    assertEquals("Stopped", expired.statusAsString());
    assertEquals("TIMEOUT", expired.errorInformation().codeAsString());
    assertEquals("The deployment timed out while waiting for a notification to continue. This time out period is "
        + "10 minutes.", expired.errorInformation().message());
    assertEquals(Map.of(TG1, 1), f.productionWeights());
  }

  @Test
  void brokenImage_timesOutAfterSixtyMinutes_andRollsBack() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults());
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.BROKEN_IMAGE));
    f.advance(Duration.ofMinutes(30));
    assertEquals("InProgress", f.status(id));
    var green = set(f.target(id), "Green");
    assertEquals(0L, green.runningCount());
    List<Task> stopped = f.sandbox.ecs().describeTasks(r -> r.cluster(SandboxFixtures.CLUSTER)
        .tasks(f.sandbox.ecs().listTasks(l -> l.cluster(SandboxFixtures.CLUSTER).desiredStatus("STOPPED")).taskArns()
            .subList(0, 1))).tasks();
    assertTrue(stopped.get(0).stoppedReason().startsWith("CannotPullContainerError"), stopped.get(0).stoppedReason());

    var installStart = f.target(id).lifecycleEvents().get(1).startTime();
    f.advance(Duration.between(f.clock.instant(), installStart.plus(Duration.ofMinutes(60))).minusSeconds(1));
    assertEquals("InProgress", f.status(id));
    f.advance(Duration.ofSeconds(1));
    var failed = f.deployment(id);
    assertEquals("Failed", failed.statusAsString());
    assertEquals("The deployment timed out while waiting for the replacement task set to become healthy. This time "
        + "out period is 60 minutes.", failed.errorInformation().message());
    assertEquals("Install:Failed", CodeDeployBlueGreenTest.events(f.target(id)).get(1));
    String rollbackId = failed.rollbackInfo().rollbackDeploymentId();
    f.advanceUntil(rollbackId, "Succeeded", STEP, Duration.ofMinutes(5));
    assertEquals("Succeeded", f.status(rollbackId));
    assertEquals(1, f.taskSets().size());
    assertEquals(TG1, f.serviceTargetGroup());
    assertEquals(Map.of(TG1, 100, TG2, 0), f.productionWeights());
  }
}
