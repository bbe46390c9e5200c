package org.bgwizard.deploy;

import java.util.List;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.SandboxInternals;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.iam.IamEngine;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/**
 * The tutorial's service with ECS built-in blue/green in the simulated account, created through its SDK clients:
 * production and test rules, the infrastructure role, BLUE_GREEN with a bake time and a PAUSE hook before
 * production traffic; and the dashboard's monitor and actions over the same clients.
 */
public final class NativeSandbox {
  static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo";
  public final EcsFixture f = new EcsFixture();
  final EcsFixture.BlueGreen bg;
  final String productionRule;
  final AwsClients clients;
  public final DeploymentMonitor monitor;
  public final DeploymentActions actions;

  public NativeSandbox(int bakeMinutes, int pauseMinutes) {
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
    bg = f.blueGreen(EcsFixture.NGINX);
    productionRule = rule(bg.production());
    String testRule = rule(bg.test());
    String role = f.sandbox.iam().createRole(r -> r.roleName("demo-ecs-infrastructure").assumeRolePolicyDocument("""
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com"},
          "Action": "sts:AssumeRole"}]}""")).role().arn();
    f.sandbox.iam().attachRolePolicy(r -> r.roleName("demo-ecs-infrastructure")
        .policyArn("arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"));
    f.advance(15);
    var pause = DeploymentLifecycleHook.builder().targetType("PAUSE")
        .lifecycleStagesWithStrings("PRE_PRODUCTION_TRAFFIC_SHIFT")
        .timeoutConfiguration(t -> t.timeoutInMinutes(pauseMinutes).action("ROLLBACK")).build();
    f.sandbox.ecs().createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .deploymentController(d -> d.type(DeploymentControllerType.ECS))
        .deploymentConfiguration(DeploymentConfiguration.builder().strategy("BLUE_GREEN")
            .bakeTimeInMinutes(bakeMinutes).lifecycleHooks(pause)
            .deploymentCircuitBreaker(c -> c.enable(true).rollback(true)).build())
        .loadBalancers(software.amazon.awssdk.services.ecs.model.LoadBalancer.builder()
            .targetGroupArn(bg.targetGroup1()).containerName("web").containerPort(80)
            .advancedConfiguration(AdvancedConfiguration.builder().alternateTargetGroupArn(bg.targetGroup2())
                .productionListenerRule(productionRule).testListenerRule(testRule).roleArn(role).build())
            .build()).build());
    f.advance(240);
    clients = AwsClients.sandbox(new SandboxClientSource(f.sandbox), "us-east-1");
    monitor = new DeploymentMonitor(DeploymentTarget.ecsNative(EcsFixture.CLUSTER, EcsFixture.SERVICE, null, null),
        new org.bgwizard.aws.SdkDeploymentReader(clients), new org.bgwizard.aws.SdkServiceDeployments(clients),
        f.clock, (delay, task) -> () -> { }, java.util.Locale.ENGLISH);
    actions = new DeploymentActions(new org.bgwizard.aws.SdkDeploymentCommands(clients),
        new org.bgwizard.aws.SdkServiceDeployments(clients));
  }

  private String rule(String listener) {
    return f.sandbox.elbv2().createRule(r -> r.listenerArn(listener).priority(1)
        .conditions(RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values("/*")).build())
        .actions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(bg.targetGroup1()).build()))
        .rules().get(0).ruleArn();
  }

  /** UpdateService with a new task definition of {@code image}: what the pipeline's Amazon ECS action does. */
  public void release(String image) {
    String td = f.taskDefinition(image);
    f.sandbox.ecs().updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).taskDefinition(td));
  }

  /** An image whose tasks behave as {@code behaviour}. */
  String image(Ports.ImageBehaviour behaviour) {
    f.sandbox.ecr().createRepository(r -> r.repositoryName("demo"));
    SandboxInternals.ports(f.sandbox).registry.push("demo", List.of("broken"), "X86_64", behaviour);
    return REPO + ":broken";
  }

  /** Advances a second at a time, reading as the dashboard does, until {@code condition} or {@code seconds} pass. */
  public DeploymentSnapshot until(java.util.function.Predicate<DeploymentSnapshot> condition, int seconds) {
    DeploymentSnapshot s = monitor.refreshNow();
    for (int i = 0; i < seconds && !condition.test(s); i += 5) {
      f.advance(5);
      s = monitor.refreshNow();
    }
    if (!condition.test(s)) {
      throw new AssertionError("not reached in " + seconds + " s: " + s.nativeCurrent());
    }
    return s;
  }
}
