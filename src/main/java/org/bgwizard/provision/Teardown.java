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
   * reverse dependency order. REUSE entries are kept, whatever the plan says now.
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
    var items = new ArrayList<TeardownPlan.Item>();
    List<Step> reversed = new ArrayList<>(plan.steps());
    Collections.reverse(reversed);
    for (Step step : reversed) {
      if (deletable.contains(step.ref())) {
        var after = new HashSet<>(dependents.get(step.ref()));
        after.retainAll(deletable);
        items.add(new TeardownPlan.Item(step, journal.entry(step.ref()).orElseThrow(), after));
      }
    }
    return new TeardownPlan(items, kept, unknown);
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
