package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contracts between the generated files, checked on the parsed outputs (catalogue rows 1, 4–7, 21). */
class ContractTest {

  static Stream<Arguments> setups() {
    return Stream.of(
        Arguments.of("tutorial", Specs.tutorial()),
        Arguments.of("variant", Specs.variant()),
        Arguments.of("port 8080, container web",
            Specs.withContainer(Specs.tutorial(), "web", 8080, "/health", Map.of("MODE", "production"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void containerNameAndPort_sameInAppspecTaskdefAndSpec(String label, SetupSpec spec) {
    JsonNode appspec = Yaml.read(Appspec.yaml(spec));
    JsonNode lb = appspec.path("Resources").path(0).path("TargetService").path("Properties").path("LoadBalancerInfo");
    JsonNode container = Json.read(TaskDefinitions.taskdefJson(spec, Specs.TARGET)).path("containerDefinitions").path(0);

    assertEquals(spec.container().name(), lb.path("ContainerName").asText());
    assertEquals(spec.container().name(), container.path("name").asText());
    assertEquals(spec.container().port(), lb.path("ContainerPort").asInt());
    assertTrue(lb.path("ContainerPort").isInt(), "ContainerPort must be a number");
    assertEquals(spec.container().port(), container.path("portMappings").path(0).path("containerPort").asInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void placeholders_presentWhereThePipelineReplacesThem(String label, SetupSpec spec) {
    JsonNode appspec = Yaml.read(Appspec.yaml(spec));
    assertEquals("<TASK_DEFINITION>",
        appspec.path("Resources").path(0).path("TargetService").path("Properties").path("TaskDefinition").asText());
    assertEquals("AWS::ECS::Service", appspec.path("Resources").path(0).path("TargetService").path("Type").asText());
    assertEquals("0.0", appspec.path("version").asText());
    JsonNode taskdef = Json.read(TaskDefinitions.taskdefJson(spec, Specs.TARGET));
    assertEquals("<IMAGE1_NAME>", taskdef.path("containerDefinitions").path(0).path("image").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void deployAction_readsTheFilesTheRepoAndBuildProvide(String label, SetupSpec spec) {
    JsonNode deploy = PipelineStructure.declaration(spec, Specs.TARGET).path("stages").path(2).path("actions").path(0);
    JsonNode config = deploy.path("configuration");
    assertEquals(FileNames.TASKDEF, config.path("TaskDefinitionTemplatePath").asText());
    assertEquals(FileNames.APPSPEC, config.path("AppSpecTemplatePath").asText());
    assertEquals("BuildArtifact", config.path("Image1ArtifactName").asText());
    assertEquals("IMAGE1_NAME", config.path("Image1ContainerName").asText());

    boolean generated = Buildspec.generatesTaskdef(spec);
    var repoPaths = RepoFiles.generate(spec, Specs.TARGET).stream().map(RepoFile::path).toList();
    var buildFiles = Buildspec.artifactFiles(spec);
    for (String key : new String[] {"TaskDefinitionTemplate", "AppSpecTemplate"}) {
      String artifact = config.path(key + "Artifact").asText();
      String path = config.path(key + "Path").asText();
      if (artifact.equals("SourceArtifact")) {
        assertTrue(repoPaths.contains(path), path + " must be in the repository");
      } else {
        assertTrue(buildFiles.contains(path), path + " must be a build artifact");
      }
      assertEquals(generated ? "BuildArtifact" : "SourceArtifact", artifact);
    }
    assertTrue(buildFiles.contains(FileNames.IMAGE_DETAIL));
  }

  private static final Pattern SECRET_LIKE = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|AKIA[0-9A-Z]{16}|dckr_pat_|ghp_",
      Pattern.CASE_INSENSITIVE);

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void noLiteralSecret_inAnyGeneratedFile(String label, SetupSpec spec) {
    for (RepoFile file : ExportFiles.generate(spec, Specs.TARGET)) {
      assertFalse(SECRET_LIKE.matcher(file.content()).find(), file.path());
      assertFalse(file.content().contains("DOCKER_TOKEN:"), file.path());
      assertFalse(file.content().toLowerCase().contains("password:"), file.path());
    }
  }
}
