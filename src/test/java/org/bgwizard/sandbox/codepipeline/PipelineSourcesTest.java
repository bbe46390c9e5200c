package org.bgwizard.sandbox.codepipeline;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.sandbox.BasicServiceAssertions;
import org.bgwizard.sandbox.PipelineDeclarations;
import org.bgwizard.sandbox.PipelineFixture;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ArtifactZip;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeconnections.model.Connection;
import software.amazon.awssdk.services.codeconnections.model.ResourceNotFoundException;

/** Pipelines whose source is an S3 object or a repository reached through a CodeConnections connection. */
class PipelineSourcesTest {
  private static final String SOURCE_BUCKET = "demo-source-123456789012";

  private static PipelineFixture fixture(Source source) {
    SetupSpec spec = SpecDefaults.tutorial("demo", PipelineFixture.REGION);
    return new PipelineFixture(spec.withSource(source));
  }

  private static PipelineFixture s3Pipeline(boolean versioned) {
    PipelineFixture f = fixture(Source.s3(SOURCE_BUCKET, "app.zip", false));
    f.roles(UnaryOperator.identity());
    f.propagate();
    f.sandbox.ecr().createRepository(r -> r.repositoryName("demo"));
    f.sandbox.s3().createBucket(r -> r.bucket(f.arns().artifactBucket()));
    f.sandbox.s3().createBucket(r -> r.bucket(SOURCE_BUCKET));
    if (versioned) {
      f.sandbox.s3().putBucketVersioning(r -> r.bucket(SOURCE_BUCKET).versioningConfiguration(v -> v.status("Enabled")));
    }
    upload(f, new PipelineFixture().generatedFiles());
    f.sandbox.codeBuild().createProject(f.projectRequest().build());
    // polled, as pipelines made before event-based change detection are (the setup's own has a rule instead)
    ObjectNode declaration = PipelineStructure.declaration(f.spec, PipelineFixture.TARGET);
    ((ObjectNode) declaration.path("stages").get(0).path("actions").get(0).path("configuration"))
        .put("PollForSourceChanges", "true");
    f.sandbox.codePipeline().createPipeline(r -> r.pipeline(PipelineDeclarations.from(declaration)));
    return f;
  }

  private static String upload(PipelineFixture f, Map<String, String> files) {
    return f.sandbox.s3().putObject(r -> r.bucket(SOURCE_BUCKET).key("app.zip"),
        RequestBody.fromBytes(ArtifactZip.zip(files))).versionId();
  }

  @Test
  void anS3Source_isCopiedIntoTheArtifactStore_andBuilt_atTheObjectsVersion() {
    PipelineFixture f = s3Pipeline(true);
    f.throughBuild();

    assertEquals(Map.of("Source", "Succeeded", "Build", "Succeeded", "Deploy", "InProgress"), f.stageStatuses());
    String revision = f.execution(f.latestExecutionId()).artifactRevisions().get(0).revisionId();
    assertEquals(f.sandbox.s3().headObject(r -> r.bucket(SOURCE_BUCKET).key("app.zip")).versionId(), revision);
    assertEquals(revision, f.latestBuild().resolvedSourceVersion(), "the build sees the source revision");
  }

  @Test
  void anS3Source_aNewUpload_startsARun_withThatVersion() {
    PipelineFixture f = s3Pipeline(true);
    f.throughBuild();
    String first = f.latestExecutionId();

    String version = upload(f, Map.of("buildspec.yml", "version: 0.2\n"));
    f.advance(PipelinePolling.POLL_INTERVAL.toSeconds());

    String second = f.latestExecutionId();
    assertTrue(!second.equals(first), "a new run");
    assertEquals("PollForSourceChanges", f.execution(second).trigger().triggerTypeAsString());
    f.advance(f.sandbox.account().settings().sourceSeconds);
    assertEquals(version, f.execution(second).artifactRevisions().get(0).revisionId());
  }

  @Test
  void anS3SourceInAnUnversionedBucket_failsTheSourceAction() {
    PipelineFixture f = s3Pipeline(false);
    f.advance(5);

    assertTrue(f.stage("Source").actionStates().get(0).latestExecution().errorDetails().message()
        .contains("is not versioned"));
  }

  @Test
  void aMissingS3SourceObject_failsTheSourceAction() {
    PipelineFixture f = fixture(Source.s3(SOURCE_BUCKET, "app.zip", false));
    f.roles(UnaryOperator.identity());
    f.propagate();
    f.sandbox.s3().createBucket(r -> r.bucket(f.arns().artifactBucket()));
    f.createPipeline();
    f.advance(5);

    assertTrue(f.stage("Source").actionStates().get(0).latestExecution().errorDetails().message()
        .contains("The object with key 'app.zip' does not exist"));
  }

