package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bgwizard.aws.LoadBalancers.TargetGroupSpec;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResources;
import org.bgwizard.aws.TargetGroupInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.LoadBalancer;

/** One of the blue/green pair: HTTP, target type ip (awsvpc tasks, catalogue row 12), the container's port. */
final class TargetGroupStep extends AwsStep<TargetGroupInfo> {
  private final String loadBalancerName;

  TargetGroupStep(Setup setup, String name, String loadBalancerName) {
    super(setup, ResourceKind.TARGET_GROUP, name, Origin.CREATE, List.of(), Duration.ofSeconds(2));
    this.loadBalancerName = loadBalancerName;
  }

  private String name() {
    return ref().name();
  }

  private TargetGroupSpec spec() {
    LoadBalancer.HealthCheck hc = setup.spec().loadBalancer().healthCheck();
    return new TargetGroupSpec(name(), setup.spec().container().port(), setup.network().vpcId(),
        setup.spec().container().healthCheckPath(), hc.intervalSeconds(), hc.timeoutSeconds(), hc.healthyThreshold(),
        hc.unhealthyThreshold(), hc.successCodes());
  }

  /**
   * The target group with its deregistration delay, which only DescribeTargetGroupAttributes tells; both groups of
   * the pair are read in one call.
   */
  @Override
  Optional<TargetGroupInfo> lookUp() throws Exception {
    var elb = setup.aws().elb();
    var lb = setup.spec().loadBalancer();
    Map<String, TargetGroupInfo> pair = setup.lookups().once("target groups " + lb.targetGroup1() + " " + lb.targetGroup2(),
        () -> elb.findTargetGroups(List.of(lb.targetGroup1(), lb.targetGroup2())));
    return Optional.ofNullable(pair.get(name()))
        .map(tg -> tg.withDeregistrationDelay(elb.deregistrationDelay(tg.arn())));
  }

  @Override
  PlanStatus compare(TargetGroupInfo found) {
    var problems = new ArrayList<String>();
    for (String lb : found.lbArns()) {
      if (!loadBalancerName.equals(LoadBalancerStep.nameInArn(lb))) {
        problems.add("The target group " + name() + " is in use by the load balancer " + LoadBalancerStep.nameInArn(lb)
            + "; both groups of the pair must be on " + loadBalancerName + " (catalogue row 9)");
      }
    }
    if (!problems.isEmpty()) {
      return PlanStatus.refuse(problems);
    }
    List<Change> fixed = fixedChanges(found);
    if (!fixed.isEmpty()) {
      return PlanStatus.replace(fixed, "AWS cannot change a target group's protocol, port, target type or VPC:"
          + " ModifyTargetGroup changes only its health check (Elastic Load Balancing API Reference,"
          + " ModifyTargetGroup); Fargate tasks (network mode awsvpc) need target type ip (catalogue row 12)",
          "a new target group: the listeners that forward to it, the ECS service behind it (a CODE_DEPLOY service"
          + " cannot change its load balancers) and the deployment group are made again; the application is"
          + " unreachable until the new service's tasks are healthy", "aws elbv2 delete-target-group"
          + " --target-group-arn " + found.arn() + " && " + cliEquivalent());
    }
    List<Change> health = healthCheckChanges(found);
    Change delay = delayChange(found);
    var changes = new ArrayList<>(health);
    String command = health.isEmpty() ? null : "aws elbv2 modify-target-group --target-group-arn " + found.arn()
        + healthCheckOptions();
    if (delay != null) {
      changes.add(delay);
      String attributes = "aws elbv2 modify-target-group-attributes --target-group-arn " + found.arn()
          + " --attributes Key=deregistration_delay.timeout_seconds,Value=" + delay.to();
      command = command == null ? attributes : command + " && " + attributes;
    }
    return PlanStatus.update(changes, command);
  }

  /** What ModifyTargetGroupAttributes changes in place: the deregistration delay, when it was read. */
  private Change delayChange(TargetGroupInfo found) {
    return found.deregistrationDelaySeconds() == null ? null : Change.of("deregistration delay (s)",
        found.deregistrationDelaySeconds(), setup.spec().loadBalancer().deregistrationDelaySeconds());
  }

  /** What only a new target group changes: what CreateTargetGroup sets for good. */
  private List<Change> fixedChanges(TargetGroupInfo found) {
    return Stream.of(Change.of("protocol", found.protocol(), "HTTP"),
        Change.of("port", found.port(), setup.spec().container().port()),
        Change.of("target type", found.targetType(), "ip"),
        Change.of("VPC", found.vpcId(), setup.network().vpcId())).filter(Objects::nonNull).toList();
  }

