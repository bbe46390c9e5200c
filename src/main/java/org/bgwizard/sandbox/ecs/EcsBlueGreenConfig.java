package org.bgwizard.sandbox.ecs;

import java.util.List;
import java.util.Set;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.ecs.EcsState.AdvancedConfig;
import org.bgwizard.sandbox.ecs.EcsState.DeploymentConfig;
import org.bgwizard.sandbox.ecs.EcsState.Hook;
import org.bgwizard.sandbox.ecs.EcsState.LoadBalancerRef;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;
import org.bgwizard.sandbox.core.Ports.LoadBalancing.Weight;

/**
 * The checks of a built-in blue/green service's settings, as CreateService and UpdateService make them (Amazon ECS API
 * Reference: DeploymentConfiguration, LinearConfiguration, CanaryConfiguration, DeploymentLifecycleHook,
 * AdvancedConfiguration; Developer Guide: "Amazon ECS blue/green deployments", "Application Load Balancer resources for
 * blue/green deployments", "Pause hooks for Amazon ECS service deployments", "Lifecycle hooks for Amazon ECS service
 * deployments"). The ranges are the API reference's; the message texts are not captured from AWS and follow the
 * wording of ECS's other InvalidParameterException messages.
 */
final class EcsBlueGreenConfig {
  static final String ROLLING = "ROLLING";
  static final Set<String> TRAFFIC_SHIFTING = Set.of("BLUE_GREEN", "LINEAR", "CANARY");
  static final String INFRASTRUCTURE_PRINCIPAL = "ecs.amazonaws.com";
  /** DeploymentLifecycleHook.lifecycleStages: PAUSE adds PRE_PRODUCTION_TRAFFIC_SHIFT and cannot pause mid-shift. */
  private static final Set<String> PAUSE_STAGES = Set.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP",
      "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT");
  private static final Set<String> SHIFT_STAGES = Set.of("TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT");

  private final EcsEngine ecs;
  private final Ports ports;

  EcsBlueGreenConfig(EcsEngine ecs, Ports ports) {
    this.ecs = ecs;
    this.ports = ports;
  }

  static boolean shiftsTraffic(DeploymentConfig c) {
    return c != null && TRAFFIC_SHIFTING.contains(c.strategy);
  }

  /** Checks the settings and fills in the API's defaults; returns the configuration to store (null when none). */
  DeploymentConfig check(String controller, DeploymentConfig c, List<LoadBalancerRef> lbs, TaskDefinition td) {
    if (c == null || c.strategy == null) {
      if (lbs.stream().anyMatch(l -> l.advancedConfiguration != null)) {
        throw ecs.invalid("advancedConfiguration can only be specified for services with the BLUE_GREEN, LINEAR or "
            + "CANARY deployment strategy.");
      }
      return c;
    }
    if (!c.strategy.equals(ROLLING) && !TRAFFIC_SHIFTING.contains(c.strategy)) {
      throw ecs.invalid("Invalid deployment strategy '" + c.strategy + "'. Valid values: ROLLING, BLUE_GREEN, LINEAR, "
          + "CANARY.");
    }
    if (!controller.equals("ECS")) {
      throw ecs.invalid("The deployment strategy " + c.strategy + " is only supported with the ECS deployment "
          + "controller.");
    }
    checkMinutes("deploymentConfiguration.bakeTimeInMinutes", c.bakeTimeInMinutes, 0, 1440);
    checkStrategySettings(c);
    for (Hook h : c.lifecycleHooks) {
      checkHook(h);
    }
    if (!TRAFFIC_SHIFTING.contains(c.strategy)) {
      return c;
    }
    if (lbs.isEmpty()) {
      throw ecs.invalid("The sandbox simulates " + c.strategy + " deployments with an Application Load Balancer: "
          + "loadBalancers must be specified.");
    }
    for (LoadBalancerRef lb : lbs) {
      checkAdvanced(lb, td);
    }
    return c;
  }

  private void checkStrategySettings(DeploymentConfig c) {
    boolean linear = c.linearStepPercent != null || c.linearStepBakeTimeInMinutes != null;
    boolean canary = c.canaryPercent != null || c.canaryBakeTimeInMinutes != null;
    if (linear && !c.strategy.equals("LINEAR")) {
      throw ecs.invalid("linearConfiguration can only be specified with the LINEAR deployment strategy.");
    }
    if (canary && !c.strategy.equals("CANARY")) {
      throw ecs.invalid("canaryConfiguration can only be specified with the CANARY deployment strategy.");
    }
    if (c.strategy.equals("LINEAR")) {
      c.linearStepPercent = checkPercent("linearConfiguration.stepPercent", c.linearStepPercent, 3.0, 10.0);
      c.linearStepBakeTimeInMinutes = orDefault(c.linearStepBakeTimeInMinutes, 6);
      checkMinutes("linearConfiguration.stepBakeTimeInMinutes", c.linearStepBakeTimeInMinutes, 0, 1440);
    }
    if (c.strategy.equals("CANARY")) {
      c.canaryPercent = checkPercent("canaryConfiguration.canaryPercent", c.canaryPercent, 0.1, 5.0);
      c.canaryBakeTimeInMinutes = orDefault(c.canaryBakeTimeInMinutes, 10);
      checkMinutes("canaryConfiguration.canaryBakeTimeInMinutes", c.canaryBakeTimeInMinutes, 0, 1440);
    }
  }

  private void checkHook(Hook h) {
    if (!"PAUSE".equals(h.targetType)) {
      throw ecs.invalid("The sandbox simulates PAUSE lifecycle hooks only, not " + (h.targetType == null ? "AWS_LAMBDA"
          : h.targetType) + ".");
    }
    if (h.hookTargetArn != null) {
      throw ecs.invalid("hookTargetArn is not applicable for PAUSE lifecycle hooks.");
    }
    if (h.lifecycleStages.isEmpty()) {
      throw ecs.invalid("lifecycleStages must be specified for a lifecycle hook.");
    }
    for (String stage : h.lifecycleStages) {
      if (SHIFT_STAGES.contains(stage)) {
        throw ecs.invalid("The lifecycle stage " + stage + " is not supported for PAUSE lifecycle hooks. Valid stages: "
            + String.join(", ", PAUSE_STAGES.stream().sorted().toList()) + ".");
      }
      if (!PAUSE_STAGES.contains(stage)) {
        throw ecs.invalid("Invalid lifecycle stage '" + stage + "'.");
      }
    }
    h.timeoutInMinutes = orDefault(h.timeoutInMinutes, 1440);
    checkMinutes("timeoutConfiguration.timeoutInMinutes", h.timeoutInMinutes, 1, 20160);
    if (h.timeoutAction == null) {
      h.timeoutAction = "ROLLBACK";
    }
    if (!h.timeoutAction.equals("ROLLBACK") && !h.timeoutAction.equals("CONTINUE")) {
      throw ecs.invalid("Invalid timeoutConfiguration.action '" + h.timeoutAction + "'. Valid values: CONTINUE, "
          + "ROLLBACK.");
    }
  }

  private void checkAdvanced(LoadBalancerRef lb, TaskDefinition td) {
    AdvancedConfig a = lb.advancedConfiguration;
    if (a == null) {
      throw ecs.invalid("advancedConfiguration must be specified for each load balancer of a service with a "
          + "BLUE_GREEN, LINEAR or CANARY deployment strategy.");
    }
    if (a.alternateTargetGroupArn == null) {
      throw ecs.invalid("advancedConfiguration.alternateTargetGroupArn must be specified.");
    }
    if (a.alternateTargetGroupArn.equals(lb.targetGroupArn)) {
      throw ecs.invalid("The alternate target group must be different from the target group " + lb.targetGroupArn
          + ".");
    }
    var alternate = new LoadBalancerRef();
    alternate.targetGroupArn = a.alternateTargetGroupArn;
    alternate.containerName = lb.containerName;
    alternate.containerPort = lb.containerPort;
    ecs.checkLoadBalancer(td, alternate);
    if (a.productionListenerRule == null) {
      throw ecs.invalid("advancedConfiguration.productionListenerRule must be specified for an Application Load "
          + "Balancer.");
    }
    var primaryLbs = ports.loadBalancing.loadBalancerArnsOf(lb.targetGroupArn);
    checkRule("productionListenerRule", a.productionListenerRule, primaryLbs);
    if (a.testListenerRule != null) {
      checkRule("testListenerRule", a.testListenerRule, primaryLbs);
    }
    checkRole(a);
  }

  /** "Application Load Balancer resources for blue/green deployments": rules forward only; no other action type. */
  private void checkRule(String field, String ruleArn, Set<String> loadBalancers) {
    var rule = ports.loadBalancing.rule(ruleArn).orElseThrow(() -> ecs.invalid("The " + field + " " + ruleArn
        + " does not exist."));
    if (!rule.actionType().equals("forward")) {
      throw ecs.invalid("The " + field + " " + ruleArn + " has a " + rule.actionType() + " action. Blue/green "
          + "deployments need listener rules with forward actions only.");
    }
    if (!loadBalancers.contains(rule.loadBalancerArn())) {
      throw ecs.invalid("The " + field + " " + ruleArn + " does not belong to a listener of the load balancer of the "
          + "service's target group.");
    }
  }

  /** The infrastructure role: ECS assumes it (trust ecs.amazonaws.com) to modify the listener rules. */
  private void checkRole(AdvancedConfig a) {
    if (a.roleArn == null) {
      throw ecs.invalid("advancedConfiguration.roleArn must be specified.");
    }
    Ports.IamChecks iam = ports.iamChecks;
    if (iam == null) {
      throw new IllegalStateException("sandbox port iamChecks not wired");
    }
    if (iam.canAssume(a.roleArn, INFRASTRUCTURE_PRINCIPAL) != Ports.IamChecks.Assume.OK) {
      // The wording of ECS's load balancer role check (its classic service role message)
      throw ecs.invalid("Unable to assume role and validate the listeners configured on your load balancer. Please "
          + "verify that the ECS service role being passed has the proper permissions.");
    }
    for (String rule : a.testListenerRule == null ? List.of(a.productionListenerRule)
        : List.of(a.productionListenerRule, a.testListenerRule)) {
      if (!iam.allows(a.roleArn, "elasticloadbalancing:ModifyRule", rule, null)) {
        throw ecs.invalid("The infrastructure role " + a.roleArn + " is not authorized to perform "
            + "elasticloadbalancing:ModifyRule on " + rule + ". Attach the AmazonECSInfrastructureRolePolicyForLoad"
            + "Balancers managed policy.");
      }
    }
  }

  /**
   * The rules forward everything to {@code serving}, one of the pair: the service's target group for the first
   * deployment, the one the tasks run on when a CodeDeploy service moves to the ECS controller.
   */
  void routeAllTo(LoadBalancerRef lb, String serving) {
    AdvancedConfig a = lb.advancedConfiguration;
    String other = serving.equals(lb.targetGroupArn) ? a.alternateTargetGroupArn : lb.targetGroupArn;
    var weights = List.of(new Weight(serving, 100), new Weight(other, 0));
    ports.loadBalancing.setRuleWeights(a.productionListenerRule, weights);
    if (a.testListenerRule != null) {
      ports.loadBalancing.setRuleWeights(a.testListenerRule, weights);
    }
  }

  private Double checkPercent(String field, Double value, double min, double fallback) {
    double v = value == null ? fallback : value;
    if (v < min || v > 100) {
      throw ecs.invalid(field + " must be between " + (min == Math.floor(min) ? String.valueOf((int) min)
          : String.valueOf(min)) + " and 100.");
    }
    return v;
  }

  private void checkMinutes(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw ecs.invalid(field + " must be between " + min + " and " + max + ".");
    }
  }

  private static Integer orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
