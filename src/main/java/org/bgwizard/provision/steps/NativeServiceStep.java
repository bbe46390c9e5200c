package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.EcsResources.ServiceSpec;
import org.bgwizard.aws.NativeDeployment;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.ServiceInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.EcsNative;

/**
 * The Fargate service of an ecs-native setup: the ECS deployment controller deploying blue/green itself, its
 * deployment configuration (strategy, bake time, steps, the PAUSE hook before production) and the load balancer's
 * advancedConfiguration ("Amazon ECS blue/green deployments"). A changed bake time, step or pause is an UpdateService
 * of the deployment configuration, which the next deployment uses. Created with the journal's client token.
 */
final class NativeServiceStep extends AwsStep<NativeServiceStep.Found> {
  private static final Duration GONE_POLL = Duration.ofSeconds(15);
  private static final Duration GONE_TIMEOUT = Duration.ofMinutes(10);

  /** The service with its built-in blue/green settings (empty for another controller). */
  record Found(ServiceInfo service, Optional<NativeDeployment> deployment) {}

  /** The steps the service needs the outputs of. */
  record Inputs(ResourceRef cluster, ResourceRef taskDefinition, ResourceRef targetGroup1, ResourceRef targetGroup2,
      ResourceRef productionRule, ResourceRef testRule, ResourceRef infrastructureRole, ResourceRef securityGroup) {
    List<ResourceRef> all() {
      return List.of(cluster, taskDefinition, targetGroup1, targetGroup2, productionRule, testRule,
          infrastructureRole, securityGroup);
    }
  }

  private final Inputs in;

  NativeServiceStep(Setup setup, Inputs in) {
    super(setup, ResourceKind.SERVICE, setup.spec().ecs().service(), Origin.CREATE, in.all(), Duration.ofSeconds(3));
    this.in = in;
  }

  private String name() {
    return ref().name();
  }

  Inputs inputs() {
    return in;
  }

  private String clusterName() {
    return setup.spec().ecs().cluster();
  }

  @Override
  Optional<Found> lookUp() {
    var ecs = setup.aws().ecs();
    return ecs.findService(clusterName(), name())
        .map(s -> new Found(s, ecs.nativeDeployment(clusterName(), name())));
  }

  @Override
  PlanStatus compare(Found found) {
    ServiceInfo s = found.service();
    if (!"ACTIVE".equals(s.status())) {
      return PlanStatus.refuse("The service " + name() + " is " + s.status() + " (being deleted); wait until it is gone");
    }
    if (!"ECS".equals(s.controller())) {
      return PlanStatus.refuse("The service " + name() + " has the " + s.controller() + " deployment controller; an"
          + " ecs-native setup needs ECS (UpdateService can change CODE_DEPLOY to ECS, but only outside a deployment:"
          + " \"Migrate CodeDeploy blue/green to Amazon ECS blue/green\")");
    }
    var changes = new ArrayList<Change>();
    var wanted = settings(null, null, null, null);
    var current = found.deployment().orElse(null);
    if (current == null || !sameSettings(current, wanted)) {
      changes.add(new Change("deployment configuration", current == null ? "none" : describe(current),
          describe(wanted)));
    }
    Change count = Change.of("desired count", s.desiredCount(), setup.spec().ecs().desiredCount());
    if (count != null) {
      changes.add(count);
    }
    return PlanStatus.update(changes, updateCommand());
  }

  private static boolean sameSettings(NativeDeployment a, NativeDeployment b) {
    return java.util.Objects.equals(a.strategy(), b.strategy()) && a.bakeTimeMinutes() == b.bakeTimeMinutes()
        && java.util.Objects.equals(a.stepPercent(), b.stepPercent())
        && java.util.Objects.equals(a.stepBakeMinutes(), b.stepBakeMinutes())
        && java.util.Objects.equals(a.pauseTimeoutMinutes(), b.pauseTimeoutMinutes())
        && java.util.Objects.equals(a.onPauseTimeout(), b.onPauseTimeout());
  }

  static String describe(NativeDeployment d) {
    return d.strategy() + (d.stepPercent() == null ? "" : " " + d.stepPercent() + "% every " + d.stepBakeMinutes()
        + " min") + ", bake " + d.bakeTimeMinutes() + " min" + (d.pauseTimeoutMinutes() == null ? ", no pause"
        : ", pause " + d.pauseTimeoutMinutes() + " min then " + d.onPauseTimeout());
  }

  /** The setup's settings with the ARNs of the resources (null while planning). */
  NativeDeployment settings(String alternate, String production, String test, String role) {
    EcsNative n = setup.spec().ecsNative();
    boolean pause = n.pauseBeforeProduction();
    return new NativeDeployment(n.shift().name(), n.stepPercent(), n.stepBakeMinutes(), n.bakeTimeMinutes(),
        pause ? n.pauseTimeoutMinutes() : null, pause ? n.onPauseTimeout().name() : null, alternate, production, test,
        role);
  }

  @Override
  String idOf(Found found) {
    return found.service().arn();
  }

