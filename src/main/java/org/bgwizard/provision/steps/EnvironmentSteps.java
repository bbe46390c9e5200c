package org.bgwizard.provision.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;

/**
 * The steps of a setup with environments (issue 15): the union, by resource, of each environment's own steps
 * ({@link Environments#expand}, through the same step builders as a setup without environments), each resource
 * once. What several environments have is shared and built from the whole setup: its content then covers every
 * environment (the roles' policies, the load balancer's security group admitting every environment's ports, the
 * image-build project after every environment's ECR repository), and it carries no environment tag. Each step knows
 * the environments that have it ({@link AwsStep#environments()}): teardown of one environment deletes only what no
 * other environment has.
 */
final class EnvironmentSteps {
  private EnvironmentSteps() {}

  static List<AwsStep<?>> of(Setup whole) {
    SetupSpec spec = whole.spec();
    List<EnvironmentSpec> envs = Environments.expand(spec);
    var roles = new LinkedHashMap<ServiceRole, ResourceRef>();
    for (ServiceRole role : ServiceRole.of(spec)) {
      roles.put(role, sharedRole(whole, role).ref());
    }
    var perEnvironment = new LinkedHashMap<String, List<AwsStep<?>>>();
    for (EnvironmentSpec env : envs) {
      var setup = new Setup(env.spec(), whole.target(), whole.network(), whole.aws(), whole.lookups());
      perEnvironment.put(env.name(), SetupPlan.steps(setup, pipelineAfter(whole, env), spec));
    }
    var users = new LinkedHashMap<ResourceRef, LinkedHashSet<String>>();
    var union = new LinkedHashMap<ResourceRef, AwsStep<?>>();
    perEnvironment.forEach((name, steps) -> steps.forEach(step -> {
      users.computeIfAbsent(step.ref(), r -> new LinkedHashSet<>()).add(name);
      union.putIfAbsent(step.ref(), step);
    }));
    var wholeSteps = new LinkedHashMap<ResourceRef, AwsStep<?>>();
    SetupPlan.steps(whole, List.of()).forEach(s -> wholeSteps.put(s.ref(), s));
    for (ResourceRef ref : List.copyOf(union.keySet())) {
      if (!shared(ref, users.get(ref), envs.size(), wholeSteps.keySet())) {
        continue;
      }
      AwsStep<?> replacement = sharedStep(whole, envs, union.get(ref), wholeSteps.get(ref), roles);
      if (replacement != null && union.keySet().containsAll(replacement.dependsOn())) {
        union.put(ref, replacement);
      }
    }
    for (AwsStep<?> extra : extras(whole, envs, roles, union)) {
      union.put(extra.ref(), extra);
      users.put(extra.ref(), new LinkedHashSet<>(usersOfExtra(extra, envs)));
    }
    union.forEach((ref, step) -> step.usedBy(users.get(ref)));
    return List.copyOf(union.values());
  }

  /**
   * The step of a role every environment shares: its policies must cover every environment's resources, so it is
   * built from the whole setup. This is the one place that decides how.
   */
  static RoleStep sharedRole(Setup whole, ServiceRole role) {
    return new RoleStep(whole, role);
  }

  /**
   * Whether {@code ref} is shared: with two environments or more, what more than one has; with one environment
   * alone, what keeps the setup's own name.
   */
  private static boolean shared(ResourceRef ref, Set<String> users, int environments, Set<ResourceRef> wholeRefs) {
    return environments > 1 ? users.size() > 1 : wholeRefs.contains(ref);
  }

