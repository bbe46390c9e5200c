package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.ApprovalAlreadyCompletedException;
import software.amazon.awssdk.services.codepipeline.model.DuplicatedStopRequestException;
import software.amazon.awssdk.services.codepipeline.model.InvalidApprovalTokenException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotStoppableException;
import software.amazon.awssdk.services.codepipeline.model.StageNotFoundException;

/** How runs move: approvals, superseding and queueing, stopping, and a run that survives a restart. */
class PipelineFlowTest {
  PipelineFixture f = new PipelineFixture();
  CodePipelineClient cp = f.sandbox.codePipeline();

  private PipelineFixture withApproval() {
    f.spec = f.spec.withPipeline(new Pipeline("demo-pipeline", null, true, null));
    return f.withPipeline();
  }

  private String approvalToken() {
    return f.stage("Approval").actionStates().get(0).latestExecution().token();
  }

  private void answer(String token, String status) {
    cp.putApprovalResult(r -> r.pipelineName("demo-pipeline").stageName("Approval").actionName("Approve").token(token)
        .result(x -> x.status(status).summary("looks " + status)));
  }

  private String start() {
    return cp.startPipelineExecution(r -> r.name("demo-pipeline")).pipelineExecutionId();
  }

  private String status(String id) {
    return f.execution(id).statusAsString();
  }

  @Test
  void aManualApproval_waitsWithAToken_andApprovingItStartsTheDeploy() {
    withApproval();
    f.throughBuild();
    assertEquals(Map.of("Source", "Succeeded", "Build", "Succeeded", "Approval", "InProgress", "Deploy", "-"),
        f.stageStatuses());
    String token = approvalToken();
    assertNotNull(token);
    f.advance(3600);
    assertTrue(f.deployer.deployments.isEmpty());

    answer(token, "Approved");
    var approval = f.stage("Approval").actionStates().get(0).latestExecution();
    assertEquals("Succeeded", approval.statusAsString());
    assertEquals("looks Approved", approval.summary());
    assertNull(approval.token());
    f.advance(1);
    assertEquals(1, f.deployer.deployments.size());
    assertAwsError(ApprovalAlreadyCompletedException.class, "ApprovalAlreadyCompletedException", "already been answered",
        () -> answer(token, "Approved"));
  }

  @Test
  void rejectingTheApproval_failsTheRun() {
    withApproval();
    f.throughBuild();
    answer(approvalToken(), "Rejected");

    assertEquals("Failed", status(f.latestExecutionId()));
    assertEquals("Failed", f.stage("Approval").actionStates().get(0).latestExecution().statusAsString());
    f.advance(60);
    assertTrue(f.deployer.deployments.isEmpty());
  }

  @Test
  void putApprovalResult_rejectsAWrongTokenStageOrAction() {
    withApproval();
    f.throughBuild();
    assertAwsError(InvalidApprovalTokenException.class, "InvalidApprovalTokenException", "is not valid",
        () -> answer("00000000-0000-4000-a000-000000000000", "Approved"));
    assertAwsError(StageNotFoundException.class, "StageNotFoundException", "Stage 'Review' does not exist",
        () -> cp.putApprovalResult(r -> r.pipelineName("demo-pipeline").stageName("Review").actionName("Approve")
            .token(approvalToken()).result(x -> x.status("Approved").summary("ok"))));
    assertAwsError(ActionNotFoundException.class, "ActionNotFoundException", "'Deploy'",
        () -> cp.putApprovalResult(r -> r.pipelineName("demo-pipeline").stageName("Approval").actionName("Deploy")
            .token(approvalToken()).result(x -> x.status("Approved").summary("ok"))));
  }

  @Test
  void anUnansweredApproval_failsAfterSevenDays() {
    withApproval();
    f.throughBuild();
    f.advance(7 * 24 * 3600);
    assertEquals("Failed", status(f.latestExecutionId()));
  }

  @Test
  void superseded_aNewerRunReplacesTheOneWaitingBeforeABusyStage() {
    f.withPipeline();
    String first = f.latestExecutionId();
    f.advance(10);
    String second = start();
    f.advance(6);
    assertEquals(second, f.stage("Build").inboundExecution().pipelineExecutionId(), "waits before Build");
    String third = start();
    f.advance(6);

    assertEquals("Superseded", status(second));
    assertEquals(third, f.stage("Build").inboundExecution().pipelineExecutionId());
    assertEquals(first, f.stage("Build").latestExecution().pipelineExecutionId());
    f.advance(120);
    assertEquals(third, f.stage("Build").latestExecution().pipelineExecutionId(), "enters once Build is free");
    assertEquals(first, f.stage("Deploy").latestExecution().pipelineExecutionId());
  }