  @Override
  Map<String, String> tagsOf(Found found) throws Exception {
    return setup.aws().ecs().tagsOf(found.service().arn());
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var ecs = setup.aws().ecs();
    String clusterName = ctx.output(in.cluster(), "name");
    var wanted = settings(ctx.output(in.targetGroup2(), "arn"), ctx.output(in.productionRule(), "arn"),
        ctx.output(in.testRule(), "arn"), ctx.output(in.infrastructureRole(), "arn"));
    Optional<Found> found = call(ctx, "ecs DescribeServices " + name(), this::lookUp);
    if (found.isPresent()) {
      requireUsable(found.get());
      claimIfTagged(ctx, found.get());
      ServiceInfo s = found.get().service();
      int desired = setup.spec().ecs().desiredCount();
      if (s.desiredCount() != desired) {
        run(ctx, "ecs UpdateService " + name() + " desiredCount", () -> ecs.setDesiredCount(clusterName, name(),
            desired));
      }
      if (found.get().deployment().filter(d -> sameSettings(d, wanted)).isEmpty()) {
        run(ctx, "ecs UpdateService " + name() + " deploymentConfiguration",
            () -> ecs.updateNativeDeployment(clusterName, name(), wanted));
      }
      return StepOutcome.of("arn", s.arn(), "name", name(), "cluster", clusterName);
    }
    String token = ctx.beforeCreate();
    var spec = new ServiceSpec(clusterName, name(), ctx.output(in.taskDefinition(), "arn"),
        setup.spec().ecs().desiredCount(), ctx.output(in.targetGroup1(), "arn"), setup.spec().container().name(),
        setup.spec().container().port(), setup.network().subnetIds(), List.of(ctx.output(in.securityGroup(), "id")),
        setup.spec().network().assignPublicIp());
    ServiceInfo created = call(ctx, "ecs CreateService " + name(), () -> ecs.createNativeService(spec, wanted, token,
        setup.tags()));
    ctx.created(Map.of("arn", created.arn()));
    return StepOutcome.of("arn", created.arn(), "name", name(), "cluster", clusterName);
  }

  /** Scales to zero, deletes, and waits until the service is gone, before its rules and infrastructure role go. */
  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    var ecs = setup.aws().ecs();
    Optional<ServiceInfo> found = call(ctx, "ecs DescribeServices " + name(), () -> ecs.findService(clusterName(),
        name()));
    if (found.isEmpty()) {
      return;
    }
    if ("ACTIVE".equals(found.get().status())) {
      run(ctx, "ecs UpdateService " + name() + " desiredCount 0", () -> ecs.setDesiredCount(clusterName(), name(), 0));
      run(ctx, "ecs DeleteService " + name(), () -> ecs.deleteService(clusterName(), name()));
    }
    ctx.awaitUntil(() -> ecs.findService(clusterName(), name()).isEmpty(), GONE_POLL, GONE_TIMEOUT,
        "the service " + name() + " to drain and become inactive");
  }

  String deploymentConfigurationOption() {
    EcsNative n = setup.spec().ecsNative();
    String steps = switch (n.shift()) {
      case LINEAR -> ",linearConfiguration={stepPercent=" + n.stepPercent() + ",stepBakeTimeInMinutes="
          + n.stepBakeMinutes() + "}";
      case CANARY -> ",canaryConfiguration={canaryPercent=" + n.stepPercent() + ",canaryBakeTimeInMinutes="
          + n.stepBakeMinutes() + "}";
      case BLUE_GREEN -> "";
    };
    String hook = n.pauseBeforeProduction() ? ",lifecycleHooks=[{targetType=PAUSE,lifecycleStages="
        + "[PRE_PRODUCTION_TRAFFIC_SHIFT],timeoutConfiguration={timeoutInMinutes=" + n.pauseTimeoutMinutes()
        + ",action=" + n.onPauseTimeout() + "}}]" : "";
    return " --deployment-configuration 'strategy=" + n.shift() + ",bakeTimeInMinutes=" + n.bakeTimeMinutes() + steps
        + ",deploymentCircuitBreaker={enable=true,rollback=true}" + hook + "'";
  }

  private String updateCommand() {
    return "aws ecs update-service --cluster " + clusterName() + " --service " + name() + " --desired-count "
        + setup.spec().ecs().desiredCount() + deploymentConfigurationOption();
  }

  @Override
  public String cliEquivalent() {
    var c = setup.spec().container();
    return "aws ecs create-service --cluster " + clusterName() + " --service-name " + name()
        + " --task-definition " + setup.spec().ecs().taskFamily() + " --desired-count "
        + setup.spec().ecs().desiredCount() + " --launch-type FARGATE --deployment-controller type=ECS"
        + deploymentConfigurationOption() + " --load-balancers 'targetGroupArn=<" + in.targetGroup1().name()
        + " arn>,containerName=" + c.name() + ",containerPort=" + c.port() + ",advancedConfiguration={"
        + "alternateTargetGroupArn=<" + in.targetGroup2().name() + " arn>,productionListenerRule=<"
        + in.productionRule().name() + " arn>,testListenerRule=<" + in.testRule().name() + " arn>,roleArn=<"
        + in.infrastructureRole().name() + " arn>}' --network-configuration 'awsvpcConfiguration={subnets=["
        + String.join(",", setup.network().subnetIds()) + "],securityGroups=[<" + in.securityGroup().name()
        + " id>],assignPublicIp=" + (setup.spec().network().assignPublicIp() ? "ENABLED" : "DISABLED")
        + "}' --client-token <journal token> --propagate-tags SERVICE --tags " + setup.cliEcsTag();
  }
}