  // ---- CodeConnections

  private static PipelineFixture connectionPipeline(boolean handshake, UnaryOperator<String> permissions) {
    var clock = ManualClock.startingAt("2026-01-05T09:00:00Z");
    Sandbox sandbox = Sandbox.inMemory(PipelineFixture.REGION, clock);
    String arn = sandbox.codeConnections().createConnection(r -> r.connectionName("demo-github")
        .providerType("GitHub")).connectionArn();
    if (handshake) {
      assertEquals(List.of(arn), sandbox.completeConnectionHandshakes());
    }
    SetupSpec spec = SpecDefaults.tutorial("demo", PipelineFixture.REGION)
        .withSource(Source.connection("GitHub", "demo-github", arn, "learner/demo", "main"));
    PipelineFixture f = new PipelineFixture(spec, sandbox, clock);
    f.roles(permissions);
    f.propagate();
    sandbox.ecr().createRepository(r -> r.repositoryName("demo"));
    sandbox.s3().createBucket(r -> r.bucket(f.arns().artifactBucket()));
    sandbox.pushToProvider("learner/demo", "main", new PipelineFixture().generatedFiles(), "first");
    sandbox.codeBuild().createProject(f.projectRequest().build());
    f.createPipeline();
    return f;
  }

  private static String sourceError(PipelineFixture f) {
    return f.stage("Source").actionStates().get(0).latestExecution().errorDetails().message();
  }

  @Test
  void createConnection_isPending_untilTheConsoleHandshake_thenAvailable() {
    Sandbox sandbox = Sandbox.inMemory(PipelineFixture.REGION, ManualClock.startingAt("2026-01-05T09:00:00Z"));
    var cc = sandbox.codeConnections();
    String arn = cc.createConnection(r -> r.connectionName("demo-github").providerType("GitHub")
        .tags(t -> t.key("bgwizard:setup").value("demo"))).connectionArn();

    assertTrue(arn.startsWith("arn:aws:codeconnections:us-east-1:123456789012:connection/"), arn);
    Connection pending = cc.getConnection(r -> r.connectionArn(arn)).connection();
    assertEquals("PENDING", pending.connectionStatusAsString());
    assertEquals("GitHub", pending.providerTypeAsString());
    assertEquals("demo-github", cc.listConnections(r -> r.providerTypeFilter("GitHub")).connections().get(0)
        .connectionName());
    assertTrue(cc.listConnections(r -> r.providerTypeFilter("GitLab")).connections().isEmpty());
    assertEquals("demo", cc.listTagsForResource(r -> r.resourceArn(arn)).tags().get(0).value());

    sandbox.completeConnectionHandshakes();
    assertEquals("AVAILABLE", cc.getConnection(r -> r.connectionArn(arn)).connection().connectionStatusAsString());
    cc.deleteConnection(r -> r.connectionArn(arn));
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException", "not found",
        () -> cc.getConnection(r -> r.connectionArn(arn)));
  }

  @Test
  void aConnectionStillPending_failsTheSourceAction_sayingItIsNotAvailable() {
    PipelineFixture f = connectionPipeline(false, UnaryOperator.identity());
    f.advance(5);

    assertTrue(sourceError(f).contains("Connection is not available"), sourceError(f));
    assertTrue(sourceError(f).contains("PENDING"), sourceError(f));
  }

  @Test
  void aPipelineRoleWithoutUseConnection_failsTheSourceAction() {
    PipelineFixture f = connectionPipeline(true, doc -> doc.replace("codeconnections:UseConnection", "codeconnections:GetConnection")
        .replace("codestar-connections:UseConnection", "codestar-connections:GetConnection"));
    f.advance(5);

    assertTrue(sourceError(f).contains("Unable to use Connection"), sourceError(f));
  }

  @Test
  void anAvailableConnection_buildsTheBranchHead_andAPushStartsANewRun() {
    PipelineFixture f = connectionPipeline(true, UnaryOperator.identity());
    f.throughBuild();
    assertEquals(Map.of("Source", "Succeeded", "Build", "Succeeded", "Deploy", "InProgress"), f.stageStatuses());
    String first = f.latestExecutionId();

    Map<String, String> files = new java.util.LinkedHashMap<>(new PipelineFixture().generatedFiles());
    files.put("app/index.html", "<h1>green</h1>\n");
    String commit = f.sandbox.pushToProvider("learner/demo", "main", files, "green");
    f.advance(PipelinePolling.POLL_INTERVAL.toSeconds());
    f.advance(f.sandbox.account().settings().sourceSeconds);

    String second = f.latestExecutionId();
    assertTrue(!second.equals(first), "a new run");
    assertEquals(commit, f.execution(second).artifactRevisions().get(0).revisionId());
  }
}
