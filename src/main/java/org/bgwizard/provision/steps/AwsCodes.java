package org.bgwizard.provision.steps;

import org.bgwizard.aws.AwsErrors;

/** AWS error codes the steps act on. */
final class AwsCodes {
  static final String DEPENDENCY_VIOLATION = "DependencyViolation";
  static final String RESOURCE_IN_USE = "ResourceInUse";

  /**
   * What each create call answers when the name is taken: IAM, EC2, CloudWatch Logs, ECR, CodeDeploy, CodeBuild,
   * CodePipeline, CodeCommit and S3 (each service's API Reference, the create call's Errors).
   */
  private static final java.util.Set<String> ALREADY_EXISTS = java.util.Set.of("EntityAlreadyExists",
      "InvalidGroup.Duplicate", "ResourceAlreadyExistsException", "RepositoryAlreadyExistsException",
      "ApplicationAlreadyExistsException", "DeploymentGroupAlreadyExistsException", "PipelineNameInUseException",
      "RepositoryNameExistsException", "BucketAlreadyOwnedByYou", "BucketAlreadyExists");

  private AwsCodes() {}

  /** The code of an "already exists" answer to a create call, else null. */
  static String alreadyExists(Throwable error) {
    String code = AwsErrors.describe(error).code();
    return code != null && ALREADY_EXISTS.contains(code) ? code : null;
  }

  static boolean is(Throwable error, String code) {
    return code.equals(AwsErrors.describe(error).code());
  }
}
