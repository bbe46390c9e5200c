package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.DeploymentGroupInfo;
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
 * catalogue row 8) or test (to the second). CodeDeploy moves them between the pair afterwards. A changed port is
 * changed in place with ModifyListener, which keeps the ARN the deployment group names.
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

  /** Production forwards to the first group of the pair, test to the second. */
  private boolean production() {
    return targetGroup.name().equals(pair.get(0));
  }

  /** "production" or "test": recorded in the journal, so that a port handed from one listener to the other is seen. */
  String role() {
    return production() ? "production" : "test";
  }

  /**
   * The refusal when the journal records the listener under this step's name (its port) in the other role: the setup
   * gives this port to the other listener, a swap no single apply can make without cutting traffic.
   */
  PlanStatus refusalForRecordedRole(String recordedRole) {
    return PlanStatus.refuse("Port " + port + " is the setup's " + recordedRole + " listener now (the journal records"
        + " it so): one apply cannot swap or hand over the listeners' ports without cutting traffic. Move the "
        + recordedRole + " listener to a free port first (set its port to one no listener uses, apply), then set the"
        + " ports you want and apply again");
  }

  private int otherPort() {
    var lb = setup.spec().loadBalancer();
    return production() ? lb.testPort() : lb.productionPort();
  }

  /** The listener on the setup's port, else the one this step had before its port changed ({@link #moved}). */
  @Override
  Optional<ListenerInfo> lookUp() throws Exception {
    Optional<LoadBalancerInfo> found = LoadBalancerStep.lookUpShared(setup);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String arn = found.get().arn();
    List<ListenerInfo> listeners = setup.lookups().once("listeners " + arn, () -> setup.aws().elb().listeners(arn));
    Optional<ListenerInfo> onPort = listeners.stream().filter(l -> l.port() == port).findFirst();
    if (onPort.isPresent()) {
      return onPort;
    }
    // an ECS blue/green setup has no deployment group: its moved listener is found by what it forwards to
    return moved(listeners, setup.spec().codeDeploy() == null ? Optional.empty()
        : DeploymentGroupStep.lookUpShared(setup).group());
  }

  /**
   * The listener this step had before the setup's port changed, on neither of the setup's ports now: the one the
   * deployment group routes this step's traffic through (its production or test route names listener ARNs, which
   * ModifyListener keeps), or without a group, the only listener there that forwards to the pair alone.
   */
  private Optional<ListenerInfo> moved(List<ListenerInfo> listeners, Optional<DeploymentGroupInfo> group) {
    List<ListenerInfo> candidates = listeners.stream().filter(l -> l.port() != port && l.port() != otherPort()
        && !l.forwards().isEmpty() && l.forwards().keySet().stream().map(LoadBalancerStep::nameInArn)
            .allMatch(pair::contains)).toList();
    if (group.isPresent()) {
      List<String> routed = production() ? group.get().productionListenerArns() : group.get().testListenerArns();
      return candidates.stream().filter(l -> routed.contains(l.arn())).findFirst();
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  @Override
  PlanStatus compare(ListenerInfo found) {
    List<String> foreign = found.forwards().keySet().stream().map(LoadBalancerStep::nameInArn)
        .filter(tg -> !pair.contains(tg)).toList();
    if (found.forwards().isEmpty() || !foreign.isEmpty()) {
      return PlanStatus.refuse("The listener on port " + found.port() + " of " + loadBalancerName + " forwards to "
          + (foreign.isEmpty() ? "no target group" : String.join(", ", foreign)) + "; the setup needs it to forward to "
          + targetGroup.name() + " (catalogue rows 8, 9)");
    }
    if (found.port() != port) {
      return PlanStatus.update(List.of(new Change("port", String.valueOf(found.port()), String.valueOf(port))),
          "aws elbv2 modify-listener --listener-arn " + found.arn() + " --port " + port, "ModifyListener changes the"
          + " port in place (Elastic Load Balancing API Reference, ModifyListener) and keeps the listener's ARN,"
          + " its forward action and its tags, so the CodeDeploy deployment group, which names the listener by ARN,"
          + " goes on routing " + (production() ? "production" : "test") + " traffic through it; clients must use"
          + " port " + port + " from now on");
    }
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(ListenerInfo found) {
    return found.arn();
  }

  /**
   * Finds the listener on the setup's port, else the one moved from ({@link #moved}), which ModifyListener moves to
   * the port: its journal entry moves to this step's name first, so a run stopped before or after the call resumes
   * from the same record; a moved listener that is neither recorded nor tagged as this setup's is not touched.
   */
  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    String lbArn = ctx.output(loadBalancer, "arn");
    String tgArn = ctx.output(targetGroup, "arn");
    var elb = setup.aws().elb();
    List<ListenerInfo> listeners = call(ctx, "elbv2 DescribeListeners " + ref().name(), () -> elb.listeners(lbArn));
    Optional<ListenerInfo> found = listeners.stream().filter(l -> l.port() == port).findFirst();
    if (found.isEmpty() && listeners.stream().anyMatch(l -> l.port() != otherPort())) {
      var codeDeploy = setup.spec().codeDeploy();
      Optional<DeploymentGroupInfo> group = codeDeploy == null ? Optional.empty()
          : call(ctx, "codedeploy GetDeploymentGroup " + codeDeploy.deploymentGroup(),
              () -> setup.aws().codeDeploy().lookUpGroup(codeDeploy.application(), codeDeploy.deploymentGroup()).group());
      found = moved(listeners, group);
    }
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      boolean moved = ctx.recorded().isEmpty() && ctx.movedFrom(found.get().arn());
      if (found.get().port() != port) {
        found = Optional.of(moveToPort(ctx, found.get(), moved));
      } else if (!moved) {
        claimIfTagged(ctx, found.get());
      }
      convergeTags(ctx, found.get());
    }
    ListenerInfo listener;
    if (found.isPresent()) {
      listener = found.get();
    } else {
      ctx.beforeCreate();
      listener = call(ctx, "elbv2 CreateListener " + ref().name(),
          () -> elb.createListener(lbArn, port, tgArn, setup.tags()));
      ctx.created(Map.of("arn", listener.arn()));
    }
    return withTags(StepOutcome.of("arn", listener.arn(), "port", String.valueOf(port), "role", role()));
  }

  private ListenerInfo moveToPort(StepContext ctx, ListenerInfo listener, boolean recorded) throws Exception {
    boolean ours = recorded || recordedAsOurs(ctx)
        || setup.ours(call(ctx, "tags of " + describe(), () -> tagsOf(listener)));
    if (!ours) {
      throw new IllegalStateException("The listener on port " + listener.port() + " of " + loadBalancerName
          + " is not this setup's (the journal does not record it and it does not carry the tag " + setup.cliTagMap()
          + "), so apply does not move it to port " + port + ": move it yourself (aws elbv2 modify-listener"
          + " --listener-arn " + listener.arn() + " --port " + port + "), or set the port back to " + listener.port());
    }
    if (!recorded && !recordedAsOurs(ctx)) {
      ctx.beforeCreate();
      ctx.created(Map.of("arn", listener.arn()));
    }
    ListenerInfo modified = call(ctx, "elbv2 ModifyListener " + ref().name() + " port " + listener.port() + " → "
        + port, () -> setup.aws().elb().modifyListenerPort(listener.arn(), port));
    ctx.progress("moved from port " + listener.port() + " to " + port + " with ModifyListener: the same listener"
        + " (" + listener.arn() + "), so the deployment group still routes through it");
    return modified;
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
