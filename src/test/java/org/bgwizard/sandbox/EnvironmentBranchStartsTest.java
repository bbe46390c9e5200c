package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.sandbox.core.ArtifactZip;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.Source;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Each environment's pipeline has its own EventBridge rule on its own branch (issue 15): a push to one branch starts
 * only that branch's pipeline, a fast-forward merge (promotion) starts the destination's ("CodeCommit source actions
 * and EventBridge", CodePipeline User Guide; MergeBranchesByFastForward, CodeCommit API Reference), and an S3
 * CopyObject to the other environment's key starts that one ("Object Created", reason CopyObject).
 */
class EnvironmentBranchStartsTest {
  static final String EVENTS_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
      + "{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  final PipelineFixture f = new PipelineFixture().base();
  String eventsRole;

  private String pipelineArn(String name) {
    return "arn:aws:codepipeline:us-east-1:123456789012:" + name;
  }

  /** The setup's pipeline renamed {@code name}, its source edited by {@code source}, with PollForSourceChanges off. */
  private void pipeline(String name, Map<String, String> source) {
    var spec = f.spec.withPipeline(new Pipeline(name, null, false, null));
    var d = (ObjectNode) PipelineStructure.declaration(spec, PipelineFixture.TARGET);
    var config = (ObjectNode) d.path("stages").get(0).path("actions").get(0).path("configuration");
    source.forEach(config::put);
    config.put("PollForSourceChanges", "false");
    f.sandbox.codePipeline().createPipeline(b -> b.pipeline(PipelineDeclarations.from(d)));
  }

  private void rule(String name, String pipeline, String pattern) {
    if (eventsRole == null) {
      eventsRole = f.sandbox.iam().createRole(b -> b.roleName("demo-events").assumeRolePolicyDocument(EVENTS_TRUST))
          .role().arn();
      f.sandbox.iam().putRolePolicy(b -> b.roleName("demo-events").policyName("start").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
              + "\"codepipeline:StartPipelineExecution\",\"Resource\":[\"" + pipelineArn("demo-pipeline-dev") + "\",\""
              + pipelineArn("demo-pipeline-prod") + "\"]}]}"));
      f.propagate();
    }
    f.sandbox.eventBridge().putRule(b -> b.name(name).eventPattern(pattern));
    f.sandbox.eventBridge().putTargets(b -> b.rule(name).targets(Target.builder().id("codepipeline")
        .arn(pipelineArn(pipeline)).roleArn(eventsRole).build()));
  }

  private String branchPattern(String branch) {
    return "{\"source\":[\"aws.codecommit\"],\"detail-type\":[\"CodeCommit Repository State Change\"],\"resources\":[\""
        + "arn:aws:codecommit:us-east-1:123456789012:demo\"],\"detail\":{\"event\":[\"referenceCreated\","
        + "\"referenceUpdated\"],\"referenceType\":[\"branch\"],\"referenceName\":[\"" + branch + "\"]}}";
  }

  private int runs(String pipeline) {
    return f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(pipeline))
        .pipelineExecutionSummaries().size();
  }

  private void codeCommitEnvironments() {
    f.sandbox.codeCommit().createBranch(b -> b.repositoryName("demo").branchName("prod").commitId(f.head()));
    pipeline("demo-pipeline-dev", Map.of("BranchName", "main"));
    pipeline("demo-pipeline-prod", Map.of("BranchName", "prod"));
    rule("demo-dev-source", "demo-pipeline-dev", branchPattern("main"));
    rule("demo-prod-source", "demo-pipeline-prod", branchPattern("prod"));
  }

  @Test
  void aPushToOneEnvironmentsBranch_startsOnlyThatEnvironmentsPipeline() {
    codeCommitEnvironments();
    f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());

    assertEquals(2, runs("demo-pipeline-dev"), "created, then the push to main");
    assertEquals(1, runs("demo-pipeline-prod"), "only the run its creation started");
  }

  @Test
  void promotingByFastForward_startsTheDestinationsPipeline_onTheSourceCommit() {
    codeCommitEnvironments();
    String released = f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());

    f.sandbox.codeCommit().mergeBranchesByFastForward(b -> b.repositoryName("demo").sourceCommitSpecifier("main")
        .destinationCommitSpecifier("prod"));
    assertEquals(2, runs("demo-pipeline-prod"));
    assertEquals("CloudWatchEvent", f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(
        "demo-pipeline-prod")).pipelineExecutionSummaries().get(0).trigger().triggerTypeAsString());
    assertEquals(2, runs("demo-pipeline-dev"), "the source branch did not move");
    f.advance(f.sandbox.account().settings().sourceSeconds);
    String prodRun = f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName("demo-pipeline-prod"))
        .pipelineExecutionSummaries().get(0).pipelineExecutionId();
    assertEquals(released, f.sandbox.codePipeline().getPipelineExecution(b -> b.pipelineName("demo-pipeline-prod")
        .pipelineExecutionId(prodRun)).pipelineExecution().artifactRevisions().get(0).revisionId());
  }

  @Test
  void copyingTheS3SourceToTheNextEnvironmentsKey_startsOnlyThatPipeline() {
    String bucket = "demo-source-123456789012";
    f.spec = f.spec.withSource(new Source(Source.Provider.S3, null, null, false, false, bucket, "app.zip", null, null,
        null, null));
    f.sandbox.s3().createBucket(b -> b.bucket(bucket));
    f.sandbox.s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
    f.sandbox.s3().putBucketNotificationConfiguration(b -> b.bucket(bucket)
        .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
    byte[] zip = ArtifactZip.zip(f.generatedFiles());
    f.sandbox.s3().putObject(b -> b.bucket(bucket).key("dev/app.zip"), RequestBody.fromBytes(zip));
    f.sandbox.s3().putObject(b -> b.bucket(bucket).key("prod/app.zip"), RequestBody.fromBytes(zip));
    pipeline("demo-pipeline-dev", Map.of("S3ObjectKey", "dev/app.zip"));
    pipeline("demo-pipeline-prod", Map.of("S3ObjectKey", "prod/app.zip"));
    for (String env : List.of("dev", "prod")) {
      rule("demo-" + env + "-source", "demo-pipeline-" + env, "{\"source\":[\"aws.s3\"],\"detail-type\":"
          + "[\"Object Created\"],\"detail\":{\"bucket\":{\"name\":[\"" + bucket + "\"]},\"object\":{\"key\":[\"" + env
          + "/app.zip\"]}}}");
    }

    var copied = f.sandbox.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("dev/app.zip")
        .destinationBucket(bucket).destinationKey("prod/app.zip"));
    assertEquals(2, runs("demo-pipeline-prod"));
    assertEquals(1, runs("demo-pipeline-dev"));
    assertEquals(copied.versionId(), f.sandbox.s3().headObject(b -> b.bucket(bucket).key("prod/app.zip")).versionId());
    assertEquals(f.sandbox.s3().headObject(b -> b.bucket(bucket).key("dev/app.zip")).versionId(),
        copied.copySourceVersionId());
    f.advance(f.sandbox.account().settings().sourceSeconds);
    assertEquals("Succeeded", f.sandbox.codePipeline().getPipelineState(b -> b.name("demo-pipeline-prod"))
        .stageStates().get(0).latestExecution().statusAsString(), "the prod pipeline read its copied object");
  }
}
