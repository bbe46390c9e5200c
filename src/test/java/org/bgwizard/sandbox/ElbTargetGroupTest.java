package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

class ElbTargetGroupTest {
  private final EcsFixture f = new EcsFixture();
  private final ElasticLoadBalancingV2Client elb = f.sandbox.elbv2();

  private TargetGroup create(String name) {
    return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(80).vpcId(EcsTestNetwork.VPC))
        .targetGroups().get(0);
  }

  @Test
  void targetType_defaultsToInstance_andHealthChecksToAwsDefaults() {
    TargetGroup tg = create("demo-tg-1");
    assertEquals(TargetTypeEnum.INSTANCE, tg.targetType());
    assertEquals(30, tg.healthCheckIntervalSeconds());
    assertEquals(6, tg.healthCheckTimeoutSeconds());
    assertEquals(5, tg.healthyThresholdCount());
    assertEquals(2, tg.unhealthyThresholdCount());
    assertEquals("/", tg.healthCheckPath());
    assertEquals("traffic-port", tg.healthCheckPort());
    assertEquals("200", tg.matcher().httpCode());
    assertTrue(tg.targetGroupArn().matches(
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg-1/[0-9a-f]{16}"));
    assertTrue(elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn())).attributes().contains(
        TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("300").build()));
  }

  @Test
  void healthCheckSettingsOutOfRange_areValidationErrors() {
    var interval = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.createTargetGroup(r -> r.name("x")
        .protocol("HTTP").port(80).vpcId(EcsTestNetwork.VPC).healthCheckIntervalSeconds(4)));
    assertEquals("ValidationError", interval.awsErrorDetails().errorCode());
    var threshold = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.createTargetGroup(r -> r.name("x")
        .protocol("HTTP").port(80).vpcId(EcsTestNetwork.VPC).healthyThresholdCount(11)));
    assertEquals("ValidationError", threshold.awsErrorDetails().errorCode());
    var timeout = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.createTargetGroup(r -> r.name("x")
        .protocol("HTTP").port(80).vpcId(EcsTestNetwork.VPC).healthCheckIntervalSeconds(10)
        .healthCheckTimeoutSeconds(10)));
    assertTrue(timeout.getMessage().contains("must be smaller than the interval"));
    var matcher = assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.createTargetGroup(r -> r.name("x")
        .protocol("HTTP").port(80).vpcId(EcsTestNetwork.VPC).matcher(m -> m.httpCode("500"))));
    assertEquals("ValidationError", matcher.awsErrorDetails().errorCode());
  }

  @Test
  void sameNameSameSettings_returnsExisting_differentIsDuplicate() {
    String arn = create("demo-tg-1").targetGroupArn();
    assertEquals(arn, create("demo-tg-1").targetGroupArn());
    var e = assertThrows(DuplicateTargetGroupNameException.class, () -> elb.createTargetGroup(r -> r.name("demo-tg-1")
        .protocol("HTTP").port(8080).vpcId(EcsTestNetwork.VPC)));
    assertEquals("DuplicateTargetGroupName", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("A target group with the same name 'demo-tg-1' exists, but with different settings"));
  }

  @Test
  void describeTargetGroups_fillsLoadBalancerArnsFromListeners() {
    String lb = f.loadBalancer("demo-alb");
    String tg1 = f.targetGroup("demo-tg-1", "ip");
    String tg2 = f.targetGroup("demo-tg-2", "ip");
    f.listener(lb, 80, tg1);

    var groups = elb.describeTargetGroups(r -> r.targetGroupArns(tg1, tg2)).targetGroups();
    assertEquals(List.of(lb), groups.get(0).loadBalancerArns());
    assertEquals(List.of(), groups.get(1).loadBalancerArns());
    assertEquals(List.of(tg1), elb.describeTargetGroups(r -> r.loadBalancerArn(lb)).targetGroups().stream()
        .map(TargetGroup::targetGroupArn).toList());
  }

  @Test
  void unknownName_isTargetGroupNotFound() {
    var e = assertThrows(TargetGroupNotFoundException.class, () -> elb.describeTargetGroups(r -> r.names("nope")));
    assertEquals("TargetGroupNotFound", e.awsErrorDetails().errorCode());
  }

  @Test
  void describeTargetGroupsPaginator_walksAllPages() {
    for (int i = 0; i < 5; i++) {
      create("tg-" + i);
    }
    assertEquals(5, elb.describeTargetGroupsPaginator(r -> r.pageSize(2)).targetGroups().stream().count());
  }

  @Test
  void modifyTargetGroup_changesHealthCheck() {
    String arn = create("demo-tg-1").targetGroupArn();
    var tg = elb.modifyTargetGroup(r -> r.targetGroupArn(arn).healthCheckPath("/health").healthCheckIntervalSeconds(10)
        .healthCheckTimeoutSeconds(5)).targetGroups().get(0);
    assertEquals("/health", tg.healthCheckPath());
    assertEquals(10, tg.healthCheckIntervalSeconds());
  }

  @Test
  void rejectedModification_leavesTheTargetGroupAsItWas() {
    String arn = create("demo-tg-1").targetGroupArn();
    assertThrows(ElasticLoadBalancingV2Exception.class, () -> elb.modifyTargetGroup(r -> r.targetGroupArn(arn)
        .healthCheckPath("/health").healthCheckTimeoutSeconds(60)));
    assertEquals("/", elb.describeTargetGroups(r -> r.targetGroupArns(arn)).targetGroups().get(0).healthCheckPath());
  }

  @Test
  void deregistrationDelay_acceptsZeroTo3600Only() {
    String arn = create("demo-tg-1").targetGroupArn();
    elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(arn).attributes(TargetGroupAttribute.builder()
        .key("deregistration_delay.timeout_seconds").value("30").build()));
    var e = assertThrows(InvalidConfigurationRequestException.class, () -> elb.modifyTargetGroupAttributes(
        r -> r.targetGroupArn(arn).attributes(TargetGroupAttribute.builder()
            .key("deregistration_delay.timeout_seconds").value("3601").build())));
    assertEquals("InvalidConfigurationRequest", e.awsErrorDetails().errorCode());
    assertTrue(elb.describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes().contains(
        TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("30").build()));
  }

  @Test
  void deleteTargetGroup_inUseByListener_isResourceInUse_freeOneGoes() {
    String lb = f.loadBalancer("demo-alb");
    String tg = f.targetGroup("demo-tg-1", "ip");
    String listener = f.listener(lb, 80, tg);

    var e = assertThrows(ResourceInUseException.class, () -> elb.deleteTargetGroup(r -> r.targetGroupArn(tg)));
    assertEquals("ResourceInUse", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("Target group '" + tg + "' is currently in use by a listener or a rule"));

    elb.deleteListener(r -> r.listenerArn(listener));
    elb.deleteTargetGroup(r -> r.targetGroupArn(tg));
    assertThrows(TargetGroupNotFoundException.class, () -> elb.describeTargetGroups(r -> r.targetGroupArns(tg)));
  }

  @Test
  void tags_areAddedDescribedAndRemoved() {
    String tg = create("demo-tg-1").targetGroupArn();
    String lb = f.loadBalancer("demo-alb");
    elb.addTags(r -> r.resourceArns(tg, lb).tags(Tag.builder().key("bgwizard:setup").value("demo").build()));
    var described = elb.describeTags(r -> r.resourceArns(tg, lb)).tagDescriptions();
    assertEquals(2, described.size());
    assertEquals("demo", described.get(1).tags().get(0).value());

    elb.removeTags(r -> r.resourceArns(tg).tagKeys("bgwizard:setup"));
    assertEquals(List.of(), elb.describeTags(r -> r.resourceArns(tg)).tagDescriptions().get(0).tags());
    assertThrows(TargetGroupNotFoundException.class, () -> elb.describeTags(r -> r.resourceArns(
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/0123456789abcdef")));
  }
}
