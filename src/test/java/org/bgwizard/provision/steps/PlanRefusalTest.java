package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.LoadBalancerInfo;
import org.bgwizard.aws.LogGroupInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.ServiceInfo;
import org.bgwizard.aws.SubnetInfo;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.Network;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

class PlanRefusalTest {
  private static final SetupSpec SPEC = SpecDefaults.tutorial("demo", "us-east-1");
  private static final Target TARGET = new Target("123456789012", "us-east-1");
  private static final NetworkFacts NETWORK = new NetworkFacts("vpc-0a", List.of(
      new SubnetInfo("subnet-0a", "vpc-0a", "us-east-1a", "10.0.0.0/24", true, true),
      new SubnetInfo("subnet-0b", "vpc-0a", "us-east-1b", "10.0.1.0/24", true, true)), List.of());

  @TempDir
  Path dir;

  private static Discovered found(ResourceKind kind, String name, Object info) {
    return new Discovered(NETWORK, List.of(), Map.of(new ResourceRef(kind.id(), name), Optional.of(info)), null);
  }

  @Test
  void plan_refusesToReplaceAnUntaggedTargetGroupOfTypeInstance_beforeAnyCreateCall() throws Exception {
    var h = new SandboxHarness(dir);
    String vpc = h.clients.ec2().describeVpcs().vpcs().get(0).vpcId();
    h.clients.elbv2().createTargetGroup(r -> r.name("demo-tg-1").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc)
        .targetType(TargetTypeEnum.INSTANCE));
    int calls = h.calls().size();

    var refused = assertThrows(PlanRefusedException.class, () -> h.ops.plan(h.spec, h.journal()));

    assertTrue(refused.getMessage().contains("target type: instance → ip"), refused.getMessage());
    assertTrue(refused.getMessage().contains("it must be replaced, but it is not this setup's"), refused.getMessage());
    assertTrue(refused.getMessage().contains("catalogue row 12"), refused.getMessage());
    var after = h.operations().subList(calls, h.calls().size());
    assertFalse(after.isEmpty());
    assertEquals(List.of(), after.stream().filter(ApplyTest::mutating).toList());
  }

  @Test
  void plan_replacesALoadBalancerInAnotherVpc_sayingTheUrlChanges() {
    var lb = new LoadBalancerInfo("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo-alb/1",
        "demo-alb", "dns", "active", "vpc-other", "internet-facing", "application", List.of(), List.of());

    SetupPlan plan = SetupPlan.build(SPEC, TARGET, found(ResourceKind.LOAD_BALANCER, "demo-alb", lb));

    PlanStatus status = plan.status(new ResourceRef(ResourceKind.LOAD_BALANCER.id(), "demo-alb"));
    assertEquals(PlanStatus.Kind.REPLACE, status.kind());
    assertTrue(status.changes().get(0).toString().startsWith("VPC: vpc-other → "), status::toString);
    assertTrue(status.replaceCost().contains("the production URL http://dns/ stops working"), status::toString);
  }

  @Test
  void plan_replacesAnInternalLoadBalancer_sayingWhy() {
    var lb = new LoadBalancerInfo("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo-alb/1",
        "demo-alb", "dns", "active", NETWORK.vpcId(), "internal", "application", List.of(), List.of());

    SetupPlan plan = SetupPlan.build(SPEC, TARGET, found(ResourceKind.LOAD_BALANCER, "demo-alb", lb));

    PlanStatus status = plan.status(new ResourceRef(ResourceKind.LOAD_BALANCER.id(), "demo-alb"));
    assertEquals(PlanStatus.Kind.REPLACE, status.kind());
    assertEquals("scheme: internal → internet-facing", status.changes().get(0).toString());
    assertTrue(status.differences().get(0).contains("AWS cannot change a load balancer's type, scheme or VPC"),
        status::toString);
  }

  @Test
  void plan_replacesAServiceWithoutTheCodeDeployController() {
    var service = new ServiceInfo("arn:aws:ecs:us-east-1:123456789012:service/demo-cluster/demo-service",
        "demo-service", "arn:cluster", "ACTIVE", "ECS", 1, 1, "td", List.of(), "demo", 80, List.of(), List.of(),
        "FARGATE");

    SetupPlan plan = SetupPlan.build(SPEC, TARGET, found(ResourceKind.SERVICE, "demo-service", service));

    PlanStatus status = plan.status(new ResourceRef(ResourceKind.SERVICE.id(), "demo-service"));
    assertEquals(PlanStatus.Kind.REPLACE, status.kind());
    assertEquals("deployment controller: ECS → CODE_DEPLOY", status.changes().get(0).toString());
    assertTrue(status.differences().get(0).contains("catalogue rows 4, 5, 10"), status::toString);
    assertTrue(status.replaceCost().contains("deleted and created again"), status::toString);
  }

  @Test
  void plan_refusesAChosenRoleThatDoesNotExist() {
    var roles = SPEC.roles();
    var spec = SPEC.withRoles(new Roles(roles.taskExecution(),
        new Roles.RoleRef("ignored", "arn:aws:iam::123456789012:role/team/my-deployer"), roles.codeBuild(),
        roles.codePipeline()));

    var refused = assertThrows(PlanRefusedException.class,
        () -> SetupPlan.build(spec, TARGET, new Discovered(NETWORK, List.of(), Map.of(), null)));

    assertTrue(refused.getMessage().contains("iam-role/my-deployer"), refused.getMessage());
    assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
  }

  @Test
  void plan_updatesWhatIsSafe_andSaysWhat() {
    var group = new LogGroupInfo("/ecs/demo", "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/demo", null);

    SetupPlan plan = SetupPlan.build(SPEC, TARGET, found(ResourceKind.LOG_GROUP, "/ecs/demo", group));

    PlanStatus status = plan.status(new ResourceRef("logs-log-group", "/ecs/demo"));
    assertEquals(PlanStatus.Kind.EXISTS_DIFFERS, status.kind());
    assertFalse(status.refused());
    assertTrue(plan.describe().contains("~ retention (days): never expire → 30"), plan.describe());
  }

  @Test
  void plan_refusesSubnetsInOneZone_anAlbNeedsTwo() throws Exception {
    var h = new SandboxHarness(dir);
    var vpc = h.clients.ec2().describeVpcs().vpcs().get(0).vpcId();
    var subnet = h.clients.ec2().describeSubnets().subnets().get(0).subnetId();
    var spec = SPEC.withNetwork(new Network(vpc, List.of(new Network.SubnetRef(subnet, null)), true, "0.0.0.0/0"));

    var refused = assertThrows(PlanRefusedException.class, () -> h.ops.plan(spec));

    assertTrue(refused.getMessage().contains("at least two availability zones"), refused.getMessage());
  }
}
