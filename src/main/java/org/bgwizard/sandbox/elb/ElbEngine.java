package org.bgwizard.sandbox.elb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.elb.ElbState.Forward;
import org.bgwizard.sandbox.elb.ElbState.Listener;
import org.bgwizard.sandbox.elb.ElbState.LoadBalancer;
import org.bgwizard.sandbox.elb.ElbState.Rule;
import org.bgwizard.sandbox.elb.ElbState.TargetGroup;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Simulated;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSecurityGroupException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/**
 * Application load balancers, target groups and listeners (ELB API Reference). A new load balancer is
 * {@code provisioning} and turns {@code active} {@code settings().loadBalancerProvisioningSeconds} later;
 * listeners are accepted meanwhile (Amazon ECS Developer Guide, "Creating a service using a blue/green deployment":
 * listeners created right after the load balancer, no wait). Target groups are created and changed in
 * {@link ElbTargetGroups}, listeners in {@link ElbListeners}, listener rules in {@link ElbRules}, target
 * registration and health live in {@link ElbTargets}.
 *
 * <p>Package-private API for the engines built on this one (all inside the account lock):
 * <ul>
 *   <li>CodeDeploy: {@link #listenerInfo} (load balancer, port and weighted forward of a listener),
 *       {@link #setForwardWeights} (the traffic shift: write a listener's weighted forward action),
 *       {@link #targetGroupArnByName}, {@link #loadBalancerArnsOf} (which load balancers a target group is on,
 *       through their listeners), {@link #targetHealth} (state and reason per target of a target group).</li>
 *   <li>ECS built-in blue/green: {@link #ruleInfo} (a listener rule's listener, load balancer, action type and
 *       weights), {@link #setRuleWeights} (its traffic shift), {@link #route} (the forward a request takes).</li>
 *   <li>ECS: {@link #targetGroupInfo}, and through {@link #targets()} registration of task IPs, draining, the
 *       health observer and the endpoint probe.</li>
 * </ul>
 */
public final class ElbEngine implements Simulated {
  static final String ACTIVE = "active";
  static final String PROVISIONING = "provisioning";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

  private final SandboxAccount account;
  private final Ports ports;
  private final ElbTargets targets;
  private final ElbTargetGroups targetGroups;
  private final ElbListeners listeners;
  private final ElbRules rules;

