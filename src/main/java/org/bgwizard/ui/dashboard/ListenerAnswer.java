package org.bgwizard.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.ListenerTargets;
import org.bgwizard.deploy.TrafficView;
import org.bgwizard.ui.common.Messages;

/** In words, which task set would answer a listener: the simulated account's stand-in for opening its URL. */
final class ListenerAnswer {
  private ListenerAnswer() {}

  static String header(TrafficView.Route route, Messages m) {
    return m.format("dashboard.urlState.header", route.url() == null ? ":" + route.port() : route.url().toString(),
        m.get(route.role().equals("Production") ? "dashboard.production" : "dashboard.test").toLowerCase(m.locale()));
  }

  static String details(DeploymentSnapshot s, TrafficView.Route route, Messages m) {
    List<String> lines = new ArrayList<>();
    for (ListenerTargets.Target t : ListenerTargets.of(s, route)) {
      String label = t.label() == null ? "" : m.get(t.label().equals("Blue") ? "dashboard.blue" : "dashboard.green");
      lines.add(m.format("dashboard.urlState.target", t.targetGroup(), t.percent(), label));
      if (t.taskSet() == null) {
        lines.add("    " + m.get("dashboard.urlState.noTaskSet"));
      } else {
        var set = t.taskSet();
        lines.add("    " + m.format("dashboard.urlState.taskSet", set.taskDefinitionName(), set.running(),
            set.desired()));
        set.images().forEach(image -> lines.add("    " + m.format("dashboard.urlState.image", image)));
      }
      long healthy = t.health().stream().filter(h -> h.state().equals("healthy")).count();
      lines.add("    " + m.format("dashboard.urlState.health", healthy, t.health().size()));
    }
    if (lines.isEmpty()) {
      lines.add(m.get("dashboard.urlState.nothing"));
    }
    return String.join("\n", lines);
  }
}
