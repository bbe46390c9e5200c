package org.bgwizard.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/** Application Load Balancers, their target groups and listeners. */
public final class LoadBalancers {
  /** DescribeTags takes at most 20 ARNs per call. */
  private static final int TAGS_BATCH = 20;
  static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
  private final AwsClients clients;

  /** What a new target group looks like: HTTP, type ip (awsvpc tasks), with its health check. */
  public record TargetGroupSpec(String name, int port, String vpcId, String healthCheckPath, int intervalSeconds,
      int timeoutSeconds, int healthyThreshold, int unhealthyThreshold, String successCodes) {}

  public LoadBalancers(AwsClients clients) {
    this.clients = clients;
  }

  private ElasticLoadBalancingV2Client elb() {
    return clients.elbv2();
  }

  public Optional<LoadBalancerInfo> findLoadBalancer(String name) {
    try {
      return elb().describeLoadBalancers(r -> r.names(name)).loadBalancers().stream().findFirst()
          .map(LoadBalancers::info);
    } catch (LoadBalancerNotFoundException e) {
      return Optional.empty();
    }
  }

  public Optional<LoadBalancerInfo> findLoadBalancerByArn(String arn) {
    try {
      return elb().describeLoadBalancers(r -> r.loadBalancerArns(arn)).loadBalancers().stream().findFirst()
          .map(LoadBalancers::info);
    } catch (LoadBalancerNotFoundException e) {
      return Optional.empty();
    }
  }

  public List<LoadBalancerInfo> loadBalancers() {
    return elb().describeLoadBalancersPaginator(r -> { }).loadBalancers().stream().map(LoadBalancers::info).toList();
  }

  /** An internet-facing ALB; AWS returns at once, with state {@code provisioning}. */
  public LoadBalancerInfo createLoadBalancer(String name, List<String> subnets, List<String> securityGroups,
      Map<String, String> tags) {
    return info(elb().createLoadBalancer(r -> r.name(name).subnets(subnets).securityGroups(securityGroups)
        .scheme(LoadBalancerSchemeEnum.INTERNET_FACING).type(LoadBalancerTypeEnum.APPLICATION).tags(tags(tags)))
        .loadBalancers().get(0));
  }

  public void deleteLoadBalancer(String arn) {
    elb().deleteLoadBalancer(r -> r.loadBalancerArn(arn));
  }

  public Optional<TargetGroupInfo> findTargetGroup(String name) {
    try {
      return elb().describeTargetGroups(r -> r.names(name)).targetGroups().stream().findFirst()
          .map(LoadBalancers::info);
    } catch (TargetGroupNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The target groups of these names that exist, in one DescribeTargetGroups when all do; the call fails as a whole
   * (TargetGroupNotFound) when one name does not exist, and then each is asked alone.
   */
  public Map<String, TargetGroupInfo> findTargetGroups(List<String> names) {
    var found = new java.util.LinkedHashMap<String, TargetGroupInfo>();
    try {
      elb().describeTargetGroups(r -> r.names(names)).targetGroups().forEach(tg -> found.put(tg.targetGroupName(),
          info(tg)));
    } catch (TargetGroupNotFoundException e) {
      names.forEach(name -> findTargetGroup(name).ifPresent(tg -> found.put(name, tg)));
    }
    return found;
  }

  public List<TargetGroupInfo> targetGroups() {
    return elb().describeTargetGroupsPaginator(r -> { }).targetGroups().stream().map(LoadBalancers::info).toList();
  }

  public TargetGroupInfo createTargetGroup(TargetGroupSpec spec, Map<String, String> tags) {
    return info(elb().createTargetGroup(r -> r.name(spec.name()).protocol(ProtocolEnum.HTTP).port(spec.port())
        .vpcId(spec.vpcId()).targetType(TargetTypeEnum.IP).healthCheckProtocol(ProtocolEnum.HTTP)
        .healthCheckPath(spec.healthCheckPath()).healthCheckIntervalSeconds(spec.intervalSeconds())
        .healthCheckTimeoutSeconds(spec.timeoutSeconds()).healthyThresholdCount(spec.healthyThreshold())
        .unhealthyThresholdCount(spec.unhealthyThreshold()).matcher(m -> m.httpCode(spec.successCodes()))
        .tags(tags(tags))).targetGroups().get(0));
  }

  /** ModifyTargetGroup: the health check's path, interval, timeout, thresholds and success codes, in place. */
  public void modifyHealthCheck(String targetGroupArn, TargetGroupSpec spec) {
    elb().modifyTargetGroup(r -> r.targetGroupArn(targetGroupArn).healthCheckPath(spec.healthCheckPath())
        .healthCheckIntervalSeconds(spec.intervalSeconds()).healthCheckTimeoutSeconds(spec.timeoutSeconds())
        .healthyThresholdCount(spec.healthyThreshold()).unhealthyThresholdCount(spec.unhealthyThreshold())
        .matcher(m -> m.httpCode(spec.successCodes())));
  }

  public void setDeregistrationDelay(String targetGroupArn, int seconds) {
    elb().modifyTargetGroupAttributes(r -> r.targetGroupArn(targetGroupArn)
        .attributes(a -> a.key(DEREGISTRATION_DELAY).value(String.valueOf(seconds))));
  }

  /** DescribeTargetGroupAttributes: the deregistration delay; null when AWS gives none. */
  public Integer deregistrationDelay(String targetGroupArn) {
    return elb().describeTargetGroupAttributes(r -> r.targetGroupArn(targetGroupArn)).attributes().stream()
        .filter(a -> DEREGISTRATION_DELAY.equals(a.key())).map(a -> Integer.valueOf(a.value())).findFirst()
        .orElse(null);
  }

  public void deleteTargetGroup(String arn) {
    elb().deleteTargetGroup(r -> r.targetGroupArn(arn));
  }

  public List<ListenerInfo> listeners(String loadBalancerArn) {
    return elb().describeListenersPaginator(r -> r.loadBalancerArn(loadBalancerArn)).listeners().stream()
        .map(LoadBalancers::info).toList();
  }

  /** An HTTP listener forwarding everything to one target group. */
  public ListenerInfo createListener(String loadBalancerArn, int port, String targetGroupArn,
      Map<String, String> tags) {
    return info(elb().createListener(r -> r.loadBalancerArn(loadBalancerArn).port(port).protocol(ProtocolEnum.HTTP)
        .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn)).tags(tags(tags)))
        .listeners().get(0));
  }