  public ElbEngine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
    this.targets = new ElbTargets(account, this);
    this.targetGroups = new ElbTargetGroups(account, this);
    this.listeners = new ElbListeners(account, this);
    this.rules = new ElbRules(account, this);
    account.register(this);
  }

  public ElbTargets targets() {
    return targets;
  }

  ElbListeners listeners() {
    return listeners;
  }

  ElbRules rules() {
    return rules;
  }

  ElbTargetGroups targetGroups() {
    return targetGroups;
  }

  ElbState st() {
    return account.state(ElbState.class);
  }

  AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.ELBV2, code, message);
  }

  AwsServiceException validation(String message) {
    return error(ElasticLoadBalancingV2Exception.builder(), "ValidationError", message);
  }

  String arnPrefix() {
    return "arn:aws:elasticloadbalancing:" + account.region() + ":" + account.accountId() + ":";
  }

  // ---- load balancers

  record LoadBalancerSpec(String name, List<String> subnets, List<String> securityGroups, String scheme, String type,
      String ipAddressType, Map<String, String> tags) {}

  LoadBalancer createLoadBalancer(LoadBalancerSpec spec) {
    checkName("Load balancer", spec.name());
    if (spec.name().startsWith("internal-")) {
      throw validation("Load balancer name cannot start with 'internal-'");
    }
    String type = spec.type() == null ? "application" : spec.type();
    if (!type.equals("application")) {
      throw validation("The sandbox simulates application load balancers only, not '" + type + "'");
    }
    String scheme = spec.scheme() == null ? "internet-facing" : spec.scheme();
    String ipType = spec.ipAddressType() == null ? "ipv4" : spec.ipAddressType();
    if (spec.subnets().isEmpty()) {
      throw validation("At least one subnet must be specified");
    }
    Ports.Network network = network();
    List<String> zones = new ArrayList<>();
    String vpc = null;
    for (String subnet : spec.subnets()) {
      String zone = network.availabilityZoneOf(subnet).orElseThrow(() -> error(SubnetNotFoundException.builder(),
          "SubnetNotFound", "The subnet ID '" + subnet + "' is not valid"));
      if (zones.contains(zone)) {
        throw error(InvalidConfigurationRequestException.builder(), "InvalidConfigurationRequest",
            "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
      }
      zones.add(zone);
      String subnetVpc = network.vpcOfSubnet(subnet).orElseThrow();
      if (vpc != null && !vpc.equals(subnetVpc)) {
        throw error(InvalidConfigurationRequestException.builder(), "InvalidConfigurationRequest",
            "The subnets must belong to the same VPC");
      }
      vpc = subnetVpc;
    }
    if (zones.size() < 2) {
      // a ValidationError, unlike the one-subnet-per-zone rule (cfn-lint #638, aws-cdk-examples #226 captures)
      throw validation("At least two subnets in two different Availability Zones must be specified");
    }
    for (String sg : spec.securityGroups()) {
      if (!network.securityGroupExists(sg)) {
        // kubernetes-sigs/aws-load-balancer-controller #2371 (also right after CreateSecurityGroup: Ec2SecurityGroups)
        throw error(InvalidSecurityGroupException.builder(), "InvalidSecurityGroup", "The security group '" + sg
            + "' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidGroup.NotFound)");
      }
    }
    LoadBalancer existing = loadBalancerByName(spec.name());
    if (existing != null) {
      if (new HashSet<>(existing.subnets).equals(new HashSet<>(spec.subnets()))
          && new HashSet<>(existing.securityGroups).equals(new HashSet<>(spec.securityGroups()))
          && existing.scheme.equals(scheme) && existing.ipAddressType.equals(ipType)) {
        return existing;
      }
      throw error(DuplicateLoadBalancerNameException.builder(), "DuplicateLoadBalancerName",
          "A load balancer with the same name '" + spec.name() + "' exists, but with different settings");
    }
    var lb = new LoadBalancer();
    String id = account.ids().hex(16);
    lb.arn = arnPrefix() + "loadbalancer/app/" + spec.name() + "/" + id;
    lb.name = spec.name();
    lb.dnsName = (scheme.equals("internal") ? "internal-" : "") + spec.name() + "-" + account.ids().digits(10) + "."
        + account.region() + ".elb.amazonaws.com";
    lb.scheme = scheme;
    lb.type = type;
    lb.ipAddressType = ipType;
    lb.vpcId = vpc;
    lb.subnets.addAll(spec.subnets());
    lb.zones.addAll(zones);
    lb.securityGroups.addAll(spec.securityGroups());
    lb.state = PROVISIONING;
    lb.createdAt = account.now();
    lb.activeAt = account.now().plusSeconds(Math.max(0, account.settings().loadBalancerProvisioningSeconds));
    lb.attributes.putAll(ElbAttributes.LOAD_BALANCER_DEFAULTS);
    lb.tags.putAll(spec.tags());
    st().loadBalancers.put(lb.arn, lb);
    if (!lb.activeAt.isAfter(account.now())) {
      lb.state = ACTIVE;
    }
    return lb;
  }

  private LoadBalancer loadBalancerByName(String name) {
    return st().loadBalancers.values().stream().filter(l -> l.name.equals(name)).findFirst().orElse(null);
  }

  LoadBalancer loadBalancer(String arn) {
    LoadBalancer lb = st().loadBalancers.get(arn);
    if (lb == null) {
      throw lbNotFound();
    }
    return lb;
  }

  private AwsServiceException lbNotFound() {
    return error(LoadBalancerNotFoundException.builder(), "LoadBalancerNotFound", "One or more load balancers not found");
  }

  List<LoadBalancer> describeLoadBalancers(List<String> arns, List<String> names) {
    if (!arns.isEmpty() && !names.isEmpty()) {
      throw validation("Load balancer ARNs and load balancer names cannot be specified at the same time");
    }
    if (!arns.isEmpty()) {
      return arns.stream().map(this::loadBalancer).toList();
    }
    if (!names.isEmpty()) {
      List<LoadBalancer> found = new ArrayList<>();
      for (String n : names) {
        LoadBalancer lb = loadBalancerByName(n);
        if (lb == null) {
          throw error(LoadBalancerNotFoundException.builder(), "LoadBalancerNotFound",
              "Load balancers '[" + n + "]' not found");
        }
        found.add(lb);
      }
      return found;
    }
    return List.copyOf(st().loadBalancers.values());
  }

  /** Deleting a missing load balancer succeeds, as AWS documents; its listeners go with it. */
  void deleteLoadBalancer(String arn) {
    LoadBalancer lb = st().loadBalancers.get(arn);
    if (lb == null) {
      return;
    }
    if ("true".equals(lb.attributes.get("deletion_protection.enabled"))) {
      throw error(OperationNotPermittedException.builder(), "OperationNotPermitted",
          "Load balancer '" + arn + "' cannot be deleted because deletion protection is enabled");
    }
    for (Listener l : List.copyOf(st().listeners.values())) {
      if (l.loadBalancerArn.equals(arn)) {
        listeners.deleteListener(l.arn);
      }
    }
    st().loadBalancers.remove(arn);
  }

  void modifyLoadBalancerAttributes(String arn, Map<String, String> changes) {
    LoadBalancer lb = loadBalancer(arn);
    ElbAttributes.validateLoadBalancer(changes, this);
    lb.attributes.putAll(changes);
  }

  // ---- shared checks

  int range(String field, Integer value, int min, int max, int current) {
    if (value == null) {
      return current;
    }
    if (value < min || value > max) {
      throw validation("1 validation error detected: Value '" + value + "' at '" + field
          + "' failed to satisfy constraint: Member must have value " + (value < min
              ? "greater than or equal to " + min : "less than or equal to " + max));
    }
    return value;
  }

  void checkPort(String field, int port) {
    range(field, port, 1, 65535, port);
  }

  void checkName(String kind, String name) {
    if (name == null || name.isEmpty()) {
      throw validation(kind + " name is required");
    }
    if (name.length() > 32) {
      throw validation(kind + " name '" + name + "' cannot be longer than '32' characters");
    }
    if (!NAME.matcher(name).matches()) {
      throw validation(kind + " name '" + name + "' can only contain characters that are alphanumeric characters "
          + "or hyphens(-), and must not begin or end with a hyphen");
    }
  }

  // ---- target groups (lookups; the rest is in ElbTargetGroups)

  TargetGroup targetGroupByName(String name) {
    return st().targetGroups.values().stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
  }

  TargetGroup targetGroup(String arn) {
    TargetGroup tg = st().targetGroups.get(arn);
    if (tg == null) {
      throw tgNotFound();
    }
    return tg;
  }

  AwsServiceException tgNotFound() {
    return error(TargetGroupNotFoundException.builder(), "TargetGroupNotFound", "One or more target groups not found");
  }

  /** The load balancers whose listeners forward to the target group, by their default action or a rule. */
  public Set<String> loadBalancerArnsOf(String targetGroupArn) {
    Set<String> out = new LinkedHashSet<>();
    for (Listener l : st().listeners.values()) {
      if (l.forward.stream().anyMatch(f -> f.targetGroupArn.equals(targetGroupArn))) {
        out.add(l.loadBalancerArn);
      }
    }
    for (Rule r : st().rules.values()) {
      if (r.forward.stream().anyMatch(f -> f.targetGroupArn.equals(targetGroupArn))) {
        out.add(st().listeners.get(r.listenerArn).loadBalancerArn);
      }
    }
    return out;
  }

  public boolean inUse(String targetGroupArn) {
    return !loadBalancerArnsOf(targetGroupArn).isEmpty();
  }


  // ---- tags

  Map<String, String> tagsOf(String arn) {
    if (st().loadBalancers.containsKey(arn)) {
      return st().loadBalancers.get(arn).tags;
    }
    if (st().targetGroups.containsKey(arn)) {
      return st().targetGroups.get(arn).tags;
    }
    if (st().listeners.containsKey(arn)) {
      return st().listeners.get(arn).tags;
    }
    if (arn.contains(":listener-rule/")) {
      return rules.rule(arn).tags;
    }
    if (arn.contains(":targetgroup/")) {
      throw tgNotFound();
    }
    if (arn.contains(":listener/")) {
      return listeners.listener(arn).tags;
    }
    throw lbNotFound();
  }

  void addTags(List<String> arns, Map<String, String> tags) {
    for (String arn : arns) {
      Map<String, String> current = tagsOf(arn);
      Map<String, String> merged = new LinkedHashMap<>(current);
      merged.putAll(tags);
      if (merged.size() > 50) {
        throw error(software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTagsException.builder(),
            "TooManyTags", "The quota for the number of tags that can be assigned to a load balancer has been reached");
      }
    }
    arns.forEach(a -> tagsOf(a).putAll(tags));
  }

  void removeTags(List<String> arns, List<String> keys) {
    arns.forEach(this::tagsOf);
    arns.forEach(a -> tagsOf(a).keySet().removeAll(keys));
  }

  // ---- simulation

  @Override
  public Instant nextTransition() {
    Instant next = null;
    for (LoadBalancer lb : st().loadBalancers.values()) {
      if (lb.state.equals(PROVISIONING)) {
        next = earliest(next, lb.activeAt);
      }
    }
    return earliest(next, targets.nextTransition());
  }

  public static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  @Override
  public void advanceTo(Instant t) {
    for (LoadBalancer lb : st().loadBalancers.values()) {
      if (lb.state.equals(PROVISIONING) && !lb.activeAt.isAfter(t)) {
        lb.state = ACTIVE;
      }
    }
    targets.advanceTo(t);
  }

  // ---- API for CodeDeploy and ECS

  public record TargetGroupWeight(String targetGroupArn, int weight) {}

  public record ListenerInfo(String arn, String loadBalancerArn, int port, List<TargetGroupWeight> forward) {}

  public record TargetGroupInfo(String arn, String name, String targetType, int port, String vpcId, boolean inUse) {}

  public record TargetHealthInfo(String id, int port, String state, String reason) {}

  public Optional<ListenerInfo> listenerInfo(String listenerArn) {
    Listener l = st().listeners.get(listenerArn);
    if (l == null) {
      return Optional.empty();
    }
    return Optional.of(new ListenerInfo(l.arn, l.loadBalancerArn, l.port,
        l.forward.stream().map(f -> new TargetGroupWeight(f.targetGroupArn, f.weight)).toList()));
  }

  /**
   * Rewrites a listener's forward action with these weights (CodeDeploy's traffic shift), keeping its
   * stickiness. Throws the ELB exceptions ModifyListener would (unknown listener or target group, bad weight).
   */
  public void setForwardWeights(String listenerArn, List<TargetGroupWeight> weights) {
    Listener l = listeners.listener(listenerArn);
    var forward = weights.stream().map(w -> new Forward(w.targetGroupArn(), w.weight())).toList();
    listeners.modifyListener(listenerArn, null, null,
        new ElbListeners.ForwardAction(forward, l.stickinessEnabled, l.stickinessDurationSeconds));
  }

  /** A listener rule as ECS's blue/green reads it; the default rule of a listener too. */
  public record RuleInfo(String arn, String listenerArn, String loadBalancerArn, boolean isDefault, String actionType,
      List<TargetGroupWeight> forward) {}

  public Optional<RuleInfo> ruleInfo(String ruleArn) {
    if (ruleArn == null) {
      return Optional.empty();
    }
    Optional<Listener> defaultOf = rules.listenerOfDefaultRule(ruleArn);
    Rule r = st().rules.get(ruleArn);
    if (defaultOf.isEmpty() && r == null) {
      return Optional.empty();
    }
    var v = rules.view(ruleArn);
    return Optional.of(new RuleInfo(v.arn(), v.listenerArn(), st().listeners.get(v.listenerArn()).loadBalancerArn,
        v.isDefault(), v.actionType(),
        v.forward().stream().map(f -> new TargetGroupWeight(f.targetGroupArn, f.weight)).toList()));
  }

  /** Rewrites a rule's forward action with these weights (ECS blue/green's traffic shift), keeping its stickiness. */
  public void setRuleWeights(String ruleArn, List<TargetGroupWeight> weights) {
    var v = rules.view(ruleArn);
    var forward = weights.stream().map(w -> new Forward(w.targetGroupArn(), w.weight())).toList();
    rules.modify(ruleArn, null, new ElbRules.RuleAction(ElbRules.FORWARD,
        new ElbListeners.ForwardAction(forward, v.stickinessEnabled(), v.stickinessDurationSeconds()), null));
  }

  /**
   * The weighted forward that a request on the listener takes: the first rule, by priority, whose conditions all
   * match, else the default action ("Listener rules for your Application Load Balancer"); empty for a
   * fixed-response rule.
   */
  public List<TargetGroupWeight> route(String listenerArn, String host, String path, Map<String, String> headers) {
    return rules.route(listenerArn, host, path, headers).stream()
        .map(f -> new TargetGroupWeight(f.targetGroupArn, f.weight)).toList();
  }

  public Optional<String> targetGroupArnByName(String name) {
    return Optional.ofNullable(targetGroupByName(name)).map(tg -> tg.arn);
  }

  public Optional<TargetGroupInfo> targetGroupInfo(String arn) {
    TargetGroup tg = st().targetGroups.get(arn);
    return tg == null ? Optional.empty()
        : Optional.of(new TargetGroupInfo(tg.arn, tg.name, tg.targetType, tg.port, tg.vpcId, inUse(arn)));
  }

  /** State and reason of every target of the group as DescribeTargetHealth reports them; empty if no such group. */
  public List<TargetHealthInfo> targetHealth(String targetGroupArn) {
    TargetGroup tg = st().targetGroups.get(targetGroupArn);
    if (tg == null) {
      return List.of();
    }
    return tg.targets.stream().map(t -> {
      var v = targets.view(tg, t);
      return new TargetHealthInfo(t.id, t.port, v.state(), v.reason());
    }).toList();
  }

  Ports.Network network() {
    Ports.Network n = ports.network;
    if (n == null) {
      throw new IllegalStateException("sandbox port network not wired");
    }
    return n;
  }
}
