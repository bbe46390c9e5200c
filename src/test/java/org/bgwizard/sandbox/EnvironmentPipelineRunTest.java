package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bgwizard.artifacts.FileNames;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.artifacts.UnitTests;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.CreatePipelineRequest;

/**
 * An environment's pipeline as the app generates it, run by the sandbox: its Test stage runs the unit tests on the
 * shared test project before the image is built, and its deploy reads the environment's own taskdef-<env>.json.
 */
class EnvironmentPipelineRunTest {
  final SetupSpec setup = SpecDefaults.withEnvironments(SpecDefaults.tutorial("demo", PipelineFixture.REGION),
      List.of("dev", "qa", "prod"));
  final SetupSpec dev = Environments.expand(setup, "dev").orElseThrow().spec();
  final PipelineFixture f = new PipelineFixture(dev);

  private void devPipeline(UnaryOperator<String> page) {
    f.spec = setup; // the shared roles, from the whole setup
    f.roles(UnaryOperator.identity());
    f.spec = dev;
    f.propagate();
    f.sandbox.ecr().createRepository(b -> b.repositoryName(dev.repository().name()));
    f.sandbox.s3().createBucket(b -> b.bucket(f.arns().artifactBucket()));
    f.sandbox.codeCommit().createRepository(b -> b.repositoryName(dev.source().repository()));
    Map<String, String> files = new LinkedHashMap<>();
    for (RepoFile file : RepoFiles.generate(setup, PipelineFixture.TARGET)) {
      files.put(file.path(), file.path().equals(RepoFiles.INDEX_HTML) ? page.apply(file.content()) : file.content());
    }
    f.commit(files, List.of());
    f.sandbox.codeBuild().createProject(f.projectRequest().build());
    f.sandbox.codeBuild().createProject(f.projectRequest().name(UnitTests.projectName(setup))
        .source(s -> s.type("CODEPIPELINE").buildspec(FileNames.BUILDSPEC_TEST)).build());
    f.sandbox.codePipeline().createPipeline(CreatePipelineRequest.builder().pipeline(PipelineDeclarations.from(
        PipelineStructure.declaration(setup, "dev", PipelineFixture.TARGET, null))).build());
  }

  @Test
  void theStarterApp_passesItsTests_thenBuildsAndDeploysWithTheEnvironmentsTaskDefinition() {
    devPipeline(UnaryOperator.identity());
    f.advance(400);

    Map<String, String> stages = f.stageStatuses();
    assertEquals(List.of("Source", "Test", "Build", "Deploy"), List.copyOf(stages.keySet()));
    assertEquals("Succeeded", stages.get("Test"), stages::toString);
    assertEquals("Succeeded", stages.get("Build"), stages::toString);
    assertEquals("InProgress", stages.get("Deploy"), stages::toString);
    String taskdef = f.deployer.registrations.get(0).taskdefJson();
    assertTrue(taskdef.contains("\"family\": \"demo-task-dev\""), taskdef);
    assertTrue(taskdef.contains("/ecs/demo-dev"), taskdef);
  }

  @Test
  void aBrokenPage_failsTheTestStage_beforeAnyImageIsBuilt() {
    devPipeline(p -> p.replace("</html>", ""));
    f.advance(400);

    Map<String, String> stages = f.stageStatuses();
    assertEquals("Failed", stages.get("Test"), stages::toString);
    assertEquals("-", stages.get("Build"), stages::toString);
    assertEquals(List.of(), f.sandbox.codeBuild().listBuildsForProject(b -> b.projectName("demo-build")).ids());
  }
}