  /** What ModifyTargetGroup changes in place: the health check. */
  private List<Change> healthCheckChanges(TargetGroupInfo found) {
    TargetGroupSpec s = spec();
    var hc = found.healthCheck();
    return Stream.of(Change.of("health check path", found.healthCheckPath(), s.healthCheckPath()),
        Change.of("health check interval (s)", hc.intervalSeconds(), s.intervalSeconds()),
        Change.of("health check timeout (s)", hc.timeoutSeconds(), s.timeoutSeconds()),
        Change.of("healthy threshold", hc.healthyThreshold(), s.healthyThreshold()),
        Change.of("unhealthy threshold", hc.unhealthyThreshold(), s.unhealthyThreshold()),
        Change.of("success codes", hc.successCodes(), s.successCodes())).filter(Objects::nonNull).toList();
  }

  private String healthCheckOptions() {
    TargetGroupSpec s = spec();
    return " --health-check-path " + s.healthCheckPath() + " --health-check-interval-seconds " + s.intervalSeconds()
        + " --health-check-timeout-seconds " + s.timeoutSeconds() + " --healthy-threshold-count "
        + s.healthyThreshold() + " --unhealthy-threshold-count " + s.unhealthyThreshold() + " --matcher HttpCode="
        + s.successCodes();
  }

  @Override
  String idOf(TargetGroupInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var elb = setup.aws().elb();
    Optional<TargetGroupInfo> found = call(ctx, "elbv2 DescribeTargetGroups " + name(), () -> elb.findTargetGroup(name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    TargetGroupInfo tg;
    if (found.isEmpty()) {
      ctx.beforeCreate();
      tg = call(ctx, "elbv2 CreateTargetGroup " + name(), () -> elb.createTargetGroup(spec(), setup.tags()));
      ctx.created(Map.of("arn", tg.arn()));
    } else {
      tg = found.get();
      if (!healthCheckChanges(tg).isEmpty()) {
        run(ctx, "elbv2 ModifyTargetGroup " + name(), () -> elb.modifyHealthCheck(tg.arn(), spec()));
      }
    }
    int delay = setup.spec().loadBalancer().deregistrationDelaySeconds();
    boolean delayDiffers = found.isPresent() && !startedEarlier(ctx) && !Integer.valueOf(delay).equals(call(ctx,
        "elbv2 DescribeTargetGroupAttributes " + name(), () -> elb.deregistrationDelay(tg.arn())));
    if (found.isEmpty() || startedEarlier(ctx) || delayDiffers) {
      run(ctx, "elbv2 ModifyTargetGroupAttributes " + name(), () -> elb.setDeregistrationDelay(tg.arn(), delay));
    }
    return withTags(StepOutcome.of("arn", tg.arn(), "name", name()));
  }

  /**
   * Every listener of the setup's load balancer (and the load balancer, whose deletion takes its rules), whichever
   * group a deployment left each forwarding to: DeleteTargetGroup answers ResourceInUse "Target group '…' is
   * currently in use by a listener or a rule" otherwise (terraform-provider-aws #16889, pulumi #5900; catalogue row 30).
   */
  @Override
  public Set<ResourceRef> deleteAfter() {
    var lb = setup.spec().loadBalancer();
    return Set.of(new ResourceRef(ResourceKind.LOAD_BALANCER.id(), loadBalancerName),
        new ResourceRef(ResourceKind.LISTENER.id(), TaggedResources.listenerName(loadBalancerName, lb.productionPort())),
        new ResourceRef(ResourceKind.LISTENER.id(), TaggedResources.listenerName(loadBalancerName, lb.testPort())));
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    var elb = setup.aws().elb();
    Optional<String> arn = entry.output("arn");
    if (arn.isEmpty()) {
      arn = call(ctx, "elbv2 DescribeTargetGroups " + name(), () -> elb.findTargetGroup(name()))
          .map(TargetGroupInfo::arn);
    }
    if (arn.isPresent()) {
      String tg = arn.get();
      run(ctx, "elbv2 DeleteTargetGroup " + name(), () -> elb.deleteTargetGroup(tg));
    }
  }

  @Override
  public String cliEquivalent() {
    TargetGroupSpec s = spec();
    return "aws elbv2 create-target-group --name " + name() + " --protocol HTTP --port " + s.port() + " --vpc-id "
        + s.vpcId() + " --target-type ip --health-check-path " + s.healthCheckPath()
        + " --health-check-interval-seconds " + s.intervalSeconds() + " --health-check-timeout-seconds "
        + s.timeoutSeconds() + " --healthy-threshold-count " + s.healthyThreshold()
        + " --unhealthy-threshold-count " + s.unhealthyThreshold() + " --matcher HttpCode=" + s.successCodes()
        + " --tags " + setup.cliTag() + " && aws elbv2 modify-target-group-attributes --target-group-arn <arn>"
        + " --attributes Key=deregistration_delay.timeout_seconds,Value="
        + setup.spec().loadBalancer().deregistrationDelaySeconds();
  }
}
