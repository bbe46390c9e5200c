package org.bgwizard.sandbox.ecs;

import java.util.List;
import org.bgwizard.sandbox.ecs.EcsState.AdvancedConfig;
import org.bgwizard.sandbox.ecs.EcsState.DeploymentConfig;
import org.bgwizard.sandbox.ecs.EcsState.Hook;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTimeoutConfiguration;
import software.amazon.awssdk.services.ecs.model.LinearConfiguration;

/** SDK shapes of the built-in blue/green settings to and from the sandbox's state, for {@link SandboxEcsClient}. */
final class EcsBlueGreenModels {
  private EcsBlueGreenModels() {}

  /** The blue/green part of a request's deploymentConfiguration; null when it sets no strategy, bake or hooks. */
  static DeploymentConfig config(DeploymentConfiguration dc) {
    if (dc == null || (dc.strategy() == null && dc.bakeTimeInMinutes() == null && !dc.hasLifecycleHooks()
        && dc.linearConfiguration() == null && dc.canaryConfiguration() == null
        && dc.deploymentCircuitBreaker() == null)) {
      return null;
    }
    var c = new DeploymentConfig();
    c.strategy = dc.strategyAsString() == null ? EcsBlueGreenConfig.ROLLING : dc.strategyAsString();
    c.bakeTimeInMinutes = dc.bakeTimeInMinutes();
    if (dc.linearConfiguration() != null) {
      c.linearStepPercent = dc.linearConfiguration().stepPercent();
      c.linearStepBakeTimeInMinutes = dc.linearConfiguration().stepBakeTimeInMinutes();
    }
    if (dc.canaryConfiguration() != null) {
      c.canaryPercent = dc.canaryConfiguration().canaryPercent();
      c.canaryBakeTimeInMinutes = dc.canaryConfiguration().canaryBakeTimeInMinutes();
    }
    if (dc.deploymentCircuitBreaker() != null) {
      c.circuitBreakerEnable = dc.deploymentCircuitBreaker().enable();
      c.circuitBreakerRollback = dc.deploymentCircuitBreaker().rollback();
    }
    for (DeploymentLifecycleHook h : dc.lifecycleHooks()) {
      var hook = new Hook();
      hook.targetType = h.targetTypeAsString();
      hook.hookTargetArn = h.hookTargetArn();
      hook.roleArn = h.roleArn();
      hook.lifecycleStages.addAll(h.lifecycleStagesAsStrings());
      if (h.timeoutConfiguration() != null) {
        hook.timeoutInMinutes = h.timeoutConfiguration().timeoutInMinutes();
        hook.timeoutAction = h.timeoutConfiguration().actionAsString();
      }
      c.lifecycleHooks.add(hook);
    }
    return c;
  }

  static AdvancedConfig advanced(AdvancedConfiguration a) {
    if (a == null) {
      return null;
    }
    var c = new AdvancedConfig();
    c.alternateTargetGroupArn = a.alternateTargetGroupArn();
    c.productionListenerRule = a.productionListenerRule();
    c.testListenerRule = a.testListenerRule();
    c.roleArn = a.roleArn();
    return c;
  }

  static AdvancedConfiguration advancedToSdk(AdvancedConfig a) {
    return a == null ? null : AdvancedConfiguration.builder().alternateTargetGroupArn(a.alternateTargetGroupArn)
        .productionListenerRule(a.productionListenerRule).testListenerRule(a.testListenerRule).roleArn(a.roleArn)
        .build();
  }

  /** What DescribeServices shows for a service with the ECS controller: ROLLING unless a strategy was set. */
  static DeploymentConfiguration configToSdk(DeploymentConfig c) {
    var b = DeploymentConfiguration.builder().maximumPercent(200).minimumHealthyPercent(100);
    if (c == null) {
      return b.strategy(EcsBlueGreenConfig.ROLLING).build();
    }
    b.strategy(c.strategy).bakeTimeInMinutes(c.bakeTimeInMinutes);
    if (c.linearStepPercent != null) {
      b.linearConfiguration(LinearConfiguration.builder().stepPercent(c.linearStepPercent)
          .stepBakeTimeInMinutes(c.linearStepBakeTimeInMinutes).build());
    }
    if (c.canaryPercent != null) {
      b.canaryConfiguration(CanaryConfiguration.builder().canaryPercent(c.canaryPercent)
          .canaryBakeTimeInMinutes(c.canaryBakeTimeInMinutes).build());
    }
    if (c.circuitBreakerEnable != null) {
      b.deploymentCircuitBreaker(cb -> cb.enable(c.circuitBreakerEnable).rollback(c.circuitBreakerRollback));
    }
    if (!c.lifecycleHooks.isEmpty()) {
      b.lifecycleHooks(c.lifecycleHooks.stream().map(EcsBlueGreenModels::hookToSdk).toList());
    }
    return b.build();
  }

  private static DeploymentLifecycleHook hookToSdk(Hook h) {
    return DeploymentLifecycleHook.builder().targetType(h.targetType).hookTargetArn(h.hookTargetArn)
        .roleArn(h.roleArn).lifecycleStagesWithStrings(List.copyOf(h.lifecycleStages))
        .timeoutConfiguration(DeploymentLifecycleHookTimeoutConfiguration.builder()
            .timeoutInMinutes(h.timeoutInMinutes).action(h.timeoutAction).build())
        .build();
  }
}
