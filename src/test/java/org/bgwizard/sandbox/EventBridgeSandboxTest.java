package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

class EventBridgeSandboxTest {
  static final String PATTERN = "{\"source\":[\"aws.codecommit\"],\"detail-type\":[\"CodeCommit Repository State"
      + " Change\"],\"detail\":{\"referenceName\":[\"main\"]}}";
  static final String RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/demo-source-change";
  static final String PIPELINE_ARN = "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline";
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  EventBridgeClient events;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    events = sandbox.eventBridge();
  }

  private void ruleWithTarget() {
    events.putRule(b -> b.name("demo-source-change").eventPattern(PATTERN)
        .tags(Tag.builder().key("bgwizard:setup").value("demo").build()));
    events.putTargets(b -> b.rule("demo-source-change").targets(Target.builder().id("codepipeline").arn(PIPELINE_ARN)
        .roleArn("arn:aws:iam::123456789012:role/demo-events").build()));
  }

  @Test
  void putRule_returnsTheRuleArn_andDescribeRuleShowsThePatternEnabled() {
    assertEquals(RULE_ARN, events.putRule(b -> b.name("demo-source-change").eventPattern(PATTERN)).ruleArn());

    var rule = events.describeRule(b -> b.name("demo-source-change"));
    assertEquals(PATTERN, rule.eventPattern());
    assertEquals("ENABLED", rule.stateAsString());
    assertEquals("default", rule.eventBusName());
  }

  @Test
  void describeRule_ofAMissingRule_isResourceNotFound_namingTheDefaultBus() {
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException",
        "Rule nope does not exist on EventBus default.", () -> events.describeRule(b -> b.name("nope")));
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException",
        "Rule nope does not exist on EventBus default.", () -> events.putTargets(b -> b.rule("nope")
            .targets(Target.builder().id("t").arn(PIPELINE_ARN).build())));
  }

  @Test
  void putRule_withAPatternThatIsNotAnObjectOfArrays_isInvalidEventPattern() {
    assertAwsError(InvalidEventPatternException.class, "InvalidEventPatternException", "Event pattern is not valid",
        () -> events.putRule(b -> b.name("bad").eventPattern("{\"source\":\"aws.codecommit\"}")));
    assertAwsError(InvalidEventPatternException.class, "InvalidEventPatternException", "Event pattern is not valid",
        () -> events.putRule(b -> b.name("bad").eventPattern("not json")));
  }

  @Test
  void deleteRule_withTargets_isRefused_untilTheTargetsAreRemoved() {
    ruleWithTarget();

    assertAwsError(EventBridgeException.class, "ValidationException", "Rule can't be deleted since it has targets.",
        () -> events.deleteRule(b -> b.name("demo-source-change")));
    assertEquals(List.of("codepipeline"), events.listTargetsByRule(b -> b.rule("demo-source-change")).targets()
        .stream().map(Target::id).toList());
    events.removeTargets(b -> b.rule("demo-source-change").ids("codepipeline"));
    events.deleteRule(b -> b.name("demo-source-change"));
    events.deleteRule(b -> b.name("demo-source-change"));
    assertTrue(events.listRules(b -> b.namePrefix("demo-")).rules().isEmpty());
  }

  @Test
  void listRules_byNamePrefix_andTagsByRuleArn() {
    ruleWithTarget();
    events.putRule(b -> b.name("other-rule").eventPattern(PATTERN));

    assertEquals(List.of("demo-source-change"),
        events.listRules(b -> b.namePrefix("demo-")).rules().stream().map(Rule::name).toList());
    assertEquals(Map.of("bgwizard:setup", "demo"), Map.of(
        events.listTagsForResource(b -> b.resourceARN(RULE_ARN)).tags().get(0).key(),
        events.listTagsForResource(b -> b.resourceARN(RULE_ARN)).tags().get(0).value()));
    events.tagResource(b -> b.resourceARN(RULE_ARN).tags(Tag.builder().key("team").value("web").build()));
    assertEquals(2, events.listTagsForResource(b -> b.resourceARN(RULE_ARN)).tags().size());
  }

  @Test
  void putTargets_acceptsAtMostFiveTargetsPerRule() {
    events.putRule(b -> b.name("r").eventPattern(PATTERN));
    for (int i = 0; i < 5; i++) {
      String id = "t" + i;
      events.putTargets(b -> b.rule("r").targets(Target.builder().id(id).arn(PIPELINE_ARN).build()));
    }
    assertAwsError(software.amazon.awssdk.services.eventbridge.model.LimitExceededException.class,
        "LimitExceededException", null,
        () -> events.putTargets(b -> b.rule("r").targets(Target.builder().id("t5").arn(PIPELINE_ARN).build())));
  }

  @Test
  void rulesAndTargets_areSavedWithTheAccount(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sandbox.json");
    Sandbox first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE);
    first.eventBridge().putRule(b -> b.name("demo-source-change").eventPattern(PATTERN));
    first.eventBridge().putTargets(b -> b.rule("demo-source-change").targets(Target.builder().id("codepipeline")
        .arn(PIPELINE_ARN).roleArn("arn:aws:iam::123456789012:role/demo-events").build()));

    Sandbox reopened = BasicServiceAssertions.reopen(file);
    var targets = reopened.eventBridge().listTargetsByRule(b -> b.rule("demo-source-change")).targets();
    assertEquals("arn:aws:iam::123456789012:role/demo-events", targets.get(0).roleArn());
  }
}