  /** The shared step for {@code ref}, built from the whole setup; null to keep the environment's own. */
  private static AwsStep<?> sharedStep(Setup whole, List<EnvironmentSpec> envs, AwsStep<?> envStep,
      AwsStep<?> wholeStep, Map<ServiceRole, ResourceRef> roles) {
    SetupSpec spec = whole.spec();
    if (envStep instanceof RoleStep && wholeStep instanceof RoleStep) {
      for (ServiceRole role : ServiceRole.of(spec)) {
        if (roles.get(role).equals(envStep.ref())) {
          return sharedRole(whole, role);
        }
      }
    }
    if (envStep instanceof BuildProjectStep) {
      List<ResourceRef> repositories = envs.stream()
          .map(e -> new ResourceRef(ResourceKind.ECR_REPOSITORY.id(), e.spec().repository().name())).toList();
      return BuildProjectStep.shared(whole, roles.get(ServiceRole.CODE_BUILD), repositories,
          new ResourceRef(ResourceKind.LOG_GROUP.id(), whole.arns().codeBuildLogGroupName()));
    }
    if (envStep instanceof SecurityGroupStep && envStep.ref().name().equals(
        org.bgwizard.artifacts.ResourceTexts.loadBalancerGroupName(spec))) {
      var ports = new LinkedHashSet<Integer>();
      envs.forEach(e -> {
        ports.add(e.spec().loadBalancer().productionPort());
        ports.add(e.spec().loadBalancer().testPort());
      });
      return SecurityGroupStep.forLoadBalancer(whole, List.copyOf(ports));
    }
    return wholeStep;
  }

  /**
   * What an environment's pipeline comes after besides its own steps: the unit-test project its Test stage runs, and
   * for a gated environment the approval topic the setup creates.
   */
  private static List<ResourceRef> pipelineAfter(Setup whole, EnvironmentSpec env) {
    var after = new ArrayList<ResourceRef>();
    after.add(new ResourceRef(ResourceKind.BUILD_PROJECT.id(), BuildProjectStep.testProjectName(whole.spec())));
    if (env.environment().approval() && createsTopic(whole.spec())) {
      after.add(new ResourceRef(ResourceKind.SNS_TOPIC.id(), whole.spec().environments().approvalTopic().name()));
    }
    ResourceRef previous = PipelineStep.previousLoadBalancer(whole.spec(), env.name());
    if (previous != null && !after.contains(previous)) {
      after.add(previous);
    }
    return after;
  }

  /** Whether the setup creates its approval topic: an environment is gated and no existing topic was chosen. */
  static boolean createsTopic(SetupSpec spec) {
    var topic = spec.environments().approvalTopic();
    return topic != null && !topic.isExisting() && topic.name() != null && !topic.name().isBlank()
        && spec.environments().list().stream().anyMatch(e -> e.approval());
  }

  /**
   * The steps only a setup with environments has: the unit-test project; the approval topic, and the e-mail
   * subscription to it when an address is given.
   */
  private static List<AwsStep<?>> extras(Setup whole, List<EnvironmentSpec> envs, Map<ServiceRole, ResourceRef> roles,
      Map<ResourceRef, AwsStep<?>> union) {
    var extras = new ArrayList<AwsStep<?>>();
    extras.add(BuildProjectStep.tests(whole, roles.get(ServiceRole.CODE_BUILD),
        new ResourceRef(ResourceKind.LOG_GROUP.id(), whole.arns().codeBuildLogGroupName())));
    if (createsTopic(whole.spec())) {
      var topic = new TopicStep(whole);
      extras.add(topic);
      String email = whole.spec().environments().approvalTopic().email();
      if (email != null && !email.isBlank()) {
        extras.add(new EmailSubscriptionStep(whole, topic));
      }
    }
    return extras;
  }

  /**
   * The environments that have a step only a setup with environments has: the approval topic and its subscription
   * are the gated environments' (they go with the last of them), the unit-test project every environment's.
   */
  private static List<String> usersOfExtra(AwsStep<?> extra, List<EnvironmentSpec> envs) {
    if (extra instanceof TopicStep || extra instanceof EmailSubscriptionStep) {
      return envs.stream().filter(e -> e.environment().approval()).map(EnvironmentSpec::name).toList();
    }
    return envs.stream().map(EnvironmentSpec::name).toList();
  }
}
