package org.bgwizard.provision.steps;

import org.bgwizard.aws.AwsErrors;

/** AWS error codes the steps act on. */
final class AwsCodes {
  static final String DEPENDENCY_VIOLATION = "DependencyViolation";
  static final String RESOURCE_IN_USE = "ResourceInUse";

  private AwsCodes() {}

  static boolean is(Throwable error, String code) {
    return code.equals(AwsErrors.describe(error).code());
  }
}
