package org.bgwizard.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The steps of a setup as a DAG, validated: every step once, every dependency in the plan, no cycle. Steps are
 * kept in a topological order that follows the given order wherever the dependencies allow. Immutable.
 */
public final class Plan {
  private final List<Step> ordered;
  private final Map<ResourceRef, Step> byRef;

  private Plan(List<Step> ordered) {
    this.ordered = List.copyOf(ordered);
    var map = new LinkedHashMap<ResourceRef, Step>();
    ordered.forEach(s -> map.put(s.ref(), s));
    this.byRef = Collections.unmodifiableMap(map);
  }

  /** @throws InvalidPlanException naming the duplicate step, the unknown dependency, or the steps of a cycle */
  public static Plan of(List<? extends Step> steps) {
    var byRef = new LinkedHashMap<ResourceRef, Step>();
    for (Step step : steps) {
      if (byRef.put(step.ref(), step) != null) {
        throw new InvalidPlanException("The plan has two steps for " + step.ref());
      }
    }
    for (Step step : steps) {
      for (ResourceRef dep : step.dependsOn()) {
        if (!byRef.containsKey(dep)) {
          throw new InvalidPlanException("Step " + step.ref() + " depends on " + dep + ", which is not in the plan");
        }
      }
    }
    return new Plan(topologicalOrder(byRef));
  }

  /** Every step, each after all it depends on. */
  public List<Step> steps() {
    return ordered;
  }

  public Optional<Step> step(ResourceRef ref) {
    return Optional.ofNullable(byRef.get(ref));
  }

  /** The longest chain of dependent steps when each takes {@code duration}. */
  public CriticalPath criticalPath(Function<Step, Duration> duration) {
    var finish = new HashMap<ResourceRef, Duration>();
    var previous = new HashMap<ResourceRef, ResourceRef>();
    ResourceRef last = null;
    for (Step step : ordered) {
      Duration start = Duration.ZERO;
      for (ResourceRef dep : step.dependsOn()) {
        if (finish.get(dep).compareTo(start) > 0) {
          start = finish.get(dep);
          previous.put(step.ref(), dep);
        }
      }
      finish.put(step.ref(), start.plus(duration.apply(step)));
      if (last == null || finish.get(step.ref()).compareTo(finish.get(last)) > 0) {
        last = step.ref();
      }
    }
    var path = new ArrayList<ResourceRef>();
    for (ResourceRef at = last; at != null; at = previous.get(at)) {
      path.add(0, at);
    }
    return new CriticalPath(path, last == null ? Duration.ZERO : finish.get(last));
  }

  /** What the plan will do, one step a line with the CLI command a learner would type. */
  public String describe() {
    long reused = ordered.stream().filter(s -> s.origin() == Origin.REUSE).count();
    var out = new StringBuilder("Plan: " + ordered.size() + " steps, " + (ordered.size() - reused) + " to create, "
        + reused + " to reuse\n");
    for (Step step : ordered) {
      out.append(step.origin() == Origin.REUSE ? "  = " : "  + ").append(step.ref());
      if (step.origin() == Origin.REUSE) {
        out.append(" (use existing)");
      }
      if (!step.dependsOn().isEmpty()) {
        out.append("  after ").append(step.dependsOn().stream().sorted().map(ResourceRef::toString)
            .collect(Collectors.joining(", ")));
      }
      out.append("\n      $ ").append(step.cliEquivalent()).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  private static List<Step> topologicalOrder(Map<ResourceRef, Step> byRef) {
    var done = new LinkedHashMap<ResourceRef, Step>();
    while (done.size() < byRef.size()) {
      Step next = byRef.values().stream()
          .filter(s -> !done.containsKey(s.ref()) && done.keySet().containsAll(s.dependsOn()))
          .findFirst()
          .orElseThrow(() -> new InvalidPlanException("The plan's steps depend on each other in a cycle: "
              + cycle(byRef, done.keySet()) + " (each depends on the next)"));
      done.put(next.ref(), next);
    }
    return new ArrayList<>(done.values());
  }

  /** A cycle among the steps not yet ordered, as "a → b → a"; every one of them waits for another. */
  private static String cycle(Map<ResourceRef, Step> byRef, Set<ResourceRef> ordered) {
    var path = new ArrayList<ResourceRef>();
    ResourceRef at = byRef.keySet().stream().filter(r -> !ordered.contains(r)).findFirst().orElseThrow();
    while (!path.contains(at)) {
      path.add(at);
      at = new TreeSet<>(byRef.get(at).dependsOn()).stream().filter(r -> !ordered.contains(r)).findFirst()
          .orElseThrow();
    }
    List<ResourceRef> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
    loop.add(at);
    return loop.stream().map(ResourceRef::toString).collect(Collectors.joining(" → "));
  }
}
