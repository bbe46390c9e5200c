package org.bgwizard.provision.steps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bgwizard.artifacts.ChangeDetection;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.LoadBalancerInfo;
import org.bgwizard.aws.SubnetInfo;
import org.bgwizard.aws.VpcInfo;
import org.bgwizard.provision.Plan;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.Step;
import org.bgwizard.provision.TransientErrorClassifier;
import org.bgwizard.setup.Network;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.SpecValidator;

/**
 * The plan of one setup: its steps as a DAG, each with what apply will do to what exists ({@link PlanStatus}).
 * Built in two parts: {@link #discover} looks everything up (read-only calls), {@link #build} decides, without
 * calling AWS, and refuses before anything is created when something found cannot be used.
 */
public final class SetupPlan {
  private final SetupSpec spec;
  private final Target target;
  private final NetworkFacts network;
  private final Plan plan;
  private final Map<ResourceRef, AwsStep<?>> steps;
  private final Map<ResourceRef, PlanStatus> statuses;
  private final List<String> problems;
  private final List<String> warnings;
  private final Map<ResourceRef, LookupFailure> lookupFailures;
  private final Map<ResourceRef, Optional<?>> found;
  private final Map<ResourceRef, Ownership> owners;

  private SetupPlan(SetupSpec spec, Target target, NetworkFacts network, List<AwsStep<?>> steps,
      Map<ResourceRef, PlanStatus> statuses, List<String> problems, List<String> warnings,
      Map<ResourceRef, LookupFailure> lookupFailures, Map<ResourceRef, Optional<?>> found,
      Map<ResourceRef, Ownership> owners) {
    this.spec = spec;
    this.target = target;
    this.network = network;
    this.plan = Plan.of(steps.stream().map(s -> lookupFailures.containsKey(s.ref()) ? new LooksAgain(s) : s).toList());
    var byRef = new LinkedHashMap<ResourceRef, AwsStep<?>>();
    steps.forEach(s -> byRef.put(s.ref(), s));
    this.steps = byRef;
    this.statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    this.problems = List.copyOf(problems);
    this.warnings = List.copyOf(warnings);
    this.lookupFailures = Map.copyOf(lookupFailures);
    this.found = Map.copyOf(found);
    this.owners = Map.copyOf(owners);
  }

  /**
   * Looks up the network and every resource the setup names. Read-only. A lookup AWS refuses (or that fails in a
   * way nothing retries) is recorded for its resource and the others go on; a throttled or IAM-propagation error
   * still fails the lookup, as the retrier's classifier calls it transient.
   */
  public static Discovered discover(SetupSpec spec, Target target, AwsResources aws) {
    var problems = new ArrayList<String>();
    NetworkFacts network;
    try {
      network = network(spec, aws, problems);
    } catch (Exception e) {
      problems.add("The network: " + failureOf("the network", e).describe());
      network = new NetworkFacts(null, List.of(), List.of());
    }
    var found = new LinkedHashMap<ResourceRef, Optional<?>>();
    var failures = new LinkedHashMap<ResourceRef, LookupFailure>();
    if (problems.isEmpty()) {
      for (AwsStep<?> step : steps(new Setup(spec, target, network, aws))) {
        try {
          found.put(step.ref(), step.lookUp());
        } catch (Exception e) {
          failures.put(step.ref(), failureOf(step.ref().toString(), e));
        }
      }
    }
    List<String> warnings = problems.isEmpty() ? SourceChecks.codeCommitClosed(spec, aws, found).stream().toList()
        : List.of();
    return new Discovered(network, problems, found, failures, aws, warnings);
  }

  /** A lookup's failure, unless the classifier calls it transient: then it is thrown, as before. */
  private static LookupFailure failureOf(String what, Exception e) {
    if (new SdkErrorClassifier().classify(e) != TransientErrorClassifier.Kind.PERMANENT) {
      throw new IllegalStateException("Looking up " + what + " failed: " + e.getMessage(), e);
    }
    return LookupFailure.of(e);
  }

  /** @throws PlanRefusedException listing everything found that cannot be used, before anything is created */
  public static SetupPlan build(SetupSpec spec, Target target, Discovered discovered) {
    SetupPlan plan = assess(spec, target, discovered);
    List<String> refusals = plan.refusals();
    if (!refusals.isEmpty()) {
      throw new PlanRefusedException(refusals);
    }
    return plan;
  }

  /** The plan with its statuses, refusals included: what {@code status} and teardown work from. */
  public static SetupPlan assess(SetupSpec spec, Target target, Discovered discovered) {
    return assess(spec, target, discovered, (setup, step) -> step);
  }

