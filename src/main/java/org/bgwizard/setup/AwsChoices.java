package org.bgwizard.setup;

import java.util.List;

/** Closed sets of values AWS accepts, for validation and for the wizard's choice lists. */
public final class AwsChoices {
  /** CloudWatch Logs retention periods (CloudWatch Logs API Reference, PutRetentionPolicy). */
  public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
      400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  /**
   * The predefined CodeDeploy configurations for ECS (CodeDeploy User Guide, "Deployment configurations on an Amazon
   * ECS compute platform").
   */
  public static final List<String> ECS_DEPLOYMENT_CONFIGS = List.of(
      "CodeDeployDefault.ECSAllAtOnce",
      "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
      "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
      "CodeDeployDefault.ECSCanary10Percent5Minutes",
      "CodeDeployDefault.ECSCanary10Percent15Minutes");

  /** Prefix of every predefined CodeDeploy configuration; custom names may not use it. */
  public static final String PREDEFINED_CONFIG_PREFIX = "CodeDeployDefault.";

  /** CodeBuild compute types for a container build with Docker (CodeBuild API Reference, ComputeType). */
  public static final List<String> BUILD_COMPUTE_TYPES = List.of("BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM",
      "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE");

  private AwsChoices() {}
}
