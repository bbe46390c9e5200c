package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bgwizard.artifacts.InfrastructureRole;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResources;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.Roles;

/**
 * What an {@code ecs-native} setup has instead of CodeDeploy ("Amazon ECS blue/green deployments"; "Required
 * resources for Amazon ECS blue/green deployments", ECS Developer Guide): the infrastructure role ECS assumes to
 * move traffic, a weighted forward rule on each listener, and the service's deployment settings.
 */
final class NativeResources {
  static final String INFRASTRUCTURE_ROLE = "EcsInfrastructureRole";
  static final String PRODUCTION_RULE = "ProductionListenerRule";
  static final String TEST_RULE = "TestListenerRule";
  static final int RULE_PRIORITY = 1;
  private static final String PAUSE_STAGE = "PRE_PRODUCTION_TRAFFIC_SHIFT";

  private NativeResources() {}

  /**
   * Trusted by ecs.amazonaws.com, with the managed policy for load balancers, as apply makes it ({@link
   * InfrastructureRole}; the policy's ARN has no {@code service-role/} path: AWS Managed Policy Reference,
   * "AmazonECSInfrastructureRolePolicyForLoadBalancers").
   */
  static void infrastructureRole(Parts parts) {
    Roles.RoleRef ref = parts.spec.ecsNative().infrastructureRole();
    if (ref.isExisting()) {
      return;
    }
    ObjectNode p = Cfn.object();
    p.put("RoleName", ref.name());
    p.put("Description", "ECS moves the listener rules of setup " + parts.spec.name() + " in blue/green deployments");
    p.set("AssumeRolePolicyDocument", InfrastructureRole.trust());
    p.set("ManagedPolicyArns", Cfn.strings(List.of(InfrastructureRole.managedPolicyArn(parts.arns.partition()))));
    p.set("Tags", parts.tags());
    parts.add(INFRASTRUCTURE_ROLE, "AWS::IAM::Role", Pages.ROLES, p, List.of(), ResourceKind.IAM_ROLE, ref.name());
  }

  /**
   * One rule per listener, forwarding all paths with weights (100 to the first target group, 0 to the second): ECS
   * changes the weights while it deploys, and fails a deployment whose rules mix forward with other action types
   * ("Application Load Balancer resources for blue/green deployments").
   */
  static void listenerRules(Parts parts) {
    LoadBalancer lb = parts.spec.loadBalancer();
    String lbName = FoundationResources.loadBalancerName(lb);
    rule(parts, PRODUCTION_RULE, FoundationResources.PRODUCTION_LISTENER, ruleName(lbName, lb.productionPort()));
    rule(parts, TEST_RULE, FoundationResources.TEST_LISTENER, ruleName(lbName, lb.testPort()));
  }

  /** As apply records it: its listener's name and its priority ({@code demo-alb:80:rule-1}). */
  static String ruleName(String loadBalancerName, int port) {
    return TaggedResources.listenerName(loadBalancerName, port) + ":rule-" + RULE_PRIORITY;
  }

  private static void rule(Parts parts, String id, String listenerId, String name) {
    ObjectNode p = Cfn.object();
    p.set("ListenerArn", Cfn.ref(listenerId));
    p.put("Priority", RULE_PRIORITY);
    ObjectNode condition = p.putArray("Conditions").addObject();
    condition.put("Field", "path-pattern");
    condition.putObject("PathPatternConfig").set("Values", Cfn.strings(List.of("/*")));
    ObjectNode forward = p.putArray("Actions").addObject();
    forward.put("Type", "forward");
    ArrayNode groups = forward.putObject("ForwardConfig").putArray("TargetGroups");
    groups.addObject().<ObjectNode>set("TargetGroupArn", Cfn.ref(FoundationResources.TARGET_GROUP_1)).put("Weight", 100);
    groups.addObject().<ObjectNode>set("TargetGroupArn", Cfn.ref(FoundationResources.TARGET_GROUP_2)).put("Weight", 0);
    parts.add(id, "AWS::ElasticLoadBalancingV2::ListenerRule", Pages.LOAD_BALANCER, p, List.of(), ResourceKind.LISTENER_RULE,
        name);
  }

  /** The service's controller, deployment configuration and the load balancer's advanced configuration. */
  static void serviceSettings(Parts parts, ObjectNode service, ObjectNode loadBalancer) {
    EcsNative n = parts.spec.ecsNative();
    service.putObject("DeploymentController").put("Type", "ECS");
    ObjectNode config = service.putObject("DeploymentConfiguration");
    config.put("Strategy", n.shift().name());
    config.put("BakeTimeInMinutes", n.bakeTimeMinutes());
    switch (n.shift()) {
      case LINEAR -> config.putObject("LinearConfiguration").put("StepPercent", n.stepPercent())
          .put("StepBakeTimeInMinutes", n.stepBakeMinutes());
      case CANARY -> config.putObject("CanaryConfiguration").put("CanaryPercent", n.stepPercent())
          .put("CanaryBakeTimeInMinutes", n.stepBakeMinutes());
      case BLUE_GREEN -> { }
    }
    // as apply sets it: a release whose tasks fail rolls back by itself ("Amazon ECS deployment failure detection")
    config.putObject("DeploymentCircuitBreaker").put("Enable", true).put("Rollback", true);
    if (n.pauseBeforeProduction()) {
      ObjectNode hook = config.putArray("LifecycleHooks").addObject();
      hook.put("TargetType", "PAUSE");
      hook.set("LifecycleStages", Cfn.strings(List.of(PAUSE_STAGE)));
      hook.putObject("TimeoutConfiguration").put("TimeoutInMinutes", n.pauseTimeoutMinutes())
          .put("Action", n.onPauseTimeout().name());
    }
    ObjectNode advanced = loadBalancer.putObject("AdvancedConfiguration");
    advanced.set("AlternateTargetGroupArn", Cfn.ref(FoundationResources.TARGET_GROUP_2));
    advanced.set("ProductionListenerRule", Cfn.ref(PRODUCTION_RULE));
    advanced.set("TestListenerRule", Cfn.ref(TEST_RULE));
    advanced.set("RoleArn", infrastructureRoleArn(parts));
  }

  private static JsonNode infrastructureRoleArn(Parts parts) {
    Roles.RoleRef ref = parts.spec.ecsNative().infrastructureRole();
    return ref.isExisting() ? Cfn.text(ref.existingArn()) : Cfn.getAtt(INFRASTRUCTURE_ROLE, "Arn");
  }
}
