package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * How the pipeline learns of a new revision: an EventBridge rule on the source's events that starts the pipeline
 * through a role EventBridge assumes, with polling off. AWS disables polling for pipelines inactive for 30 days
 * (PipelineMetadata {@code pollingDisabledAt}) and recommends events instead ("Migrate polling pipelines to use
 * event-based change detection", CodePipeline User Guide). Connections detect changes themselves: no rule.
 */
public final class ChangeDetection {
  /** The id of the rule's one target, the pipeline. */
  public static final String TARGET_ID = "codepipeline";
  public static final String EVENTS_PRINCIPAL = "events.amazonaws.com";

  private ChangeDetection() {}

  /** Whether the source needs a rule: CodeCommit and S3 do; a connection (GitHub) does not. */
  public static boolean needsRule(Source source) {
    return source.provider() == Source.Provider.CODECOMMIT || source.provider() == Source.Provider.S3;
  }

  /**
   * {@code <setup>-source-change}, or {@code <setup>-<env>-source-change} for an environment's own setup (each
   * environment's pipeline has its own rule on its branch): 1–64 of {@code [.-_A-Za-z0-9]} as PutRule requires (setup names are ≤ 24).
   */
  public static String ruleName(SetupSpec spec) {
    String environment = spec.tags().get(org.bgwizard.setup.Environments.ENVIRONMENT_TAG);
    return spec.name() + (environment == null || spec.hasEnvironments() ? "" : "-" + environment) + "-source-change";
  }

  /** {@code <setup>-events}, the role EventBridge assumes to start the pipeline. */
  public static String roleName(SetupSpec spec) {
    return spec.name() + "-events";
  }

  public static String roleArn(SetupSpec spec, Target target) {
    return "arn:" + target.partition() + ":iam::" + target.accountId() + ":role/" + roleName(spec);
  }

  /** The rule's event pattern for the setup's source, or empty when the source needs none. */
  public static Optional<ObjectNode> pattern(SetupSpec spec, Target target) {
    Source source = spec.source();
    return switch (source.provider()) {
      case CODECOMMIT -> Optional.of(codeCommitPattern(Arns.of(spec, target).codeCommitRepository(), source.branch()));
      case S3 -> Optional.of(s3Pattern(source.s3Bucket(), source.s3ObjectKey()));
      case GITHUB -> Optional.empty();
    };
  }

  /**
   * A branch created or moved in the repository: the pattern of "CodeCommit source actions and EventBridge"
   * (CodePipeline User Guide) — source aws.codecommit, detail-type "CodeCommit Repository State Change", the
   * repository's ARN in resources, detail.event referenceCreated or referenceUpdated on that branch.
   */
  public static ObjectNode codeCommitPattern(String repositoryArn, String branch) {
    ObjectNode pattern = Json.object();
    pattern.set("source", Json.array(List.of("aws.codecommit")));
    pattern.set("detail-type", Json.array(List.of("CodeCommit Repository State Change")));
    pattern.set("resources", Json.array(List.of(repositoryArn)));
    ObjectNode detail = pattern.putObject("detail");
    detail.set("event", Json.array(List.of("referenceCreated", "referenceUpdated")));
    detail.set("referenceType", Json.array(List.of("branch")));
    detail.set("referenceName", Json.array(List.of(branch)));
    return pattern;
  }

  /**
   * The source object written again: S3's own EventBridge notification "Object Created" for that bucket and key
   * ("Using EventBridge", Amazon S3 User Guide; the bucket needs PutBucketNotificationConfiguration with an
   * EventBridgeConfiguration). The older way, CloudTrail data events, needs a trail.
   */
  public static ObjectNode s3Pattern(String bucket, String key) {
    ObjectNode pattern = Json.object();
    pattern.set("source", Json.array(List.of("aws.s3")));
    pattern.set("detail-type", Json.array(List.of("Object Created")));
    ObjectNode detail = pattern.putObject("detail");
    detail.putObject("bucket").set("name", Json.array(List.of(bucket)));
    detail.putObject("object").set("key", Json.array(List.of(key)));
    return pattern;
  }

  /** Lets only EventBridge assume the role. */
  public static ObjectNode trustPolicy() {
    return new PolicyDocument().trust("AllowEventBridgeToAssumeRole", EVENTS_PRINCIPAL).build();
  }

  /**
   * StartPipelineExecution on this setup's pipeline only (with environments: on each environment's pipeline, as
   * one role serves every environment's rule) (the role of "Create an EventBridge rule …").
   */
  public static ObjectNode permissions(SetupSpec spec, Target target) {
    List<String> pipelines = spec.hasEnvironments() ? org.bgwizard.setup.Environments.expand(spec).stream()
        .map(e -> Arns.of(e.spec(), target).pipeline()).toList() : List.of(Arns.of(spec, target).pipeline());
    return new PolicyDocument().allow("StartSetupPipelineOnSourceChange",
        List.of("codepipeline:StartPipelineExecution"), pipelines).build();
  }
}
