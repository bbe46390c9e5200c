package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;

class PipelineStructureTest {

  private static JsonNode declaration(SetupSpec spec) {
    return PipelineStructure.declaration(spec, Specs.TARGET);
  }

  private static List<String> stageNames(JsonNode pipeline) {
    List<String> names = new ArrayList<>();
    pipeline.path("stages").forEach(s -> names.add(s.path("name").asText()));
    return names;
  }

  private static JsonNode action(JsonNode pipeline, String stage) {
    for (JsonNode s : pipeline.path("stages")) {
      if (s.path("name").asText().equals(stage)) {
        return s.path("actions").path(0);
      }
    }
    throw new AssertionError("no stage " + stage);
  }

  private static List<String> names(JsonNode artifacts) {
    List<String> names = new ArrayList<>();
    artifacts.forEach(a -> names.add(a.path("name").asText()));
    return names;
  }

  @Test
  void pipeline_v2_superseded_withRoleAndArtifactStore() {
    JsonNode p = declaration(Specs.tutorial());
    assertEquals("demo-pipeline", p.path("name").asText());
    assertEquals("arn:aws:iam::123456789012:role/demo-codepipeline", p.path("roleArn").asText());
    assertEquals("S3", p.path("artifactStore").path("type").asText());
    assertEquals("demo-artifacts-123456789012", p.path("artifactStore").path("location").asText());
    assertEquals("V2", p.path("pipelineType").asText());
    assertEquals("SUPERSEDED", p.path("executionMode").asText());
  }

  @Test
  void stages_sourceBuildDeploy_approvalOnlyWhenAsked() {
    assertEquals(List.of("Source", "Build", "Deploy"), stageNames(declaration(Specs.tutorial())));
    assertEquals(List.of("Source", "Build", "Approval", "Deploy"),
        stageNames(declaration(Specs.withApproval(Specs.tutorial(), null))));
  }

  @Test
  void source_codeCommit_zip_notPolled_anEventBridgeRuleStartsRuns() {
    JsonNode source = action(declaration(Specs.tutorial()), "Source");
    assertEquals("CodeCommit", source.path("actionTypeId").path("provider").asText());
    assertEquals("Source", source.path("actionTypeId").path("category").asText());
    JsonNode config = source.path("configuration");
    assertEquals("demo", config.path("RepositoryName").asText());
    assertEquals("main", config.path("BranchName").asText());
    assertEquals("false", config.path("PollForSourceChanges").asText());
    assertTrue(config.path("PollForSourceChanges").isTextual(), "configuration values are strings");
    assertEquals("CODE_ZIP", config.path("OutputArtifactFormat").asText());
    assertEquals(List.of("SourceArtifact"), names(source.path("outputArtifacts")));
  }

  @Test
  void source_s3_bucketAndKey_notPolled() {
    JsonNode source = action(declaration(Specs.withS3Source(Specs.tutorial())), "Source");
    assertEquals("S3", source.path("actionTypeId").path("provider").asText());
    assertEquals("demo-source", source.path("configuration").path("S3Bucket").asText());
    assertEquals("app/source.zip", source.path("configuration").path("S3ObjectKey").asText());
    assertEquals("false", source.path("configuration").path("PollForSourceChanges").asText(), "a rule starts runs");
  }

  @Test
  void source_gitHub_throughTheConnection() {
    String connection = "arn:aws:codeconnections:ap-northeast-1:123456789012:connection/abc";
    JsonNode source = action(declaration(Specs.withGitHubSource(Specs.tutorial(), connection)), "Source");
    assertEquals("CodeStarSourceConnection", source.path("actionTypeId").path("provider").asText());
    assertEquals(connection, source.path("configuration").path("ConnectionArn").asText());
    assertEquals("octo/demo", source.path("configuration").path("FullRepositoryId").asText());
    assertEquals("main", source.path("configuration").path("BranchName").asText());
  }

  @Test
  void build_codeBuildProject_sourceInBuildOut() {
    JsonNode build = action(declaration(Specs.tutorial()), "Build");
    assertEquals("CodeBuild", build.path("actionTypeId").path("provider").asText());
    assertEquals("demo-build", build.path("configuration").path("ProjectName").asText());
    assertEquals(List.of("SourceArtifact"), names(build.path("inputArtifacts")));
    assertEquals(List.of("BuildArtifact"), names(build.path("outputArtifacts")));
  }

  @Test
  void approval_manual_notifiesTheTopicWhenGiven() {
    String topic = "arn:aws:sns:ap-northeast-1:123456789012:approvals";
    JsonNode approval = action(declaration(Specs.withApproval(Specs.tutorial(), topic)), "Approval");
    assertEquals("Manual", approval.path("actionTypeId").path("provider").asText());
    assertEquals(topic, approval.path("configuration").path("NotificationArn").asText());
    assertTrue(action(declaration(Specs.withApproval(Specs.tutorial(), null)), "Approval").path("configuration").isMissingNode());
  }

  @Test
  void deploy_fileInRepo_templatesFromSource_imageFromBuild() {
    JsonNode deploy = action(declaration(Specs.tutorial()), "Deploy");
    assertEquals("CodeDeployToECS", deploy.path("actionTypeId").path("provider").asText());
    JsonNode config = deploy.path("configuration");
    assertEquals("AppECS-demo-cluster-demo-service", config.path("ApplicationName").asText());
    assertEquals("DgpECS-demo-cluster-demo-service", config.path("DeploymentGroupName").asText());
    assertEquals("SourceArtifact", config.path("TaskDefinitionTemplateArtifact").asText());
    assertEquals("SourceArtifact", config.path("AppSpecTemplateArtifact").asText());
    assertEquals(List.of("SourceArtifact", "BuildArtifact"), names(deploy.path("inputArtifacts")));
  }

  @Test
  void deploy_generatedInBuild_everythingFromTheBuild() {
    JsonNode deploy = action(declaration(Specs.variant()), "Deploy");
    assertEquals("BuildArtifact", deploy.path("configuration").path("TaskDefinitionTemplateArtifact").asText());
    assertEquals("BuildArtifact", deploy.path("configuration").path("AppSpecTemplateArtifact").asText());
    assertEquals(List.of("BuildArtifact"), names(deploy.path("inputArtifacts")));
  }

  @Test
  void names_matchTheCodePipelinePatterns() {
    JsonNode p = declaration(Specs.withApproval(Specs.variant(), null));
    assertTrue(p.path("name").asText().matches("[A-Za-z0-9.@\\-_]{1,100}"));
    for (JsonNode stage : p.path("stages")) {
      assertTrue(stage.path("name").asText().matches("[A-Za-z0-9.@\\-_]{1,100}"));
      for (JsonNode action : stage.path("actions")) {
        assertTrue(action.path("name").asText().matches("[A-Za-z0-9.@\\-_]{1,100}"));
        action.path("configuration").fields().forEachRemaining(e -> assertTrue(e.getValue().isTextual(), e.getKey()));
      }
    }
  }

  @Test
  void cliInputJson_wrapsTheDeclarationInPipeline() {
    JsonNode input = Json.read(PipelineStructure.cliInputJson(Specs.tutorial(), Specs.TARGET));
    assertEquals(declaration(Specs.tutorial()), input.path("pipeline"));
    assertEquals(1, input.size());
  }
}
