package org.bgwizard.aws;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Something that hands out one SDK client per service: the simulated account, or the real SDK builders.
 * {@link AwsClients} calls each method at most once, on first use.
 */
public interface SdkClientSource {
  IamClient iam();

  StsClient sts();

  Ec2Client ec2();

  ElasticLoadBalancingV2Client elbv2();

  EcrClient ecr();

  CloudWatchLogsClient logs();

  EcsClient ecs();

  CodeDeployClient codeDeploy();

  CodeBuildClient codeBuild();

  CodePipelineClient codePipeline();

  S3Client s3();

  CodeCommitClient codeCommit();

  SnsClient sns();

  SecretsManagerClient secretsManager();

  EventBridgeClient eventBridge();
  CodeConnectionsClient codeConnections();
}
