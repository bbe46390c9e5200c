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
}
