package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ListenerInfo;
import org.bgwizard.aws.LoadBalancerInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResources;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * A listener of the load balancer: production (forwarding to the first target group before any deployment,
 * catalogue row 8) or test (to the second). CodeDeploy moves them between the pair afterwards.
 */
final class ListenerStep extends AwsStep<ListenerInfo> {
  private final int port;
  private final ResourceRef loadBalancer;
  private final ResourceRef targetGroup;
  private final List<String> pair;
  private final String loadBalancerName;

  ListenerStep(Setup setup, int port, ResourceRef loadBalancer, ResourceRef targetGroup, List<String> pair) {
    super(setup, ResourceKind.LISTENER, TaggedResources.listenerName(loadBalancer.name(), port), Origin.CREATE,
        List.of(loadBalancer, targetGroup), Duration.ofSeconds(1));
    this.port = port;
    this.loadBalancer = loadBalancer;
    this.targetGroup = targetGroup;
    this.pair = List.copyOf(pair);
    this.loadBalancerName = loadBalancer.name();
  }

  int port() {
    return port;
  }

  @Override
  Optional<ListenerInfo> lookUp() throws Exception {
    Optional<LoadBalancerInfo> found = LoadBalancerStep.lookUpShared(setup);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String arn = found.get().arn();
    List<ListenerInfo> listeners = setup.lookups().once("listeners " + arn, () -> setup.aws().elb().listeners(arn));
    return listeners.stream().filter(l -> l.port() == port).findFirst();
  }

  private Optional<ListenerInfo> onPort(String loadBalancerArn) {
    return setup.aws().elb().listeners(loadBalancerArn).stream().filter(l -> l.port() == port).findFirst();
  }

  @Override
  PlanStatus compare(ListenerInfo found) {
    List<String> foreign = found.forwards().keySet().stream().map(LoadBalancerStep::nameInArn)
        .filter(tg -> !pair.contains(tg)).toList();
    if (found.forwards().isEmpty() || !foreign.isEmpty()) {
      return PlanStatus.refuse("The listener on port " + port + " of " + loadBalancerName + " forwards to "
          + (foreign.isEmpty() ? "no target group" : String.join(", ", foreign)) + "; the setup needs it to forward to "
          + targetGroup.name() + " (catalogue rows 8, 9)");
    }
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(ListenerInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    String lbArn = ctx.output(loadBalancer, "arn");
    String tgArn = ctx.output(targetGroup, "arn");
    Optional<ListenerInfo> found = call(ctx, "elbv2 DescribeListeners " + ref().name(), () -> onPort(lbArn));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    ListenerInfo listener;
    if (found.isPresent()) {
      listener = found.get();
    } else {
      ctx.beforeCreate();
      listener = call(ctx, "elbv2 CreateListener " + ref().name(),
          () -> setup.aws().elb().createListener(lbArn, port, tgArn, setup.tags()));
      ctx.created(Map.of("arn", listener.arn()));
    }
    return withTags(StepOutcome.of("arn", listener.arn(), "port", String.valueOf(port)));
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    Optional<String> arn = entry.output("arn");
    if (arn.isEmpty()) {
      arn = call(ctx, "elbv2 DescribeListeners " + ref().name(), this::lookUp).map(ListenerInfo::arn);
    }
    if (arn.isPresent()) {
      String listener = arn.get();
      run(ctx, "elbv2 DeleteListener " + ref().name(), () -> setup.aws().elb().deleteListener(listener));
    }
  }

  @Override
  public String cliEquivalent() {
    return "aws elbv2 create-listener --load-balancer-arn <" + loadBalancerName + " arn> --protocol HTTP --port "
        + port + " --default-actions Type=forward,TargetGroupArn=<" + targetGroup.name() + " arn> --tags "
        + setup.cliTag();
  }
}
