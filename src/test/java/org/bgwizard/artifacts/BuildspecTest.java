package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parses buildspec.yml back and checks what the pipeline and the seeds' errors depend on. */
class BuildspecTest {

  private static JsonNode parsed(SetupSpec spec) {
    return Yaml.read(Buildspec.yaml(spec));
  }

  private static List<String> commands(JsonNode buildspec, String phase) {
    List<String> commands = new ArrayList<>();
    buildspec.path("phases").path(phase).path("commands").forEach(c -> commands.add(c.asText()));
    return commands;
  }

  private static List<String> allCommands(JsonNode buildspec) {
    List<String> all = new ArrayList<>();
    for (String phase : List.of("install", "pre_build", "build", "post_build")) {
      all.addAll(commands(buildspec, phase));
    }
    return all;
  }

  private static List<String> artifactFiles(JsonNode buildspec) {
    List<String> files = new ArrayList<>();
    buildspec.path("artifacts").path("files").forEach(f -> files.add(f.asText()));
    return files;
  }

  @Test
  void yaml_roundTrips_toTheDocument() {
    assertEquals(Buildspec.document(Specs.variant()), parsed(Specs.variant()));
    assertEquals(Buildspec.document(Specs.tutorial()), parsed(Specs.tutorial()));
  }

  @Test
  void version_is02_withoutDocumentStartMarker() {
    String yaml = Buildspec.yaml(Specs.tutorial());
    assertTrue(yaml.startsWith("version: 0.2\n"), yaml);
  }

  @Test
  void artifacts_fileInRepo_listOnlyImageDetail() {
    assertEquals(List.of("imageDetail.json"), artifactFiles(parsed(Specs.tutorial())));
  }

  @Test
  void artifacts_generatedInBuild_listTaskdefAppspecAndImageDetail() {
    assertEquals(List.of("taskdef.json", "appspec.yaml", "imageDetail.json"), artifactFiles(parsed(Specs.variant())));
  }

  @Test
  void neverMentionsImagedefinitions() {
    assertFalse(Buildspec.yaml(Specs.tutorial()).toLowerCase().contains("imagedefinitions"));
    assertFalse(Buildspec.yaml(Specs.variant()).toLowerCase().contains("imagedefinitions"));
  }

  @Test
  void imageDetail_isWrittenWithTheFullRegistryUri() {
    JsonNode buildspec = parsed(Specs.tutorial());
    String repositoryUri = commands(buildspec, "pre_build").stream()
        .filter(c -> c.startsWith("REPOSITORY_URI=")).findFirst().orElseThrow();
    assertEquals("REPOSITORY_URI=$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME",
        repositoryUri);
    assertTrue(commands(buildspec, "post_build")
        .contains("printf '{\"ImageURI\":\"%s\"}' $REPOSITORY_URI:$IMAGE_TAG > imageDetail.json"));
  }

  @Test
  void china_registryUsesTheCnSuffix() {
    JsonNode buildspec = parsed(SpecDefaults.tutorial("demo", "cn-north-1"));
    assertTrue(commands(buildspec, "pre_build").contains(
        "REPOSITORY_URI=$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com.cn/$IMAGE_REPO_NAME"));
  }

  @Test
  void ecrLogin_pipesThePasswordToTheRegistry() {
    assertTrue(commands(parsed(Specs.tutorial()), "pre_build").contains(
        "aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin"
            + " $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com"));
  }

