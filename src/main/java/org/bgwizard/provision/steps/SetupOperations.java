package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Plan;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.Provisioner;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.RetryPolicy;
import org.bgwizard.provision.Step;
import org.bgwizard.provision.Teardown;
import org.bgwizard.provision.TeardownPlan;
import org.bgwizard.setup.SetupSpec;

/**
 * plan, apply, status, teardown and the orphan finder over one connection: what the CLI commands and the GUI's
 * provisioning page call. Journals are opened by the caller (they live per setup in the app's data folder).
 */
public final class SetupOperations {
  /**
   * The provisioner's retry policy for AWS: most retried errors are IAM propagation (catalogue row 15), which
   * ends after seconds, so back-off starts at half a second and never sleeps more than five, which keeps the
   * overshoot after a role becomes usable short. The bound stays the five minutes.
   */
  public static final RetryPolicy RETRY_POLICY = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(5),
      RetryPolicy.MAX_TOTAL_BOUND);

  private final AwsClients clients;
  private final AwsResources aws;
  private final Provisioner provisioner;
  private volatile Identity identity;

  public SetupOperations(AwsClients clients, Provisioner provisioner) {
    this.clients = clients;
    this.aws = AwsResources.of(clients);
    this.provisioner = provisioner;
  }

  /** Who the calls run as (STS GetCallerIdentity, once). */
  public Identity identity() {
    Identity known = identity;
    if (known == null) {
      known = clients.whoAmI();
      identity = known;
    }
    return known;
  }

  /** The account and region {@code spec} goes to: the connection's account, the setup's region. */
  public Target target(SetupSpec spec) {
    String region = clients.region();
    if (!region.equals(spec.region())) {
      throw new IllegalArgumentException("The setup " + spec.name() + " is for " + spec.region() + ", but the"
          + " connection goes to " + region + (clients.simulated()
              ? ": the simulated account lives in " + region + "; use another sandbox file for " + spec.region()
              : ": connect to " + spec.region()));
    }
    return new Target(identity().account(), region);
  }

  /** The journal scope of {@code spec}: "account/region". */
  public String scope(SetupSpec spec) {
    Target target = target(spec);
    return target.accountId() + "/" + target.region();
  }

  /** @throws PlanRefusedException when something found cannot be used: nothing has been created */
  public SetupPlan plan(SetupSpec spec) {
    Target target = target(spec);
    return SetupPlan.build(spec, target, SetupPlan.discover(spec, target, aws));
  }

  /**
   * The plan decided against {@code journal}: what the journal has and the account lost is to be recreated, and
   * each resource found is the setup's (journal, or its tag) or the user's.
   *
   * @throws PlanRefusedException when something found cannot be used: nothing has been created
   */
  public SetupPlan plan(SetupSpec spec, Journal journal) {
    SetupPlan converged = Convergence.against(plan(spec), journal);
    if (!converged.refusals().isEmpty()) {
      throw new PlanRefusedException(converged.refusals());
    }
    return converged;
  }

  /**
   * Converges the account to the plan: creates what is missing, recreates what the journal has and the account
   * lost, updates what differs, and records resources carrying the setup's tag as its own.
   */
  public ProvisionResult apply(SetupPlan plan, Journal journal, ProvisionListener listener) {
    journal.bindScope(scope(plan.spec()));
    SetupPlan converged = Convergence.against(plan, journal);
    if (!converged.refusals().isEmpty()) {
      throw new PlanRefusedException(converged.refusals());
    }
    if (!Replacements.of(converged).isEmpty()) {
      ProvisionResult deleted = replace(converged, journal, listener);
      if (deleted.status() != ProvisionResult.Status.SUCCEEDED) {
        return deleted;
      }
    }
    Optional<Step> first = converged.applyFirst();
    if (first.isPresent()) {
      ProvisionResult alone = provisioner.apply(Plan.of(List.of(first.get())), journal, listener);
      if (alone.status() != ProvisionResult.Status.SUCCEEDED) {
        return alone;
      }
    }
    return provisioner.apply(converged.plan(), journal, listener, Convergence.runAgain(converged, journal));
  }

  /**
   * Deletes what the plan replaces, dependents first, so that the apply after it creates them anew. Refused while a
   * blue/green deployment runs: it holds both target groups and both listeners, and CodeDeploy allows one deployment
   * at a time per group (its target group pair would be deleted under it).
   */
  private ProvisionResult replace(SetupPlan plan, Journal journal, ProvisionListener listener) {
    var codeDeploy = plan.spec().codeDeploy();
    if (codeDeploy != null && aws.codeDeploy().findDeploymentGroup(codeDeploy.application(), codeDeploy.deploymentGroup()).isPresent()) {
      List<String> running = aws.codeDeploy().activeDeployments(codeDeploy.application(), codeDeploy.deploymentGroup());
      if (!running.isEmpty()) {
        throw new IllegalStateException("The deployment " + String.join(", ", running) + " of "
            + codeDeploy.deploymentGroup() + " is running, and replacing " + Replacements.of(plan).stream()
            .map(ResourceRef::toString).collect(java.util.stream.Collectors.joining(", ")) + " would delete what it"
            + " uses: wait until it ends (or stop it from the dashboard), then apply again. Nothing was changed.");
      }
    }
    return provisioner.teardown(Replacements.deletions(plan, journal), journal, listener);
  }

  /**
   * The move of the CodeDeploy setup {@code spec} to ECS blue/green ({@link MigrationPlan}).
   *
   * @throws PlanRefusedException while a CodeDeploy deployment runs, or when something found cannot be used
   */
  public MigrationPlan migrationPlan(SetupSpec spec, Journal journal) {
    return MigrationPlan.build(spec, target(spec), aws, journal);
  }

  /** Applies the ecs-native plan, then deletes the CodeDeploy resources the setup created; the journal records both. */
  public ProvisionResult migrate(MigrationPlan plan, Journal journal, ProvisionListener listener) {
    ProvisionResult applied = apply(plan.nativePlan(), journal, listener);
    if (applied.status() != ProvisionResult.Status.SUCCEEDED) {
      return applied;
    }
    return provisioner.teardown(plan.codeDeployTeardown(journal, aws), journal, listener);
  }

  public SetupStatus status(SetupSpec spec, Journal journal, boolean withOrphans) {
    Target target = target(spec);
    Discovered discovered = SetupPlan.discover(spec, target, aws);
    SetupPlan plan = Convergence.against(SetupPlan.assess(spec, target, discovered), journal);
    return SetupStatus.of(plan, discovered, journal, withOrphans ? orphans(spec, plan, journal) : null);
  }

  /**
   * What teardown would delete, from the journal. A journal with no entry at all (another machine applied the
   * setup, or the data folder was lost) is first rebuilt from the account: what has the setup's names and its tag.
   */
  public TeardownPlan teardownPlan(SetupSpec spec, Journal journal) {
    Target target = target(spec);
    journal.bindScope(scope(spec));
    if (journal.entries().isEmpty()) {
      rebuild(spec, target, journal);
    }
    var discovered = new Discovered(new NetworkFacts(vpcOf(journal), List.of(), List.of()), List.of(), Map.of(), aws);
    return Teardown.plan(journal, SetupPlan.assess(spec, target, discovered).plan());
  }

  /**
   * What teardown of the environment {@code environment} of a setup with environments would delete: what the
   * journal records of that environment's resources that no other environment still standing has. An environment
   * still stands while the journal records one of its own resources; the last one's teardown deletes the shared ones
   * too, as {@link #teardownPlan(SetupSpec, Journal)} does.
   */
  public TeardownPlan teardownPlan(SetupSpec spec, Journal journal, String environment) {
    TeardownPlan all = teardownPlan(spec, journal);
    var discovered = new Discovered(new NetworkFacts(vpcOf(journal), List.of(), List.of()), List.of(), Map.of(), aws);
    SetupPlan plan = SetupPlan.assess(spec, target(spec), discovered);
    var standing = new java.util.LinkedHashSet<String>();
    for (JournalEntry entry : journal.entries()) {
      java.util.Set<String> users = plan.environments(entry.ref());
      if (entry.origin() == Origin.CREATE && entry.state() != JournalEntry.State.DELETED && users.size() == 1 && !users.contains(environment)) {
        standing.addAll(users);
      }
    }
    return all.only(ref -> plan.environments(ref).contains(environment)
        && java.util.Collections.disjoint(plan.environments(ref), standing),
        ref -> !plan.environments(ref).contains(environment) ? null : plan.environments(ref).stream()
            .filter(standing::contains).collect(java.util.stream.Collectors.joining(", ")) + " still use it");
  }

  public ProvisionResult teardown(TeardownPlan plan, Journal journal, ProvisionListener listener) {
    return provisioner.teardown(plan, journal, listener);
  }

  /** Resources with this setup's tag that the journal does not know, among the kinds the setup uses. */
  public List<TaggedResource> orphans(SetupSpec spec, Journal journal) {
    Target target = target(spec);
    var discovered = new Discovered(new NetworkFacts(null, List.of(), List.of()), List.of(), Map.of(), aws);
    return orphans(spec, SetupPlan.assess(spec, target, discovered), journal);
  }

  private List<TaggedResource> orphans(SetupSpec spec, SetupPlan plan, Journal journal) {
    return Orphans.among(aws.tagged().find(SetupSpec.SETUP_TAG, spec.name(), Orphans.kindsOf(plan)), journal);
  }

  /** Records each resource with the setup's name and tag as the setup's own, under the journal's run lock. */
  private void rebuild(SetupSpec spec, Target target, Journal journal) {
    SetupPlan plan = Convergence.against(SetupPlan.assess(spec, target, SetupPlan.discover(spec, target, aws)),
        journal);
    try (var lock = journal.lockForRun()) {
      for (ResourceRef ref : Convergence.adopted(plan)) {
        journal.adopt(ref, plan.step(ref).identifiersOfFound(plan.found(ref).orElseThrow()),
            plan.ownership(ref).orElseThrow().note());
      }
    }
  }

  /** Stops the current apply or teardown at the next safe point. */
  public void cancel() {
    provisioner.cancel();
  }

  /** The VPC the setup's security groups were made in, as the journal recorded it. */
  private static String vpcOf(Journal journal) {
    return journal.entries().stream().map(e -> e.output("vpcId")).flatMap(Optional::stream).findFirst().orElse(null);
  }
}
