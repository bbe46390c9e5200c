package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;

/** Each environment's pipeline, the shared repository's files and the build's per-environment values. */
class EnvironmentPipelinesTest {
  static final SetupSpec THREE = SpecDefaults.withEnvironments(Specs.tutorial(), List.of("dev", "qa", "prod"));

  private static JsonNode pipeline(SetupSpec setup, String env) {
    return PipelineStructure.declaration(setup, env, Specs.TARGET, null);
  }

  private static JsonNode stage(JsonNode pipeline, String name) {
    for (JsonNode s : pipeline.path("stages")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + name + " in " + pipeline);
  }

  private static List<String> list(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void everyEnvironment_sourceTestBuildDeploy_onItsOwnBranch_andNames() {
    for (String env : List.of("dev", "qa", "prod")) {
      JsonNode p = pipeline(THREE, env);
      assertEquals("demo-pipeline-" + env, p.path("name").asText());
      assertEquals(List.of("Source", "Test", "Build", "Deploy"), list(p.path("stages"), "name"));
      JsonNode source = stage(p, "Source").path("actions").path(0);
      assertEquals(env.equals("dev") ? "main" : env, source.path("configuration").path("BranchName").asText());
      assertEquals("SourceVariables", source.path("namespace").asText());
      JsonNode test = stage(p, "Test").path("actions").path(0);
      assertEquals("CodeBuild", test.path("actionTypeId").path("provider").asText());
      assertEquals("demo-test", test.path("configuration").path("ProjectName").asText());
      assertEquals(List.of("SourceArtifact"), list(test.path("inputArtifacts"), "name"));
      assertEquals(List.of(), list(test.path("outputArtifacts"), "name"));
      JsonNode deploy = stage(p, "Deploy").path("actions").path(0).path("configuration");
      assertEquals("DgpECS-demo-cluster-demo-service-" + env, deploy.path("DeploymentGroupName").asText());
      assertEquals("taskdef-" + env + ".json", deploy.path("TaskDefinitionTemplatePath").asText());
    }
  }

  @Test
  void theBuild_getsTheEnvironmentsRepository_asActionEnvironmentVariables() {
    JsonNode build = stage(pipeline(THREE, "qa"), "Build").path("actions").path(0);
    assertEquals("demo-build", build.path("configuration").path("ProjectName").asText());
    assertEquals("[{\"name\":\"IMAGE_REPO_NAME\",\"value\":\"demo-qa\",\"type\":\"PLAINTEXT\"}]",
        build.path("configuration").path("EnvironmentVariables").asText());
    assertFalse(Buildspec.projectEnvironment(THREE, Specs.TARGET).containsKey("IMAGE_REPO_NAME"),
        "the shared project names no environment's repository");

    SetupSpec generated = Specs.withMode(THREE, TaskDefinitionMode.GENERATED_IN_BUILD);
    JsonNode genBuild = stage(pipeline(generated, "prod"), "Build").path("actions").path(1);
    assertEquals("[{\"name\":\"IMAGE_REPO_NAME\",\"value\":\"demo-prod\",\"type\":\"PLAINTEXT\"},"
        + "{\"name\":\"TASK_FAMILY\",\"value\":\"demo-task-prod\",\"type\":\"PLAINTEXT\"}]",
        genBuild.path("configuration").path("EnvironmentVariables").asText());
    assertTrue(Buildspec.yaml(generated).contains("aws ecs describe-task-definition --task-definition $TASK_FAMILY "),
        "one buildspec for every branch");
    assertEquals("taskdef.json", stage(pipeline(generated, "prod"), "Deploy").path("actions").path(0)
        .path("configuration").path("TaskDefinitionTemplatePath").asText(), "the build writes taskdef.json");
  }

  @Test
  void aGatedEnvironment_approvesFirst_thenBuilds_notifyingTheTopic_namingTheCommitAndThePreviousEnvironment() {
    JsonNode build = stage(pipeline(THREE, "prod"), "Build").path("actions");
    assertEquals(List.of("Approve", "Build"), list(build, "name"));
    assertEquals(List.of("1", "2"), list(build, "runOrder"));
    JsonNode approve = build.path(0);
    assertEquals("Manual", approve.path("actionTypeId").path("provider").asText());
    assertEquals("arn:aws:sns:ap-northeast-1:123456789012:demo-approvals",
        approve.path("configuration").path("NotificationArn").asText());
    assertEquals("Build and deploy commit #{SourceVariables.CommitId} to prod? It passed qa: try it there first, on"
        + " the test listener of load balancer demo-alb-qa, port 8080.",
        approve.path("configuration").path("CustomData").asText());
    assertFalse(approve.path("configuration").has("ExternalEntityLink"));
    assertEquals(1, stage(pipeline(THREE, "dev"), "Build").path("actions").size(), "dev and qa are not gated");

    JsonNode linked = stage(PipelineStructure.declaration(THREE, "prod", Specs.TARGET, "http://qa.example:8080/"),
        "Build").path("actions").path(0).path("configuration");
    assertEquals("http://qa.example:8080/", linked.path("ExternalEntityLink").asText());
    assertTrue(linked.path("CustomData").asText().endsWith("on http://qa.example:8080/."));
    assertTrue(linked.path("CustomData").asText().length() <= 500);
  }

  @Test
  void anS3Source_namesTheObjectVersion_andAnExistingTopicIsUsedAsItIs() {
    SetupSpec s3 = SpecDefaults.withEnvironments(Specs.withS3Source(Specs.tutorial()), List.of("dev", "prod"));
    var envs = s3.environments();
    String topic = "arn:aws:sns:ap-northeast-1:123456789012:team-approvals";
    s3 = s3.withEnvironments(new Environments(envs.list(), true, new Environments.ApprovalTopic(null, topic, null)));
    JsonNode p = pipeline(s3, "prod");
    assertEquals("prod/app/source.zip",
        stage(p, "Source").path("actions").path(0).path("configuration").path("S3ObjectKey").asText());
    JsonNode approve = stage(p, "Build").path("actions").path(0).path("configuration");
    assertEquals(topic, approve.path("NotificationArn").asText());
    assertTrue(approve.path("CustomData").asText().startsWith(
        "Build and deploy version #{SourceVariables.VersionId} of s3://demo-source/prod/app/source.zip to prod?"),
        approve.path("CustomData").asText());
    assertTrue(approve.path("CustomData").asText().contains("load balancer demo-alb, port 8080"), "shared: dev's port");
  }

  @Test
  void anUnknownEnvironment_isRefused_namingTheEnvironments() {
    var e = assertThrows(IllegalArgumentException.class, () -> pipeline(THREE, "staging"));
    assertEquals("No environment 'staging' in setup demo; it has dev, qa, prod", e.getMessage());
  }

  @Test
  void theRepository_holdsEveryEnvironmentsTaskDefinition_andTheUnitTests_sameOnEveryBranch() {
    List<String> paths = RepoFiles.generate(THREE, Specs.TARGET).stream().map(RepoFile::path).toList();
    assertEquals(List.of("buildspec.yml", "appspec.yaml", "taskdef-dev.json", "taskdef-qa.json", "taskdef-prod.json",
        "Dockerfile", "html/index.html", "buildspec-test.yml", "tests/page-test.sh"), paths);
    String prod = RepoFiles.generate(THREE, Specs.TARGET).get(4).content();
    JsonNode taskdef = Json.read(prod);
    assertEquals("demo-task-prod", taskdef.path("family").asText());
    assertEquals("/ecs/demo-prod", taskdef.path("containerDefinitions").path(0).path("logConfiguration")
        .path("options").path("awslogs-group").asText());
  }

  @Test
  void eachEnvironment_hasItsOwnRule_andTheSharedEventsRoleStartsEveryPipeline() {
    List<String> rules = Environments.expand(THREE).stream().map(e -> ChangeDetection.ruleName(e.spec())).toList();
    assertEquals(List.of("demo-dev-source-change", "demo-qa-source-change", "demo-prod-source-change"), rules);
    assertEquals("demo-source-change", ChangeDetection.ruleName(Specs.tutorial()));
    JsonNode permissions = ChangeDetection.permissions(THREE, Specs.TARGET);
    assertEquals(List.of("arn:aws:codepipeline:ap-northeast-1:123456789012:demo-pipeline-dev",
        "arn:aws:codepipeline:ap-northeast-1:123456789012:demo-pipeline-qa",
        "arn:aws:codepipeline:ap-northeast-1:123456789012:demo-pipeline-prod"), texts(
        permissions.path("Statement").path(0).path("Resource")));
  }
}
