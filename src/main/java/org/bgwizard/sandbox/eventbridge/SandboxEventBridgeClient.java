package org.bgwizard.sandbox.eventbridge;

import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.TagLists;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.TagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.TagResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceResponse;

/** EventBridge rules on the default bus, with targets, as the setup's change detection uses them. */
public final class SandboxEventBridgeClient implements EventBridgeClient {
  /** ListRules and ListTargetsByRule return at most 100 items per call (the API's Limit maximum). */
  static final int PAGE_SIZE = 100;

  private final SandboxAccount account;
  private final EventBridgeEngine engine;

  public SandboxEventBridgeClient(SandboxAccount account, EventBridgeEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public PutRuleResponse putRule(PutRuleRequest r) {
    return account.call(Service.EVENTBRIDGE, "PutRule", () -> {
      engine.checkBus(r.eventBusName());
      var rule = engine.putRule(r.name(), r.eventPattern(), r.scheduleExpression(), r.stateAsString(),
          r.description(), tags(r.tags()));
      return PutRuleResponse.builder().ruleArn(rule.arn).build();
    });
  }

  @Override
  public DescribeRuleResponse describeRule(DescribeRuleRequest r) {
    return account.call(Service.EVENTBRIDGE, "DescribeRule", () -> {
      engine.checkBus(r.eventBusName());
      var rule = engine.rule(r.name());
      return DescribeRuleResponse.builder().name(rule.name).arn(rule.arn).eventPattern(rule.eventPattern)
          .scheduleExpression(rule.scheduleExpression).state(rule.state).description(rule.description)
          .eventBusName(EventBridgeEngine.DEFAULT_BUS).createdBy(account.accountId()).build();
    });
  }

  @Override
  public ListRulesResponse listRules(ListRulesRequest r) {
    return account.call(Service.EVENTBRIDGE, "ListRules", () -> {
      engine.checkBus(r.eventBusName());
      var page = ListPage.of(engine.rules(r.namePrefix()), rule -> rule.name, r.nextToken(), limit(r.limit()),
          () -> engine.validation("The nextToken provided is invalid.")); // (unv)
      return ListRulesResponse.builder().rules(page.items().stream().map(rule -> Rule.builder().name(rule.name)
              .arn(rule.arn).eventPattern(rule.eventPattern).scheduleExpression(rule.scheduleExpression)
              .state(rule.state).description(rule.description).eventBusName(EventBridgeEngine.DEFAULT_BUS).build())
              .toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public PutTargetsResponse putTargets(PutTargetsRequest r) {
    return account.call(Service.EVENTBRIDGE, "PutTargets", () -> {
      engine.checkBus(r.eventBusName());
      var failed = engine.putTargets(r.rule(), r.targets().stream().map(t -> {
        var target = new EventBridgeState.Target();
        target.id = t.id();
        target.arn = t.arn();
        target.roleArn = t.roleArn();
        target.input = t.input();
        return target;
      }).toList());
      return PutTargetsResponse.builder().failedEntryCount(failed.size())
          .failedEntries(failed.stream().map(f -> PutTargetsResultEntry.builder().targetId(f.targetId())
              .errorCode(f.code()).errorMessage(f.message()).build()).toList())
          .build();
    });
  }

  @Override
  public ListTargetsByRuleResponse listTargetsByRule(ListTargetsByRuleRequest r) {
    return account.call(Service.EVENTBRIDGE, "ListTargetsByRule", () -> {
      engine.checkBus(r.eventBusName());
      List<EventBridgeState.Target> targets = List.copyOf(engine.rule(r.rule()).targets.values());
      var page = ListPage.of(targets, t -> t.id, r.nextToken(), limit(r.limit()),
          () -> engine.validation("The nextToken provided is invalid.")); // (unv)
      return ListTargetsByRuleResponse.builder().targets(page.items().stream().map(t -> Target.builder().id(t.id)
              .arn(t.arn).roleArn(t.roleArn).input(t.input).build()).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public RemoveTargetsResponse removeTargets(RemoveTargetsRequest r) {
    return account.call(Service.EVENTBRIDGE, "RemoveTargets", () -> {
      engine.checkBus(r.eventBusName());
      engine.removeTargets(r.rule(), r.ids());
      return RemoveTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    });
  }

  @Override
  public DeleteRuleResponse deleteRule(DeleteRuleRequest r) {
    return account.call(Service.EVENTBRIDGE, "DeleteRule", () -> {
      engine.checkBus(r.eventBusName());
      engine.deleteRule(r.name());
      return DeleteRuleResponse.builder().build();
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return account.call(Service.EVENTBRIDGE, "TagResource", () -> {
      engine.byArn(r.resourceARN()).tags.putAll(tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return account.call(Service.EVENTBRIDGE, "UntagResource", () -> {
      engine.byArn(r.resourceARN()).tags.keySet().removeAll(r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return account.call(Service.EVENTBRIDGE, "ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(TagLists.fromMap(engine.byArn(r.resourceARN()).tags, (k, v) -> Tag.builder().key(k).value(v).build()))
        .build());
  }

  private static int limit(Integer limit) {
    return limit == null ? PAGE_SIZE : Math.max(1, Math.min(limit, PAGE_SIZE));
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return TagLists.toMap(tags, Tag::key, Tag::value);
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
