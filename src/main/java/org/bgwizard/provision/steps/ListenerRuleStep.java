package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ListenerInfo;
import org.bgwizard.aws.ListenerRuleInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The production or the test listener rule of an ecs-native setup: every path ("/*"), one forward action with the
 * first target group at weight 100 and the second at 0. ECS moves the weights during a deployment; a rule with any
 * other action fails it ("Application Load Balancer resources for blue/green deployments"; catalogue row 37).
 * Teardown deletes it before its listener.
 */
final class ListenerRuleStep extends AwsStep<ListenerRuleInfo> {
  /** Both rules come first on their listener; they are on different listeners, so one priority serves both. */
  static final int PRIORITY = 1;
  private final ResourceRef listener;
  private final ResourceRef primary;
  private final ResourceRef alternate;
  private final List<String> pair;
  private final int listenerPort;

  ListenerRuleStep(Setup setup, ListenerStep listener, ResourceRef primary, ResourceRef alternate, List<String> pair) {
    super(setup, ResourceKind.LISTENER_RULE, listener.ref().name() + ":rule-" + PRIORITY, Origin.CREATE,
        List.of(listener.ref(), primary, alternate), Duration.ofSeconds(1));
    this.listener = listener.ref();
    this.primary = primary;
    this.alternate = alternate;
    this.pair = List.copyOf(pair);
    this.listenerPort = listener.port();
  }

  @Override
  Optional<ListenerRuleInfo> lookUp() throws Exception {
    var lb = LoadBalancerStep.lookUpShared(setup);
    if (lb.isEmpty()) {
      return Optional.empty();
    }
    String lbArn = lb.get().arn();
    Optional<ListenerInfo> found = setup.lookups().once("listeners " + lbArn, () -> setup.aws().elb().listeners(lbArn))
        .stream().filter(l -> l.port() == listenerPort).findFirst();
    return found.isEmpty() ? Optional.empty() : atPriority(found.get().arn());
  }

  private Optional<ListenerRuleInfo> atPriority(String listenerArn) {
    return setup.aws().elb().rules(listenerArn).stream()
        .filter(r -> String.valueOf(PRIORITY).equals(r.priority())).findFirst();
  }

  @Override
  PlanStatus compare(ListenerRuleInfo found) {
    List<String> foreign = found.forwards().keySet().stream().map(LoadBalancerStep::nameInArn)
        .filter(tg -> !pair.contains(tg)).toList();
    boolean forwardOnly = found.actionTypes().stream().allMatch("forward"::equals);
    if (found.forwards().isEmpty() || !foreign.isEmpty() || !forwardOnly) {
      return PlanStatus.refuse("The rule at priority " + PRIORITY + " of the listener " + listener.name()
          + " has the actions " + found.actionTypes() + " to " + found.forwards().keySet().stream()
          .map(LoadBalancerStep::nameInArn).toList() + "; ECS blue/green needs one forward action to "
          + String.join(" and ", pair) + " (catalogue row 37)");
    }
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(ListenerRuleInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    String listenerArn = ctx.output(listener, "arn");
    Optional<ListenerRuleInfo> found = call(ctx, "elbv2 DescribeRules " + ref().name(), () -> atPriority(listenerArn));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      return StepOutcome.of("arn", found.get().arn());
    }
    String primaryArn = ctx.output(primary, "arn");
    String alternateArn = ctx.output(alternate, "arn");
    ctx.beforeCreate();
    ListenerRuleInfo rule = call(ctx, "elbv2 CreateRule " + ref().name(), () -> setup.aws().elb()
        .createForwardRule(listenerArn, PRIORITY, primaryArn, alternateArn, setup.tags()));
    ctx.created(Map.of("arn", rule.arn()));
    return StepOutcome.of("arn", rule.arn());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    Optional<String> arn = entry.output("arn");
    if (arn.isEmpty()) {
      arn = call(ctx, "elbv2 DescribeRules " + ref().name(), this::lookUp).map(ListenerRuleInfo::arn);
    }
    if (arn.isPresent()) {
      String rule = arn.get();
      run(ctx, "elbv2 DeleteRule " + ref().name(), () -> setup.aws().elb().deleteRule(rule));
    }
  }

  @Override
  public String cliEquivalent() {
    return "aws elbv2 create-rule --listener-arn <" + listener.name() + " arn> --priority " + PRIORITY
        + " --conditions Field=path-pattern,Values='/*' --actions '[{\"Type\":\"forward\",\"ForwardConfig\":"
        + "{\"TargetGroups\":[{\"TargetGroupArn\":\"<" + primary.name() + " arn>\",\"Weight\":100},"
        + "{\"TargetGroupArn\":\"<" + alternate.name() + " arn>\",\"Weight\":0}]}}]' --tags " + setup.cliTag();
  }
}
