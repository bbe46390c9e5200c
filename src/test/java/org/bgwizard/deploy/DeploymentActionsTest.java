package org.bgwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.sandbox.PipelineSandbox;
import org.junit.jupiter.api.Test;

/** Pipeline actions against the sandbox's pipeline, and the refusals' reasons. */
class DeploymentActionsTest {
  private final PipelineSandbox p = PipelineSandbox.withApproval();
  private final AwsClients clients = AwsClients.sandbox(new SandboxClientSource(p.sandbox()), "us-east-1");
  private final SdkDeploymentReader reader = new SdkDeploymentReader(clients);
  private final DeploymentActions actions = new DeploymentActions(new SdkDeploymentCommands(clients));

  private DeploymentSnapshot snapshot() {
    var state = reader.pipelineState(p.pipelineName());
    var pipeline = new PipelineView(p.pipelineName(), state.stages(), reader.pipelineExecutions(p.pipelineName()),
        state.approval(), null);
    return new DeploymentSnapshot(DashboardSim.TARGET, null, pipeline, null, List.of(), TrafficView.empty(),
        ServiceView.empty(), Instant.EPOCH, ConnectionState.OK);
  }

  @Test
  void approve_isAllowedOnlyWhileTheApprovalWaits_andStartsTheDeploy() {
    assertFalse(DeploymentActions.allowed(Action.APPROVE, snapshot()).allowed());
    p.advance(Duration.ofMinutes(5));
    var waiting = snapshot();
    assertNotNull(waiting.pipeline().approval());
    assertEquals("Approval", waiting.pipeline().approval().stage());
    assertTrue(DeploymentActions.allowed(Action.APPROVE, waiting).allowed());

    actions.perform(Action.APPROVE, waiting);
    p.advance(Duration.ofSeconds(1));
    assertEquals(1, p.deploymentsRequested());
    assertFalse(DeploymentActions.allowed(Action.REJECT, snapshot()).allowed());
  }

  @Test
  void reject_failsTheRun() {
    p.advance(Duration.ofMinutes(5));
    actions.perform(Action.REJECT, snapshot());
    assertEquals("Failed", snapshot().pipeline().executions().get(0).status());
  }

  @Test
  void release_startsANewRun_withItsSourceRevision() {
    int before = snapshot().pipeline().executions().size();
    String id = actions.perform(Action.RELEASE, snapshot());
    var executions = snapshot().pipeline().executions();
    assertEquals(before + 1, executions.size());
    assertEquals(id, executions.get(0).id());
    p.advance(Duration.ofSeconds(30));
    assertFalse(snapshot().pipeline().executions().get(0).revision().isBlank(), "the commit, once Source ran");
  }

  @Test
  void deploymentActions_withoutADeployment_areRefusedWithTheReason() {
    var s = snapshot();
    var e = assertThrows(IllegalStateException.class, () -> actions.perform(Action.ROLLBACK, s));
    assertEquals("There is no deployment", e.getMessage());
    assertFalse(DeploymentActions.allowed(Action.REROUTE, s).allowed());
    assertFalse(DeploymentActions.allowed(Action.TERMINATE, s).allowed());
  }
}