  /**
   * Moves the listener to {@code port}, keeping its ARN, actions and tags (Elastic Load Balancing API Reference,
   * ModifyListener: properties not given stay unchanged; DuplicateListener when another listener of the load balancer
   * has the port).
   */
  public ListenerInfo modifyListenerPort(String arn, int port) {
    return info(elb().modifyListener(r -> r.listenerArn(arn).port(port)).listeners().get(0));
  }

  public void deleteListener(String arn) {
    elb().deleteListener(r -> r.listenerArn(arn));
  }

  /** The listener's rules without its default rule. */
  public List<ListenerRuleInfo> rules(String listenerArn) {
    return elb().describeRules(r -> r.listenerArn(listenerArn)).rules().stream()
        .filter(rule -> !Boolean.TRUE.equals(rule.isDefault())).map(rule -> ruleInfo(listenerArn, rule)).toList();
  }

  /**
   * A rule for every path ("/*") whose one forward action sends all traffic to {@code primary} and none to
   * {@code alternate}: ECS moves these weights in an ecs-native deployment, and a rule with any other action fails it
   * ("Application Load Balancer resources for blue/green deployments").
   */
  public ListenerRuleInfo createForwardRule(String listenerArn, int priority, String primary, String alternate,
      Map<String, String> tags) {
    var rule = elb().createRule(r -> r.listenerArn(listenerArn).priority(priority)
        .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/*")))
        .actions(a -> a.type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
            t -> t.targetGroupArn(primary).weight(100), t -> t.targetGroupArn(alternate).weight(0))))
        .tags(tags(tags))).rules().get(0);
    return ruleInfo(listenerArn, rule);
  }

  public void deleteRule(String arn) {
    elb().deleteRule(r -> r.ruleArn(arn));
  }

  private static ListenerRuleInfo ruleInfo(String listenerArn, Rule rule) {
    var forwards = new LinkedHashMap<String, Integer>();
    rule.actions().stream().filter(a -> a.type() == ActionTypeEnum.FORWARD).forEach(a -> {
      if (a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()) {
        a.forwardConfig().targetGroups().forEach(t -> forwards.put(t.targetGroupArn(),
            t.weight() == null ? 1 : t.weight()));
      } else if (a.targetGroupArn() != null) {
        forwards.put(a.targetGroupArn(), 1);
      }
    });
    return new ListenerRuleInfo(rule.ruleArn(), listenerArn, rule.priority(), forwards,
        rule.actions().stream().map(Action::typeAsString).toList());
  }

  /** Tags of each resource (load balancers, target groups, listeners), by ARN. */
  public Map<String, Map<String, String>> tagsOf(List<String> arns) {
    var out = new LinkedHashMap<String, Map<String, String>>();
    for (int i = 0; i < arns.size(); i += TAGS_BATCH) {
      var batch = arns.subList(i, Math.min(arns.size(), i + TAGS_BATCH));
      elb().describeTags(r -> r.resourceArns(batch)).tagDescriptions().forEach(d -> {
        var tags = new TreeMap<String, String>();
        d.tags().forEach(t -> tags.put(t.key(), t.value()));
        out.put(d.resourceArn(), tags);
      });
    }
    return out;
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static LoadBalancerInfo info(LoadBalancer lb) {
    return new LoadBalancerInfo(lb.loadBalancerArn(), lb.loadBalancerName(), lb.dnsName(),
        lb.state() == null ? null : lb.state().codeAsString(), lb.vpcId(), lb.schemeAsString(), lb.typeAsString(),
        lb.securityGroups(), lb.availabilityZones().stream().map(AvailabilityZone::subnetId).toList());
  }

  private static TargetGroupInfo info(TargetGroup tg) {
    return new TargetGroupInfo(tg.targetGroupArn(), tg.targetGroupName(), tg.targetTypeAsString(),
        tg.port() == null ? 0 : tg.port(), tg.vpcId(), tg.loadBalancerArns(), tg.protocolAsString(),
        tg.healthCheckPath(), new TargetGroupInfo.HealthCheck(tg.healthCheckIntervalSeconds(),
            tg.healthCheckTimeoutSeconds(), tg.healthyThresholdCount(), tg.unhealthyThresholdCount(),
            tg.matcher() == null ? null : tg.matcher().httpCode()));
  }

  private static ListenerInfo info(Listener l) {
    var forwards = new LinkedHashMap<String, Integer>();
    for (Action a : l.defaultActions()) {
      if (a.type() != ActionTypeEnum.FORWARD) {
        continue;
      }
      if (a.forwardConfig() != null && a.forwardConfig().hasTargetGroups()) {
        a.forwardConfig().targetGroups().forEach(t -> forwards.put(t.targetGroupArn(),
            t.weight() == null ? 1 : t.weight()));
      } else if (a.targetGroupArn() != null) {
        forwards.put(a.targetGroupArn(), 1);
      }
    }
    return new ListenerInfo(l.listenerArn(), l.loadBalancerArn(), l.port() == null ? 0 : l.port(),
        l.protocolAsString(), forwards);
  }
}
