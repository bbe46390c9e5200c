package org.bgwizard.export;

/** The wizard pages, by the titles the window shows (ui strings {@code step.*.title}), for the template's comments. */
final class Pages {
  static final String BASICS = "Basics";
  static final String NETWORK = "Network";
  static final String ROLES = "IAM roles";
  static final String REPOSITORY = "Image repository (ECR)";
  static final String LOAD_BALANCER = "Load balancer";
  static final String ECS = "ECS service";
  static final String CODEDEPLOY = "CodeDeploy";
  /** The page an ecs-native setup has in place of CodeDeploy's. */
  static final String ECS_BLUE_GREEN = "ECS blue/green";
  static final String BUILD_AND_SOURCE = "CodeBuild & source";
  static final String PIPELINE = "Pipeline";
  /** The page of a setup with environments (issue 15): the list, the shared load balancer, the approval topic. */
  static final String ENVIRONMENTS = "Environments";

  private Pages() {}
}
