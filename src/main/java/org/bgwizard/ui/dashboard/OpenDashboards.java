package org.bgwizard.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.ui.common.Messages;

/**
 * The dashboards open in this app, one window per deployment group (or ECS built-in blue/green service): opening a group's dashboard again brings its
 * window to the front. They follow the wizard's language and close with it. FX thread only.
 */
public final class OpenDashboards {
  private final Map<String, DashboardWindow> open = new LinkedHashMap<>();
  private final List<EnvironmentsOverview> overviews = new ArrayList<>();

  /** The window of {@code target}'s group if one is open (brought to the front), else the one {@code opener} opens. */
  public DashboardWindow open(DeploymentTarget target, Supplier<DashboardWindow> opener) {
    String key = (target.isNative() ? "ecs:" : "codedeploy:") + target.displayName();
    DashboardWindow existing = open.get(key);
    if (existing != null && existing.stage().isShowing()) {
      existing.stage().toFront();
      existing.stage().requestFocus();
      return existing;
    }
    DashboardWindow made = opener.get();
    open.put(key, made);
    made.stage().showingProperty().addListener((o, was, showing) -> {
      if (!showing) {
        open.remove(key, made);
      }
    });
    return made;
  }

  /** An environments overview that follows the language and closes with the others, until it is closed. */
  public void track(EnvironmentsOverview overview) {
    overviews.add(overview);
    overview.stage().showingProperty().addListener((o, was, showing) -> {
      if (!showing) {
        overviews.remove(overview);
      }
    });
  }

  public void relocalize(Messages messages) {
    open.values().forEach(w -> w.relocalize(messages));
    new ArrayList<>(overviews).forEach(o -> o.relocalize(messages));
  }

  public void closeAll() {
    new ArrayList<>(open.values()).forEach(w -> w.stage().close());
    new ArrayList<>(overviews).forEach(o -> o.stage().close());
  }

  public int count() {
    return open.size();
  }
}
