package org.bgwizard.setup;

/**
 * The pipeline, its artifact bucket and the approval topic (CodePipeline API Reference; S3 User Guide, "Bucket naming
 * rules").
 */
final class PipelineRules {
  private PipelineRules() {}

  static void check(Pipeline p, Findings f) {
    f.name("pipeline.name", p.name(), NameRule.PIPELINE, "pipelineName.invalid");
    f.optionalName("pipeline.artifactBucket", p.artifactBucket(), NameRule.S3, "s3Bucket.invalid");
    String topic = p.approvalTopicArn();
    if (topic != null) {
      f.require(AwsArns.isSnsTopicArn(topic), "pipeline.approvalTopicArn", topic, "snsArn.invalid");
      f.require(p.manualApproval(), "pipeline.approvalTopicArn", topic, "approvalTopic.withoutApproval");
    }
  }
}