  /** The same, with each step first handed to {@code substitute} (a migration takes over a few steps). */
  static SetupPlan assess(SetupSpec spec, Target target, Discovered discovered,
      java.util.function.BiFunction<Setup, AwsStep<?>, AwsStep<?>> substitute) {
    var setup = new Setup(spec, target, discovered.network(), discovered.aws());
    List<AwsStep<?>> steps = steps(setup).stream().<AwsStep<?>>map(s -> substitute.apply(setup, s)).toList();
    var statuses = new LinkedHashMap<ResourceRef, PlanStatus>();
    for (AwsStep<?> step : steps) {
      statuses.put(step.ref(), discovered.problems().isEmpty() ? step.assessFound(discovered.found(step.ref()))
          : PlanStatus.create());
      discovered.failure(step.ref()).ifPresent(failure -> statuses.put(step.ref(), PlanStatus.unknown()));
    }
    var warnings = new ArrayList<>(discovered.warnings());
    if (discovered.problems().isEmpty() && !spec.network().assignPublicIp()
        && discovered.network().subnets().stream().allMatch(SubnetInfo::isPublic)) {
      warnings.add("Tasks get no public IP in public subnets: without a NAT gateway or VPC endpoints they cannot"
          + " pull images (catalogue row 19)");
    }
    return new SetupPlan(spec, target, discovered.network(), steps, statuses, discovered.problems(), warnings,
        discovered.failures(), discovered.found(), Map.of());
  }

  /** This plan with statuses and owners decided against a journal ({@link Convergence}). */
  SetupPlan with(Map<ResourceRef, PlanStatus> newStatuses, Map<ResourceRef, Ownership> newOwners) {
    return new SetupPlan(spec, target, network, awsSteps(), newStatuses, problems, warnings, lookupFailures, found,
        newOwners);
  }

  /** What discovery found for {@code ref}. */
  Optional<?> found(ResourceRef ref) {
    return found.getOrDefault(ref, Optional.empty());
  }

  /**
   * Whose the resource of {@code ref} is, once the plan was decided against a journal: empty before, and for a
   * resource that does not exist.
   */
  public Optional<Ownership> ownership(ResourceRef ref) {
    return Optional.ofNullable(owners.get(ref));
  }

  public Plan plan() {
    return plan;
  }

  /** The VPC and subnets discovery found: the chosen ones, or the default VPC's default subnets. */
  public NetworkFacts network() {
    return network;
  }

  /**
   * The step to apply before all others, alone, when its refusal must leave nothing behind: the CodeCommit repository
   * of an account that has none (catalogue row 28: a new customer is refused).
   */
  public Optional<Step> applyFirst() {
    return steps.values().stream().filter(s -> s instanceof CodeCommitRepoStep
        && statuses.get(s.ref()).kind() == PlanStatus.Kind.CREATE && warnings.stream().anyMatch(
            w -> w.startsWith(SourceChecks.NO_REPOSITORY))).map(s -> (Step) s).findFirst();
  }

  public SetupSpec spec() {
    return spec;
  }

  public Target target() {
    return target;
  }

  public PlanStatus status(ResourceRef ref) {
    return statuses.get(ref);
  }

  /** Why {@code ref} could not be looked at (its status is then {@link PlanStatus.Kind#UNKNOWN}). */
  public Optional<LookupFailure> lookupFailure(ResourceRef ref) {
    return Optional.ofNullable(lookupFailures.get(ref));
  }

  /** The resources that could not be looked at, in no order. */
  public Map<ResourceRef, LookupFailure> lookupFailures() {
    return lookupFailures;
  }

  /** Advice that does not stop the plan. */
  public List<String> warnings() {
    return warnings;
  }

  /** Why this plan must not be applied; empty when it may. */
  public List<String> refusals() {
    var out = new ArrayList<>(problems);
    statuses.forEach((ref, status) -> {
      if (status.refused()) {
        status.differences().forEach(d -> out.add(ref + ": " + d));
      }
    });
    return out;
  }

  /** What apply replaces (deletes, then creates anew), in plan order: apply asks before it. */
  public List<ResourceRef> replacements() {
    return Replacements.of(this);
  }

  AwsStep<?> step(ResourceRef ref) {
    return steps.get(ref);
  }

  /**
   * The environments that have the resource of {@code ref}, in promotion order: one for an environment's own, more
   * for a shared one; empty in a setup without environments.
   */
  public Set<String> environments(ResourceRef ref) {
    AwsStep<?> step = steps.get(ref);
    return step == null ? Set.of() : step.environments();
  }

