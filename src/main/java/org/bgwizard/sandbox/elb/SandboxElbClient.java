package org.bgwizard.sandbox.elb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bgwizard.sandbox.elb.ElbListeners.ForwardAction;
import org.bgwizard.sandbox.elb.ElbTargetGroups.HealthCheckSpec;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetRulePrioritiesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** ELBv2 over {@link ElbEngine}: translates SDK requests and responses, nothing more. */
public final class SandboxElbClient implements ElasticLoadBalancingV2Client {
  private static final Map<String, String> ALB_HOSTED_ZONES = Map.of(
      "us-east-1", "Z35SXDOTRQ7X7K", "us-east-2", "Z3AADJGX6KTTL2", "us-west-1", "Z368ELLRRE2KJ0",
      "us-west-2", "Z1H1FL5HABSF5", "ap-northeast-1", "Z14GRHDCWA56QT", "eu-west-1", "Z32O12XQLNTSW2",
      "eu-central-1", "Z215JYRZR1TBD5", "ap-southeast-1", "Z1LMS91P8CMLE5");
  private final SandboxAccount account;
  private final ElbEngine elb;

  public SandboxElbClient(SandboxAccount account, ElbEngine elb) {
    this.account = account;
    this.elb = elb;
  }

  private <T> T call(String operation, Supplier<T> body) {
    return account.call(Service.ELBV2, operation, body);
  }

