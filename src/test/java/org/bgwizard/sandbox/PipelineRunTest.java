package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.codebuild.BuildRun;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.Service;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ActionState;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/** A pipeline run of the tutorial's setup: the files the app generates, built and handed to the deployer. */
class PipelineRunTest {
  final PipelineFixture f = new PipelineFixture().base();

  private ActionState action(String stage) {
    return f.stage(stage).actionStates().get(0);
  }

  @Test
  void createPipeline_startsARun_thatGoesSourceBuildDeploy_andSucceedsWhenTheDeploymentDoes() {
    f.createPipeline();
    String id = f.latestExecutionId();
    assertEquals("CreatePipeline", f.execution(id).trigger().triggerTypeAsString());
    assertEquals(Map.of("Source", "InProgress", "Build", "-", "Deploy", "-"), f.stageStatuses());

    f.advance(5);
    assertEquals(Map.of("Source", "Succeeded", "Build", "InProgress", "Deploy", "-"), f.stageStatuses());
    assertEquals(f.head(), action("Source").currentRevision().revisionId());
    Build build = f.latestBuild();
    assertEquals("codepipeline/demo-pipeline", build.initiator());
    assertEquals(build.id(), action("Build").latestExecution().externalExecutionId());

    f.advance(60);
    assertEquals("BUILD", f.latestBuild().currentPhase());
    f.advance(62);
    assertEquals(Map.of("Source", "Succeeded", "Build", "Succeeded", "Deploy", "InProgress"), f.stageStatuses());
    assertEquals("SUCCEEDED", f.build(build.id()).buildStatusAsString());

    f.advance(1);
    String tag = f.head().substring(0, 7);
    assertEquals(1, f.deployer.registrations.size());
    String taskdef = f.deployer.registrations.get(0).taskdefJson();
    assertTrue(taskdef.contains("\"image\": \"" + f.imageUri(tag) + "\""), taskdef);
    assertEquals(f.arns().codePipelineRole(), f.deployer.registrations.get(0).callerRoleArn());
    FakeDeployer.Deployment d = f.deployer.last();
    assertEquals(f.spec.codeDeploy().application(), d.application());
    assertEquals(f.spec.codeDeploy().deploymentGroup(), d.deploymentGroup());
    assertTrue(d.appspec().contains("TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/demo-task:2"),
        d.appspec());
    assertEquals(d.id(), action("Deploy").latestExecution().externalExecutionId());

    f.advance(3600);
    assertEquals("InProgress", f.execution(id).statusAsString(), "waits out the termination wait");
    f.deployer.finish("Succeeded", null);
    f.advance(15);
    assertEquals(Map.of("Source", "Succeeded", "Build", "Succeeded", "Deploy", "Succeeded"), f.stageStatuses());
    assertEquals("Succeeded", f.execution(id).statusAsString());
    assertEquals(f.head(), f.execution(id).artifactRevisions().get(0).revisionId());
  }

  @Test
  void build_pushesOneImageWithTheCommitAndLatestTags_andLogsItsCommands() {
    f.createPipeline();
    f.throughBuild();
    List<ImageDetail> images = f.sandbox.ecr().describeImages(b -> b.repositoryName("demo")).imageDetails();
    assertEquals(1, images.size());
    assertEquals(List.of(f.head().substring(0, 7), "latest"), images.get(0).imageTags());
    List<String> log = f.buildLog(f.latestBuild());
    assertTrue(log.stream().anyMatch(l -> l.contains("Running command docker build --platform linux/amd64")), () -> "" + log);
    assertTrue(log.contains("Login Succeeded"), () -> "" + log);
  }

  @Test
  void aBuildThatWritesImagedefinitionsJson_failsTheDeploy_catalogueRow1() {
    f.commit(Map.of("buildspec.yml", f.generatedFiles().get("buildspec.yml")
        .replace("{\\\"ImageURI\\\":\\\"%s\\\"}", "[{\\\"name\\\":\\\"demo\\\",\\\"imageUri\\\":\\\"%s\\\"}]")
        .replace("imageDetail.json", "imagedefinitions.json")), List.of());
    f.createPipeline();
    String id = f.latestExecutionId();
    f.throughBuild();
    f.advance(1);

    assertEquals("Failed", f.execution(id).statusAsString());
    var error = action("Deploy").latestExecution().errorDetails();
    assertEquals("JobFailed", error.code());
    assertTrue(error.message().contains("Exception while trying to read the image artifact file from the artifact:"
        + " BuildArtifact"), error.message());
    assertTrue(f.deployer.registrations.isEmpty());
  }