  /**
   * {@code [dev] }, {@code [shared] } (every environment has it) or {@code [qa, prod] } before a step of a setup
   * with environments; empty in a setup without.
   */
  public String environmentLabel(ResourceRef ref) {
    Set<String> names = environments(ref);
    if (names.isEmpty()) {
      return "";
    }
    boolean all = spec.hasEnvironments() && spec.environments().list().size() > 1
        && names.containsAll(spec.environments().names());
    return "[" + (all ? "shared" : String.join(", ", names)) + "] ";
  }

  List<AwsStep<?>> awsSteps() {
    return List.copyOf(steps.values());
  }

  /** What apply will do, step by step, with the AWS CLI command a learner would type for each. */
  public String describe() {
    var counts = statuses.values().stream().collect(Collectors.groupingBy(PlanStatus::label, LinkedHashMap::new,
        Collectors.counting()));
    var out = new StringBuilder("Plan for " + spec.name() + " in account " + target.accountId() + ", "
        + target.region() + ": " + steps.size() + " steps (" + counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")\n");
    if (network.vpcId() != null) {
      out.append("Network: ").append(network.vpcId()).append(", subnets ").append(network.subnets().stream()
          .map(s -> s.id() + " (" + s.availabilityZone() + (s.isPublic() ? ", public" : ", private") + ")")
          .collect(Collectors.joining(", "))).append('\n');
    }
    for (Step step : plan.steps()) {
      PlanStatus status = statuses.get(step.ref());
      out.append(String.format("  %-8s %s%s", status.label(), environmentLabel(step.ref()), step.ref()));
      lookupFailure(step.ref()).ifPresent(f -> out.append("  (").append(f.reason()).append(')'));
      if (!step.dependsOn().isEmpty()) {
        out.append("  (after ").append(step.dependsOn().stream().sorted().map(ResourceRef::toString)
            .collect(Collectors.joining(", "))).append(')');
      }
      out.append('\n');
      ownership(step.ref()).map(Ownership::note).ifPresent(n -> out.append("           (").append(n).append(")\n"));
      if (status.changes().isEmpty() && status.kind() != PlanStatus.Kind.REPLACE) {
        status.differences().forEach(d -> out.append("           ! ").append(d).append('\n'));
      }
      lookupFailure(step.ref()).ifPresent(f -> out.append("           ! ").append(f.message())
          .append("\n           ! apply tries this step: it looks again, and fails on this step alone if AWS"
              + " refuses again\n"));
      status.changes().forEach(c -> out.append("           ~ ").append(c).append('\n'));
      status.notes().forEach(n -> out.append("           ! why: ").append(n).append('\n'));
      steps.get(step.ref()).notesOfFound(found(step.ref())).forEach(n -> out.append("           ! ").append(n)
          .append('\n'));
      if (status.kind() == PlanStatus.Kind.REPLACE) {
        status.differences().forEach(d -> out.append("           ! why: ").append(d).append('\n'));
        out.append("           ! cost: ").append(status.replaceCost()).append('\n');
      }
      command(step.ref()).ifPresent(c -> out.append("           $ ").append(c).append('\n'));
    }
    problems.forEach(p -> out.append("Refused: ").append(p).append('\n'));
    warnings.forEach(w -> out.append("Warning: ").append(w).append('\n'));
    return out.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The AWS CLI command for what apply does to this step's resource: its create, or its update in place. */
  private Optional<String> command(ResourceRef ref) {
    PlanStatus status = statuses.get(ref);
    return switch (status.kind()) {
      case CREATE, RECREATE, UNKNOWN -> Optional.of(steps.get(ref).cliEquivalent());
      case REPLACE -> Optional.ofNullable(status.updateCommand());
      case EXISTS_DIFFERS -> Optional.of(status.updateCommand() != null ? status.updateCommand()
          : steps.get(ref).cliEquivalent());
      default -> Optional.empty();
    };
  }

  /** Every step as data, for {@code plan --json}: what apply does, whose the resource is, old → new, the command. */
  public List<PlannedStep> planned() {
    return plan.steps().stream().map(step -> {
      PlanStatus status = statuses.get(step.ref());
      Optional<Ownership> owner = ownership(step.ref());
      return new PlannedStep(step.ref().kind(), step.ref().name(), status.label(),
          owner.map(o -> o.owner().name()).orElse(null), owner.map(Ownership::note).orElse(null),
          status.changes().isEmpty() || status.kind() == PlanStatus.Kind.REPLACE ? status.differences()
              : status.notes(),
          status.changes(), command(step.ref()).orElse(null), status.replaceCost(),
          environments(step.ref()).isEmpty() ? null : List.copyOf(environments(step.ref())));
    }).toList();
  }

  /**
   * The steps, in the order the console walkthrough takes them; dependencies decide what runs in parallel. A setup
   * with environments has the union of its environments' steps ({@link EnvironmentSteps}).
   */
  static List<AwsStep<?>> steps(Setup setup) {
    return setup.spec().hasEnvironments() ? EnvironmentSteps.of(setup) : steps(setup, List.of());
  }

  /** The steps of one setup (or one environment's), its pipeline also after {@code pipelineAfter}. */
  static List<AwsStep<?>> steps(Setup setup, List<ResourceRef> pipelineAfter) {
    return steps(setup, pipelineAfter, null);
  }

  /**
   * The steps of one setup, or of one environment of {@code whole} (null for a setup without environments): an
   * environment's pipeline is declared from the whole setup (its Test stage, its approval inside Build).
   */
  static List<AwsStep<?>> steps(Setup setup, List<ResourceRef> pipelineAfter, SetupSpec whole) {
    SetupSpec spec = setup.spec();
    var steps = new ArrayList<AwsStep<?>>();
    var roles = new LinkedHashMap<ServiceRole, RoleStep>();
    for (ServiceRole role : ServiceRole.of(spec)) {
      roles.put(role, new RoleStep(setup, role));
    }
    steps.addAll(roles.values());
    var infrastructureRole = InfrastructureRoleStep.appliesTo(setup) ? new InfrastructureRoleStep(setup) : null;
    if (infrastructureRole != null) {
      steps.add(infrastructureRole);
    }
    var repository = new RepositoryStep(setup);
    steps.add(repository);
    SecurityGroupStep lbGroup = spec.loadBalancer().isExisting() ? null : SecurityGroupStep.forLoadBalancer(setup);
    var serviceGroup = lbGroup == null
        ? SecurityGroupStep.forService(setup, List.of(), setup.network().loadBalancerSecurityGroups())
        : SecurityGroupStep.forService(setup, List.of(lbGroup.ref()), List.of());
    if (lbGroup != null) {
      steps.add(lbGroup);
    }
    steps.add(serviceGroup);
    var taskLogs = new LogGroupStep(setup, spec.ecs().logGroup(), spec.ecs().logRetentionDays());
    var buildLogs = new LogGroupStep(setup, setup.arns().codeBuildLogGroupName(), spec.ecs().logRetentionDays());
    steps.add(taskLogs);
    steps.add(buildLogs);
    var bucket = new BucketStep(setup);
    steps.add(bucket);
    String lbName = LoadBalancerStep.nameOf(setup);
    var lb = spec.loadBalancer();
    List<String> pair = List.of(lb.targetGroup1(), lb.targetGroup2());
    var tg1 = new TargetGroupStep(setup, lb.targetGroup1(), lbName);
    var tg2 = new TargetGroupStep(setup, lb.targetGroup2(), lbName);
    steps.add(tg1);
    steps.add(tg2);
    var loadBalancer = new LoadBalancerStep(setup, lbGroup == null ? null : lbGroup.ref());
    steps.add(loadBalancer);
    var production = new ListenerStep(setup, lb.productionPort(), loadBalancer.ref(), tg1.ref(), pair);
    var test = new ListenerStep(setup, lb.testPort(), loadBalancer.ref(), tg2.ref(), pair);
    steps.add(production);
    steps.add(test);
    var cluster = new ClusterStep(setup);
    steps.add(cluster);
    var taskDefinition = new TaskDefinitionStep(setup, roles.get(ServiceRole.TASK_EXECUTION).ref(), taskLogs.ref());
    steps.add(taskDefinition);
    var pipelineDeps = new ArrayList<ResourceRef>();
    if (infrastructureRole != null) {
      // ECS moves the rules' weights itself: no CodeDeploy application or group ("Amazon ECS blue/green deployments")
      var productionRule = new ListenerRuleStep(setup, production, tg1.ref(), tg2.ref(), pair);
      var testRule = new ListenerRuleStep(setup, test, tg1.ref(), tg2.ref(), pair);
      steps.add(productionRule);
      steps.add(testRule);
      var service = new NativeServiceStep(setup, new NativeServiceStep.Inputs(cluster.ref(), taskDefinition.ref(),
          tg1.ref(), tg2.ref(), productionRule.ref(), testRule.ref(), infrastructureRole.ref(), serviceGroup.ref()));
      steps.add(service);
      pipelineDeps.add(service.ref());
    } else {
      var service = new ServiceStep(setup, cluster.ref(), taskDefinition.ref(), production.ref(), tg1.ref(),
          serviceGroup.ref(), pair);
      steps.add(service);
      var application = new CodeDeployApplicationStep(setup);
      steps.add(application);
      var group = new DeploymentGroupStep(setup, application.ref(), service.ref(),
          roles.get(ServiceRole.CODE_DEPLOY).ref(), List.of(tg1.ref(), tg2.ref()), production.ref(), test.ref(), pair);
      steps.add(group);
      pipelineDeps.addAll(List.of(application.ref(), group.ref()));
    }
    var build = new BuildProjectStep(setup, roles.get(ServiceRole.CODE_BUILD).ref(), repository.ref(), buildLogs.ref());
    steps.add(build);
    pipelineDeps.addAll(0, List.of(roles.get(ServiceRole.CODE_PIPELINE).ref(), bucket.ref(), build.ref()));
    ResourceRef connection = null;
    if (spec.source().provider() == Source.Provider.CODECOMMIT) {
      var source = new CodeCommitRepoStep(setup);
      steps.add(source);
      pipelineDeps.add(source.ref());
    } else if (spec.source().provider() == Source.Provider.S3) {
      var source = new SourceBucketStep(setup);
      steps.add(source);
      pipelineDeps.add(source.ref());
    } else if (spec.source().provider() == Source.Provider.GITHUB) {
      var source = new ConnectionStep(setup, roles.get(ServiceRole.CODE_PIPELINE).ref());
      steps.add(source);
      pipelineDeps.add(source.ref());
      connection = spec.source().connectionArn() == null ? source.ref() : null;
    }
    pipelineDeps.addAll(pipelineAfter);
    var pipeline = new PipelineStep(setup, pipelineDeps, connection, whole);
    steps.add(pipeline);
    if (ChangeDetection.needsRule(spec.source())) {
      var eventsRole = new EventsRoleStep(setup);
      steps.add(eventsRole);
      steps.add(new EventRuleStep(setup, pipeline.ref(), eventsRole.ref(),
          ChangeDetection.pattern(spec, setup.target()).orElseThrow()));
    }
    return steps;
  }

  private static NetworkFacts network(SetupSpec spec, AwsResources aws, List<String> problems) {
    var discovery = aws.discovery();
    String vpcId;
    List<SubnetInfo> subnets;
    if (spec.network().usesDefaultVpc()) {
      Optional<VpcInfo> vpc = discovery.defaultVpc();
      if (vpc.isEmpty()) {
        problems.add("The region " + spec.region() + " has no default VPC: choose a VPC and subnets");
        return new NetworkFacts(null, List.of(), List.of());
      }
      vpcId = vpc.get().id();
      subnets = discovery.subnets(vpcId).stream().filter(SubnetInfo::defaultForAz).toList();
    } else {
      vpcId = spec.network().vpcId();
      if (discovery.vpc(vpcId).isEmpty()) {
        problems.add("The VPC " + vpcId + " does not exist in " + spec.region());
        return new NetworkFacts(null, List.of(), List.of());
      }
      List<SubnetInfo> all = discovery.subnets(vpcId);
      if (spec.network().subnets().isEmpty()) {
        subnets = all;
      } else {
        subnets = new ArrayList<>();
        for (var chosen : spec.network().subnets()) {
          Optional<SubnetInfo> s = all.stream().filter(x -> x.id().equals(chosen.id())).findFirst();
          if (s.isEmpty()) {
            problems.add("The subnet " + chosen.id() + " is not in " + vpcId);
          } else {
            subnets.add(s.get());
          }
        }
      }
    }
    var facts = new NetworkFacts(vpcId, subnets, List.of());
    if (problems.isEmpty() && facts.availabilityZones() < 2) {
      problems.add("An Application Load Balancer needs subnets in at least two availability zones; " + vpcId
          + " offers " + facts.availabilityZones());
    } else if (problems.isEmpty()) {
      SpecValidator.subnetZones(subnets.stream().map(s -> new Network.SubnetRef(s.id(), s.availabilityZone()))
          .toList()).forEach(p -> problems.add(p.message()));
    }
    if (spec.loadBalancer().isExisting()) {
      Optional<LoadBalancerInfo> lb = aws.elb().findLoadBalancerByArn(spec.loadBalancer().existingArn());
      return new NetworkFacts(vpcId, subnets, lb.map(LoadBalancerInfo::securityGroups).orElse(List.of()));
    }
    return facts;
  }
}
