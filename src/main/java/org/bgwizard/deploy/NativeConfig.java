package org.bgwizard.deploy;

import java.util.List;

/**
 * An ECS service deployed by ECS itself (deploymentController ECS), as DescribeServices shows it: its
 * {@code deploymentConfiguration} and the first load balancer's {@code advancedConfiguration} ("Amazon ECS
 * blue/green deployments"; "Application Load Balancer resources for blue/green deployments").
 *
 * @param targetGroup the primary target group ARN ({@code loadBalancers[0].targetGroupArn})
 * @param alternateTargetGroup {@code advancedConfiguration.alternateTargetGroupArn}, null without one
 * @param testRule {@code advancedConfiguration.testListenerRule}, null without a test listener
 * @param pauseStages the lifecycle stages of PAUSE hooks, in the configuration's order
 * @param pauseTimeoutMinutes the first PAUSE hook's {@code timeoutConfiguration.timeoutInMinutes}, null without one
 * @param pauseTimeoutAction the first PAUSE hook's {@code timeoutConfiguration.action}, null without one
 */
public record NativeConfig(String cluster, String service, String controller, String strategy,
    int bakeTimeMinutes, String targetGroup, String alternateTargetGroup, String productionRule, String testRule,
    List<String> pauseStages, Integer pauseTimeoutMinutes, String pauseTimeoutAction) {
  public NativeConfig {
    pauseStages = List.copyOf(pauseStages);
  }

  /** A listener rule ARN's listener: {@code …:listener-rule/app/LB/ID/LISTENER/RULE} → {@code …:listener/app/LB/ID/LISTENER}. */
  public static String listenerOf(String ruleArn) {
    if (ruleArn == null || !ruleArn.contains(":listener-rule/")) {
      return null;
    }
    String listener = ruleArn.replace(":listener-rule/", ":listener/");
    return listener.substring(0, listener.lastIndexOf('/'));
  }

  /**
   * The service's routing in the shape the monitor reads traffic through: the listeners of the production and test
   * rules, both target groups by name, the strategy, and the bake time where CodeDeploy has its termination wait.
   * There is no ready wait (a PAUSE hook takes its place) and no CodeDeploy rollback setting.
   */
  GroupConfig asGroup() {
    List<String> test = listenerOf(testRule) == null ? List.of() : List.of(listenerOf(testRule));
    List<String> groups = new java.util.ArrayList<>();
    if (targetGroup != null) {
      groups.add(TargetGroupNames.of(targetGroup));
    }
    if (alternateTargetGroup != null) {
      groups.add(TargetGroupNames.of(alternateTargetGroup));
    }
    return new GroupConfig(cluster, service, listenerOf(productionRule) == null ? List.of()
        : List.of(listenerOf(productionRule)), test, groups, strategy, null, bakeTimeMinutes, false);
  }

  /** The listener rule behind {@code listenerArn}: production's or test's, null for another listener. */
  String ruleOf(String listenerArn) {
    if (listenerArn != null && listenerArn.equals(listenerOf(productionRule))) {
      return productionRule;
    }
    return listenerArn != null && listenerArn.equals(listenerOf(testRule)) ? testRule : null;
  }
}
