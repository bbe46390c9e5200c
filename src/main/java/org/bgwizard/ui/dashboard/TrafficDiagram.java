package org.bgwizard.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.TaskSetView;
import org.bgwizard.deploy.TrafficView;
import org.bgwizard.ui.common.Messages;

/**
 * The traffic as a picture: the load balancer, its listeners, arrows weighted by the listener's forward weights to
 * the target groups (with their targets' health), and the task set registered in each group. The same drawing
 * serves whatever moves the weights; it is redrawn from each snapshot.
 */
final class TrafficDiagram {
  private static final double ROW = 78;
  private static final double TOP = 26;
  private static final double LB_X = 0;
  private static final double LB_W = 90;
  private static final double LISTENER_X = 115;
  private static final double LISTENER_W = 205;
  private static final double LISTENER_H = 44;
  private static final double TG_X = 420;
  private static final double TG_W = 200;
  private static final double BOX_H = 62;
  private static final double SET_X = 650;
  private static final double SET_W = 380;
  private static final double BAR_WIDTH = 110;
  private static final String BLUE = "#2f6fdb";
  private static final String GREEN = "#2e9e4f";
  private static final String IDLE = "#8c959f";
  private static final String RED = "#d1242f";
  private static final String AMBER = "#bf8700";

  private TrafficDiagram() {}

  static List<Node> of(DeploymentSnapshot s, Messages m) {
    List<TrafficView.Route> routes = s.traffic().routes();
    List<String> groups = targetGroups(s);
    int rows = Math.max(1, Math.max(routes.size(), groups.size()));
    Pane pane = new Pane();
    pane.setId("trafficDiagram");
    double height = TOP + 8 + rows * ROW - (ROW - BOX_H);
    pane.setPrefSize(SET_X + SET_W + 4, height);
    pane.setMinSize(SET_X + SET_W + 4, height);

    Label lb = box(m.get("dashboard.diagram.loadBalancer"), IDLE);
    place(lb, LB_X, TOP, LB_W, height - TOP - 8);
    pane.getChildren().add(lb);
    heading(pane, m.get("dashboard.diagram.listeners"), LISTENER_X);
    heading(pane, m.get("dashboard.diagram.targetGroups"), TG_X);
    if (s.ecsNative() == null) {
      heading(pane, m.get("dashboard.diagram.taskSets"), SET_X); // an ECS-controlled service has no task sets
    }
    for (int i = 0; i < routes.size(); i++) {
      TrafficView.Route r = routes.get(i);
      double y = rowY(i) + (BOX_H - LISTENER_H) / 2;
      pane.getChildren().add(0, line(LB_X + LB_W, y + LISTENER_H / 2, LISTENER_X, y + LISTENER_H / 2, IDLE, 1.5,
          false));
      Label listener = box(m.format("dashboard.listener", r.role().equals("Production")
          ? m.get("dashboard.production") : m.get("dashboard.test"), r.port()), IDLE);
      place(listener, LISTENER_X, y, LISTENER_W, LISTENER_H);
      pane.getChildren().add(listener);
      arrows(pane, s, r, y + LISTENER_H / 2, groups);
    }
    for (int j = 0; j < groups.size(); j++) {
      String tg = groups.get(j);
      TaskSetView set = taskSetOf(s, tg);
      Node group = targetGroup(tg, s.traffic().health().getOrDefault(tg, List.of()), color(set), m);
      place((Region) group, TG_X, rowY(j), TG_W, BOX_H);
      pane.getChildren().add(group);
      if (set != null) {
        pane.getChildren().add(0, line(TG_X + TG_W, rowY(j) + BOX_H / 2, SET_X, rowY(j) + BOX_H / 2, color(set), 2,
            false));
        Region box = taskSet(set, m);
        place(box, SET_X, rowY(j), SET_W, BOX_H);
        pane.getChildren().add(box);
      }
    }
    return List.of(pane);
  }

  /** Every target group a listener forwards to or a task set registers in, in name order (tg-1 above tg-2). */
  private static List<String> targetGroups(DeploymentSnapshot s) {
    var names = new TreeSet<String>();
    s.traffic().routes().forEach(r -> names.addAll(r.weights().keySet()));
    if (s.current() != null) {
      s.current().taskSets().forEach(t -> names.add(t.targetGroup()));
    }
    return new ArrayList<>(names);
  }

  private static void arrows(Pane pane, DeploymentSnapshot s, TrafficView.Route r, double fromY, List<String> groups) {
    int total = r.weights().values().stream().mapToInt(Integer::intValue).sum();
    for (Map.Entry<String, Integer> w : r.weights().entrySet()) {
      int percent = total == 0 ? 0 : Math.round(w.getValue() * 100f / total);
      double toY = rowY(groups.indexOf(w.getKey())) + BOX_H / 2 + (r.role().equals("Production") ? -8 : 8);
      String color = percent > 0 ? color(taskSetOf(s, w.getKey())) : IDLE;
      double x1 = LISTENER_X + LISTENER_W;
      double x2 = TG_X;
      pane.getChildren().add(0, line(x1, fromY, x2 - 8, toY, color, percent > 0 ? 1.5 + percent / 25.0 : 1,
          percent == 0));
      pane.getChildren().add(head(x2, toY, x1, fromY, color));
      Label weight = new Label(percent + "%");
      weight.getStyleClass().add("diagram-weight");
      weight.setStyle("-fx-padding: 0 3; -fx-font-weight: bold;");
      if (percent > 0) {
        weight.setId("route-" + r.role() + "-" + w.getKey());
      }
      // near the target group, where the arrows to the two groups have parted, just above the arrow
      weight.relocate(x1 + (x2 - x1) * 0.72 - 16, fromY + (toY - fromY) * 0.72 - 19);
      pane.getChildren().add(weight);
    }
  }