  @Override
  public CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest r) {
    return call("CreateLoadBalancer", () -> {
      if (r.hasSubnetMappings() && !r.subnetMappings().isEmpty()) {
        throw elb.validation("The sandbox accepts Subnets, not SubnetMappings");
      }
      var lb = elb.createLoadBalancer(new ElbEngine.LoadBalancerSpec(r.name(), r.subnets(), r.securityGroups(),
          r.schemeAsString(), r.typeAsString(), r.ipAddressTypeAsString(), tags(r.tags())));
      return CreateLoadBalancerResponse.builder().loadBalancers(toSdk(lb)).build();
    });
  }

  @Override
  public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest r) {
    return call("DescribeLoadBalancers", () -> {
      var page = page(elb.describeLoadBalancers(r.loadBalancerArns(), r.names()), r.marker(), r.pageSize());
      return DescribeLoadBalancersResponse.builder().loadBalancers(page.items().stream().map(this::toSdk).toList())
          .nextMarker(page.nextToken()).build();
    });
  }

  @Override
  public DeleteLoadBalancerResponse deleteLoadBalancer(DeleteLoadBalancerRequest r) {
    return call("DeleteLoadBalancer", () -> {
      elb.deleteLoadBalancer(r.loadBalancerArn());
      return DeleteLoadBalancerResponse.builder().build();
    });
  }

  @Override
  public DescribeLoadBalancerAttributesResponse describeLoadBalancerAttributes(
      DescribeLoadBalancerAttributesRequest r) {
    return call("DescribeLoadBalancerAttributes", () -> DescribeLoadBalancerAttributesResponse.builder()
        .attributes(lbAttributes(elb.loadBalancer(r.loadBalancerArn()).attributes)).build());
  }

  @Override
  public ModifyLoadBalancerAttributesResponse modifyLoadBalancerAttributes(ModifyLoadBalancerAttributesRequest r) {
    return call("ModifyLoadBalancerAttributes", () -> {
      var changes = new LinkedHashMap<String, String>();
      r.attributes().forEach(a -> changes.put(a.key(), a.value()));
      elb.modifyLoadBalancerAttributes(r.loadBalancerArn(), changes);
      return ModifyLoadBalancerAttributesResponse.builder()
          .attributes(lbAttributes(elb.loadBalancer(r.loadBalancerArn()).attributes)).build();
    });
  }

  private static List<LoadBalancerAttribute> lbAttributes(Map<String, String> attributes) {
    return attributes.entrySet().stream()
        .map(e -> LoadBalancerAttribute.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  @Override
  public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest r) {
    return call("CreateTargetGroup", () -> {
      var hc = new HealthCheckSpec(r.healthCheckEnabled(), r.healthCheckProtocolAsString(), r.healthCheckPort(),
          r.healthCheckPath(), r.healthCheckIntervalSeconds(), r.healthCheckTimeoutSeconds(),
          r.healthyThresholdCount(), r.unhealthyThresholdCount(), r.matcher() == null ? null : r.matcher().httpCode());
      var tg = elb.targetGroups().create(new ElbTargetGroups.TargetGroupSpec(r.name(), r.protocolAsString(), r.port(),
          r.vpcId(), r.targetTypeAsString(), hc, tags(r.tags())));
      return CreateTargetGroupResponse.builder().targetGroups(toSdk(tg)).build();
    });
  }

  @Override
  public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest r) {
    return call("DescribeTargetGroups", () -> {
      var page = page(elb.targetGroups().describe(r.targetGroupArns(), r.names(), r.loadBalancerArn()), r.marker(),
          r.pageSize());
      return DescribeTargetGroupsResponse.builder().targetGroups(page.items().stream().map(this::toSdk).toList())
          .nextMarker(page.nextToken()).build();
    });
  }

  @Override
  public ModifyTargetGroupResponse modifyTargetGroup(ModifyTargetGroupRequest r) {
    return call("ModifyTargetGroup", () -> {
      var hc = new HealthCheckSpec(r.healthCheckEnabled(), r.healthCheckProtocolAsString(), r.healthCheckPort(),
          r.healthCheckPath(), r.healthCheckIntervalSeconds(), r.healthCheckTimeoutSeconds(),
          r.healthyThresholdCount(), r.unhealthyThresholdCount(), r.matcher() == null ? null : r.matcher().httpCode());
      return ModifyTargetGroupResponse.builder().targetGroups(toSdk(elb.targetGroups().modify(r.targetGroupArn(), hc)))
          .build();
    });
  }

  @Override
  public DescribeTargetGroupAttributesResponse describeTargetGroupAttributes(DescribeTargetGroupAttributesRequest r) {
    return call("DescribeTargetGroupAttributes", () -> DescribeTargetGroupAttributesResponse.builder()
        .attributes(tgAttributes(elb.targetGroup(r.targetGroupArn()).attributes)).build());
  }

  @Override
  public ModifyTargetGroupAttributesResponse modifyTargetGroupAttributes(ModifyTargetGroupAttributesRequest r) {
    return call("ModifyTargetGroupAttributes", () -> {
      var changes = new LinkedHashMap<String, String>();
      r.attributes().forEach(a -> changes.put(a.key(), a.value()));
      elb.targetGroups().modifyAttributes(r.targetGroupArn(), changes);
      return ModifyTargetGroupAttributesResponse.builder()
          .attributes(tgAttributes(elb.targetGroup(r.targetGroupArn()).attributes)).build();
    });
  }

  private static List<TargetGroupAttribute> tgAttributes(Map<String, String> attributes) {
    return attributes.entrySet().stream()
        .map(e -> TargetGroupAttribute.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  @Override
  public DeleteTargetGroupResponse deleteTargetGroup(DeleteTargetGroupRequest r) {
    return call("DeleteTargetGroup", () -> {
      elb.targetGroups().delete(r.targetGroupArn());
      return DeleteTargetGroupResponse.builder().build();
    });
  }

  @Override
  public CreateListenerResponse createListener(CreateListenerRequest r) {
    return call("CreateListener", () -> {
      var l = elb.listeners().createListener(r.loadBalancerArn(), r.protocolAsString(), r.port(), ElbRuleTranslation.forward(r.defaultActions(), elb),
          tags(r.tags()));
      return CreateListenerResponse.builder().listeners(toSdk(l)).build();
    });
  }

  @Override
  public DescribeListenersResponse describeListeners(DescribeListenersRequest r) {
    return call("DescribeListeners", () -> {
      var page = page(elb.listeners().describeListeners(r.loadBalancerArn(), r.listenerArns()), r.marker(), r.pageSize());
      return DescribeListenersResponse.builder().listeners(page.items().stream().map(this::toSdk).toList())
          .nextMarker(page.nextToken()).build();
    });
  }

  @Override
  public ModifyListenerResponse modifyListener(ModifyListenerRequest r) {
    return call("ModifyListener", () -> {
      ForwardAction action = r.hasDefaultActions() && !r.defaultActions().isEmpty() ? ElbRuleTranslation.forward(r.defaultActions(), elb)
          : null;
      return ModifyListenerResponse.builder()
          .listeners(toSdk(elb.listeners().modifyListener(r.listenerArn(), r.protocolAsString(), r.port(), action))).build();
    });
  }

  @Override
  public DeleteListenerResponse deleteListener(DeleteListenerRequest r) {
    return call("DeleteListener", () -> {
      elb.listeners().deleteListener(r.listenerArn());
      return DeleteListenerResponse.builder().build();
    });
  }

  @Override
  public RegisterTargetsResponse registerTargets(RegisterTargetsRequest r) {
    return call("RegisterTargets", () -> {
      elb.targets().register(r.targetGroupArn(), refs(r.targets()));
      return RegisterTargetsResponse.builder().build();
    });
  }

  @Override
  public DeregisterTargetsResponse deregisterTargets(DeregisterTargetsRequest r) {
    return call("DeregisterTargets", () -> {
      elb.targets().deregister(r.targetGroupArn(), refs(r.targets()));
      return DeregisterTargetsResponse.builder().build();
    });
  }

  @Override
  public DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest r) {
    return call("DescribeTargetHealth", () -> DescribeTargetHealthResponse.builder()
        .targetHealthDescriptions(elb.targets().describe(r.targetGroupArn(), refs(r.targets())).stream()
            .map(d -> TargetHealthDescription.builder()
                .target(TargetDescription.builder().id(d.id()).port(d.port()).availabilityZone(d.availabilityZone())
                    .build())
                .healthCheckPort(d.healthCheckPort())
                .targetHealth(TargetHealth.builder().state(d.health().state()).reason(d.health().reason())
                    .description(d.health().description()).build())
                .build())
            .toList())
        .build());
  }

  @Override
  public CreateRuleResponse createRule(CreateRuleRequest r) {
    return call("CreateRule", () -> {
      var rule = elb.rules().create(r.listenerArn(), r.priority(), ElbRuleTranslation.conditions(r.conditions()),
          ElbRuleTranslation.ruleAction(r.actions(), elb), tags(r.tags()));
      return CreateRuleResponse.builder().rules(ElbRuleTranslation.toSdk(elb.rules().view(rule.arn))).build();
    });
  }

  @Override
  public DescribeRulesResponse describeRules(DescribeRulesRequest r) {
    return call("DescribeRules", () -> {
      var page = page(elb.rules().describe(r.listenerArn(), r.ruleArns()), r.marker(), r.pageSize());
      return DescribeRulesResponse.builder().rules(page.items().stream().map(ElbRuleTranslation::toSdk).toList())
          .nextMarker(page.nextToken()).build();
    });
  }

  @Override
  public ModifyRuleResponse modifyRule(ModifyRuleRequest r) {
    return call("ModifyRule", () -> {
      var conditions = r.hasConditions() ? ElbRuleTranslation.conditions(r.conditions()) : null;
      var action = r.hasActions() && !r.actions().isEmpty() ? ElbRuleTranslation.ruleAction(r.actions(), elb) : null;
      return ModifyRuleResponse.builder()
          .rules(ElbRuleTranslation.toSdk(elb.rules().modify(r.ruleArn(), conditions, action))).build();
    });
  }

  @Override
  public DeleteRuleResponse deleteRule(DeleteRuleRequest r) {
    return call("DeleteRule", () -> {
      elb.rules().delete(r.ruleArn());
      return DeleteRuleResponse.builder().build();
    });
  }

  @Override
  public SetRulePrioritiesResponse setRulePriorities(SetRulePrioritiesRequest r) {
    return call("SetRulePriorities", () -> {
      var priorities = new LinkedHashMap<String, Integer>();
      r.rulePriorities().forEach(p -> priorities.put(p.ruleArn(), p.priority()));
      return SetRulePrioritiesResponse.builder()
          .rules(elb.rules().setPriorities(priorities).stream().map(ElbRuleTranslation::toSdk).toList()).build();
    });
  }

  @Override
  public AddTagsResponse addTags(AddTagsRequest r) {
    return call("AddTags", () -> {
      elb.addTags(r.resourceArns(), tags(r.tags()));
      return AddTagsResponse.builder().build();
    });
  }

  @Override
  public RemoveTagsResponse removeTags(RemoveTagsRequest r) {
    return call("RemoveTags", () -> {
      elb.removeTags(r.resourceArns(), r.tagKeys());
      return RemoveTagsResponse.builder().build();
    });
  }

  @Override
  public DescribeTagsResponse describeTags(DescribeTagsRequest r) {
    return call("DescribeTags", () -> {
      if (r.resourceArns().size() > 20) {
        throw elb.validation("1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: "
            + "Member must have length less than or equal to 20");
      }
      return DescribeTagsResponse.builder().tagDescriptions(r.resourceArns().stream()
          .map(arn -> TagDescription.builder().resourceArn(arn).tags(sdkTags(elb.tagsOf(arn))).build()).toList())
          .build();
    });
  }

  // ---- translation

  private <T> ListPage<T> page(List<T> all, String marker, Integer pageSize) {
    if (pageSize != null && (pageSize < 1 || pageSize > 400)) {
      throw elb.validation("1 validation error detected: Value '" + pageSize
          + "' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
    }
    return ListPage.byPosition(all, marker, pageSize == null ? 400 : pageSize,
        () -> elb.validation("Invalid marker: " + marker));
  }

  private static Map<String, String> tags(List<Tag> tags) {
    var m = new LinkedHashMap<String, String>();
    tags.forEach(t -> m.put(t.key(), t.value() == null ? "" : t.value()));
    return m;
  }

  private static List<Tag> sdkTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static List<ElbTargets.TargetRef> refs(List<TargetDescription> targets) {
    return targets.stream().map(t -> new ElbTargets.TargetRef(t.id(), t.port(), t.availabilityZone())).toList();
  }

  private LoadBalancer toSdk(ElbState.LoadBalancer lb) {
    var zones = new java.util.ArrayList<AvailabilityZone>();
    for (int i = 0; i < lb.subnets.size(); i++) {
      zones.add(AvailabilityZone.builder().subnetId(lb.subnets.get(i)).zoneName(lb.zones.get(i)).build());
    }
    return LoadBalancer.builder()
        .loadBalancerArn(lb.arn).loadBalancerName(lb.name).dnsName(lb.dnsName)
        .canonicalHostedZoneId(ALB_HOSTED_ZONES.get(account.region()))
        .createdTime(lb.createdAt).scheme(lb.scheme).vpcId(lb.vpcId).type(lb.type).ipAddressType(lb.ipAddressType)
        .state(LoadBalancerState.builder().code(lb.state).build())
        .availabilityZones(zones).securityGroups(lb.securityGroups)
        .build();
  }

  private TargetGroup toSdk(ElbState.TargetGroup tg) {
    return TargetGroup.builder()
        .targetGroupArn(tg.arn).targetGroupName(tg.name).protocol(tg.protocol).port(tg.port).vpcId(tg.vpcId)
        .targetType(tg.targetType).protocolVersion("HTTP1").ipAddressType("ipv4")
        .healthCheckEnabled(tg.healthCheckEnabled).healthCheckProtocol(tg.healthCheckProtocol)
        .healthCheckPort(tg.healthCheckPort).healthCheckPath(tg.healthCheckPath)
        .healthCheckIntervalSeconds(tg.healthCheckIntervalSeconds).healthCheckTimeoutSeconds(tg.healthCheckTimeoutSeconds)
        .healthyThresholdCount(tg.healthyThresholdCount).unhealthyThresholdCount(tg.unhealthyThresholdCount)
        .matcher(Matcher.builder().httpCode(tg.matcher).build())
        .loadBalancerArns(List.copyOf(elb.loadBalancerArnsOf(tg.arn)))
        .build();
  }

  private Listener toSdk(ElbState.Listener l) {
    return Listener.builder().listenerArn(l.arn).loadBalancerArn(l.loadBalancerArn).port(l.port).protocol(l.protocol)
        .defaultActions(ElbRuleTranslation.forwardToSdk(l.forward, l.stickinessEnabled, l.stickinessDurationSeconds))
        .build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
