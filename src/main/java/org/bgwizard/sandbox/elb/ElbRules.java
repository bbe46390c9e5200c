package org.bgwizard.sandbox.elb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Wildcards;
import org.bgwizard.sandbox.elb.ElbState.Condition;
import org.bgwizard.sandbox.elb.ElbState.Forward;
import org.bgwizard.sandbox.elb.ElbState.Listener;
import org.bgwizard.sandbox.elb.ElbState.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTargetGroupsException;

/**
 * Listener rules (ELB API Reference: CreateRule, DescribeRules, ModifyRule, DeleteRule, SetRulePriorities;
 * "Listener rules for your Application Load Balancer"). A listener evaluates its rules from the lowest priority
 * (1–50000, unique per listener) to the highest, then its default rule: the listener's default action, which has
 * no conditions, no priority that can change, and cannot be deleted. A forward action names up to 5 target groups
 * ("Quotas for your Application Load Balancers": target groups per action) with weights 0–999.
 */
final class ElbRules {
  static final String FORWARD = "forward";
  static final String FIXED_RESPONSE = "fixed-response";
  private static final int MAX_TARGET_GROUPS_PER_ACTION = 5;
  private static final Set<String> FIELDS = Set.of("path-pattern", "host-header", "http-header");

  private final SandboxAccount account;
  private final ElbEngine elb;

  ElbRules(SandboxAccount account, ElbEngine elb) {
    this.account = account;
    this.elb = elb;
  }

  /** A rule's one action: forward (targets, stickiness) or fixed-response (status code). */
  record RuleAction(String type, ElbListeners.ForwardAction forward, String fixedResponseStatusCode) {}

  /** A rule as DescribeRules shows it; the default rule has no priority and no conditions. */
  record RuleView(String arn, String listenerArn, Integer priority, boolean isDefault, List<Condition> conditions,
      String actionType, List<Forward> forward, boolean stickinessEnabled, Integer stickinessDurationSeconds,
      String fixedResponseStatusCode) {}

  Rule create(String listenerArn, Integer priority, List<Condition> conditions, RuleAction action,
      Map<String, String> tags) {
    Listener l = elb.listeners().listener(listenerArn);
    int p = checkPriority(priority);
    checkConditions(conditions);
    checkAction(action, l);
    for (Rule r : rulesOf(listenerArn)) {
      if (r.priority == p) {
        throw priorityInUse(p);
      }
    }
    var r = new Rule();
    r.arn = ruleArnPrefix(l) + account.ids().hex(16);
    r.listenerArn = listenerArn;
    r.priority = p;
    r.conditions.addAll(conditions);
    setAction(r, action);
    r.tags.putAll(tags);
    elb.st().rules.put(r.arn, r);
    elb.targets().trafficChanged();
    return r;
  }

  List<RuleView> describe(String listenerArn, List<String> ruleArns) {
    if (listenerArn == null && ruleArns.isEmpty()) {
      throw elb.validation("You must specify either listener ARNs or rule ARNs");
    }
    if (listenerArn != null && !ruleArns.isEmpty()) {
      throw elb.validation("Listener ARN and rule ARNs cannot be specified at the same time");
    }
    if (!ruleArns.isEmpty()) {
      return ruleArns.stream().map(this::view).toList();
    }
    Listener l = elb.listeners().listener(listenerArn);
    List<RuleView> out = new ArrayList<>(rulesOf(listenerArn).stream().map(ElbRules::view).toList());
    out.add(defaultView(l));
    return out;
  }

  RuleView modify(String ruleArn, List<Condition> conditions, RuleAction action) {
    Optional<Listener> defaultOf = listenerOfDefaultRule(ruleArn);
    if (defaultOf.isPresent()) {
      if (conditions != null && !conditions.isEmpty()) {
        throw elb.validation("The default rule cannot have conditions");
      }
      if (action != null) {
        if (!action.type().equals(FORWARD)) {
          throw elb.validation("The sandbox simulates forward default actions only");
        }
        elb.listeners().modifyListener(defaultOf.get().arn, null, null, action.forward());
      }
      return defaultView(defaultOf.get());
    }
    Rule r = rule(ruleArn);
    if (conditions != null) {
      checkConditions(conditions);
    }
    if (action != null) {
      checkAction(action, elb.listeners().listener(r.listenerArn));
    }
    if (conditions != null) {
      r.conditions = new ArrayList<>(conditions);
    }
    if (action != null) {
      setAction(r, action);
      elb.targets().trafficChanged();
    }
    return view(r);
  }

  /** Text not captured from AWS; the error code is the one the API reference lists for DeleteRule. */
  void delete(String ruleArn) {
    if (listenerOfDefaultRule(ruleArn).isPresent()) {
      throw elb.error(OperationNotPermittedException.builder(), "OperationNotPermitted",
          "The default rule of a listener cannot be deleted");
    }
    rule(ruleArn);
    elb.st().rules.remove(ruleArn);
  }

  List<RuleView> setPriorities(Map<String, Integer> priorities) {
    List<Rule> changed = new ArrayList<>();
    for (var e : priorities.entrySet()) {
      if (listenerOfDefaultRule(e.getKey()).isPresent()) {
        throw elb.error(OperationNotPermittedException.builder(), "OperationNotPermitted",
            "The priority of the default rule cannot be changed");
      }
      changed.add(rule(e.getKey()));
      checkPriority(e.getValue());
    }
    for (Rule r : changed) {
      int p = priorities.get(r.arn);
      for (Rule other : rulesOf(r.listenerArn)) {
        int otherPriority = priorities.getOrDefault(other.arn, other.priority);
        if (other != r && otherPriority == p) {
          throw priorityInUse(p);
        }
      }
    }
    changed.forEach(r -> r.priority = priorities.get(r.arn));
    return changed.stream().map(ElbRules::view).toList();
  }

