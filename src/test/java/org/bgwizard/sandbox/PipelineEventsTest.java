package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.sandbox.core.ArtifactZip;
import org.bgwizard.sandbox.eventbridge.EventBridgeState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Event-based change detection ("CodeCommit source actions and EventBridge", CodePipeline User Guide): a push
 * starts the pipeline through an EventBridge rule and its role; polling stops after 30 days without a run.
 */
class PipelineEventsTest {
  static final String RULE = "demo-source-change";
  final PipelineFixture f = new PipelineFixture().base();

  private String pipelineArn() {
    return f.arns().pipeline();
  }

  /** The pipeline with PollForSourceChanges as given. */
  private void pipeline(String poll) {
    var d = PipelineStructure.declaration(f.spec, PipelineFixture.TARGET);
    ((ObjectNode) d.path("stages").get(0).path("actions").get(0).path("configuration"))
        .put("PollForSourceChanges", poll);
    f.sandbox.codePipeline().createPipeline(b -> b.pipeline(PipelineDeclarations.from(d)));
  }

  /** The events role (trusted by events.amazonaws.com) with {@code action} allowed on the pipeline. */
  private String eventsRole(String action) {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
        + "\"events.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String arn = f.sandbox.iam().createRole(b -> b.roleName("demo-events").assumeRolePolicyDocument(trust)).role().arn();
    f.sandbox.iam().putRolePolicy(b -> b.roleName("demo-events").policyName("start").policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\""
            + pipelineArn() + "\"}]}"));
    f.propagate();
    return arn;
  }

  private void rule(String pattern, String roleArn) {
    f.sandbox.eventBridge().putRule(b -> b.name(RULE).eventPattern(pattern));
    f.sandbox.eventBridge().putTargets(b -> b.rule(RULE).targets(Target.builder().id("codepipeline")
        .arn(pipelineArn()).roleArn(roleArn).build()));
  }

  private String codeCommitPattern(String branch) {
    return "{\"source\":[\"aws.codecommit\"],\"detail-type\":[\"CodeCommit Repository State Change\"],\"resources\":[\""
        + "arn:aws:codecommit:us-east-1:123456789012:" + f.spec.source().repository() + "\"],\"detail\":{\"event\":"
        + "[\"referenceCreated\",\"referenceUpdated\"],\"referenceType\":[\"branch\"],\"referenceName\":[\"" + branch
        + "\"]}}";
  }

  private List<PipelineExecutionSummary> runs() {
    return f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(f.pipelineName()))
        .pipelineExecutionSummaries();
  }

  @Test
  void aPushToTheBranch_startsThePipelineThroughTheRule_withTriggerCloudWatchEvent() {
    pipeline("false");
    rule(codeCommitPattern(f.spec.source().branch()), eventsRole("codepipeline:StartPipelineExecution"));
    f.advance(10);
    f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());

    assertEquals(2, runs().size());
    assertEquals("CloudWatchEvent", runs().get(0).trigger().triggerTypeAsString());
    assertEquals("arn:aws:events:us-east-1:123456789012:rule/" + RULE, runs().get(0).trigger().triggerDetail());
    f.advance(600);
    assertEquals(2, runs().size(), "polling is off: the rule started the only new run");
  }

  @Test
  void aPushToAnotherBranch_startsNothing() {
    pipeline("false");
    rule(codeCommitPattern(f.spec.source().branch()), eventsRole("codepipeline:StartPipelineExecution"));
    f.sandbox.codeCommit().createBranch(b -> b.repositoryName(f.spec.source().repository()).branchName("feature")
        .commitId(f.head()));
    f.advance(600);

    assertEquals(1, runs().size());
  }

  @Test
  void aRoleThatMayNotStartThePipeline_failsTheInvocation_andNothingStarts() {
    pipeline("false");
    rule(codeCommitPattern(f.spec.source().branch()), eventsRole("codepipeline:GetPipeline"));
    f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());

    assertEquals(1, runs().size());
    assertEquals(1, f.sandbox.account().state(EventBridgeState.class).rules.get(RULE).failedInvocations);
  }

  @Test
  void withPollingOffAndNoRule_aPushStartsNothing() {
    pipeline("false");
    f.advance(10);
    f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());
    f.advance(600);

    assertEquals(1, runs().size());
  }

  @Test
  void aPollingPipeline_inactiveFor30Days_getsPollingDisabled_andAPushNoLongerStartsARun() {
    pipeline("true");
    f.advance(600);
    assertNull(f.sandbox.codePipeline().getPipeline(b -> b.name(f.pipelineName())).metadata().pollingDisabledAt());

    f.clock.advance(Duration.ofDays(30));
    f.sandbox.account().advanceToNow();
    var disabledAt = f.sandbox.codePipeline().getPipeline(b -> b.name(f.pipelineName())).metadata()
        .pollingDisabledAt();
    assertNotNull(disabledAt);
    assertEquals(runs().get(0).startTime().plus(Duration.ofDays(30)), disabledAt);
    f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());
    f.advance(600);
    assertEquals(1, runs().size(), "pushes silently stop starting runs");
  }

  @Test
  void anObjectCreatedInABucketWithEventBridgeNotifications_startsAnS3SourcedPipeline() {
    f.spec = f.spec.withSource(new org.bgwizard.setup.Source(org.bgwizard.setup.Source.Provider.S3, null, null, false,
        false, "demo-source-123456789012", "app.zip", null, null, null, null));
    f.sandbox.s3().createBucket(b -> b.bucket("demo-source-123456789012"));
    f.sandbox.s3().putBucketVersioning(b -> b.bucket("demo-source-123456789012")
        .versioningConfiguration(v -> v.status("Enabled")));
    f.sandbox.s3().putBucketNotificationConfiguration(b -> b.bucket("demo-source-123456789012")
        .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
    f.sandbox.s3().putObject(b -> b.bucket("demo-source-123456789012").key("app.zip"),
        RequestBody.fromBytes(ArtifactZip.zip(f.generatedFiles())));
    pipeline("false");
    rule("{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],\"detail\":{\"bucket\":{\"name\":["
        + "\"demo-source-123456789012\"]},\"object\":{\"key\":[\"app.zip\"]}}}",
        eventsRole("codepipeline:StartPipelineExecution"));

    f.sandbox.s3().putObject(b -> b.bucket("demo-source-123456789012").key("other.zip"), RequestBody.fromString("x"));
    assertEquals(1, runs().size(), "another key matches nothing");
    f.sandbox.s3().putObject(b -> b.bucket("demo-source-123456789012").key("app.zip"),
        RequestBody.fromBytes(ArtifactZip.zip(f.generatedFiles())));
    assertEquals(2, runs().size());
    assertEquals("CloudWatchEvent", runs().get(0).trigger().triggerTypeAsString());
    assertEquals(Boolean.TRUE, f.sandbox.s3().getBucketNotificationConfiguration(b -> b.bucket(
        "demo-source-123456789012")).eventBridgeConfiguration() != null);
  }
}
