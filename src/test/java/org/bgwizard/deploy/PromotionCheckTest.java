package org.bgwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which snapshots of an environment let its change move on: only a succeeded run and deployment. */
class PromotionCheckTest {
  private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
  private static final DeploymentTarget GROUP = new DeploymentTarget("app", "group-dev", "pipe-dev");
  private static final DeploymentTarget SERVICE = DeploymentTarget.ecsNative("cluster", "svc-dev", "pipe-dev", null);

  private static PipelineView pipeline(String status) {
    return new PipelineView("pipe-dev", List.of(), List.of(new PipelineView.Execution("run-2", status,
        "abcdef12 Release", T)), null, null);
  }

  private static DeploymentView deployment(String status) {
    return new DeploymentView("d-1", status, "CodePipeline", T, T, null, null, List.of(), List.of(), null, null);
  }

  private static DeploymentSnapshot codeDeploy(PipelineView p, DeploymentView d) {
    return new DeploymentSnapshot(GROUP, null, p, d, List.of(), null, null, T, ConnectionState.OK);
  }

  private static DeploymentSnapshot ecs(String status) {
    var d = new NativeDeployment("arn:aws:ecs:us-east-1:1:service-deployment/cluster/svc-dev/abc", status, null, null,
        T, T, T, T, "rev", null, List.of());
    return new DeploymentSnapshot(SERVICE, null, pipeline("Succeeded"), null, List.of(), null, null, T,
        ConnectionState.OK, new NativeView(null, d, List.of()));
  }

  @Test
  void aSucceededRunAndDeployment_mayBePromoted() {
    assertEquals(Optional.empty(), PromotionCheck.refusal("dev", codeDeploy(pipeline("Succeeded"),
        deployment("Succeeded"))));
    assertEquals(Optional.empty(), PromotionCheck.refusal("dev", ecs("SUCCESSFUL")));
  }

  @Test
  void aStoppedDeployment_orNone_orARolledBackEcsOne_isRefused_namingIt() {
    assertTrue(PromotionCheck.refusal("dev", codeDeploy(pipeline("Succeeded"), deployment("Stopped"))).orElseThrow()
        .english().startsWith("dev's last deployment d-1 is Stopped, not Succeeded"));
    assertEquals("dev has no deployment yet: deploy there first",
        PromotionCheck.refusal("dev", codeDeploy(null, null)).orElseThrow().english());
    assertTrue(PromotionCheck.refusal("dev", ecs("ROLLBACK_SUCCESSFUL")).orElseThrow().english()
        .startsWith("dev's last deployment abc is ROLLBACK_SUCCESSFUL, not SUCCESSFUL"));
  }

  @Test
  void aRunStillGoing_isRefused_evenWhenTheDeploymentBeforeItSucceeded() {
    assertTrue(PromotionCheck.refusal("dev", codeDeploy(pipeline("InProgress"), deployment("Succeeded")))
        .orElseThrow().english().startsWith("dev's latest pipeline run run-2 of pipe-dev is InProgress"));
  }

  @Test
  void anUnreadAccount_isRefused_withWhy() {
    var s = codeDeploy(null, deployment("Succeeded")).withConnection(new ConnectionState(
        ConnectionState.Kind.FAILED, "AccessDenied"), T);
    assertEquals("could not read dev's deployment: AccessDenied",
        PromotionCheck.refusal("dev", s).orElseThrow().english());
  }
}