  private static Node targetGroup(String name, List<TrafficView.TargetHealth> health, String color, Messages m) {
    long healthy = health.stream().filter(h -> h.state().equals("healthy")).count();
    HBox dots = new HBox(3);
    dots.setAlignment(Pos.CENTER_LEFT);
    for (TrafficView.TargetHealth h : health) {
      Circle dot = new Circle(5);
      dot.setStyle("-fx-fill: " + (h.state().equals("healthy") ? GREEN
          : h.state().equals("unhealthy") ? RED : AMBER) + ";");
      dot.getStyleClass().add("health-" + h.state());
      dots.getChildren().add(dot);
    }
    Label state = new Label(health.isEmpty() ? m.get("dashboard.diagram.noTargets")
        : m.format("dashboard.diagram.health", healthy, health.size()));
    dots.getChildren().add(state);
    Label title = new Label(name);
    title.setStyle("-fx-font-weight: bold;");
    VBox box = new VBox(4, title, dots);
    box.setId("tg-" + name);
    frame(box, color);
    return box;
  }

  private static Region taskSet(TaskSetView t, Messages m) {
    boolean blue = t.label().equals("Blue");
    Label name = new Label(m.get(blue ? "dashboard.blue" : "dashboard.green"));
    name.setStyle("-fx-font-weight: bold;");
    Label status = new Label(t.status());
    Label counts = new Label(m.format("dashboard.diagram.tasks", t.running(), t.desired()));
    Region filled = new Region();
    filled.setPrefSize(BAR_WIDTH * t.trafficWeight() / 100, 12);
    filled.setMinWidth(Region.USE_PREF_SIZE);
    filled.setStyle("-fx-background-color: " + color(t) + ";");
    Region rest = new Region();
    rest.setPrefSize(BAR_WIDTH * (100 - t.trafficWeight()) / 100, 12);
    rest.setMinWidth(Region.USE_PREF_SIZE);
    rest.setStyle("-fx-background-color: transparent; -fx-border-color: " + IDLE + ";");
    HBox bar = new HBox(filled, rest);
    bar.setId("bar-" + t.label());
    Label weight = new Label(String.format("%.0f%%", t.trafficWeight()));
    weight.setId("weight-" + t.label());
    weight.setMinWidth(Region.USE_PREF_SIZE);
    counts.setMinWidth(Region.USE_PREF_SIZE);
    HBox traffic = new HBox(8, bar, weight, counts);
    traffic.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(3, new HBox(10, name, status), traffic);
    box.setId("taskset-" + t.label());
    frame(box, color(t));
    return box;
  }

  private static void heading(Pane pane, String text, double x) {
    Label label = new Label(text);
    label.setStyle("-fx-text-fill: " + IDLE + ";");
    label.relocate(x, 0);
    pane.getChildren().add(label);
  }

  private static String color(TaskSetView set) {
    return set == null ? IDLE : set.label().equals("Blue") ? BLUE : GREEN;
  }

  private static TaskSetView taskSetOf(DeploymentSnapshot s, String targetGroup) {
    return s.current() == null ? null : s.current().taskSets().stream()
        .filter(t -> t.targetGroup().equals(targetGroup)).findFirst().orElse(null);
  }

  private static Label box(String text, String color) {
    Label label = new Label(text);
    label.setAlignment(Pos.CENTER);
    label.setWrapText(true);
    frame(label, color);
    return label;
  }

  private static void frame(Region region, String color) {
    region.setStyle("-fx-border-color: " + color + "; -fx-border-width: 2; -fx-border-radius: 6; -fx-padding: 6 10;");
  }

  private static void place(Region region, double x, double y, double w, double h) {
    region.relocate(x, y);
    region.setPrefSize(w, h);
    region.setMinSize(w, h);
    region.setMaxSize(w, h);
  }

  private static double rowY(int row) {
    return TOP + Math.max(0, row) * ROW;
  }

  private static Line line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
    Line line = new Line(x1, y1, x2, y2);
    line.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: " + width + ";"
        + (dashed ? " -fx-stroke-dash-array: 6 4;" : ""));
    return line;
  }

  /** An arrowhead at (x, y) pointing away from (fromX, fromY). */
  private static Polygon head(double x, double y, double fromX, double fromY, String color) {
    double angle = Math.atan2(y - fromY, x - fromX);
    double size = 10;
    Polygon head = new Polygon(x, y,
        x - size * Math.cos(angle - 0.4), y - size * Math.sin(angle - 0.4),
        x - size * Math.cos(angle + 0.4), y - size * Math.sin(angle + 0.4));
    head.setStyle("-fx-fill: " + color + ";");
    return head;
  }
}
