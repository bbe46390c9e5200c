package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;

/**
 * EventBridge rules on the default bus (EventBridge API reference: PutRule, PutTargets, DescribeRule,
 * ListTargetsByRule, RemoveTargets, DeleteRule, ListRules, TagResource, ListTagsForResource). The module has no
 * paginators, so lists follow NextToken here.
 */
public final class EventRules {
  private final AwsClients clients;

  public EventRules(AwsClients clients) {
    this.clients = clients;
  }

  private EventBridgeClient events() {
    return clients.eventBridge();
  }

  /** The rule with its targets and tags, or empty ("Rule … does not exist on EventBus default."). */
  public Optional<EventRuleInfo> find(String name) {
    DescribeRuleResponse rule;
    try {
      rule = events().describeRule(r -> r.name(name));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(new EventRuleInfo(rule.name(), rule.arn(), rule.eventPattern(), rule.stateAsString(),
        targets(name), tagsOf(rule.arn())));
  }

  /** PutRule: creates the rule (tagged) or replaces its pattern; returns its ARN. */
  public String put(String name, String eventPattern, String description, Map<String, String> tags) {
    return events().putRule(r -> r.name(name).eventPattern(eventPattern).description(description).state("ENABLED")
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
        .ruleArn();
  }

  /** Adds or overwrites {@code tags} on the rule (TagResource); other tags stay. */
  public void tag(String arn, Map<String, String> tags) {
    events().tagResource(r -> r.resourceARN(arn).tags(tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  /** PutTargets with one target; a refused entry (PutTargets answers 200 with FailedEntries) is thrown. */
  public void putTarget(String rule, String id, String arn, String roleArn) {
    PutTargetsResponse response = events().putTargets(r -> r.rule(rule)
        .targets(t -> t.id(id).arn(arn).roleArn(roleArn)));
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      var failed = response.failedEntries().get(0);
      throw new IllegalStateException("EventBridge refused the target " + id + " of the rule " + rule + ": "
          + failed.errorCode() + ": " + failed.errorMessage());
    }
  }

  /**
   * Removes every target, then the rule: DeleteRule refuses a rule that still has targets ("Rule can't be deleted
   * since it has targets."). A missing rule counts as deleted.
   */
  public void delete(String name) {
    List<String> ids;
    try {
      ids = targets(name).stream().map(EventRuleInfo.Target::id).toList();
    } catch (ResourceNotFoundException e) {
      return;
    }
    for (int from = 0; from < ids.size(); from += 10) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + 10));
      events().removeTargets(r -> r.rule(name).ids(batch));
    }
    events().deleteRule(r -> r.name(name));
  }

  /** The names of the rules whose name starts with {@code prefix}. */
  public List<String> names(String prefix) {
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListRulesResponse page = events().listRules(r -> r.namePrefix(prefix).nextToken(next));
      page.rules().forEach(rule -> names.add(rule.name()));
      token = page.nextToken();
    } while (token != null);
    return names;
  }

  public Map<String, String> tagsOf(String arn) {
    var tags = new TreeMap<String, String>();
    events().listTagsForResource(r -> r.resourceARN(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  private List<EventRuleInfo.Target> targets(String rule) {
    List<EventRuleInfo.Target> targets = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListTargetsByRuleResponse page = events().listTargetsByRule(r -> r.rule(rule).nextToken(next));
      page.targets().forEach(t -> targets.add(new EventRuleInfo.Target(t.id(), t.arn(), t.roleArn())));
      token = page.nextToken();
    } while (token != null);
    return targets;
  }
}
