package org.bgwizard.sandbox.ecs;

import java.util.function.Consumer;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.SandboxInternals;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.iam.IamEngine;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/**
 * The tutorial's resources for ECS built-in blue/green: the load balancer, two target groups, production and test
 * listeners, one forward rule on each, and the infrastructure role in the sandbox's IAM (other roles come from the
 * fixture's IAM double).
 */
final class NativeFixture {
  static final String INFRA_ROLE_NAME = "demo-ecs-infrastructure";
  static final String INFRA_POLICY = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
  static final String TRUST_ECS = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com"},
        "Action": "sts:AssumeRole"}]}""";

  final EcsFixture f;
  final EcsFixture.BlueGreen bg;
  final String productionRule;
  final String testRule;
  final String infraRole;

  NativeFixture() {
    this(new EcsFixture());
  }

  NativeFixture(EcsFixture f) {
    this.f = f;
    wireIam(f);
    bg = f.blueGreen(EcsFixture.NGINX);
    productionRule = rule(bg.production());
    testRule = rule(bg.test());
    infraRole = role(INFRA_ROLE_NAME, TRUST_ECS, INFRA_POLICY);
    f.advance(15);
  }

  /** Roles the sandbox's IAM knows answer from it; the others from the fixture's IAM double. */
  static void wireIam(EcsFixture f) {
    IamEngine iam = SandboxInternals.iamEngine(f.sandbox);
    SandboxInternals.ports(f.sandbox).iamChecks = new Ports.IamChecks() {
      @Override
      public Assume canAssume(String roleArn, String principal) {
        return iam.roleExists(roleArn) ? iam.canAssume(roleArn, principal) : f.iam.canAssume(roleArn, principal);
      }

      @Override
      public boolean allows(String roleArn, String action, String resource, String passedTo) {
        return iam.roleExists(roleArn) ? iam.allows(roleArn, action, resource, passedTo)
            : f.iam.allows(roleArn, action, resource, passedTo);
      }

      @Override
      public boolean roleExists(String roleArn) {
        return iam.roleExists(roleArn) || f.iam.roleExists(roleArn);
      }
    };
  }

  String role(String name, String trust, String policy) {
    String arn = f.sandbox.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    if (policy != null) {
      f.sandbox.iam().attachRolePolicy(r -> r.roleName(name).policyArn(policy));
    }
    return arn;
  }

  private String rule(String listener) {
    return f.sandbox.elbv2().createRule(r -> r.listenerArn(listener).priority(1)
        .conditions(RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values("/*")).build())
        .actions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(bg.targetGroup1()).build()))
        .rules().get(0).ruleArn();
  }

  AdvancedConfiguration.Builder advanced() {
    return AdvancedConfiguration.builder().alternateTargetGroupArn(bg.targetGroup2()).productionListenerRule(
        productionRule).testListenerRule(testRule).roleArn(infraRole);
  }

  /** A BLUE_GREEN service with the ECS controller; {@code config} and {@code lb} adjust the request. */
  CreateServiceRequest.Builder request(Consumer<DeploymentConfiguration.Builder> config,
      Consumer<AdvancedConfiguration.Builder> lb) {
    var dc = DeploymentConfiguration.builder().strategy("BLUE_GREEN").bakeTimeInMinutes(5);
    config.accept(dc);
    var advanced = advanced();
    lb.accept(advanced);
    return EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .deploymentController(d -> d.type(DeploymentControllerType.ECS))
        .deploymentConfiguration(dc.build())
        .loadBalancers(software.amazon.awssdk.services.ecs.model.LoadBalancer.builder()
            .targetGroupArn(bg.targetGroup1()).containerName("web").containerPort(80)
            .advancedConfiguration(advanced.build()).build());
  }

  Service create(Consumer<DeploymentConfiguration.Builder> config) {
    return f.sandbox.ecs().createService(request(config, a -> { }).build()).service();
  }
}
