package org.bgwizard.ui.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
import org.bgwizard.aws.SimulatedAccount;
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
  /** The longest summary an approval's answer takes (CodePipeline API Reference, ApprovalResult). */
  private static final int MAX_SUMMARY = 512;
  private static final String[] COLUMNS = {"environment", "commit", "image", "pipeline", "deployment", "approval",
      "promote", "open"};

  private final Stage stage;
  private final SetupSpec spec;
  private final Session session;
  private Messages messages;
  private final Dialogs dialogs;
  private final BackgroundExecutor background;
  private final OpenDashboards dashboards;
  private final Consumer<URI> browser;
  private final List<EnvironmentRow> rows = new ArrayList<>();
  private final List<Monitoring> monitors = new ArrayList<>();
  private final Optional<SimulatedAccount> simulated;
  private final ObservableList<SimulatedAccount.Mail> inbox = FXCollections.observableArrayList();
  private final BooleanProperty promoting = new SimpleBooleanProperty(this, "promoting");
  /** The listeners the current view put on the rows, removed when a language switch rebuilds it. */
  private final List<Runnable> unbind = new ArrayList<>();

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
    this.simulated = session.simulated();
    Environments.expand(spec).forEach(e -> rows.add(new EnvironmentRow(e)));
  }

  /** Opens the overview of {@code spec}'s environments and starts one monitor per environment. */
  public static EnvironmentsOverview open(SetupSpec spec, Session session, Messages messages, Dialogs dialogs,
      BackgroundExecutor background, OpenDashboards dashboards, Consumer<URI> browser) {
    var overview = new EnvironmentsOverview(new Stage(), spec, session, messages, dialogs, background, dashboards,
        browser);
    overview.show();
    dashboards.track(overview);
    return overview;
  }

  public Stage stage() {
    return stage;
  }

  public List<EnvironmentRow> rows() {
    return List.copyOf(rows);
  }

  /** Reads every environment and the inbox again now, in the background (as each monitor's next round would). */
  public void refresh() {
    background.submit(BackgroundTask.of(() -> {
      var snapshots = new ArrayList<org.bgwizard.deploy.DeploymentSnapshot>();
      for (Monitoring m : monitors) {
        snapshots.add(m.monitor().refreshNow());
      }
      return java.util.Map.entry(snapshots, Optional.ofNullable(readInbox()));
    }).onSuccess(result -> {
      for (int i = 0; i < result.getKey().size(); i++) {
        rows.get(i).snapshot().set(result.getKey().get(i));
      }
      result.getValue().ifPresent(this::showInbox);
    }));
  }

  /** The mails of the simulated inbox, newest first; empty when not on the simulated account. */
  public List<SimulatedAccount.Mail> inbox() {
    return List.copyOf(inbox);
  }

  /** The same window in another language: the view is rebuilt over the same rows; the monitors go on. */
  public void relocalize(Messages messages) {
    this.messages = messages;
    stage.setTitle(messages.format("overview.title", spec.name()));
    stage.getScene().setRoot(view());
  }

  private void show() {
    stage.setTitle(messages.format("overview.title", spec.name()));
    var scene = new Scene(view(), 1260, 220 + 56 * rows.size() + (simulated.isPresent() ? 430 : 0));
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
    stage.setScene(scene);
    stage.setOnHidden(e -> monitors.forEach(Monitoring::close));
    stage.show();
    for (EnvironmentRow row : rows) {
      Monitoring monitoring = session.monitor(row.target(), messages.locale());
      monitors.add(monitoring);
      monitoring.monitor().onSnapshot(s -> {
        List<SimulatedAccount.Mail> mails = readInbox();
        Platform.runLater(() -> {
          row.snapshot().set(s);
          showInbox(mails);
        });
      });
      monitoring.monitor().start();
    }
  }

  /** The simulated inbox newest first, read off the FX thread; null when there is none or it cannot be read. */
  private List<SimulatedAccount.Mail> readInbox() {
    if (simulated.isEmpty()) {
      return null;
    }
    try {
      var mails = new ArrayList<>(simulated.get().inbox());
      java.util.Collections.reverse(mails);
      return mails;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void showInbox(List<SimulatedAccount.Mail> mails) {
    if (mails != null && !mails.equals(inbox)) {
      inbox.setAll(mails);
    }
  }

  private BorderPane view() {
    unbind.forEach(Runnable::run);
    unbind.clear();
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
    for (int c = 0, column = 0; c < COLUMNS.length; c++) {
      var header = new Label(messages.get("overview.column." + COLUMNS[c]));
      header.getStyleClass().add("field-label");
      header.setMinWidth(Region.USE_PREF_SIZE);
      // the approval's state and its answer (reason, Approve, Reject) are two columns under one header
      int span = COLUMNS[c].equals("approval") ? 2 : 1;
      grid.add(header, column, 0, span, 1);
      column += span;
    }
    for (int i = 0; i < rows.size(); i++) {
      addRow(grid, i, rows.get(i));
    }
    var scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setMinHeight(Region.USE_PREF_SIZE);
    // the rows take what they need; the inbox (the mail's text) takes the rest of the window
    var center = new VBox(12, scroll);
    if (simulated.isPresent()) {
      var pane = inboxPane();
      VBox.setVgrow(pane, Priority.ALWAYS);
      center.getChildren().add(pane);
    }
    var root = new BorderPane(center);
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
    name.setMinWidth(Region.USE_PREF_SIZE);
    var commit = label("overviewCommit", id);
    var image = label("overviewImage", id);
    var pipeline = label("overviewPipeline", id);
    var deployment = label("overviewDeployment", id);
    var approvalText = label("overviewApproval", id);
    var reason = reasonField(id);
    var approve = new Button(messages.get("dashboard.action.approve"));
    approve.setMinWidth(Region.USE_PREF_SIZE);
    approve.setId("overviewApprove-" + id);
    approve.setOnAction(e -> confirmThenRun(row, Action.APPROVE, reason));
    var reject = new Button(messages.get("dashboard.action.reject"));
    reject.setMinWidth(Region.USE_PREF_SIZE);
    reject.setId("overviewReject-" + id);
    reject.setOnAction(e -> confirmThenRun(row, Action.REJECT, reason));
    var approval = new HBox(8, reason, approve, reject);
    approval.setAlignment(Pos.CENTER_LEFT);
    Node promote = promoteCell(index, row);
    var open = new Button(messages.get("overview.open"));
    open.setMinWidth(Region.USE_PREF_SIZE);
    open.setId("overviewOpen-" + id);
    open.setTooltip(new Tooltip(messages.format("overview.open.tip", row.target().displayName())));
    open.setOnAction(e -> openDashboard(row));
    Node[] cells = {name, commit, image, pipeline, deployment, approvalText, approval, promote, open};
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
      reason.setDisable(!waiting);
      String problem = row.readProblem();
      name.setTooltip(problem.isEmpty() ? null : new Tooltip(problem));
    };
    javafx.beans.value.ChangeListener<Object> listener = (o, was, now) -> refresh.run();
    row.snapshot().addListener(listener);
    unbind.add(() -> row.snapshot().removeListener(listener));
    refresh.run();
  }

  /** Promotion to the next environment (the last environment has no next one). */
  private Node promoteCell(int index, EnvironmentRow row) {
    if (index + 1 >= rows.size()) {
      return new Label("");
    }
    var promotion = promotion(row);
    var promote = new Button(messages.format("overview.promote", rows.get(index + 1).name()));
    promote.setMinWidth(Region.USE_PREF_SIZE);
    promote.setId("overviewPromote-" + row.name());
    var tip = new Tooltip(messages.format("overview.promote.tip", row.name(), rows.get(index + 1).name(),
        promotion.effect()));
    tip.setWrapText(true);
    tip.setMaxWidth(460);
    promote.setTooltip(tip);
    promote.disableProperty().bind(promoting);
    promote.setOnAction(e -> promote(row));
    return promote;
  }

  private OverviewPromotion promotion(EnvironmentRow row) {
    int index = rows.indexOf(row);
    return new OverviewPromotion(row.environment(), rows.get(index + 1).environment(), messages);
  }

  /**
   * Promotes {@code row}'s environment to the next one, after a confirmation saying what will happen; for a
   * repository behind a connection, says how to merge there and changes nothing. Runs in the background: A is read
   * afresh, and the promotion refused when its latest change has not deployed successfully.
   */
  public void promote(EnvironmentRow row) {
    var promotion = promotion(row);
    if (promotion.byHand()) {
      dialogs.info(stage, promotion.title(), promotion.title(), promotion.effect());
      return;
    }
    var question = new Dialogs.Question(promotion.title(), promotion.effect(), "",
        messages.get("overview.promote.confirm"), messages.get("dashboard.cancel"));
    if (!dialogs.confirm(stage, question)) {
      return;
    }
    promoting.set(true);
    DeploymentMonitor monitor = monitors.get(rows.indexOf(row)).monitor();
    background.submit(BackgroundTask.of(() -> promotion.run(monitor.refreshNow(), session.commits()))
        .onSuccess(outcome -> {
          if (outcome.done()) {
            dialogs.info(stage, promotion.title(), outcome.header(), outcome.details());
          } else {
            dialogs.error(stage, promotion.title(), outcome.header(), outcome.details());
          }
        })
        .onError(e -> dialogs.error(stage, promotion.title(), messages.get("overview.promote.failed"),
            String.valueOf(e.getMessage())))
        .andFinally(() -> promoting.set(false)));
  }

  /**
   * The simulated inbox (the simulated account sends no real mail): the mails newest first, the chosen one's text
   * below, and the recipients' part of e-mail subscriptions, labelled simulated.
   */
  private Node inboxPane() {
    var title = new Label(messages.get("overview.inbox.title"));
    title.getStyleClass().add("text-bold");
    var intro = new Label(messages.get("overview.inbox.intro"));
    intro.setWrapText(true);
    var confirm = new Button(messages.get("overview.inbox.confirm"));
    confirm.setId("overviewConfirmSubscriptions");
    var confirmTip = new Tooltip(messages.get("overview.inbox.confirm.tip"));
    confirmTip.setWrapText(true);
    confirmTip.setMaxWidth(420);
    confirm.setTooltip(confirmTip);
    confirm.setOnAction(e -> confirmSubscriptions(confirm));
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var heading = new HBox(10, title, spacer, confirm);
    heading.setAlignment(Pos.CENTER_LEFT);
    var zone = ZoneId.of("UTC");
    var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", messages.locale()).withZone(zone);
    var list = new ListView<SimulatedAccount.Mail>(inbox);
    list.setId("overviewInbox");
    list.setPlaceholder(new Label(messages.get("overview.inbox.empty")));
    list.setPrefHeight(130);
    list.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(SimulatedAccount.Mail mail, boolean empty) {
        super.updateItem(mail, empty);
        setText(empty || mail == null ? null : time.format(mail.at()) + "   "
            + messages.format("overview.inbox.to", mail.recipient()) + "   " + mail.subject());
      }
    });
    var body = new TextArea();
    body.setId("overviewInboxBody");
    body.setEditable(false);
    body.setWrapText(true);
    body.setPrefRowCount(6);
    Runnable show = () -> {
      var chosen = list.getSelectionModel().getSelectedItem();
      body.setText(chosen == null ? "" : chosen.body());
    };
    list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show.run());
    javafx.collections.ListChangeListener<SimulatedAccount.Mail> newest = c -> {
      if (list.getSelectionModel().getSelectedItem() == null && !inbox.isEmpty()) {
        list.getSelectionModel().select(0);
      }
    };
    inbox.addListener(newest);
    unbind.add(() -> inbox.removeListener(newest));
    if (!inbox.isEmpty()) {
      list.getSelectionModel().select(0);
    }
    var pane = new VBox(6, heading, intro, list, body);
    pane.setId("overviewInboxPane");
    list.setMinHeight(Region.USE_PREF_SIZE);
    VBox.setVgrow(body, Priority.ALWAYS);
    return pane;
  }

  /** The recipients' part of every pending e-mail subscription (simulated), then the inbox read again. */
  private void confirmSubscriptions(Button button) {
    var account = simulated.orElseThrow();
    button.setDisable(true);
    background.submit(BackgroundTask.of(() -> {
      List<String> confirmed = account.confirmEmailSubscriptions();
      return java.util.Map.entry(confirmed, readInbox());
    }).onSuccess(result -> {
      showInbox(result.getValue());
      dialogs.info(stage, messages.get("overview.inbox.title"),
          messages.format("overview.inbox.confirmed", result.getKey().size()), String.join("\n", result.getKey()));
    }).onError(e -> dialogs.error(stage, messages.get("overview.inbox.title"), messages.get("overview.inbox.failed"),
        String.valueOf(e.getMessage())))
        .andFinally(() -> button.setDisable(false)));
  }

  /**
   * The summary an approval's answer records (PutApprovalResult's ApprovalResult.summary, "Length Constraints:
   * Minimum length of 0. Maximum length of 512.", shown in the pipeline's history;
   * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ApprovalResult.html); longer input is not taken.
   */
  private TextField reasonField(String id) {
    var reason = new TextField();
    reason.setId("overviewReason-" + id);
    reason.setPromptText(messages.get("overview.reason.prompt"));
    reason.setPrefColumnCount(10);
    var tip = new Tooltip(messages.format("overview.reason.tip", MAX_SUMMARY));
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    reason.setTooltip(tip);
    reason.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().length() <= MAX_SUMMARY
        ? change : null));
    return reason;
  }

  private Label label(String prefix, String id) {
    var label = new Label();
    label.setId(prefix + "-" + id);
    label.setMinWidth(Region.USE_PREF_SIZE);
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

  private void confirmThenRun(EnvironmentRow row, Action action, TextField reason) {
    String key = "dashboard.action." + action.name().toLowerCase(java.util.Locale.ROOT);
    String summary = reason.getText().strip();
    var question = new Dialogs.Question(messages.format("overview.action.title", messages.get(key), row.name()),
        messages.get(key + ".effect"), summary.isEmpty() ? "" : messages.format("overview.reason.summary", summary),
        messages.get(key), messages.get("dashboard.cancel"));
    if (!dialogs.confirm(stage, question)) {
      return;
    }
    var snapshot = row.snapshot().get();
    DeploymentMonitor monitor = monitors.get(rows.indexOf(row)).monitor();
    background.submit(BackgroundTask.of(() -> {
      session.actions().perform(action, snapshot, summary.isEmpty() ? null : summary);
      return java.util.Map.entry(monitor.refreshNow(), java.util.Optional.ofNullable(readInbox()));
    }).onSuccess(result -> {
      reason.clear();
      row.snapshot().set(result.getKey());
      result.getValue().ifPresent(this::showInbox);
    })
        .onError(e -> dialogs.error(stage, messages.get(key), messages.get("dashboard.actionFailed"),
            String.valueOf(e.getMessage()))));
  }
}
