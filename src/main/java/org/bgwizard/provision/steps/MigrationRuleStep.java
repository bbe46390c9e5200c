package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ListenerRuleInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * A listener rule of a setup moving from CodeDeploy, created forwarding to the target group where the tasks run:
 * after an odd number of CodeDeploy deployments that is the second one, and a rule at weight 100 on the first would
 * send production traffic to an empty target group until the service changes controller. Otherwise the ecs-native
 * rule step ("Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green deployments": one target group to
 * the production rule, the other to the test rule).
 */
final class MigrationRuleStep extends AwsStep<ListenerRuleInfo> {
  private final ListenerRuleStep target;
  private final ResourceRef listener;
  private final ResourceRef serving;
  private final ResourceRef other;

  MigrationRuleStep(Setup setup, ListenerRuleStep target, ResourceRef serving, ResourceRef other) {
    super(setup, ResourceKind.LISTENER_RULE, target.ref().name(), Origin.CREATE, target.dependsOn(),
        Duration.ofSeconds(1));
    this.target = target;
    this.listener = target.dependsOn().stream().filter(r -> r.kind().equals(ResourceKind.LISTENER.id()))
        .findFirst().orElseThrow();
    this.serving = serving;
    this.other = other;
  }

  @Override
  Optional<ListenerRuleInfo> lookUp() throws Exception {
    return target.lookUp();
  }

  @Override
  PlanStatus compare(ListenerRuleInfo found) {
    return target.compare(found);
  }

  @Override
  String idOf(ListenerRuleInfo found) {
    return target.idOf(found);
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    String listenerArn = ctx.output(listener, "arn");
    boolean exists = call(ctx, "elbv2 DescribeRules " + ref().name(), () -> setup.aws().elb().rules(listenerArn))
        .stream().anyMatch(r -> String.valueOf(ListenerRuleStep.PRIORITY).equals(r.priority()));
    if (exists) {
      return target.apply(ctx);
    }
    String servingArn = ctx.output(serving, "arn");
    String otherArn = ctx.output(other, "arn");
    ctx.beforeCreate();
    ListenerRuleInfo rule = call(ctx, "elbv2 CreateRule " + ref().name(), () -> setup.aws().elb()
        .createForwardRule(listenerArn, ListenerRuleStep.PRIORITY, servingArn, otherArn, setup.tags()));
    ctx.created(Map.of("arn", rule.arn()));
    return StepOutcome.of("arn", rule.arn());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    target.delete(ctx, entry);
  }

  @Override
  public String cliEquivalent() {
    return target.cliEquivalent().replace("<" + serving.name() + " arn>", "<serving>")
        .replace("<" + other.name() + " arn>", "<" + serving.name() + " arn>").replace("<serving>",
            "<" + other.name() + " arn>");
  }
}
