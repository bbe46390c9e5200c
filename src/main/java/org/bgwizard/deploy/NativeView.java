package org.bgwizard.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * An ECS built-in blue/green service in a snapshot: its configuration, its latest service deployment (null before
 * any) and the earlier ones, newest first.
 */
public record NativeView(NativeConfig config, NativeDeployment current, List<NativeDeployment> history) {
  /**
   * The lifecycle stages of a blue/green, linear or canary deployment, in order ({@code ServiceDeploymentLifecycleStage};
   * "Amazon ECS blue/green service deployments workflow"). PRE_PRODUCTION_TRAFFIC_SHIFT exists only as a PAUSE
   * hook's stage ("Pause hooks for Amazon ECS service deployments").
   */
  static final List<String> STAGES = List.of("PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
      "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
      "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP");
  private static final String RECONCILE = "RECONCILE_SERVICE";
  private static final String PRE_PRODUCTION = "PRE_PRODUCTION_TRAFFIC_SHIFT";

  public NativeView {
    history = List.copyOf(history);
  }

  /** Where a stage is: passed, the one running, paused on a hook, where the deployment ended, not reached. */
  public enum StageState { DONE, CURRENT, PAUSED, ENDED, PENDING }

  public record Stage(String name, StageState state) {}

  /**
   * The stages {@code d} goes through, each with its state. The pause stage appears only when the service has a
   * PAUSE hook there; RECONCILE_SERVICE only when the deployment is in it (it runs only with more than one active
   * revision, "Lifecycle hooks for Amazon ECS service deployments").
   */
  public List<Stage> timeline(NativeDeployment d) {
    List<String> names = new ArrayList<>();
    if (d != null && RECONCILE.equals(d.lifecycleStage())) {
      names.add(RECONCILE);
    }
    for (String s : STAGES) {
      if (!s.equals(PRE_PRODUCTION) || config.pauseStages().contains(PRE_PRODUCTION)) {
        names.add(s);
      }
    }
    int at = d == null ? -1 : currentIndex(d, names);
    List<Stage> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(new Stage(names.get(i), state(d, i, at)));
    }
    return out;
  }

  private int currentIndex(NativeDeployment d, List<String> names) {
    if ("SUCCESSFUL".equals(d.status())) {
      return names.size();
    }
    int at = names.indexOf(d.lifecycleStage());
    boolean timedOut = d.hooks().stream().anyMatch(h -> "TIMED_OUT".equals(h.status()));
    if (d.pausedAt().isPresent() || timedOut) {
      // paused (or ended by the pause's timeout) on a hook of a later stage than the one ECS reports
      for (int i = Math.max(at, 0); i < names.size(); i++) {
        if (config.pauseStages().contains(names.get(i))) {
          return i;
        }
      }
    }
    return at;
  }

  private static StageState state(NativeDeployment d, int i, int at) {
    if (d == null || at < 0 || i > at) {
      return StageState.PENDING;
    }
    if (i < at) {
      return StageState.DONE;
    }
    if (d.terminal() || d.rollingBack()) {
      return StageState.ENDED;
    }
    return d.pausedAt().isPresent() ? StageState.PAUSED : StageState.CURRENT;
  }
}
