package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.ChangeDetection;
import org.bgwizard.artifacts.ExportFiles;
import org.bgwizard.artifacts.Json;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.aws.EventRuleInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The EventBridge rule that starts the pipeline when its source changes, with the pipeline as its one target and
 * the events role as the target's role ("CodeCommit source actions and EventBridge", CodePipeline User Guide).
 * Teardown removes the target before the rule: DeleteRule refuses a rule that has targets.
 */
final class EventRuleStep extends AwsStep<EventRuleInfo> {
  private final ObjectNode pattern;

  EventRuleStep(Setup setup, ResourceRef pipeline, ResourceRef role, ObjectNode pattern) {
    super(setup, ResourceKind.EVENT_RULE, ChangeDetection.ruleName(setup.spec()), Origin.CREATE,
        List.of(pipeline, role), Duration.ofSeconds(1));
    this.pattern = pattern.deepCopy();
  }

  private String name() {
    return ref().name();
  }

  private String roleArn() {
    return ChangeDetection.roleArn(setup.spec(), setup.target());
  }

  @Override
  Optional<EventRuleInfo> lookUp() {
    return setup.aws().eventRules().find(name());
  }

  @Override
  PlanStatus compare(EventRuleInfo found) {
    if (!setup.ours(found.tags())) {
      return PlanStatus.refuse("The EventBridge rule " + name() + " exists and is not tagged "
          + setup.cliTagMap() + ": rename the setup, or delete the rule if it is a leftover");
    }
    var differences = new ArrayList<String>();
    if (found.eventPattern() == null || !JsonDiff.parse(found.eventPattern()).equals(pattern)) {
      differences.add("its event pattern differs: it will be replaced");
    }
    if (!"ENABLED".equals(found.state())) {
      differences.add("it is " + found.state() + ": it will be enabled");
    }
    if (!hasTarget(found)) {
      differences.add("it does not start " + setup.arns().pipeline() + " with the role " + roleArn()
          + ": the target will be put");
    }
    List<Change> tags = TagChanges.changes(setup, found.tags());
    if (!tags.isEmpty()) {
      differences.addAll(tags.stream().map(Change::toString).toList());
      return differences.size() == tags.size() ? PlanStatus.update(tags, "aws events tag-resource --resource-arn "
          + found.arn() + " --tags " + TagChanges.cliList(TagChanges.missing(setup, found.tags())))
          : PlanStatus.update(differences);
    }
    return PlanStatus.update(differences);
  }

  private boolean ruleMatches(EventRuleInfo rule) {
    return rule.eventPattern() != null && JsonDiff.parse(rule.eventPattern()).equals(pattern)
        && "ENABLED".equals(rule.state());
  }

  private boolean hasTarget(EventRuleInfo rule) {
    return rule.targets().stream().anyMatch(t -> t.id().equals(ChangeDetection.TARGET_ID)
        && t.arn().equals(setup.arns().pipeline()) && roleArn().equals(t.roleArn()));
  }

  @Override
  String idOf(EventRuleInfo found) {
    return found.arn();
  }

  @Override
  Map<String, String> tagsOf(EventRuleInfo found) {
    return found.tags();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var rules = setup.aws().eventRules();
    Optional<EventRuleInfo> found = call(ctx, "events DescribeRule " + name(), () -> rules.find(name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
    }
    String arn;
    if (found.isEmpty() || !ruleMatches(found.get())) {
      if (found.isEmpty()) {
        ctx.beforeCreate();
      }
      arn = call(ctx, "events PutRule " + name(), () -> rules.put(name(), Json.pretty(pattern),
          ResourceTexts.eventRuleDescription(setup.spec()), setup.tags()));
      if (found.isEmpty()) {
        ctx.created(Map.of("arn", arn));
      }
    } else {
      arn = found.get().arn();
    }
    Map<String, String> missing = found.map(f -> TagChanges.missing(setup, f.tags())).orElse(Map.of());
    if (!missing.isEmpty()) {
      run(ctx, "events TagResource " + name(), () -> rules.tag(arn, missing));
    }
    if (found.isEmpty() || !hasTarget(found.get())) {
      run(ctx, "events PutTargets " + name(), () -> rules.putTarget(name(), ChangeDetection.TARGET_ID,
          setup.arns().pipeline(), roleArn()));
    }
    return StepOutcome.of("arn", arn, "name", name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "events RemoveTargets and DeleteRule " + name(), () -> setup.aws().eventRules().delete(name()));
  }

  @Override
  public String cliEquivalent() {
    return "aws events put-rule --name " + name() + " --event-pattern file://" + ExportFiles.EVENT_PATTERN
        + " --state ENABLED --tags " + setup.cliTag()
        + " && aws events put-targets --rule " + name() + " --targets Id=" + ChangeDetection.TARGET_ID + ",Arn="
        + setup.arns().pipeline() + ",RoleArn=" + roleArn();
  }
}
