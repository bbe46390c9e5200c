package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.aws.CodeDeployResources.DeploymentGroupSpec;
import org.bgwizard.aws.CodeDeployResources;
import org.bgwizard.aws.DeploymentGroupInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.CodeDeploy;

/**
 * The blue/green deployment group: the service, the target group pair, production and test listeners, reroute
 * and termination waits. Settings CodeDeploy lets change between deployments (configuration, waits, rollback,
 * role) are updated when the setup changes them; another service or target group pair is refused. A new role may not be assumable yet: CreateDeploymentGroup then fails with
 * catalogue row 15's text, which the retrier retries within its bound.
 */
final class DeploymentGroupStep extends AwsStep<DeploymentGroupInfo> {
  private final ResourceRef application;
  private final ResourceRef service;
  private final ResourceRef role;
  private final ResourceRef productionListener;
  private final ResourceRef testListener;
  private final List<String> pair;

  DeploymentGroupStep(Setup setup, ResourceRef application, ResourceRef service, ResourceRef role,
      List<ResourceRef> targetGroups, ResourceRef productionListener, ResourceRef testListener, List<String> pair) {
    super(setup, ResourceKind.DEPLOYMENT_GROUP, setup.spec().codeDeploy().deploymentGroup(), Origin.CREATE,
        deps(application, service, role, targetGroups, productionListener, testListener), Duration.ofSeconds(2));
    this.application = application;
    this.service = service;
    this.role = role;
    this.productionListener = productionListener;
    this.testListener = testListener;
    this.pair = List.copyOf(pair);
  }

  private static List<ResourceRef> deps(ResourceRef application, ResourceRef service, ResourceRef role,
      List<ResourceRef> targetGroups, ResourceRef productionListener, ResourceRef testListener) {
    var all = new ArrayList<>(List.of(application, service, role, productionListener, testListener));
    all.addAll(targetGroups);
    return all;
  }

  private String name() {
    return ref().name();
  }

  private CodeDeploy codeDeploy() {
    return setup.spec().codeDeploy();
  }

  @Override
  Optional<DeploymentGroupInfo> lookUp() throws Exception {
    return lookUpShared(setup).group();
  }

  /** The setup's group and whether its application exists, read once for this step and the application's. */
  static CodeDeployResources.GroupLookup lookUpShared(Setup setup) throws Exception {
    var codeDeploy = setup.spec().codeDeploy();
    return setup.lookups().once("deployment group " + codeDeploy.application() + "/" + codeDeploy.deploymentGroup(),
        () -> setup.aws().codeDeploy().lookUpGroup(codeDeploy.application(), codeDeploy.deploymentGroup()));
  }

  @Override
  PlanStatus compare(DeploymentGroupInfo found) {
    var problems = new ArrayList<String>();
    var ecs = setup.spec().ecs();
    if (!ecs.cluster().equals(found.cluster()) || !ecs.service().equals(found.service())) {
      problems.add("The deployment group " + name() + " deploys " + found.cluster() + "/" + found.service() + ", not "
          + ecs.cluster() + "/" + ecs.service() + "; delete it or choose another name");
    }
    if (!Set.copyOf(found.targetGroups()).equals(Set.copyOf(pair))) {
      problems.add("The deployment group " + name() + " uses the target groups " + found.targetGroups() + ", not "
          + pair + " (catalogue row 9); delete it or choose another name");
    }
    if (!problems.isEmpty()) {
      return PlanStatus.refuse(problems);
    }
    return PlanStatus.update(settingsDiffer(found), updateCommand());
  }

  /** The settings UpdateDeploymentGroup can change at any time between deployments. */
  private List<Change> settingsDiffer(DeploymentGroupInfo found) {
    var differences = new ArrayList<Change>();
    check(differences, "service role", found.serviceRoleArn(), setup.arns().codeDeployRole());
    check(differences, "deployment configuration", found.deploymentConfig(), codeDeploy().deploymentConfig());
    boolean immediately = codeDeploy().reroute() == CodeDeploy.Reroute.IMMEDIATELY;
    check(differences, "reroute action", found.readyAction(), immediately ? "CONTINUE_DEPLOYMENT" : "STOP_DEPLOYMENT");
    if (!immediately) {
      check(differences, "reroute wait (minutes)", found.readyWaitMinutes(), codeDeploy().rerouteWaitMinutes());
    }
    check(differences, "termination wait (minutes)", found.terminationWaitMinutes(),
        codeDeploy().terminationWaitMinutes());
    check(differences, "automatic rollback", found.autoRollback(), codeDeploy().autoRollback());
    return differences;
  }