  /** The forward that a request on the listener takes: the first matching rule's, or the default action's. */
  List<Forward> route(String listenerArn, String host, String path, Map<String, String> headers) {
    Listener l = elb.listeners().listener(listenerArn);
    for (Rule r : rulesOf(listenerArn)) {
      if (r.conditions.stream().allMatch(c -> matches(c, host, path, headers))) {
        return r.actionType.equals(FORWARD) ? r.forward : List.of();
      }
    }
    return l.forward;
  }

  private static boolean matches(Condition c, String host, String path, Map<String, String> headers) {
    return switch (c.field) {
      case "path-pattern" -> c.values.stream().anyMatch(v -> Wildcards.matches(v, path, false));
      case "host-header" -> c.values.stream().anyMatch(v -> Wildcards.matches(v, host, true));
      default -> headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase(c.httpHeaderName)
          && c.values.stream().anyMatch(v -> Wildcards.matches(v, h.getValue(), true)));
    };
  }

  List<Rule> rulesOf(String listenerArn) {
    return elb.st().rules.values().stream().filter(r -> r.listenerArn.equals(listenerArn))
        .sorted(Comparator.comparingInt(r -> r.priority)).toList();
  }

  Rule rule(String arn) {
    Rule r = elb.st().rules.get(arn);
    if (r == null) {
      throw elb.error(RuleNotFoundException.builder(), "RuleNotFound", "One or more rules not found");
    }
    return r;
  }

  RuleView view(String arn) {
    return listenerOfDefaultRule(arn).map(this::defaultView).orElseGet(() -> view(rule(arn)));
  }

  private static RuleView view(Rule r) {
    return new RuleView(r.arn, r.listenerArn, r.priority, false, r.conditions, r.actionType, r.forward,
        r.stickinessEnabled, r.stickinessDurationSeconds, r.fixedResponseStatusCode);
  }

  private RuleView defaultView(Listener l) {
    return new RuleView(defaultRuleArn(l), l.arn, null, true, List.of(), FORWARD, l.forward, l.stickinessEnabled,
        l.stickinessDurationSeconds, null);
  }

  /** The default rule's ARN, derived from the listener's so that listeners saved before rules existed have one. */
  String defaultRuleArn(Listener l) {
    String id = UUID.nameUUIDFromBytes(l.arn.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    return ruleArnPrefix(l) + id.substring(0, 16);
  }

  Optional<Listener> listenerOfDefaultRule(String ruleArn) {
    return elb.st().listeners.values().stream().filter(l -> defaultRuleArn(l).equals(ruleArn)).findFirst();
  }

  private static String ruleArnPrefix(Listener l) {
    return l.arn.replace(":listener/", ":listener-rule/") + "/";
  }

  private int checkPriority(Integer priority) {
    if (priority == null) {
      throw elb.validation("A rule priority must be specified");
    }
    return elb.range("priority", priority, 1, 50000, priority);
  }

  private PriorityInUseException priorityInUse(int p) {
    // "PriorityInUse: Priority '26' is currently in use" (stelligent/mu #324, CloudFormation ListenerRule events)
    return (PriorityInUseException) elb.error(PriorityInUseException.builder(), "PriorityInUse",
        "Priority '" + p + "' is currently in use");
  }

  private void checkConditions(List<Condition> conditions) {
    if (conditions.isEmpty()) {
      throw elb.validation("A rule must have at least one condition");
    }
    for (Condition c : conditions) {
      if (c.field == null || !FIELDS.contains(c.field)) {
        throw elb.validation("Condition field '" + c.field + "' is not simulated; the sandbox accepts "
            + String.join(", ", FIELDS.stream().sorted().toList()));
      }
      if (c.values.isEmpty()) {
        throw elb.validation("A condition value must be specified for field '" + c.field + "'");
      }
      if (c.field.equals("http-header") && (c.httpHeaderName == null || c.httpHeaderName.isEmpty())) {
        throw elb.validation("An HTTP header name must be specified for an 'http-header' condition");
      }
      for (String v : c.values) {
        if (v.length() > 128) {
          throw elb.validation("Condition value '" + v + "' cannot be longer than '128' characters");
        }
      }
    }
  }

  private void checkAction(RuleAction action, Listener l) {
    if (action.type().equals(FIXED_RESPONSE)) {
      String code = action.fixedResponseStatusCode();
      if (code == null || !code.matches("[245]\\d\\d")) {
        throw elb.validation("Fixed response status code '" + code + "' must be 2XX, 4XX or 5XX");
      }
      return;
    }
    List<Forward> targets = action.forward().targets();
    if (targets.size() > MAX_TARGET_GROUPS_PER_ACTION) {
      throw elb.error(TooManyTargetGroupsException.builder(), "TooManyTargetGroups",
          "A forward action can have at most " + MAX_TARGET_GROUPS_PER_ACTION + " target groups");
    }
    elb.listeners().checkForward(action.forward(), elb.loadBalancer(l.loadBalancerArn), "actions");
  }

  private static void setAction(Rule r, RuleAction action) {
    r.actionType = action.type();
    r.forward.clear();
    r.fixedResponseStatusCode = action.fixedResponseStatusCode();
    if (action.type().equals(FORWARD)) {
      action.forward().targets().forEach(f -> r.forward.add(new Forward(f.targetGroupArn, f.weight)));
      r.stickinessEnabled = action.forward().stickinessEnabled();
      r.stickinessDurationSeconds = action.forward().stickinessDurationSeconds();
    } else {
      r.stickinessEnabled = false;
      r.stickinessDurationSeconds = null;
    }
  }
}