  @Test
  void aBuildWithoutArtifacts_failsTheDeploy_withMissingPermissionsToTheInputArtifact_catalogueRow2() {
    String buildspec = f.generatedFiles().get("buildspec.yml");
    f.commit(Map.of("buildspec.yml", buildspec.substring(0, buildspec.indexOf("artifacts:"))), List.of());
    f.createPipeline();
    String id = f.latestExecutionId();
    f.throughBuild();
    f.advance(1);

    assertEquals("SUCCEEDED", f.latestBuild().buildStatusAsString());
    assertEquals("Failed", f.execution(id).statusAsString());
    assertEquals("You are missing permissions to access input artifact: BuildArtifact.",
        action("Deploy").latestExecution().errorDetails().message());
  }

  @Test
  void anImageDetailWithAnUnqualifiedUri_reachesTheDeployerUnchanged_forEcsToFailLater_catalogueRow18() {
    // seed 000's first buildspec: name:tag instead of the registry URI
    String buildspec = f.generatedFiles().get("buildspec.yml").replace("' $REPOSITORY_URI:$IMAGE_TAG > imageDetail",
        "' $IMAGE_REPO_NAME:$IMAGE_TAG > imageDetail");
    f.commit(Map.of("buildspec.yml", buildspec), List.of());
    f.createPipeline();
    f.throughBuild();
    f.advance(1);

    String taskdef = f.deployer.registrations.get(0).taskdefJson();
    assertTrue(taskdef.contains("\"image\": \"demo:" + f.head().substring(0, 7) + "\""), taskdef);
  }

  @Test
  void aFailedDeployment_failsTheDeployAction_withTheDeploymentsError() {
    f.createPipeline();
    f.throughBuild();
    f.advance(1);
    f.deployer.finish("Failed", "The deployment timed out while waiting for the replacement task set to become"
        + " healthy. This time out period is 60 minutes.");
    f.advance(15);

    assertEquals("Failed", f.execution(f.latestExecutionId()).statusAsString());
    assertTrue(action("Deploy").latestExecution().errorDetails().message().contains("replacement task set"));
  }

  @Test
  void aDeploymentCodeDeployRejects_failsTheDeployAction_withItsMessage() {
    f.deployer.createDeploymentError = f.sandbox.account().error(
        software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException.builder(), Service.CODEDEPLOY,
        "DeploymentLimitExceededException", "The Deployment Group already has an active Deployment");
    f.createPipeline();
    f.throughBuild();
    f.advance(1);

    assertEquals("The Deployment Group already has an active Deployment",
        action("Deploy").latestExecution().errorDetails().message());
  }

  @Test
  void aMissingAppspec_failsTheDeploy_catalogueRow7() {
    f.commit(Map.of(), List.of("appspec.yaml"));
    f.createPipeline();
    f.throughBuild();
    f.advance(1);

    assertTrue(action("Deploy").latestExecution().errorDetails().message()
        .contains("An AppSpec file is required, but could not be found in the revision"));
  }

  @Test
  void sandboxReleaseJson_givesThePushedImageItsBehaviour() {
    f.commit(Map.of(BuildRun.RELEASE_FILE, "{\"behaviour\": \"UNHEALTHY\"}"), List.of());
    f.createPipeline();
    f.throughBuild();

    var pull = f.sandbox.ports.registry.pull(f.imageUri(f.head().substring(0, 7)), "X86_64", true);
    assertEquals(Ports.ImageBehaviour.UNHEALTHY, pull.behaviour());
  }

