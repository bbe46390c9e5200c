package org.bgwizard.sandbox.elb;

import org.bgwizard.sandbox.SandboxInternals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.EcsTestNetwork;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSecurityGroupException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.waiters.ElasticLoadBalancingV2Waiter;

class ElbLoadBalancerTest {
  private final EcsFixture f = new EcsFixture();
  private final ElasticLoadBalancingV2Client elb = f.sandbox.elbv2();

  private LoadBalancer describe(String arn) {
    return elb.describeLoadBalancers(r -> r.loadBalancerArns(arn)).loadBalancers().get(0);
  }

  @Test
  void newLoadBalancer_isProvisioning_andActiveExactly150SecondsLater() {
    LoadBalancer created = elb.createLoadBalancer(r -> r.name("demo-alb").subnets(EcsTestNetwork.publicSubnets())
        .securityGroups(EcsTestNetwork.SG_ALB)).loadBalancers().get(0);
    assertEquals(LoadBalancerStateEnum.PROVISIONING, created.state().code());

    f.clock.advance(Duration.ofSeconds(149));
    assertEquals(LoadBalancerStateEnum.PROVISIONING, describe(created.loadBalancerArn()).state().code());
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(LoadBalancerStateEnum.ACTIVE, describe(created.loadBalancerArn()).state().code());
  }

  @Test
  void loadBalancer_hasAwsShapedArnDnsNameAndZones() {
    LoadBalancer lb = elb.createLoadBalancer(r -> r.name("demo-alb").subnets(EcsTestNetwork.publicSubnets()))
        .loadBalancers().get(0);
    assertTrue(lb.loadBalancerArn().matches(
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo-alb/[0-9a-f]{16}"), lb.loadBalancerArn());
    assertTrue(lb.dnsName().matches("demo-alb-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com"), lb.dnsName());
    assertEquals("internet-facing", lb.schemeAsString());
    assertEquals("application", lb.typeAsString());
    assertEquals(EcsTestNetwork.VPC, lb.vpcId());
    assertEquals(List.of("us-east-1a", "us-east-1b"), lb.availabilityZones().stream().map(z -> z.zoneName()).toList());
  }

  @Test
  void loadBalancerAvailableWaiter_succeedsOnceActive() {
    String arn = f.loadBalancer("demo-alb");
    int[] polls = {0};
    var waiter = ElasticLoadBalancingV2Waiter.builder().client(elb)
        .overrideConfiguration(WaiterOverrideConfiguration.builder().maxAttempts(40).backoffStrategyV2(attempt -> {
          polls[0]++;
          f.clock.advance(Duration.ofSeconds(15));
          return Duration.ZERO;
        }).build())
        .build();

    var response = waiter.waitUntilLoadBalancerAvailable(r -> r.loadBalancerArns(arn));

    assertEquals(LoadBalancerStateEnum.ACTIVE,
        response.matched().response().orElseThrow().loadBalancers().get(0).state().code());
    assertEquals(10, polls[0]);
  }

  @Test
  void subnetsInOneZone_areAValidationError() {
    var e = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.createLoadBalancer(r -> r.name("x")
        .subnets(EcsTestNetwork.SUBNET_A)));
    assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("two different Availability Zones"));
  }

  @Test
  void unknownSubnet_isSubnetNotFound() {
    var e = assertThrows(SubnetNotFoundException.class, () -> elb.createLoadBalancer(r -> r.name("x")
        .subnets(EcsTestNetwork.SUBNET_A, "subnet-0000000000000000f")));
    assertEquals("SubnetNotFound", e.awsErrorDetails().errorCode());
  }

  @Test
  void unknownSecurityGroup_isInvalidSecurityGroup() {
    var e = assertThrows(InvalidSecurityGroupException.class, () -> elb.createLoadBalancer(r -> r.name("x")
        .subnets(EcsTestNetwork.publicSubnets()).securityGroups("sg-0000000000000000f")));
    assertEquals("InvalidSecurityGroup", e.awsErrorDetails().errorCode());
  }

