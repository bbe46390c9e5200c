package org.bgwizard.ui.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.session.Monitoring;
import org.bgwizard.session.Session;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;

/**
 * The environments of a setup side by side (issue 15): one row per environment, in promotion order, with the commit
 * and image it runs, its pipeline's and deployment's state, an approval waiting (Approve, Reject), promotion to the
 * next environment, and a button that opens the environment's own dashboard. Each row is read by its own deployment
 * monitor from the session, polling off the FX thread; closing the window stops them.
 */
public final class EnvironmentsOverview {
  private static final String[] COLUMNS = {"environment", "commit", "image", "pipeline", "deployment", "approval",
      "promote", "open"};

  private final Stage stage;
  private final SetupSpec spec;
  private final Session session;
  private final Messages messages;
  private final Dialogs dialogs;
  private final BackgroundExecutor background;
  private final OpenDashboards dashboards;
  private final Consumer<URI> browser;
  private final List<EnvironmentRow> rows = new ArrayList<>();
  private final List<Monitoring> monitors = new ArrayList<>();

  private EnvironmentsOverview(Stage stage, SetupSpec spec, Session session, Messages messages, Dialogs dialogs,
      BackgroundExecutor background, OpenDashboards dashboards, Consumer<URI> browser) {
    this.stage = stage;
    this.spec = spec;
    this.session = session;
    this.messages = messages;
    this.dialogs = dialogs;
    this.background = background;
    this.dashboards = dashboards;
    this.browser = browser;
    Environments.expand(spec).forEach(e -> rows.add(new EnvironmentRow(e)));
  }

  /** Opens the overview of {@code spec}'s environments and starts one monitor per environment. */
  public static EnvironmentsOverview open(SetupSpec spec, Session session, Messages messages, Dialogs dialogs,
      BackgroundExecutor background, OpenDashboards dashboards, Consumer<URI> browser) {
    var overview = new EnvironmentsOverview(new Stage(), spec, session, messages, dialogs, background, dashboards,
        browser);
    overview.show();
    return overview;
  }

  public Stage stage() {
    return stage;
  }

  public List<EnvironmentRow> rows() {
    return List.copyOf(rows);
  }

  private void show() {
    stage.setTitle(messages.format("overview.title", spec.name()));
    var scene = new Scene(view(), 1180, 220 + 56 * rows.size());
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
    stage.setScene(scene);
    stage.setOnHidden(e -> monitors.forEach(Monitoring::close));
    stage.show();
    for (EnvironmentRow row : rows) {
      Monitoring monitoring = session.monitor(row.target(), messages.locale());
      monitors.add(monitoring);
      monitoring.monitor().onSnapshot(s -> Platform.runLater(() -> row.snapshot().set(s)));
      monitoring.monitor().start();
    }
  }

  private BorderPane view() {
    var heading = new Label(messages.format("overview.heading", spec.name()));
    heading.getStyleClass().add("title-3");
    var intro = new Label(messages.get("overview.intro"));
    intro.setWrapText(true);
    var top = new VBox(8, heading, intro);
    if (session.simulated().isPresent()) {
      var simulated = new Label(messages.get("dashboard.simulated"));
      simulated.setId("simulatedLabel");
      simulated.setStyle("-fx-background-color: #bf8700; -fx-text-fill: white; -fx-padding: 2 8; -fx-font-weight: bold;");
      top.getChildren().add(1, simulated);
    }
    var grid = new GridPane();
    grid.setId("overviewGrid");
    grid.setHgap(14);
    grid.setVgap(10);
    for (int c = 0; c < COLUMNS.length; c++) {
      var header = new Label(messages.get("overview.column." + COLUMNS[c]));
      header.getStyleClass().add("field-label");
      grid.add(header, c, 0);
    }
    for (int i = 0; i < rows.size(); i++) {
      addRow(grid, i, rows.get(i));
    }
    var root = new BorderPane(new ScrollPane(grid));
    ((ScrollPane) root.getCenter()).setFitToWidth(true);
    root.setTop(top);
    BorderPane.setMargin(top, new Insets(0, 0, 12, 0));
    root.setPadding(new Insets(16));
    root.getStyleClass().add("overview");
    return root;
  }