  @Test
  void listActionExecutions_showsEachActionWithItsArtifactsAndExternalIds() {
    f.createPipeline();
    f.throughBuild();
    f.advance(1);
    String id = f.latestExecutionId();
    List<ActionExecutionDetail> details = new java.util.ArrayList<>();
    f.sandbox.codePipeline().listActionExecutionsPaginator(b -> b.pipelineName(f.pipelineName())
        .filter(x -> x.pipelineExecutionId(id)).maxResults(1)).forEach(page -> details.addAll(
        page.actionExecutionDetails()));

    Map<String, String> statuses = new LinkedHashMap<>();
    details.forEach(d -> statuses.put(d.actionName(), d.statusAsString()));
    assertEquals(List.of("Deploy", "Build", "Source"), List.copyOf(statuses.keySet()));
    assertEquals(Map.of("Deploy", "InProgress", "Build", "Succeeded", "Source", "Succeeded"), statuses);
    ActionExecutionDetail build = details.get(1);
    assertEquals("SourceArtifact", build.input().inputArtifacts().get(0).name());
    assertEquals("demo-artifacts-123456789012", build.output().outputArtifacts().get(0).s3location().bucket());
    assertTrue(build.output().outputArtifacts().get(0).s3location().key().startsWith("demo-pipeline/BuildArtif/"));
    assertEquals(f.head(), details.get(2).output().outputVariables().get("CommitId"));
  }

  @Test
  void aNewCommit_isPolled_andStartsARunWithinAMinute() {
    var d = org.bgwizard.artifacts.PipelineStructure.declaration(f.spec, PipelineFixture.TARGET);
    ((com.fasterxml.jackson.databind.node.ObjectNode) d.path("stages").get(0).path("actions").get(0)
        .path("configuration")).put("PollForSourceChanges", "true");
    f.sandbox.codePipeline().createPipeline(b -> b.pipeline(PipelineDeclarations.from(d)));
    f.throughBuild();
    f.advance(1);
    String commit = f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());
    f.advance(60);

    var summaries = f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(f.pipelineName()))
        .pipelineExecutionSummaries();
    assertEquals(2, summaries.size());
    assertEquals("PollForSourceChanges", summaries.get(0).trigger().triggerTypeAsString());
    f.advance(5);
    var latest = f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(f.pipelineName()))
        .pipelineExecutionSummaries().get(0);
    assertEquals(commit, latest.sourceRevisions().get(0).revisionId());
    f.advance(600);
    assertEquals(2, f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(f.pipelineName()))
        .pipelineExecutionSummaries().size(), "no further runs without a further commit");
  }

  @Test
  void theApprovalStage_absentFromTheTutorial_isNotInTheState() {
    f.createPipeline();
    assertFalse(f.stageStatuses().containsKey("Approval"));
    assertNull(action("Source").latestExecution().token());
  }

  @Test
  void aMissingTaskdef_failsTheDeploy() {
    f.commit(Map.of(), List.of("taskdef.json"));
    f.createPipeline();
    f.throughBuild();
    f.advance(1);

    assertEquals("Exception while trying to read the task definition artifact file from: SourceArtifact.",
        action("Deploy").latestExecution().errorDetails().message());
  }

  @Test
  void aBuildProjectThatIsGone_failsTheBuildAction() {
    f.sandbox.codeBuild().deleteProject(b -> b.name("demo-build"));
    f.createPipeline();
    f.advance(5);

    String message = action("Build").latestExecution().errorDetails().message();
    assertTrue(message.startsWith("Error calling startBuild: Project cannot be found:"
        + " arn:aws:codebuild:us-east-1:123456789012:project/demo-build"), message);
    assertEquals("Failed", f.execution(f.latestExecutionId()).statusAsString());
  }

  @Test
  void withPollingOff_aNewCommitStartsNoRun() {
    var d = org.bgwizard.artifacts.PipelineStructure.declaration(f.spec, PipelineFixture.TARGET);
    ((com.fasterxml.jackson.databind.node.ObjectNode) d.path("stages").get(0).path("actions").get(0)
        .path("configuration")).put("PollForSourceChanges", "false");
    f.sandbox.codePipeline().createPipeline(b -> b.pipeline(PipelineDeclarations.from(d)));
    f.advance(10);
    f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());
    f.advance(600);

    assertEquals(1, f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(f.pipelineName()))
        .pipelineExecutionSummaries().size());
  }
}
