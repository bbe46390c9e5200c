package org.bgwizard.provision.steps;

import java.util.Set;
import org.bgwizard.aws.AwsError;
import org.bgwizard.aws.AwsErrors;
import org.bgwizard.provision.ErrorDescriber;
import org.bgwizard.provision.ErrorDetails;
import org.bgwizard.provision.TransientErrorClassifier;

/**
 * The engine's view of SDK errors: throttling, the IAM propagation texts of catalogue rows 15 and 14 (a new
 * account's ECS service-linked role) and a security group not yet visible after CreateSecurityGroup (row 32: EC2's
 * InvalidGroup.NotFound, and ELB's and ECS's texts that quote it) are transient; everything else fails at once.
 * Each service's "does not exist" code counts as deleted.
 */
public final class SdkErrorClassifier implements TransientErrorClassifier, ErrorDescriber {
  /** The codes each service answers for a resource that is not there (the services' API References). */
  static final Set<String> NOT_FOUND = Set.of(
      "NoSuchEntity",
      "RepositoryNotFoundException",
      "InvalidGroup.NotFound",
      "ResourceNotFoundException",
      "NoSuchBucket",
      "LoadBalancerNotFound",
      "TargetGroupNotFound",
      "ListenerNotFound",
      "ClusterNotFoundException",
      "ServiceNotFoundException",
      "ApplicationDoesNotExistException",
      "DeploymentGroupDoesNotExistException",
      "RepositoryDoesNotExistException",
      "PipelineNotFoundException");

  /**
   * Deletions refused while something that is itself going away still holds the resource: a listener still
   * forwarding to a target group (terraform-provider-aws #16889, pulumi #5900; catalogue row 30), tasks still stopping
   * in a cluster (gruntwork-io/cloud-nuke #368; catalogue row 31).
   */
  static final Set<String> IN_USE = Set.of(AwsCodes.RESOURCE_IN_USE, "ClusterContainsTasksException");

  @Override
  public Kind classify(Throwable error) {
    AwsError aws = AwsErrors.describe(error);
    if (aws.throttling()) {
      return Kind.THROTTLING;
    }
    if (aws.code() == null) {
      return Kind.PERMANENT;
    }
    if (IN_USE.contains(aws.code())) {
      return Kind.IN_USE;
    }
    if (TransientErrorClassifier.isIamPropagation(aws.message())
        || TransientErrorClassifier.isServiceLinkedRolePropagation(aws.message())) {
      return Kind.PROPAGATION;
    }
    return TransientErrorClassifier.isNotYetVisible(aws.message()) ? Kind.NOT_YET_VISIBLE : Kind.PERMANENT;
  }

  @Override
  public ErrorDetails describe(Throwable error) {
    AwsError aws = AwsErrors.describe(error);
    return new ErrorDetails(aws.code(), aws.message(), aws.requestId());
  }

  @Override
  public boolean isNotFound(Throwable error) {
    String code = AwsErrors.describe(error).code();
    return code != null && NOT_FOUND.contains(code);
  }
}
