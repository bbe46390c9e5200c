package org.bgwizard.setup;

/**
 * The ECS built-in blue/green deployment of an {@link Strategy#ECS_NATIVE} setup ("Amazon ECS blue/green
 * deployments"; API reference DeploymentConfiguration, DeploymentLifecycleHook). Ranges are checked by the validator.
 *
 * @param shift how production traffic moves to the new revision
 * @param stepPercent LINEAR: stepPercent (3–100); CANARY: canaryPercent (0.1–100 in AWS; whole percent here); null for BLUE_GREEN
 * @param stepBakeMinutes LINEAR/CANARY: the step or canary bake time (0–1440); null for BLUE_GREEN
 * @param bakeTimeMinutes {@code bakeTimeInMinutes}: how long both revisions stay up after the shift (0–1440)
 * @param pauseBeforeProduction a PAUSE hook at PRE_PRODUCTION_TRAFFIC_SHIFT: a person approves the shift
 *     ("Pause hooks for Amazon ECS service deployments")
 * @param pauseTimeoutMinutes the hook's {@code timeoutInMinutes} (1–20160); null without the pause
 * @param onPauseTimeout the hook's timeout action; null without the pause
 * @param infrastructureRole the role ECS assumes to change the listener rules (trusted by ecs.amazonaws.com,
 *     AmazonECSInfrastructureRolePolicyForLoadBalancers)
 * @param deploymentTimeoutMinutes the pipeline's Amazon ECS action {@code DeploymentTimeout} (1–60)
 */
public record EcsNative(Shift shift, Integer stepPercent, Integer stepBakeMinutes, int bakeTimeMinutes,
    boolean pauseBeforeProduction, Integer pauseTimeoutMinutes, TimeoutAction onPauseTimeout,
    Roles.RoleRef infrastructureRole, int deploymentTimeoutMinutes) {

  /** {@code deploymentConfiguration.strategy} values that move traffic between two revisions. */
  public enum Shift { BLUE_GREEN, LINEAR, CANARY }

  /** {@code DeploymentLifecycleHookTimeoutConfiguration.action}. */
  public enum TimeoutAction { ROLLBACK, CONTINUE }
}
