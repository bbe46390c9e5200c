package org.bgwizard.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Who answers a listener: each target group it forwards to with its share, the deployment's label for it (Blue or
 * Green), the service's task set registered in it (task definition, images) and its targets' health. In the
 * simulated account the listener's URL serves nothing, so the dashboard shows this instead.
 */
public final class ListenerTargets {
  private ListenerTargets() {}

  /**
   * @param label "Blue", "Green", or null when no deployment names the target group
   * @param taskSet null when no task set of the service registers in the target group
   */
  public record Target(String targetGroup, int percent, String label, ServiceView.TaskSet taskSet,
      List<TrafficView.TargetHealth> health) {
    public Target {
      health = List.copyOf(health);
    }
  }

  /** The target groups {@code route} forwards a share of its traffic to, in listener order. */
  public static List<Target> of(DeploymentSnapshot s, TrafficView.Route route) {
    int total = route.weights().values().stream().mapToInt(Integer::intValue).sum();
    List<Target> out = new ArrayList<>();
    route.weights().forEach((tg, w) -> {
      if (w > 0) {
        out.add(new Target(tg, Math.round(w * 100f / total), label(s, tg),
            s.service().taskSets().stream().filter(t -> t.targetGroup().equals(tg)).findFirst().orElse(null),
            s.traffic().health().getOrDefault(tg, List.of())));
      }
    });
    return out;
  }

  private static String label(DeploymentSnapshot s, String targetGroup) {
    if (s.current() == null) {
      return null;
    }
    return s.current().taskSets().stream().filter(t -> t.targetGroup().equals(targetGroup)).findFirst()
        .map(TaskSetView::label).orElse(null);
  }
}
