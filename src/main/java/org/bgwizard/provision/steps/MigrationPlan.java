package org.bgwizard.provision.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.ListenerInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.Teardown;
import org.bgwizard.provision.TeardownPlan;
import org.bgwizard.setup.SetupSpec;

/**
 * Moving a CodeDeploy setup to ECS blue/green ("Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green
 * deployments", reusing the load balancer, listeners and target groups): the plan of the ecs-native setup, whose
 * service step changes the controller and whose rules forward where the tasks run, then the deletion of the
 * CodeDeploy deployment group, application and role the setup created. Refused while a CodeDeploy deployment runs.
 */
public final class MigrationPlan {
  private final SetupSpec from;
  private final SetupPlan nativePlan;

  private MigrationPlan(SetupSpec from, SetupPlan nativePlan) {
    this.from = from;
    this.nativePlan = nativePlan;
  }

  /** @throws PlanRefusedException while a CodeDeploy deployment runs, or when something found cannot be used */
  static MigrationPlan build(SetupSpec from, Target target, AwsResources aws, Journal journal) {
    SetupSpec to = MigrationSpec.toNative(from);
    var group = new MigrationSource.CodeDeployGroup(from.codeDeploy().application(),
        from.codeDeploy().deploymentGroup());
    if (aws.codeDeploy().findDeploymentGroup(group.application(), group.deploymentGroup()).isPresent()) {
      List<String> running = aws.codeDeploy().activeDeployments(group.application(), group.deploymentGroup());
      if (!running.isEmpty()) {
        throw new PlanRefusedException(List.of(MigrationSource.runningMessage(running, group)));
      }
    }
    Discovered discovered = SetupPlan.discover(to, target, aws);
    boolean servesSecond = servesSecond(to, discovered);
    var lb = to.loadBalancer();
    SetupPlan plan = Convergence.against(SetupPlan.assess(to, target, discovered, (setup, step) -> {
      if (step instanceof NativeServiceStep service) {
        return new MigrationServiceStep(setup, service, group, servesSecond);
      }
      if (step instanceof ListenerRuleStep rule && servesSecond) {
        var in = step.dependsOn();
        ResourceRef tg1 = in.stream().filter(r -> r.name().equals(lb.targetGroup1())).findFirst().orElseThrow();
        ResourceRef tg2 = in.stream().filter(r -> r.name().equals(lb.targetGroup2())).findFirst().orElseThrow();
        return new MigrationRuleStep(setup, rule, tg2, tg1);
      }
      return step;
    }), journal);
    if (!plan.refusals().isEmpty()) {
      throw new PlanRefusedException(plan.refusals());
    }
    return new MigrationPlan(from, plan);
  }

  /** Whether the production listener forwards to the second target group: CodeDeploy moved it there. */
  private static boolean servesSecond(SetupSpec spec, Discovered discovered) {
    return discovered.found().values().stream().flatMap(java.util.Optional::stream)
        .filter(ListenerInfo.class::isInstance).map(ListenerInfo.class::cast)
        .filter(l -> l.port() == spec.loadBalancer().productionPort())
        .flatMap(l -> l.forwards().entrySet().stream()).filter(e -> e.getValue() > 0)
        .anyMatch(e -> LoadBalancerStep.nameInArn(e.getKey()).equals(spec.loadBalancer().targetGroup2()));
  }

  public SetupSpec from() {
    return from;
  }

  /** The ecs-native setup the file records once the migration finished. */
  public SetupSpec to() {
    return nativePlan.spec();
  }

  public SetupPlan nativePlan() {
    return nativePlan;
  }

  public Target target() {
    return nativePlan.target();
  }

  /** The CodeDeploy resources the journal says the setup created (the user's own are kept). */
  public List<ResourceRef> codeDeployRefs(Journal journal) {
    Set<ResourceRef> ours = codeDeployKinds();
    return journal.entries().stream().filter(e -> e.origin() != Origin.REUSE && ours.contains(e.ref()))
        .map(e -> e.ref()).toList();
  }

  private Set<ResourceRef> codeDeployKinds() {
    var refs = new java.util.HashSet<ResourceRef>();
    refs.add(new ResourceRef(ResourceKind.CODEDEPLOY_APPLICATION.id(), from.codeDeploy().application()));
    refs.add(new ResourceRef(ResourceKind.DEPLOYMENT_GROUP.id(), from.codeDeploy().deploymentGroup()));
    var role = from.roles().codeDeploy();
    if (role != null && !role.isExisting()) {
      refs.add(new ResourceRef(ResourceKind.IAM_ROLE.id(), role.name()));
    }
    return refs;
  }

  /** The deletion of the CodeDeploy group, application and role, from the journal, dependents first. */
  TeardownPlan codeDeployTeardown(Journal journal, AwsResources aws) {
    var discovered = new Discovered(new NetworkFacts(null, List.of(), List.of()), List.of(), Map.of(), aws);
    TeardownPlan all = Teardown.plan(journal, SetupPlan.assess(from, target(), discovered).plan());
    Set<ResourceRef> ours = codeDeployKinds();
    var items = new ArrayList<TeardownPlan.Item>();
    for (TeardownPlan.Item item : all.items()) {
      if (ours.contains(item.step().ref())) {
        var after = new java.util.HashSet<>(item.after());
        after.retainAll(ours);
        items.add(new TeardownPlan.Item(item.step(), item.entry(), after));
      }
    }
    return new TeardownPlan(items, List.of(), List.of());
  }

  /** Every step with its AWS CLI command, the deletions, and what becomes of the source's buildspec. */
  public String describe(Journal journal, String file) {
    var out = new StringBuilder("Move " + from.name() + " from CodeDeploy blue/green to Amazon ECS blue/green"
        + " (strategy ecs-native):\n");
    out.append(nativePlan.describe());
    List<ResourceRef> deleted = codeDeployRefs(journal);
    out.append("Then delete what the setup created for CodeDeploy: ").append(deleted.isEmpty() ? "nothing (the"
        + " journal records none of it)" : deleted.size() + " resources").append('\n');
    for (ResourceRef ref : deleted) {
      out.append("  delete   ").append(ref).append("\n           $ ").append(deleteCommand(ref)).append('\n');
    }
    out.append("Source: ").append(MigrationSource.instructions(to(), file)).append('\n');
    out.append("The setup file records the strategy ecs-native once all of this is done.\n");
    return out.toString();
  }

  private String deleteCommand(ResourceRef ref) {
    String app = from.codeDeploy().application();
    if (ref.kind().equals(ResourceKind.DEPLOYMENT_GROUP.id())) {
      return "aws deploy delete-deployment-group --application-name " + app + " --deployment-group-name "
          + ref.name();
    }
    if (ref.kind().equals(ResourceKind.CODEDEPLOY_APPLICATION.id())) {
      return "aws deploy delete-application --application-name " + app;
    }
    return "aws iam detach-role-policy --role-name " + ref.name() + " --policy-arn <each attached policy> && aws iam"
        + " delete-role --role-name " + ref.name();
  }
}