  @Test
  void imageTag_isTheShortCommitId_withLatestAsFallback() {
    List<String> pre = commands(parsed(Specs.tutorial()), "pre_build");
    assertTrue(pre.contains("COMMIT_HASH=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)"));
    assertTrue(pre.contains("IMAGE_TAG=${COMMIT_HASH:=latest}"));
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void dockerBuild_platformMatchesTheTaskArchitecture(Architecture architecture) {
    JsonNode buildspec = parsed(Specs.withArchitecture(Specs.tutorial(), architecture));
    assertTrue(commands(buildspec, "build").contains(
        "docker build --platform " + architecture.dockerPlatform() + " -t $REPOSITORY_URI:$IMAGE_TAG ."));
  }

  @Test
  void pushes_commitTagAndLatest() {
    JsonNode buildspec = parsed(Specs.tutorial());
    assertTrue(commands(buildspec, "build").contains("docker tag $REPOSITORY_URI:$IMAGE_TAG $REPOSITORY_URI:latest"));
    List<String> post = commands(buildspec, "post_build");
    assertTrue(post.indexOf("docker push $REPOSITORY_URI:$IMAGE_TAG") < post.indexOf("docker push $REPOSITORY_URI:latest"));
    assertTrue(post.indexOf("docker push $REPOSITORY_URI:latest")
        < post.indexOf(post.stream().filter(c -> c.contains("imageDetail.json")).findFirst().orElseThrow()));
  }

  @Test
  void noDockerHubSecret_noEnvAndNoDockerHubLogin() {
    JsonNode buildspec = parsed(Specs.tutorial());
    assertTrue(buildspec.path("env").isMissingNode());
    assertTrue(allCommands(buildspec).stream().noneMatch(c -> c.contains("DOCKERHUB")));
  }

  @Test
  void dockerHubSecret_isReadFromSecretsManager_andPipedToLogin() {
    JsonNode buildspec = parsed(Specs.variant());
    JsonNode env = buildspec.path("env");
    assertEquals(List.of("secrets-manager"), fieldNames(env));
    assertEquals(Specs.DOCKER_HUB_SECRET + ":username", env.path("secrets-manager").path("DOCKERHUB_USERNAME").asText());
    assertEquals(Specs.DOCKER_HUB_SECRET + ":token", env.path("secrets-manager").path("DOCKERHUB_TOKEN").asText());
    assertTrue(commands(buildspec, "pre_build").contains(
        "printf '%s' \"$DOCKERHUB_TOKEN\" | docker login --username \"$DOCKERHUB_USERNAME\" --password-stdin"));
  }

  @Test
  void dockerHubToken_neverOnACommandLine() {
    for (String command : allCommands(parsed(Specs.variant()))) {
      assertFalse(command.matches(".*(-p|--password)\\s.*"), command);
      if (command.contains("$DOCKERHUB_TOKEN")) {
        assertTrue(command.endsWith("--password-stdin"), command);
      }
    }
  }

  @Test
  void generatedInBuild_writesTaskdefFromTheLiveTaskDefinition() {
    List<String> post = commands(parsed(Specs.variant()), "post_build");
    assertTrue(post.contains("aws ecs describe-task-definition --task-definition demo-task > live-taskdef.json"));
    String jq = post.stream().filter(c -> c.startsWith("jq ")).findFirst().orElseThrow();
    for (String field : List.of(".taskDefinitionArn", ".revision", ".status", ".requiresAttributes",
        ".compatibilities", ".registeredAt", ".registeredBy")) {
      assertTrue(jq.contains(field), field);
    }
    // the placeholder comes back so the deploy action fills in the image from imageDetail.json
    assertTrue(jq.contains("--arg name demo --arg image '<IMAGE1_NAME>'"), jq);
    assertTrue(jq.contains("(.containerDefinitions[] | select(.name == $name) | .image) = $image"));
    assertTrue(jq.endsWith("live-taskdef.json > taskdef.json"));
  }

  @Test
  void fileInRepo_doesNotDescribeTheTaskDefinition() {
    SetupSpec spec = Specs.withMode(Specs.variant(), TaskDefinitionMode.FILE_IN_REPO);
    assertTrue(allCommands(parsed(spec)).stream().noneMatch(c -> c.contains("describe-task-definition")));
  }

  @Test
  void projectEnvironment_givesTheVariablesTheBuildspecReads() {
    Map<String, String> env = Buildspec.projectEnvironment(Specs.tutorial(), Specs.TARGET);
    assertEquals(Map.of("AWS_DEFAULT_REGION", "ap-northeast-1", "AWS_ACCOUNT_ID", "123456789012",
        "IMAGE_REPO_NAME", "demo", "IMAGE_TAG", "latest"), env);
    String yaml = Buildspec.yaml(Specs.tutorial());
    env.keySet().forEach(name -> assertTrue(yaml.contains("$" + name), name));
  }

  @Test
  void buildspec_holdsNoAccountSpecificValue() {
    assertFalse(Buildspec.yaml(Specs.tutorial()).contains(Specs.TARGET.accountId()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
