package org.bgwizard.sandbox.core;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * How each service refuses a caller whose policies do not allow the action, as its API answers on the wire:
 * <ul>
 *   <li>JSON services (ECS, ECR, Logs, CodeDeploy, CodeBuild, CodePipeline, CodeCommit, Secrets Manager):
 *       {@code AccessDeniedException}, HTTP 400, "User: … is not authorized to perform: ecs:DescribeServices on
 *       resource: … because no identity-based policy allows the ecs:DescribeServices action"
 *       (doctorray117/minecraft-ondemand#53; teralytics/prometheus-ecs-discovery#88 for the status 400).</li>
 *   <li>IAM, STS and ELBv2 (query protocol): {@code AccessDenied}, HTTP 403, same sentence
 *       (aws/aws-cdk#27067 for iam:GetRole; aws-samples/multi-tenant-chatbot-using-rag-with-amazon-bedrock#17 for
 *       elasticloadbalancing:DescribeListenerAttributes, which names no resource).</li>
 *   <li>EC2: {@code UnauthorizedOperation}, HTTP 403, "You are not authorized to perform this operation. User: … is
 *       not authorized to perform: ec2:DescribeVpcs because no identity-based policy allows the ec2:DescribeVpcs
 *       action" (hashicorp/terraform-provider-aws#34234).</li>
 *   <li>S3: {@code AccessDenied}, HTTP 403, "Access Denied" (Amazon S3 user guide, "Troubleshoot access denied (403
 *       Forbidden) errors").</li>
 *   <li>SNS: {@code AuthorizationError}, HTTP 403 (SNS API reference, common errors; wording unverified).</li>
 * </ul>
 * The fault layer sees only the service and the operation, not the resource, so the sentence names no resource,
 * as ELBv2's does.
 */
final class AccessDenials {
  private AccessDenials() {}

  static AwsServiceException denied(SandboxAccount account, Service service, String operation) {
    String action = prefix(service) + ":" + operation;
    String sentence = "User: arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME
        + " is not authorized to perform: " + action + " because no identity-based policy allows the " + action
        + " action";
    return switch (service) {
      case EC2 -> account.error(service.baseException(), service, 403, "UnauthorizedOperation",
          "You are not authorized to perform this operation. " + sentence);
      case S3 -> account.error(service.baseException(), service, 403, "AccessDenied", "Access Denied");
      case SNS -> account.error(service.baseException(), service, 403, "AuthorizationError", sentence);
      case IAM, STS, ELBV2 -> account.error(service.baseException(), service, 403, "AccessDenied", sentence);
      default -> account.error(service.baseException(), service, 400, "AccessDeniedException", sentence);
    };
  }

  /** The service's prefix in IAM actions ("Service Authorization Reference"). */
  static String prefix(Service service) {
    return switch (service) {
      case ELBV2 -> "elasticloadbalancing";
      case LOGS -> "logs";
      default -> service.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
