package org.bgwizard.ui.dashboard;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.TaskSetView;
import org.bgwizard.deploy.TrafficView;
import org.bgwizard.ui.common.Messages;

/** Listener boxes with arrows to target groups, a blue/green weight bar per task set, a health dot per target. */
final class TrafficDiagram {
  private static final double BAR_WIDTH = 260;

  private TrafficDiagram() {}

  static List<Node> of(DeploymentSnapshot s, Messages m) {
    VBox routes = new VBox(6);
    for (TrafficView.Route r : s.traffic().routes()) {
      HBox row = new HBox(8);
      row.setAlignment(Pos.CENTER_LEFT);
      Label listener = new Label(m.format("dashboard.listener", r.role().equals("Production")
          ? m.get("dashboard.production") : m.get("dashboard.test"), r.port()));
      listener.getStyleClass().add("listener-box");
      listener.setPadding(new Insets(4, 8, 4, 8));
      listener.setStyle("-fx-border-color: #8c959f; -fx-border-radius: 4;");
      row.getChildren().add(listener);
      int total = r.weights().values().stream().mapToInt(Integer::intValue).sum();
      r.weights().forEach((tg, w) -> {
        if (w > 0) {
          Label arrow = new Label("→ " + tg + " " + Math.round(w * 100.0 / total) + "%  " + label(s, tg, m));
          arrow.setId("route-" + r.role() + "-" + tg);
          row.getChildren().add(arrow);
        }
      });
      routes.getChildren().add(row);
    }
    VBox sets = new VBox(6);
    if (s.current() != null) {
      for (TaskSetView t : s.current().taskSets()) {
        sets.getChildren().add(taskSet(t, s, m));
      }
    }
    return List.of(routes, sets);
  }

  private static String label(DeploymentSnapshot s, String targetGroup, Messages m) {
    if (s.current() == null) {
      return "";
    }
    return s.current().taskSets().stream().filter(t -> t.targetGroup().equals(targetGroup)).findFirst()
        .map(t -> m.get(t.label().equals("Blue") ? "dashboard.blue" : "dashboard.green")).orElse("");
  }

  private static Node taskSet(TaskSetView t, DeploymentSnapshot s, Messages m) {
    boolean blue = t.label().equals("Blue");
    String color = blue ? "#2f6fdb" : "#2e9e4f";
    Label name = new Label(m.get(blue ? "dashboard.blue" : "dashboard.green") + "  " + t.targetGroup());
    name.setMinWidth(250);
    Region filled = new Region();
    filled.setPrefSize(BAR_WIDTH * t.trafficWeight() / 100, 14);
    filled.setMinWidth(Region.USE_PREF_SIZE);
    filled.setStyle("-fx-background-color: " + color + ";");
    Region rest = new Region();
    rest.setPrefSize(BAR_WIDTH * (100 - t.trafficWeight()) / 100, 14);
    rest.setMinWidth(Region.USE_PREF_SIZE);
    rest.setStyle("-fx-background-color: #eaeef2; -fx-border-color: #d0d7de;");
    HBox bar = new HBox(filled, rest);
    bar.setId("bar-" + t.label());
    Label weight = new Label(String.format("%.0f%%", t.trafficWeight()));
    weight.setId("weight-" + t.label());
    Label counts = new Label(m.format("dashboard.tasks", t.running(), t.desired(), t.status()));
    HBox dots = new HBox(3);
    for (TrafficView.TargetHealth h : s.traffic().health().getOrDefault(t.targetGroup(), List.of())) {
      Circle dot = new Circle(5);
      dot.setStyle("-fx-fill: " + (h.state().equals("healthy") ? "#2e9e4f"
          : h.state().equals("unhealthy") ? "#d1242f" : "#bf8700") + ";");
      dot.getStyleClass().add("health-" + h.state());
      dots.getChildren().add(dot);
    }
    HBox row = new HBox(10, name, bar, weight, counts, dots);
    HBox.setHgrow(counts, Priority.SOMETIMES);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }
}
