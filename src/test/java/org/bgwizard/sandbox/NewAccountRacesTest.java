package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.bgwizard.sandbox.core.ManualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSecurityGroupException;

/** The races of a new account: ECS's service-linked role and new security groups are not usable at once. */
class NewAccountRacesTest {
  private final ManualClock clock = ManualClock.startingAt("2026-01-05T09:00:00Z");
  private final Sandbox sandbox = Sandbox.inMemory("us-east-1", clock);

  private void advance(int seconds) {
    clock.advance(Duration.ofSeconds(seconds));
    sandbox.account().advanceToNow();
  }

  private List<String> defaultSubnets() {
    return sandbox.ec2().describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true")
        .build())).subnets().stream().map(Subnet::subnetId).sorted().toList();
  }

  @Test
  void createCluster_rightAfterCreateServiceLinkedRole_isRow14_untilTheRolePropagated() {
    sandbox.account().settings().ecsServiceLinkedRoleMissing = true;
    assertAwsError(InvalidParameterException.class, "InvalidParameterException",
        "Unable to assume the service linked role. Please verify that the ECS service linked role exists.",
        () -> sandbox.ecs().createCluster(r -> r.clusterName("demo")));

    sandbox.iam().createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com"));
    assertAwsError(InvalidParameterException.class, "InvalidParameterException",
        "Unable to assume the service linked role", () -> sandbox.ecs().createCluster(r -> r.clusterName("demo")));

    advance(sandbox.account().settings().propagationDelaySeconds);
    assertEquals("ACTIVE", sandbox.ecs().createCluster(r -> r.clusterName("demo")).cluster().status());
  }

  @Test
  void newSecurityGroup_isNotFoundByOtherCalls_forTheVisibilityDelay() {
    sandbox.account().settings().securityGroupVisibilitySeconds = 5;
    String vpc = sandbox.ec2().describeVpcs().vpcs().get(0).vpcId();
    String id = sandbox.ec2().createSecurityGroup(r -> r.groupName("demo-alb").description("alb").vpcId(vpc))
        .groupId();

    assertAwsError(Ec2Exception.class, "InvalidGroup.NotFound", "The security group '" + id + "' does not exist",
        () -> sandbox.ec2().authorizeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("tcp").fromPort(80)
            .toPort(80).cidrIp("0.0.0.0/0")));
    assertAwsError(InvalidSecurityGroupException.class, "InvalidSecurityGroup", "does not exist",
        () -> sandbox.elbv2().createLoadBalancer(r -> r.name("demo-alb").subnets(defaultSubnets().subList(0, 2))
            .securityGroups(id)));
    assertAwsError(Ec2Exception.class, "InvalidGroup.NotFound", null,
        () -> sandbox.ec2().describeSecurityGroups(r -> r.groupIds(id)));

    advance(5);
    sandbox.ec2().authorizeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("tcp").fromPort(80).toPort(80)
        .cidrIp("0.0.0.0/0"));
    assertEquals(1, sandbox.elbv2().createLoadBalancer(r -> r.name("demo-alb")
        .subnets(defaultSubnets().subList(0, 2)).securityGroups(id)).loadBalancers().size());
  }

  @Test
  void createLoadBalancer_refusesOneZone_andTwoSubnetsInAZone_asAwsDoes() {
    String vpc = sandbox.ec2().describeVpcs().vpcs().get(0).vpcId();
    String zone = sandbox.ec2().describeSubnets(r -> r.subnetIds(defaultSubnets().get(0))).subnets().get(0)
        .availabilityZone();
    String second = sandbox.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("172.31.96.0/20").availabilityZone(zone))
        .subnet().subnetId();

    assertAwsError(ElasticLoadBalancingV2Exception.class, "ValidationError",
        "At least two subnets in two different Availability Zones must be specified",
        () -> sandbox.elbv2().createLoadBalancer(r -> r.name("demo-alb").subnets(defaultSubnets().get(0))));
    assertAwsError(InvalidConfigurationRequestException.class, "InvalidConfigurationRequest",
        "A load balancer cannot be attached to multiple subnets in the same Availability Zone",
        () -> sandbox.elbv2().createLoadBalancer(r -> r.name("demo-alb").subnets(defaultSubnets().get(0), second)));
  }
}
