package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.AwsErrors;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.provision.WaitTimeoutException;

/**
 * The service of a setup moving from CodeDeploy to ECS blue/green: while it has the CODE_DEPLOY controller, one
 * UpdateService changes the controller to ECS with the deployment configuration and the load balancer's
 * advancedConfiguration, the target group where the tasks run staying the primary one. AWS allows that change
 * only outside a deployment ("Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green deployments": "Verify
 * that the service has no ongoing service deployment"), so a running CodeDeploy deployment stops it. Once the
 * service has the ECS controller, it is the ecs-native setup's service step.
 */
final class MigrationServiceStep extends AwsStep<NativeServiceStep.Found> {
  private static final String ROLE_NOT_YET_USABLE = "Unable to assume role and validate the listeners";
  private static final Duration ROLE_POLL = Duration.ofSeconds(10);
  private static final Duration ROLE_TIMEOUT = Duration.ofMinutes(5);
  private final NativeServiceStep target;
  private final NativeServiceStep.Inputs in;
  private final MigrationSource.CodeDeployGroup group;
  private final boolean servesSecond;

  /**
   * @param group the CodeDeploy application and group whose deployments would block the change
   * @param servesSecond whether production runs on the second target group (after an odd number of deployments)
   */
  MigrationServiceStep(Setup setup, NativeServiceStep target, MigrationSource.CodeDeployGroup group,
      boolean servesSecond) {
    super(setup, ResourceKind.SERVICE, target.ref().name(), Origin.CREATE, target.dependsOn(), Duration.ofSeconds(3));
    this.target = target;
    this.in = target.inputs();
    this.group = group;
    this.servesSecond = servesSecond;
  }

  private static boolean codeDeploy(NativeServiceStep.Found found) {
    return "CODE_DEPLOY".equals(found.service().controller());
  }

  @Override
  Optional<NativeServiceStep.Found> lookUp() {
    return target.lookUp();
  }

  @Override
  PlanStatus compare(NativeServiceStep.Found found) {
    if (!codeDeploy(found)) {
      return target.compare(found);
    }
    return PlanStatus.update(List.of(new Change("deployment controller", "CODE_DEPLOY", "ECS"),
        new Change("deployment configuration", "none", NativeServiceStep.describe(target.settings(null, null, null,
            null))), new Change("load balancer", "target group " + primary().name(), "target group "
            + primary().name() + ", alternate " + alternate().name() + ", listener rules, infrastructure role")),
        cliEquivalent());
  }

  private ResourceRef primary() {
    return servesSecond ? in.targetGroup2() : in.targetGroup1();
  }

  private ResourceRef alternate() {
    return servesSecond ? in.targetGroup1() : in.targetGroup2();
  }

  @Override
  String idOf(NativeServiceStep.Found found) {
    return target.idOf(found);
  }

  @Override
  Map<String, String> tagsOf(NativeServiceStep.Found found) throws Exception {
    return target.tagsOf(found);
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    Optional<NativeServiceStep.Found> found = call(ctx, "ecs DescribeServices " + ref().name(), this::lookUp);
    if (found.isEmpty() || !codeDeploy(found.get())) {
      return target.apply(ctx);
    }
    List<String> running = call(ctx, "deploy ListDeployments " + group.deploymentGroup(),
        () -> setup.aws().codeDeploy().activeDeployments(group.application(), group.deploymentGroup()));
    if (!running.isEmpty()) {
      throw new IllegalStateException(MigrationSource.runningMessage(running, group));
    }
    claimIfTagged(ctx, found.get());
    var wanted = target.settings(ctx.output(alternate(), "arn"), ctx.output(in.productionRule(), "arn"),
        ctx.output(in.testRule(), "arn"), ctx.output(in.infrastructureRole(), "arn"));
    String cluster = ctx.output(in.cluster(), "name");
    var container = setup.spec().container();
    String primaryArn = ctx.output(primary(), "arn");
    changeController(ctx, () -> setup.aws().ecs().changeToNativeController(cluster, ref().name(), primaryArn,
        container.name(), container.port(), wanted));
    return StepOutcome.of("arn", found.get().service().arn(), "name", ref().name(), "cluster", cluster);
  }

  /**
   * UpdateService, again while ECS cannot yet assume the infrastructure role made moments ago: IAM is eventually
   * consistent, and ECS answers "Unable to assume role and validate the listeners" until the role propagated
   * (hashicorp/terraform #4609, #2880: applying again works). A role that never becomes usable fails with that error.
   */
  private void changeController(StepContext ctx, Action change) throws Exception {
    var last = new Exception[1];
    try {
      ctx.awaitUntil(() -> {
        try {
          run(ctx, "ecs UpdateService " + ref().name() + " deploymentController ECS", change);
          return true;
        } catch (Exception e) {
          String message = AwsErrors.describe(e).message();
          if (message == null || !message.contains(ROLE_NOT_YET_USABLE)) {
            throw e;
          }
          last[0] = e;
          return false;
        }
      }, ROLE_POLL, ROLE_TIMEOUT, "ECS to be able to assume the infrastructure role " + in.infrastructureRole().name());
    } catch (WaitTimeoutException e) {
      throw last[0] == null ? e : last[0];
    }
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    target.delete(ctx, entry);
  }

  @Override
  public String cliEquivalent() {
    var c = setup.spec().container();
    return "aws ecs update-service --cluster " + setup.spec().ecs().cluster() + " --service " + ref().name()
        + " --deployment-controller type=ECS" + target.deploymentConfigurationOption() + " --load-balancers "
        + "'targetGroupArn=<" + primary().name() + " arn>,containerName=" + c.name() + ",containerPort=" + c.port()
        + ",advancedConfiguration={alternateTargetGroupArn=<" + alternate().name() + " arn>,productionListenerRule=<"
        + in.productionRule().name() + " arn>,testListenerRule=<" + in.testRule().name() + " arn>,roleArn=<"
        + in.infrastructureRole().name() + " arn>}'";
  }
}
