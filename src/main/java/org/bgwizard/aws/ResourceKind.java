package org.bgwizard.aws;

/**
 * The kinds of resource a setup creates, with the stable id used in plans, journals and reports
 * ({@code iam-role/demo-codebuild}).
 */
public enum ResourceKind {
  IAM_ROLE("iam-role"),
  ECR_REPOSITORY("ecr-repository"),
  SECURITY_GROUP("ec2-security-group"),
  LOG_GROUP("logs-log-group"),
  BUCKET("s3-bucket"),
  TARGET_GROUP("elbv2-target-group"),
  LOAD_BALANCER("elbv2-load-balancer"),
  LISTENER("elbv2-listener"),
  LISTENER_RULE("elbv2-listener-rule"),
  CLUSTER("ecs-cluster"),
  TASK_DEFINITION("ecs-task-definition"),
  SERVICE("ecs-service"),
  CODEDEPLOY_APPLICATION("codedeploy-application"),
  DEPLOYMENT_GROUP("codedeploy-deployment-group"),
  BUILD_PROJECT("codebuild-project"),
  CODECOMMIT_REPOSITORY("codecommit-repository"),
  PIPELINE("codepipeline-pipeline"),
  EVENT_RULE("events-rule"),
  CONNECTION("codeconnections-connection"),
  SNS_TOPIC("sns-topic"),
  SNS_SUBSCRIPTION("sns-subscription");

  private final String id;

  ResourceKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
