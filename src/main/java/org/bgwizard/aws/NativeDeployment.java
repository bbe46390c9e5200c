package org.bgwizard.aws;

/**
 * The ECS built-in blue/green settings of a service (ECS API Reference: DeploymentConfiguration,
 * LoadBalancer.advancedConfiguration, DeploymentLifecycleHook).
 *
 * @param strategy BLUE_GREEN, LINEAR or CANARY
 * @param stepPercent LINEAR stepPercent or CANARY canaryPercent; null for BLUE_GREEN
 * @param stepBakeMinutes LINEAR stepBakeTimeInMinutes or CANARY canaryBakeTimeInMinutes; null for BLUE_GREEN
 * @param pauseTimeoutMinutes the PAUSE hook's timeout before production traffic; null for no pause
 * @param onPauseTimeout ROLLBACK or CONTINUE; null for no pause
 */
public record NativeDeployment(String strategy, Integer stepPercent, Integer stepBakeMinutes, int bakeTimeMinutes,
    Integer pauseTimeoutMinutes, String onPauseTimeout, String alternateTargetGroupArn, String productionRuleArn,
    String testRuleArn, String infrastructureRoleArn) {}