  @Test
  void queued_runsWaitInTurn_withoutSuperseding() {
    f.base();
    cp.createPipeline(r -> r.pipeline(PipelineDeclarations.from(
        org.bgwizard.artifacts.PipelineStructure.declaration(f.spec, PipelineFixture.TARGET)
            .put("executionMode", "QUEUED"))));
    f.advance(10);
    String second = start();
    String third = start();
    f.advance(12);

    assertEquals("InProgress", status(second));
    assertEquals("InProgress", status(third));
    assertEquals(second, f.stage("Build").inboundExecution().pipelineExecutionId(), "the older one is next");
    assertEquals(List.of(second, third), f.stage("Build").inboundExecutions().stream()
        .map(e -> e.pipelineExecutionId()).toList());
  }

  @Test
  void parallel_runsDoNotWaitForEachOther() {
    f.base();
    cp.createPipeline(r -> r.pipeline(PipelineDeclarations.from(
        org.bgwizard.artifacts.PipelineStructure.declaration(f.spec, PipelineFixture.TARGET)
            .put("executionMode", "PARALLEL"))));
    f.advance(10);
    start();
    f.advance(6);

    long running = f.sandbox.codeBuild().listBuildsForProject(r -> r.projectName("demo-build")).ids().stream()
        .filter(id -> !f.build(id).buildComplete()).count();
    assertEquals(2, running);
  }

  @Test
  void stopAndAbandon_endsTheRunAtOnce() {
    f.withPipeline();
    String id = f.latestExecutionId();
    f.advance(30);
    cp.stopPipelineExecution(r -> r.pipelineName("demo-pipeline").pipelineExecutionId(id).abandon(true)
        .reason("wrong commit"));

    assertEquals("Stopped", status(id));
    assertEquals("Abandoned", f.stage("Build").actionStates().get(0).latestExecution().statusAsString());
    var summary = cp.listPipelineExecutions(r -> r.pipelineName("demo-pipeline")).pipelineExecutionSummaries().get(0);
    assertEquals("wrong commit", summary.stopTrigger().reason());
    assertAwsError(PipelineExecutionNotStoppableException.class, "PipelineExecutionNotStoppableException",
        "cannot be stopped", () -> cp.stopPipelineExecution(r -> r.pipelineName("demo-pipeline")
            .pipelineExecutionId(id)));
  }

  @Test
  void stopAndWait_letsTheBuildFinish_butNoFurtherStageRuns() {
    f.withPipeline();
    String id = f.latestExecutionId();
    f.advance(30);
    cp.stopPipelineExecution(r -> r.pipelineName("demo-pipeline").pipelineExecutionId(id));
    assertEquals("Stopping", status(id));
    assertAwsError(DuplicatedStopRequestException.class, "DuplicatedStopRequestException", "already being stopped",
        () -> cp.stopPipelineExecution(r -> r.pipelineName("demo-pipeline").pipelineExecutionId(id)));
    f.advance(120);

    assertEquals("Stopped", status(id));
    assertEquals("Succeeded", f.stage("Build").actionStates().get(0).latestExecution().statusAsString());
    f.advance(60);
    assertTrue(f.deployer.deployments.isEmpty());
  }

  @Test
  void aRunSavedMidBuild_continuesAfterTheAccountIsReopened(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    ManualClock clock = ManualClock.startingAt("2026-01-05T09:00:00Z");
    Sandbox first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE);
    f = new PipelineFixture(SpecDefaults.tutorial("demo", "us-east-1"), first, clock).withPipeline();
    String id = f.latestExecutionId();
    f.advance(60);
    assertEquals("BUILD", f.latestBuild().currentPhase(), "PRE_BUILD has set the shell variables BUILD uses");

    ManualClock later = new ManualClock(clock.instant());
    Sandbox reopened = Sandbox.open(file, "us-east-1", t -> {
      later.set(t);
      return later;
    }, Sleeper.NONE);
    var g = new PipelineFixture(SpecDefaults.tutorial("demo", "us-east-1"), reopened, later);
    assertEquals("BUILD", g.latestBuild().currentPhase());
    g.advance(70);

    assertEquals(Map.of("Source", "Succeeded", "Build", "Succeeded", "Deploy", "InProgress"), g.stageStatuses());
    assertEquals(1, g.deployer.registrations.size());
    assertEquals(2, reopened.ecr().describeImages(r -> r.repositoryName("demo")).imageDetails().get(0).imageTags()
        .size());
    g.deployer.finish("Succeeded", null);
    g.advance(15);
    assertEquals("Succeeded", g.execution(id).statusAsString());
  }
}
