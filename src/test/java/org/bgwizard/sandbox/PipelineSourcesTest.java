package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Pipelines whose source is an S3 object or a GitHub connection instead of CodeCommit. */
class PipelineSourcesTest {
  private static PipelineFixture fixture(Source source) {
    SetupSpec spec = SpecDefaults.tutorial("demo", PipelineFixture.REGION);
    return new PipelineFixture(spec.withSource(source));
  }

  @Test
  void anS3Source_isCopiedIntoTheArtifactStore_andBuilt() {
    PipelineFixture f = fixture(new Source(Source.Provider.S3, null, null, false, false, "demo-source-123456789012",
        "app.zip", null, null));
    f.roles(java.util.function.UnaryOperator.identity());
    f.propagate();
    f.sandbox.ecr().createRepository(r -> r.repositoryName("demo"));
    f.sandbox.s3().createBucket(r -> r.bucket(f.arns().artifactBucket()));
    f.sandbox.s3().createBucket(r -> r.bucket("demo-source-123456789012"));
    Map<String, String> files = new PipelineFixture().generatedFiles();
    f.sandbox.s3().putObject(r -> r.bucket("demo-source-123456789012").key("app.zip"),
        RequestBody.fromBytes(ArtifactZip.zip(files)));
    f.sandbox.codeBuild().createProject(f.projectRequest().build());
    f.createPipeline();
    f.throughBuild();

    assertEquals(Map.of("Source", "Succeeded", "Build", "Succeeded", "Deploy", "InProgress"), f.stageStatuses());
    String revision = f.execution(f.latestExecutionId()).artifactRevisions().get(0).revisionId();
    assertEquals(revision, f.latestBuild().resolvedSourceVersion(), "the build sees the source revision");
  }

  @Test
  void aMissingS3SourceObject_failsTheSourceAction() {
    PipelineFixture f = fixture(new Source(Source.Provider.S3, null, null, false, false, "demo-source-123456789012",
        "app.zip", null, null));
    f.roles(java.util.function.UnaryOperator.identity());
    f.propagate();
    f.sandbox.s3().createBucket(r -> r.bucket(f.arns().artifactBucket()));
    f.createPipeline();
    f.advance(5);

    assertTrue(f.stage("Source").actionStates().get(0).latestExecution().errorDetails().message()
        .contains("The object with key 'app.zip' does not exist"));
  }

  @Test
  void aGitHubConnection_isNotSimulated_andSaysSo() {
    PipelineFixture f = fixture(new Source(Source.Provider.GITHUB, null, "main", false, false, null, null,
        "arn:aws:codeconnections:us-east-1:123456789012:connection/1a2b3c4d-0000-4000-a000-000000000000",
        "learner/demo"));
    f.roles(java.util.function.UnaryOperator.identity());
    f.propagate();
    f.sandbox.s3().createBucket(r -> r.bucket(f.arns().artifactBucket()));
    f.createPipeline();
    f.advance(5);

    assertTrue(f.stage("Source").actionStates().get(0).latestExecution().errorDetails().message()
        .contains("does not simulate connections"));
  }
}
