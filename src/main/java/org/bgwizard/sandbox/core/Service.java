package org.bgwizard.sandbox.core;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codecommit.model.CodeCommitException;
import software.amazon.awssdk.services.codeconnections.model.CodeConnectionsException;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The simulated services, with what their throttling and server errors look like on the wire
 * (the services' API References; aws-sdk-java-v2 AwsErrorCode; aws/aws-sdk #821; boto/boto3 #3125) and the base
 * exception their SDK client throws for unmodeled codes.
 */
public enum Service {
  IAM("Iam", "Throttling", 400, "ServiceFailure", IamException::builder),
  STS("Sts", "Throttling", 400, "InternalFailure", StsException::builder),
  EC2("Ec2", "RequestLimitExceeded", 503, "InternalError", Ec2Exception::builder),
  ELBV2("ElasticLoadBalancingV2", "Throttling", 400, "InternalFailure", ElasticLoadBalancingV2Exception::builder),
  ECR("Ecr", "ThrottlingException", 400, "ServerException", EcrException::builder),
  LOGS("CloudWatchLogs", "ThrottlingException", 400, "ServiceUnavailableException", CloudWatchLogsException::builder),
  ECS("Ecs", "ThrottlingException", 400, "ServerException", EcsException::builder),
  CODEDEPLOY("CodeDeploy", "ThrottlingException", 400, "InternalFailure", CodeDeployException::builder),
  CODEBUILD("CodeBuild", "ThrottlingException", 400, "InternalFailure", CodeBuildException::builder),
  CODEPIPELINE("CodePipeline", "ThrottlingException", 400, "InternalFailure", CodePipelineException::builder),
  S3("S3", "SlowDown", 503, "InternalError", S3Exception::builder),
  CODECOMMIT("CodeCommit", "ThrottlingException", 400, "InternalFailure", CodeCommitException::builder),
  SNS("Sns", "Throttling", 400, "InternalError", SnsException::builder),
  SECRETSMANAGER("SecretsManager", "ThrottlingException", 400, "InternalServiceError", SecretsManagerException::builder),
  EVENTBRIDGE("EventBridge", "ThrottlingException", 400, "InternalException", EventBridgeException::builder),
  CODECONNECTIONS("CodeConnections", "ThrottlingException", 400, "InternalServerException",
      CodeConnectionsException::builder);

  private final String sdkName;
  private final String throttleCode;
  private final int throttleStatus;
  private final String serverErrorCode;
  private final Supplier<AwsServiceException.Builder> baseException;

  Service(String sdkName, String throttleCode, int throttleStatus, String serverErrorCode,
      Supplier<AwsServiceException.Builder> baseException) {
    this.sdkName = sdkName;
    this.throttleCode = throttleCode;
    this.throttleStatus = throttleStatus;
    this.serverErrorCode = serverErrorCode;
    this.baseException = baseException;
  }

  /** The service name the SDK puts in error details, e.g. {@code Ecs}. */
  public String sdkName() {
    return sdkName;
  }

  public String throttleCode() {
    return throttleCode;
  }

  public int throttleStatus() {
    return throttleStatus;
  }

  public String serverErrorCode() {
    return serverErrorCode;
  }

  /** A builder of the service's base exception, for codes the SDK does not model. */
  public AwsServiceException.Builder baseException() {
    return baseException.get();
  }
}
