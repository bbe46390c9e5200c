package org.bgwizard.provision.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.TeardownPlan;

/**
 * Resources AWS cannot change in place, replaced: deleted (what depends on them by ARN first, as a teardown of just
 * those), then created by the apply that follows. What follows a replaced resource: a listener follows its load
 * balancer (deleted with it) and its target group; the ECS service its target group (a CODE_DEPLOY service cannot
 * change its load balancers); the deployment group its target groups and listeners (it names their ARNs). Only the
 * setup's own resources are replaced; another's is refused, as it is never deleted.
 */
final class Replacements {
  private Replacements() {}

  /** Marks what follows a replaced resource as replaced too, and refuses replacing what is not the setup's. */
  static void decide(SetupPlan plan, Map<ResourceRef, PlanStatus> statuses, Map<ResourceRef, Ownership> owners) {
    for (AwsStep<?> step : plan.awsSteps()) {
      ResourceRef ref = step.ref();
      if (statuses.get(ref).kind() != PlanStatus.Kind.REPLACE && plan.found(ref).isPresent()
          && !statuses.get(ref).refused()) {
        List<ResourceRef> causes = step.dependsOn().stream().filter(d -> statuses.get(d) != null
            && statuses.get(d).kind() == PlanStatus.Kind.REPLACE && follows(ref, d)).sorted().toList();
        if (!causes.isEmpty()) {
          statuses.put(ref, PlanStatus.replace(List.of(), "it refers to " + causes.stream().map(ResourceRef::toString)
              .collect(Collectors.joining(" and ")) + (causes.size() == 1 ? ", which is replaced" : ", which are replaced"),
              "made again after "
              + causes.stream().map(ResourceRef::toString).collect(Collectors.joining(" and ")),
              step.cliEquivalent()));
        }
      }
      Ownership owner = owners.get(ref);
      if (statuses.get(ref).kind() == PlanStatus.Kind.REPLACE && owner != null && !owner.setups()) {
        statuses.put(ref, statuses.get(ref).refusedBecause("it must be replaced, but it is not this setup's ("
            + owner.note() + "): it is never deleted; delete it yourself, or choose another name"));
      }
    }
  }

  private static boolean follows(ResourceRef dependent, ResourceRef replaced) {
    String kind = dependent.kind();
    String cause = replaced.kind();
    if (kind.equals(ResourceKind.LISTENER.id())) {
      return true;
    }
    if (kind.equals(ResourceKind.SERVICE.id())) {
      return cause.equals(ResourceKind.TARGET_GROUP.id());
    }
    return kind.equals(ResourceKind.DEPLOYMENT_GROUP.id()) && (cause.equals(ResourceKind.TARGET_GROUP.id())
        || cause.equals(ResourceKind.LISTENER.id()));
  }

  /** The resources the plan replaces, in plan order. */
  static List<ResourceRef> of(SetupPlan plan) {
    return plan.awsSteps().stream().map(AwsStep::ref)
        .filter(ref -> plan.status(ref).kind() == PlanStatus.Kind.REPLACE).toList();
  }

  /**
   * Records the replaced resources found by their tag as the setup's, then gives the teardown of exactly them,
   * dependents first.
   */
  static TeardownPlan deletions(SetupPlan plan, Journal journal) {
    Set<ResourceRef> replaced = Set.copyOf(of(plan));
    try (var lock = journal.lockForRun()) {
      for (ResourceRef ref : replaced) {
        Optional<Ownership> owner = plan.ownership(ref).filter(o -> o.owner() == Ownership.Owner.ADOPTED);
        if (owner.isPresent()) {
          journal.adopt(ref, plan.step(ref).identifiersOfFound(plan.found(ref).orElseThrow()), owner.get().note());
        }
      }
    }
    var items = new ArrayList<TeardownPlan.Item>();
    for (TeardownPlan.Item item : org.bgwizard.provision.Teardown.plan(journal, plan.plan()).items()) {
      if (replaced.contains(item.step().ref())) {
        var after = new java.util.HashSet<>(item.after());
        after.retainAll(replaced);
        items.add(new TeardownPlan.Item(item.step(), item.entry(), after));
      }
    }
    return new TeardownPlan(items, List.of(), List.of());
  }
}
