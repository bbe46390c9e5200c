package org.bgwizard.setup;

/**
 * The CodePipeline pipeline.
 *
 * @param artifactBucket S3 bucket for artifacts; null = derived when applying as
 *     {@code <setup>-artifacts-<account id>} (bucket names are global, the account id keeps them unique)
 * @param manualApproval add an approval stage between Build and Deploy
 * @param approvalTopicArn optional SNS topic notified when an approval waits
 */
public record Pipeline(String name, String artifactBucket, boolean manualApproval, String approvalTopicArn) {}