  private static void check(List<Change> differences, String what, Object found, Object wanted) {
    Change change = Change.of(what, found, wanted);
    if (change != null) {
      differences.add(change);
    }
  }

  private String updateCommand() {
    boolean immediately = codeDeploy().reroute() == CodeDeploy.Reroute.IMMEDIATELY;
    return "aws deploy update-deployment-group --application-name " + codeDeploy().application()
        + " --current-deployment-group-name " + name() + " --service-role-arn " + setup.arns().codeDeployRole()
        + " --deployment-config-name " + codeDeploy().deploymentConfig() + " " + blueGreenOption(immediately)
        + " --auto-rollback-configuration " + (codeDeploy().autoRollback()
            ? "enabled=true,events=DEPLOYMENT_FAILURE,DEPLOYMENT_STOP_ON_REQUEST" : "enabled=false");
  }

  private String blueGreenOption(boolean immediately) {
    return "--blue-green-deployment-configuration 'deploymentReadyOption={actionOnTimeout="
        + (immediately ? "CONTINUE_DEPLOYMENT" : "STOP_DEPLOYMENT,waitTimeInMinutes=" + codeDeploy().rerouteWaitMinutes())
        + "},terminateBlueInstancesOnDeploymentSuccess={action=TERMINATE,terminationWaitTimeInMinutes="
        + codeDeploy().terminationWaitMinutes() + "}'";
  }

  @Override
  String idOf(DeploymentGroupInfo found) {
    return setup.arns().codeDeployDeploymentGroup();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var codeDeploy = setup.aws().codeDeploy();
    String app = ctx.output(application, "name");
    Optional<DeploymentGroupInfo> found = call(ctx, "codedeploy GetDeploymentGroup " + name(),
        () -> codeDeploy.findDeploymentGroup(app, name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    var spec = new DeploymentGroupSpec(app, name(), ctx.output(role, "arn"), codeDeploy().deploymentConfig(),
        ctx.output(service, "cluster"), ctx.output(service, "name"), pair.get(0), pair.get(1),
        ctx.output(productionListener, "arn"), ctx.output(testListener, "arn"),
        codeDeploy().reroute() == CodeDeploy.Reroute.WAIT ? codeDeploy().rerouteWaitMinutes() : null,
        codeDeploy().terminationWaitMinutes(), codeDeploy().autoRollback());
    if (found.isEmpty()) {
      ctx.beforeCreate();
      creating(ctx, "codedeploy CreateDeploymentGroup " + name(), () -> codeDeploy.createDeploymentGroup(spec,
          setup.tags()), () -> codeDeploy.findDeploymentGroup(app, name()));
      ctx.created(Map.of("arn", setup.arns().codeDeployDeploymentGroup()));
    } else if (!settingsDiffer(found.get()).isEmpty()) {
      run(ctx, "codedeploy UpdateDeploymentGroup " + name(), () -> codeDeploy.updateDeploymentGroup(spec));
    }
    return withTags(StepOutcome.of("arn", setup.arns().codeDeployDeploymentGroup(), "name", name(), "application", app));
  }

  @Override
  public boolean hasWorkInFlight() {
    return true;
  }

  @Override
  public void quiesce(StepContext ctx, JournalEntry entry) throws Exception {
    InFlight.stopDeployments(ctx, setup.aws(), codeDeploy().application(), name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "codedeploy DeleteDeploymentGroup " + name(),
        () -> setup.aws().codeDeploy().deleteDeploymentGroup(codeDeploy().application(), name()));
  }

  @Override
  public String cliEquivalent() {
    boolean immediately = codeDeploy().reroute() == CodeDeploy.Reroute.IMMEDIATELY;
    var ecs = setup.spec().ecs();
    return "aws deploy create-deployment-group --application-name " + codeDeploy().application()
        + " --deployment-group-name " + name() + " --service-role-arn " + setup.arns().codeDeployRole()
        + " --deployment-config-name " + codeDeploy().deploymentConfig()
        + " --deployment-style deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL "
        + blueGreenOption(immediately) + " --ecs-services clusterName=" + ecs.cluster() + ",serviceName="
        + ecs.service() + " --load-balancer-info 'targetGroupPairInfoList=[{targetGroups=[{name=" + pair.get(0)
        + "},{name=" + pair.get(1) + "}],prodTrafficRoute={listenerArns=[<" + productionListener.name()
        + " arn>]},testTrafficRoute={listenerArns=[<" + testListener.name() + " arn>]}}]'"
        + (codeDeploy().autoRollback() ? " --auto-rollback-configuration enabled=true,events=DEPLOYMENT_FAILURE,"
            + "DEPLOYMENT_STOP_ON_REQUEST" : "") + " --tags " + setup.cliTag();
  }
}