  @Test
  void sameNameSameSettings_returnsTheExistingLoadBalancer_differentSettingsIsDuplicate() {
    String arn = f.loadBalancer("demo-alb");
    assertEquals(arn, f.loadBalancer("demo-alb"));

    var e = assertThrows(DuplicateLoadBalancerNameException.class, () -> elb.createLoadBalancer(r -> r.name("demo-alb")
        .subnets(EcsTestNetwork.SUBNET_A, EcsTestNetwork.SUBNET_C)));
    assertEquals("DuplicateLoadBalancerName", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("A load balancer with the same name 'demo-alb' exists, but with different settings"));
  }

  @Test
  void nameLongerThan32_orStartingWithInternal_isRejected() {
    var tooLong = assertThrows(software.amazon.awssdk.services.elasticloadbalancingv2.model
        .ElasticLoadBalancingV2Exception.class, () -> f.loadBalancer("a".repeat(33)));
    assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
    var internal = assertThrows(software.amazon.awssdk.services.elasticloadbalancingv2.model
        .ElasticLoadBalancingV2Exception.class, () -> f.loadBalancer("internal-demo"));
    assertEquals("ValidationError", internal.awsErrorDetails().errorCode());
  }

  @Test
  void unknownName_isLoadBalancerNotFound() {
    var e = assertThrows(LoadBalancerNotFoundException.class,
        () -> elb.describeLoadBalancers(r -> r.names("nope")));
    assertEquals("LoadBalancerNotFound", e.awsErrorDetails().errorCode());
  }

  @Test
  void describeLoadBalancersPaginator_walksMarkerPages() {
    for (int i = 0; i < 5; i++) {
      f.loadBalancer("alb-" + i);
    }
    var first = elb.describeLoadBalancers(r -> r.pageSize(2));
    assertEquals(2, first.loadBalancers().size());
    assertTrue(first.nextMarker() != null);

    var names = elb.describeLoadBalancersPaginator(r -> r.pageSize(2)).loadBalancers().stream()
        .map(LoadBalancer::loadBalancerName).toList();
    assertEquals(List.of("alb-0", "alb-1", "alb-2", "alb-3", "alb-4"), names);
  }

  @Test
  void deleteLoadBalancer_removesItsListeners_andSucceedsForMissingOnes() {
    String lb = f.loadBalancer("demo-alb");
    String tg = f.targetGroup("demo-tg-1", "ip");
    f.listener(lb, 80, tg);

    elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb));
    elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb));

    assertTrue(SandboxInternals.elbEngine(f.sandbox).st().listeners.isEmpty());
    assertThrows(LoadBalancerNotFoundException.class, () -> elb.describeLoadBalancers(r -> r.loadBalancerArns(lb)));
  }

  @Test
  void deletionProtection_blocksDelete() {
    String lb = f.loadBalancer("demo-alb");
    elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb).attributes(LoadBalancerAttribute.builder()
        .key("deletion_protection.enabled").value("true").build()));

    var e = assertThrows(OperationNotPermittedException.class, () -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb)));
    assertEquals("OperationNotPermitted", e.awsErrorDetails().errorCode());
    assertTrue(elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb)).attributes()
        .contains(LoadBalancerAttribute.builder().key("idle_timeout.timeout_seconds").value("60").build()));
  }

  @Test
  void unknownAttributeKey_isInvalidConfigurationRequest() {
    String lb = f.loadBalancer("demo-alb");
    var e = assertThrows(InvalidConfigurationRequestException.class, () -> elb.modifyLoadBalancerAttributes(
        r -> r.loadBalancerArn(lb).attributes(LoadBalancerAttribute.builder().key("bogus").value("1").build())));
    assertEquals("InvalidConfigurationRequest", e.awsErrorDetails().errorCode());
  }
}