  private void addRow(GridPane grid, int index, EnvironmentRow row) {
    String id = row.name();
    var name = new Label(row.name());
    name.getStyleClass().add("text-bold");
    var commit = label("overviewCommit", id);
    var image = label("overviewImage", id);
    var pipeline = label("overviewPipeline", id);
    var deployment = label("overviewDeployment", id);
    var approvalText = label("overviewApproval", id);
    var approve = new Button(messages.get("dashboard.action.approve"));
    approve.setId("overviewApprove-" + id);
    approve.setOnAction(e -> confirmThenRun(row, Action.APPROVE));
    var reject = new Button(messages.get("dashboard.action.reject"));
    reject.setId("overviewReject-" + id);
    reject.setOnAction(e -> confirmThenRun(row, Action.REJECT));
    var approval = new HBox(8, approvalText, approve, reject);
    approval.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    Node promote = promoteCell(index, row);
    var open = new Button(messages.get("overview.open"));
    open.setId("overviewOpen-" + id);
    open.setTooltip(new Tooltip(messages.format("overview.open.tip", row.target().displayName())));
    open.setOnAction(e -> openDashboard(row));
    Node[] cells = {name, commit, image, pipeline, deployment, approval, promote, open};
    for (int c = 0; c < cells.length; c++) {
      grid.add(cells[c], c, index + 1);
    }
    Runnable refresh = () -> {
      var s = row.snapshot().get();
      commit.setText(orDash(row.commit()));
      image.setText(orDash(row.image()));
      pipeline.setText(s == null ? messages.get("dashboard.connecting") : orDash(row.pipelineStatus()));
      deployment.setText(orDash(row.deploymentStatus()));
      boolean waiting = row.approvalWaiting();
      approvalText.setText(messages.get(waiting ? "overview.approval.waiting" : "overview.approval.none"));
      approve.setDisable(!waiting);
      reject.setDisable(!waiting);
      String problem = row.readProblem();
      name.setTooltip(problem.isEmpty() ? null : new Tooltip(problem));
    };
    row.snapshot().addListener((o, was, now) -> refresh.run());
    refresh.run();
  }

  /**
   * Promotion to the next environment: the command line's {@code deploy promote} does it; the button says so,
   * in its holder's tooltip (a disabled button shows none). The last environment has no next one.
   */
  private Node promoteCell(int index, EnvironmentRow row) {
    if (index + 1 >= rows.size()) {
      return new Label("");
    }
    String next = rows.get(index + 1).name();
    var promote = new Button(messages.format("overview.promote", next));
    promote.setId("overviewPromote-" + row.name());
    promote.setDisable(true);
    var holder = new Label();
    holder.setId("overviewPromote-" + row.name() + "Holder");
    holder.setGraphic(promote);
    var tip = new Tooltip(messages.format("overview.promote.cli", spec.name(), row.name(), next));
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    holder.setTooltip(tip);
    return holder;
  }

  private Label label(String prefix, String id) {
    var label = new Label();
    label.setId(prefix + "-" + id);
    return label;
  }

  private String orDash(String text) {
    return text == null || text.isEmpty() ? "—" : text;
  }

  /** The environment's own dashboard (brought to the front when it is open already). */
  public void openDashboard(EnvironmentRow row) {
    dashboards.open(row.target(), () -> Dashboards.openDashboard(row.target(), session, messages, dialogs,
        background, browser));
  }

  private void confirmThenRun(EnvironmentRow row, Action action) {
    String key = "dashboard.action." + action.name().toLowerCase(java.util.Locale.ROOT);
    var question = new Dialogs.Question(messages.format("overview.action.title", messages.get(key), row.name()),
        messages.get(key + ".effect"), "", messages.get(key), messages.get("dashboard.cancel"));
    if (!dialogs.confirm(stage, question)) {
      return;
    }
    var snapshot = row.snapshot().get();
    DeploymentMonitor monitor = monitors.get(rows.indexOf(row)).monitor();
    background.submit(BackgroundTask.of(() -> {
      session.actions().perform(action, snapshot);
      return monitor.refreshNow();
    }).onSuccess(row.snapshot()::set)
        .onError(e -> dialogs.error(stage, messages.get(key), messages.get("dashboard.actionFailed"),
            String.valueOf(e.getMessage()))));
  }
}
