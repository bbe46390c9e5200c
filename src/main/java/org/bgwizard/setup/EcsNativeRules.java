package org.bgwizard.setup;

import org.bgwizard.setup.EcsNative.Shift;

/**
 * The ECS built-in blue/green settings (ECS API Reference: DeploymentConfiguration, LinearConfiguration,
 * CanaryConfiguration, DeploymentLifecycleHook, DeploymentLifecycleHookTimeoutConfiguration; CodePipeline "Amazon
 * Elastic Container Service deploy action reference" for DeploymentTimeout).
 */
final class EcsNativeRules {
  static final int MAX_BAKE_MINUTES = 1440;
  static final int MAX_PAUSE_MINUTES = 20160;
  static final int MAX_DEPLOYMENT_TIMEOUT = 60;

  private EcsNativeRules() {}

  /** Each section belongs to one strategy: CodeDeploy's to codedeploy, ECS's to ecs-native. */
  static void checkStrategy(SetupSpec spec, Findings f) {
    boolean nativeOne = spec.strategy() == Strategy.ECS_NATIVE;
    String strategy = spec.strategy().id();
    if (nativeOne) {
      f.present("ecsNative", spec.ecsNative());
      f.require(spec.codeDeploy() == null, "codeDeploy", "{…}", "strategy.sectionUnused", strategy, "codedeploy");
      f.require(spec.roles() == null || spec.roles().codeDeploy() == null, "roles.codeDeploy", "{…}",
          "strategy.sectionUnused", strategy, "codedeploy");
    } else {
      f.present("codeDeploy", spec.codeDeploy());
      f.require(spec.ecsNative() == null, "ecsNative", "{…}", "strategy.sectionUnused", strategy, "ecs-native");
    }
  }

  static void check(EcsNative n, Findings f) {
    if (f.present("ecsNative.shift", n.shift())) {
      if (n.shift() == Shift.BLUE_GREEN) {
        f.require(n.stepPercent() == null, "ecsNative.stepPercent", n.stepPercent(), "shift.fieldUnused", n.shift());
        f.require(n.stepBakeMinutes() == null, "ecsNative.stepBakeMinutes", n.stepBakeMinutes(), "shift.fieldUnused",
            n.shift());
      } else {
        int min = n.shift() == Shift.LINEAR ? 3 : 1;
        f.require(n.stepPercent() != null && n.stepPercent() >= min && n.stepPercent() <= 100,
            "ecsNative.stepPercent", n.stepPercent(), "stepPercent.range", n.shift(), min);
        f.require(n.stepBakeMinutes() != null && n.stepBakeMinutes() >= 0 && n.stepBakeMinutes() <= MAX_BAKE_MINUTES,
            "ecsNative.stepBakeMinutes", n.stepBakeMinutes(), "stepBake.range", n.shift());
      }
    }
    f.range("ecsNative.bakeTimeMinutes", n.bakeTimeMinutes(), 0, MAX_BAKE_MINUTES, "bakeTime.range");
    if (n.pauseBeforeProduction()) {
      Integer t = n.pauseTimeoutMinutes();
      f.require(t != null && t >= 1 && t <= MAX_PAUSE_MINUTES, "ecsNative.pauseTimeoutMinutes", t,
          "pauseTimeout.range");
      f.present("ecsNative.onPauseTimeout", n.onPauseTimeout());
    } else {
      f.require(n.pauseTimeoutMinutes() == null, "ecsNative.pauseTimeoutMinutes", n.pauseTimeoutMinutes(),
          "pause.fieldUnused");
      f.require(n.onPauseTimeout() == null, "ecsNative.onPauseTimeout", n.onPauseTimeout(), "pause.fieldUnused");
    }
    f.range("ecsNative.deploymentTimeoutMinutes", n.deploymentTimeoutMinutes(), 1, MAX_DEPLOYMENT_TIMEOUT,
        "deploymentTimeout.range");
  }

  /**
   * The longest a deployment can take without anyone acting: the pause until its timeout, the traffic steps with
   * their bake times, then the bake time (ECS reports success only after it, "Amazon ECS blue/green deployments").
   */
  static int longestMinutes(EcsNative n) {
    int total = n.bakeTimeMinutes();
    if (n.pauseBeforeProduction() && n.pauseTimeoutMinutes() != null) {
      total += n.pauseTimeoutMinutes();
    }
    if (n.shift() != Shift.BLUE_GREEN && n.stepPercent() != null && n.stepPercent() > 0
        && n.stepBakeMinutes() != null) {
      int steps = n.shift() == Shift.CANARY ? 1 : (100 + n.stepPercent() - 1) / n.stepPercent() - 1;
      total += steps * n.stepBakeMinutes();
    }
    return total;
  }
}
