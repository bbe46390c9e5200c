package org.bgwizard.export;

import org.bgwizard.setup.CodeDeploy;
import java.util.List;
import org.bgwizard.setup.Ecs;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.Strategy;

/** The setups the export tests share. */
final class ExportSpecs {
  static final String EXISTING_LB = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/shared/0123456789abcdef";
  static final String EXISTING_ROLE = "arn:aws:iam::123456789012:role/team-codedeploy";
  static final String EXISTING_INFRASTRUCTURE_ROLE = "arn:aws:iam::123456789012:role/team-ecs-infrastructure";

  private ExportSpecs() {}

  static SetupSpec tutorial() {
    return SpecDefaults.tutorial("demo", "ap-northeast-1");
  }

  static SetupSpec s3Source() {
    return tutorial().withSource(Source.s3("demo-source-bucket", "app/source.zip", true));
  }

  /**
   * The built-in strategy: linear steps, a bake time, a pause before production traffic that rolls back when it
   * times out, the infrastructure role the setup creates.
   */
  static SetupSpec ecsNative() {
    return SpecDefaults.tutorial("demo", "ap-northeast-1", Strategy.ECS_NATIVE).withEcsNative(new EcsNative(
        EcsNative.Shift.LINEAR, 20, 2, 10, true, 30, EcsNative.TimeoutAction.ROLLBACK,
        new Roles.RoleRef("demo-ecs-infrastructure", null), 60));
  }

  /** The built-in strategy all at once, with the user's own infrastructure role. */
  static SetupSpec ecsNativeCanaryExistingRole() {
    return ecsNative().withEcsNative(new EcsNative(EcsNative.Shift.CANARY, 10, 5, 0, false, null, null,
        new Roles.RoleRef("team-ecs-infrastructure", EXISTING_INFRASTRUCTURE_ROLE), 30));
  }

  /**
   * Two environments (issue 15): dev on the setup's branch, prod on its own and gated, the approval topic the setup
   * creates with an e-mail subscription; each environment its own load balancer.
   */
  static SetupSpec twoEnvironments() {
    SetupSpec spec = SpecDefaults.withEnvironments(tutorial(), List.of("dev", "prod"));
    var envs = spec.environments();
    return spec.withEnvironments(new Environments(envs.list(), false,
        new Environments.ApprovalTopic(envs.approvalTopic().name(), null, "release@example.com")));
  }

  /** The same two environments behind one shared load balancer, each on its own ports. */
  static SetupSpec twoEnvironmentsSharedLoadBalancer() {
    var envs = twoEnvironments().environments();
    return twoEnvironments().withEnvironments(new Environments(envs.list(), true, envs.approvalTopic()));
  }

  /** The two environments with a GitHub source through a connection the setup creates. */
  static SetupSpec twoEnvironmentsNewConnection() {
    SetupSpec spec = twoEnvironments();
    return spec.withSource(Source.connection("GitHub", "demo-github", null, "octo/demo", "main"));
  }

  /** A GitHub source through a connection the setup creates, which the stack must then create too. */
  static SetupSpec newConnection() {
    return tutorial().withSource(Source.connection("GitHub", "demo-github", null, "octo/demo", "main"));
  }

  /** The user's load balancer, cluster and CodeDeploy role; reroute waits for a person. */
  static SetupSpec existingParts() {
    SetupSpec spec = tutorial();
    LoadBalancer lb = spec.loadBalancer();
    Ecs ecs = spec.ecs();
    CodeDeploy cd = spec.codeDeploy();
    Roles r = spec.roles();
    return spec.withLoadBalancer(new LoadBalancer(EXISTING_LB, lb.name(), lb.productionPort(), lb.testPort(),
            lb.targetGroup1(), lb.targetGroup2(), lb.healthCheck(), lb.deregistrationDelaySeconds()))
        .withEcs(new Ecs("shared", true, ecs.service(), ecs.taskFamily(), ecs.desiredCount(), ecs.logGroup(),
            ecs.logRetentionDays()))
        .withCodeDeploy(new CodeDeploy(cd.application(), cd.deploymentGroup(), cd.deploymentConfig(),
            CodeDeploy.Reroute.WAIT, 30, cd.terminationWaitMinutes(), cd.autoRollback()))
        .withRoles(new Roles(r.taskExecution(), new Roles.RoleRef(r.codeDeploy().name(), EXISTING_ROLE),
            r.codeBuild(), r.codePipeline()));
  }
}
