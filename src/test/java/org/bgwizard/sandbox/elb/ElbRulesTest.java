package org.bgwizard.sandbox.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.SandboxInternals;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTargetGroupsException;

class ElbRulesTest {
  private final EcsFixture f = new EcsFixture();
  private final ElasticLoadBalancingV2Client elb = f.sandbox.elbv2();
  private final EcsFixture.BlueGreen bg = f.blueGreen(EcsFixture.NGINX);
  @TempDir
  java.nio.file.Path dir;

  static Action weighted(String tg1, int w1, String tg2, int w2) {
    return Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(ForwardActionConfig.builder().targetGroups(
        TargetGroupTuple.builder().targetGroupArn(tg1).weight(w1).build(),
        TargetGroupTuple.builder().targetGroupArn(tg2).weight(w2).build()).build()).build();
  }

  static RuleCondition path(String... values) {
    return RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values(values)).build();
  }

  private Rule create(String listener, int priority, Action action, RuleCondition... conditions) {
    return elb.createRule(r -> r.listenerArn(listener).priority(priority).actions(action).conditions(conditions))
        .rules().get(0);
  }

  private List<Rule> rules(String listener) {
    return elb.describeRules(r -> r.listenerArn(listener)).rules();
  }

  @Test
  void createdRule_isDescribedByListenerInPriorityOrder_thenTheDefaultRule() {
    Rule second = create(bg.production(), 20, weighted(bg.targetGroup1(), 100, bg.targetGroup2(), 0), path("/*"));
    Rule first = create(bg.production(), 10, weighted(bg.targetGroup1(), 0, bg.targetGroup2(), 100), path("/beta/*"));

    List<Rule> rules = rules(bg.production());

    assertEquals(List.of(first.ruleArn(), second.ruleArn()), rules.subList(0, 2).stream().map(Rule::ruleArn).toList());
    assertEquals(List.of("10", "20", "default"), rules.stream().map(Rule::priority).toList());
    assertEquals(List.of(false, false, true), rules.stream().map(Rule::isDefault).toList());
    assertEquals(bg.targetGroup1(), rules.get(2).actions().get(0).targetGroupArn());
    assertTrue(rules.get(2).conditions().isEmpty());
    assertTrue(first.ruleArn().matches(
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/demo-alb/[0-9a-f]{16}/[0-9a-f]{16}/"
            + "[0-9a-f]{16}"), first.ruleArn());
    assertEquals(List.of(100, 0), second.actions().get(0).forwardConfig().targetGroups().stream()
        .map(TargetGroupTuple::weight).toList());
    assertEquals(List.of("/beta/*"), first.conditions().get(0).pathPatternConfig().values());
  }

  @Test
  void rulesDescribedByArn_includingTheDefaultRule() {
    Rule rule = create(bg.test(), 1, weighted(bg.targetGroup1(), 0, bg.targetGroup2(), 100), path("/*"));
    String defaultArn = rules(bg.test()).get(1).ruleArn();

    List<Rule> byArn = elb.describeRules(r -> r.ruleArns(defaultArn, rule.ruleArn())).rules();

    assertEquals(List.of(true, false), byArn.stream().map(Rule::isDefault).toList());
    var e = assertThrows(RuleNotFoundException.class, () -> elb.describeRules(r -> r.ruleArns(
        rule.ruleArn().replaceAll("[0-9a-f]{16}$", "0000000000000000"))));
    assertEquals("RuleNotFound", e.awsErrorDetails().errorCode());
  }

  @Test
  void samePriorityOnOneListener_isPriorityInUse_butFreeOnAnother() {
    create(bg.production(), 5, weighted(bg.targetGroup1(), 100, bg.targetGroup2(), 0), path("/*"));

    var e = assertThrows(PriorityInUseException.class,
        () -> create(bg.production(), 5, weighted(bg.targetGroup1(), 100, bg.targetGroup2(), 0), path("/a")));
    assertEquals("PriorityInUse", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().startsWith("Priority '5' is currently in use"), e.getMessage());
    create(bg.test(), 5, weighted(bg.targetGroup1(), 0, bg.targetGroup2(), 100), path("/*"));
  }

  @Test
  void invalidRules_areRefusedWithAwsErrorCodes() {
    var priority = assertThrows(ElasticLoadBalancingV2Exception.class,
        () -> create(bg.production(), 0, weighted(bg.targetGroup1(), 1, bg.targetGroup2(), 1), path("/*")));
    assertEquals("ValidationError", priority.awsErrorDetails().errorCode());
    assertTrue(priority.getMessage().contains("at 'priority'"), priority.getMessage());

    var weight = assertThrows(ElasticLoadBalancingV2Exception.class,
        () -> create(bg.production(), 1, weighted(bg.targetGroup1(), 1000, bg.targetGroup2(), 0), path("/*")));
    assertEquals("ValidationError", weight.awsErrorDetails().errorCode());
    assertTrue(weight.getMessage().contains("Value '1000' at 'actions.1.member.forwardConfig.targetGroups.1.member"
        + ".weight'"), weight.getMessage());

    var noCondition = assertThrows(ElasticLoadBalancingV2Exception.class,
        () -> create(bg.production(), 1, weighted(bg.targetGroup1(), 1, bg.targetGroup2(), 1)));
    assertEquals("ValidationError", noCondition.awsErrorDetails().errorCode());

    String missing = bg.targetGroup1().replace("demo-tg-1", "nope");
    var notFound = assertThrows(TargetGroupNotFoundException.class,
        () -> create(bg.production(), 1, weighted(missing, 1, bg.targetGroup2(), 1), path("/*")));
    assertEquals("TargetGroupNotFound", notFound.awsErrorDetails().errorCode());

    var groups = new java.util.ArrayList<TargetGroupTuple>();
    for (int i = 3; i <= 8; i++) {
      groups.add(TargetGroupTuple.builder().targetGroupArn(f.targetGroup("demo-tg-" + i, "ip")).weight(1).build());
    }
    var tooMany = assertThrows(TooManyTargetGroupsException.class, () -> create(bg.production(), 1,
        Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(c -> c.targetGroups(groups)).build(), path("/*")));
    assertEquals("TooManyTargetGroups", tooMany.awsErrorDetails().errorCode());
    assertEquals(1, rules(bg.production()).size());
  }

  @Test
  void modifyRule_rewritesWeights_andTheDefaultRuleRewritesTheListener() {
    Rule rule = create(bg.production(), 1, weighted(bg.targetGroup1(), 100, bg.targetGroup2(), 0), path("/*"));

    Rule modified = elb.modifyRule(r -> r.ruleArn(rule.ruleArn())
        .actions(weighted(bg.targetGroup1(), 20, bg.targetGroup2(), 80))).rules().get(0);
    String defaultArn = rules(bg.production()).get(1).ruleArn();
    elb.modifyRule(r -> r.ruleArn(defaultArn).actions(weighted(bg.targetGroup1(), 50, bg.targetGroup2(), 50)));

    assertEquals(List.of(20, 80), modified.actions().get(0).forwardConfig().targetGroups().stream()
        .map(TargetGroupTuple::weight).toList());
    assertEquals("/*", modified.conditions().get(0).pathPatternConfig().values().get(0));
    assertEquals(List.of(50, 50), elb.describeListeners(r -> r.listenerArns(bg.production())).listeners().get(0)
        .defaultActions().get(0).forwardConfig().targetGroups().stream().map(TargetGroupTuple::weight).toList());
  }

  @Test
  void deleteRule_removesIt_butTheDefaultRuleIsOperationNotPermitted() {
    Rule rule = create(bg.production(), 1, weighted(bg.targetGroup1(), 100, bg.targetGroup2(), 0), path("/*"));
    String defaultArn = rules(bg.production()).get(1).ruleArn();

    var e = assertThrows(OperationNotPermittedException.class, () -> elb.deleteRule(r -> r.ruleArn(defaultArn)));
    assertEquals("OperationNotPermitted", e.awsErrorDetails().errorCode());
    elb.deleteRule(r -> r.ruleArn(rule.ruleArn()));

    assertEquals(1, rules(bg.production()).size());
    assertThrows(RuleNotFoundException.class, () -> elb.deleteRule(r -> r.ruleArn(rule.ruleArn())));
  }

  @Test
  void setRulePriorities_swapsTwoRules_andRefusesACollision() {
    Rule a = create(bg.production(), 1, weighted(bg.targetGroup1(), 100, bg.targetGroup2(), 0), path("/a"));
    Rule b = create(bg.production(), 2, weighted(bg.targetGroup1(), 0, bg.targetGroup2(), 100), path("/b"));

    elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(a.ruleArn()).priority(2),
        p -> p.ruleArn(b.ruleArn()).priority(1)));

    assertEquals(List.of(b.ruleArn(), a.ruleArn()), rules(bg.production()).subList(0, 2).stream().map(Rule::ruleArn)
        .toList());
    assertThrows(PriorityInUseException.class,
        () -> elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(a.ruleArn()).priority(1))));
  }

  @Test
  void targetGroupForwardedToByARuleOnly_isInUse_andOnTheLoadBalancer() {
    String tg3 = f.targetGroup("demo-tg-3", "ip");
    Rule rule = create(bg.production(), 1, Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tg3).build(),
        path("/three/*"));

    assertEquals(List.of(bg.loadBalancer()), elb.describeTargetGroups(r -> r.targetGroupArns(tg3)).targetGroups()
        .get(0).loadBalancerArns());
    var e = assertThrows(ResourceInUseException.class, () -> elb.deleteTargetGroup(r -> r.targetGroupArn(tg3)));
    assertTrue(e.getMessage().contains("is currently in use by a listener or a rule"), e.getMessage());
    elb.deleteRule(r -> r.ruleArn(rule.ruleArn()));
    elb.deleteTargetGroup(r -> r.targetGroupArn(tg3));
  }

  @Test
  void request_takesTheFirstMatchingRulesWeights_elseTheDefaultAction() {
    create(bg.production(), 2, weighted(bg.targetGroup1(), 0, bg.targetGroup2(), 100), path("/beta/*"));
    create(bg.production(), 1, weighted(bg.targetGroup1(), 30, bg.targetGroup2(), 70),
        RuleCondition.builder().field("http-header").httpHeaderConfig(h -> h.httpHeaderName("X-Canary")
            .values("yes")).build());
    ElbEngine engine = SandboxInternals.elbEngine(f.sandbox);

    assertEquals(List.of(new ElbEngine.TargetGroupWeight(bg.targetGroup1(), 0),
        new ElbEngine.TargetGroupWeight(bg.targetGroup2(), 100)),
        engine.route(bg.production(), "demo.example.com", "/beta/index.html", Map.of()));
    assertEquals(30, engine.route(bg.production(), "demo.example.com", "/beta/x", Map.of("x-canary", "YES"))
        .get(0).weight());
    assertEquals(List.of(new ElbEngine.TargetGroupWeight(bg.targetGroup1(), 1)),
        engine.route(bg.production(), "demo.example.com", "/", Map.of()));
  }

  @Test
  void ruleTags_areAddedAndDescribedByRuleArn() {
    Rule rule = create(bg.production(), 1, weighted(bg.targetGroup1(), 100, bg.targetGroup2(), 0), path("/*"));

    elb.addTags(r -> r.resourceArns(rule.ruleArn()).tags(Tag.builder().key("app").value("demo").build()));

    assertEquals("demo", elb.describeTags(r -> r.resourceArns(rule.ruleArn())).tagDescriptions().get(0).tags().get(0)
        .value());
  }

  @Test
  void deletingTheListener_deletesItsRules() {
    Rule rule = create(bg.test(), 1, weighted(bg.targetGroup1(), 0, bg.targetGroup2(), 100), path("/*"));

    elb.deleteListener(r -> r.listenerArn(bg.test()));

    assertThrows(RuleNotFoundException.class, () -> elb.describeRules(r -> r.ruleArns(rule.ruleArn())));
  }

  @Test
  void rules_persistInTheSavedAccount() throws Exception {
    java.nio.file.Path file = dir.resolve("account.json");
    ManualClock[] clock = new ManualClock[1];
    Sandbox saved = Sandbox.open(file, "us-east-1", (java.time.Instant at) -> {
      clock[0] = new ManualClock(at);
      return clock[0];
    }, Sleeper.NONE);
    EcsFixture g = new EcsFixture(saved, clock[0]);
    var lb = g.loadBalancer("demo-alb");
    var tg = g.targetGroup("demo-tg-1", "ip");
    var listener = g.listener(lb, 80, tg);
    String ruleArn = saved.elbv2().createRule(r -> r.listenerArn(listener).priority(7).conditions(path("/x"))
        .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))).rules().get(0).ruleArn();
    saved.account().save();

    Sandbox reopened = Sandbox.open(file, "us-east-1", ManualClock::new, Sleeper.NONE);
    Rule back = reopened.elbv2().describeRules(r -> r.ruleArns(ruleArn)).rules().get(0);

    assertEquals("7", back.priority());
    assertFalse(back.isDefault());
    assertEquals("/x", back.conditions().get(0).pathPatternConfig().values().get(0));
  }
}
