package org.bgwizard.provision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Works out what a teardown deletes: exactly what the journal says this setup created, dependents first. */
public final class Teardown {
  private Teardown() {}

  /**
   * Every entry this setup created and that is not yet DELETED (INTENT and DELETING included: they may exist), in
   * reverse dependency order, each also after its {@link Step#deleteAfter()}; steps with {@link
   * Step#hasWorkInFlight() work in flight} before everything they do not depend on, {@link Step#deleteLast()} ones
   * after everything else. REUSE entries are kept, whatever the plan says now.
   */
  public static TeardownPlan plan(Journal journal, Plan plan) {
    Map<ResourceRef, Set<ResourceRef>> dependents = transitiveDependents(plan);
    var deletable = new HashSet<ResourceRef>();
    var kept = new ArrayList<JournalEntry>();
    var unknown = new ArrayList<JournalEntry>();
    for (JournalEntry entry : journal.entries()) {
      if (entry.origin() == Origin.REUSE) {
        kept.add(entry);
      } else if (entry.deletable()) {
        if (plan.step(entry.ref()).isPresent()) {
          deletable.add(entry.ref());
        } else {
          unknown.add(entry);
        }
      }
    }
    List<Step> reversed = new ArrayList<>(plan.steps());
    Collections.reverse(reversed);
    var order = new ArrayList<Step>();
    var after = new HashMap<ResourceRef, Set<ResourceRef>>();
    for (Step step : reversed) {
      if (deletable.contains(step.ref())) {
        order.add(step);
        var before = new HashSet<>(dependents.get(step.ref()));
        before.retainAll(deletable);
        after.put(step.ref(), before);
      }
    }
    for (Step step : order) {
      step.deleteAfter().stream().filter(deletable::contains).forEach(r -> addUnlessCycle(after, step.ref(), r));
    }
    for (Step first : order) {
      if (first.hasWorkInFlight()) {
        order.stream().filter(s -> !s.hasWorkInFlight()).forEach(s -> addUnlessCycle(after, s.ref(), first.ref()));
      }
    }
    for (Step last : order) {
      if (last.deleteLast()) {
        order.stream().filter(s -> !s.deleteLast()).forEach(s -> addUnlessCycle(after, last.ref(), s.ref()));
      }
    }
    var items = new ArrayList<TeardownPlan.Item>();
    for (Step step : inOrder(order, after)) {
      items.add(new TeardownPlan.Item(step, journal.entry(step.ref()).orElseThrow(), after.get(step.ref())));
    }
    return new TeardownPlan(items, kept, unknown);
  }

  /** Makes {@code item} wait for {@code before}, unless {@code before} already waits for it (then it stays first). */
  private static void addUnlessCycle(Map<ResourceRef, Set<ResourceRef>> after, ResourceRef item, ResourceRef before) {
    if (!item.equals(before) && !waitsFor(after, before, item, new HashSet<>())) {
      after.get(item).add(before);
    }
  }

  private static boolean waitsFor(Map<ResourceRef, Set<ResourceRef>> after, ResourceRef from, ResourceRef target,
      Set<ResourceRef> seen) {
    for (ResourceRef r : after.get(from)) {
      if (r.equals(target) || seen.add(r) && waitsFor(after, r, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The steps in the order they can be deleted one by one, keeping {@code order} where the waits allow. */
  private static List<Step> inOrder(List<Step> order, Map<ResourceRef, Set<ResourceRef>> after) {
    var out = new ArrayList<Step>();
    var placed = new HashSet<ResourceRef>();
    var left = new ArrayList<>(order);
    while (!left.isEmpty()) {
      Step next = left.stream().filter(s -> placed.containsAll(after.get(s.ref()))).findFirst().orElseThrow();
      left.remove(next);
      placed.add(next.ref());
      out.add(next);
    }
    return out;
  }

  private static Map<ResourceRef, Set<ResourceRef>> transitiveDependents(Plan plan) {
    var dependents = new HashMap<ResourceRef, Set<ResourceRef>>();
    List<Step> reversed = new ArrayList<>(plan.steps());
    Collections.reverse(reversed);
    plan.steps().forEach(s -> dependents.put(s.ref(), new HashSet<>()));
    for (Step step : reversed) {
      for (ResourceRef dep : step.dependsOn()) {
        dependents.get(dep).add(step.ref());
        dependents.get(dep).addAll(dependents.get(step.ref()));
      }
    }
    return dependents;
  }
}
