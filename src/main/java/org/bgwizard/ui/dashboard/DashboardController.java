package org.bgwizard.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.DeploymentView;
import org.bgwizard.deploy.PipelineView;
import org.bgwizard.deploy.Practice;
import org.bgwizard.deploy.SnapshotPresenter;
import org.bgwizard.deploy.TrafficView;
import org.bgwizard.deploy.Verdict;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;

/**
 * Shows the model's snapshot and runs the actions and practice releases, each after a confirmation that says what
 * happens to traffic; opens the listeners' URLs, or on the simulated account says which task set would answer.
 */
public final class DashboardController {
  /** A broken practice release: its tasks start but fail the target group's health checks. */
  static final Practice.Behaviour BROKEN = Practice.Behaviour.UNHEALTHY;
  private static final SnapshotPresenter PARTS = new SnapshotPresenter("HH:mm:ss");
  private final DashboardModel model;
  private final Messages messages;
  private final Dialogs dialogs;
  private final BackgroundExecutor background;
  private final DashboardServices services;

  @FXML Label simulatedLabel;
  @FXML HBox speedBox;
  @FXML Label refreshedLabel;
  @FXML Label connectionLabel;
  @FXML Label pipelineLabel;
  @FXML Label deploymentLabel;
  @FXML Label countdownLabel;
  @FXML VBox trafficBox;
  @FXML ListView<String> eventsList;
  @FXML ListView<String> stoppedList;
  @FXML ListView<String> serviceEventsList;
  @FXML ListView<String> historyList;
  @FXML Button releaseButton;
  @FXML Button approveButton;
  @FXML Button rejectButton;
  @FXML Button rerouteButton;
  @FXML Button terminateButton;
  @FXML Button rollbackButton;
  @FXML Button migrateButton;
  @FXML Button productionUrlButton;
  @FXML Button testUrlButton;
  @FXML FlowPane practiceBox;
  @FXML Label noticeLabel;
  @FXML Label nativeNoteLabel;
  @FXML Button practiceGoodButton;
  @FXML Button practiceBrokenButton;

  public DashboardController(DashboardModel model, Messages messages, Dialogs dialogs, BackgroundExecutor background,
      DashboardServices services) {
    this.model = model;
    this.messages = messages;
    this.dialogs = dialogs;
    this.background = background;
    this.services = services;
  }

  @FXML
  void initialize() {
    simulatedLabel.setVisible(model.simulated());
    simulatedLabel.setManaged(model.simulated());
    SpeedControl.install(speedBox, services.account(), messages, dialogs);
    bind(releaseButton, Action.RELEASE);
    bind(approveButton, Action.APPROVE);
    bind(rejectButton, Action.REJECT);
    Label reroute = bind(rerouteButton, Action.REROUTE);
    Label terminate = bind(terminateButton, Action.TERMINATE);
    bind(rollbackButton, Action.ROLLBACK);
    // ECS has no reroute or terminate call: the strategy moves traffic, the bake time ends the original
    boolean ecsNative = services.monitor().target().isNative();
    for (Label holder : List.of(reroute, terminate)) {
      holder.setVisible(!ecsNative);
      holder.setManaged(!ecsNative);
    }
    nativeNoteLabel.setVisible(ecsNative);
    nativeNoteLabel.setManaged(ecsNative);
    bindMigration(ecsNative);
    bindUrl(productionUrlButton, model.productionProperty());
    bindUrl(testUrlButton, model.testProperty());
    WrappingCells.install(stoppedList);
    WrappingCells.install(serviceEventsList);
    boolean practice = services.practice() != null;
    practiceBox.setVisible(practice);
    practiceBox.setManaged(practice);
    bindPractice(practiceGoodButton, "dashboard.practice.good", Practice.Behaviour.HEALTHY);
    bindPractice(practiceBrokenButton, "dashboard.practice.broken", BROKEN);
    model.snapshotProperty().addListener((o, was, s) -> show(s));
    model.nowProperty().addListener((o, was, now) -> countdowns());
    show(model.snapshotProperty().get());
  }

  /**
   * "Move to ECS blue/green…": only on the dashboard of a CodeDeploy setup opened with its file (a group picked from
   * the account has no setup file to rewrite, and an ecs-native setup has nothing to move).
   */
  private void bindMigration(boolean ecsNative) {
    SetupMigration migration = ecsNative ? null : services.migration();
    migrateButton.setVisible(migration != null);
    migrateButton.setManaged(migration != null);
    if (migration == null) {
      return;
    }
    var tip = new Tooltip(messages.format("dashboard.migrate.tooltip", migration.file()));
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    migrateButton.setTooltip(tip);
    migrateButton.setOnAction(e -> MigrationDialog.open(window(), messages, dialogs, background, migration));
  }

  /** Returns the label that holds the button (see {@link #explained}). */
  private Label bind(Button button, Action action) {
    button.disableProperty().bind(model.allowedProperty(action).not());
    button.setOnAction(e -> confirmAndRun(action));
    String effect = messages.get("dashboard.action." + action.name().toLowerCase(Locale.ROOT) + ".effect");
    Label holder = explained(button);
    model.snapshotProperty().addListener((o, was, s) -> explain(holder, action, effect));
    model.processingProperty().addListener((o, was, p) -> explain(holder, action, effect));
    explain(holder, action, effect);
    return holder;
  }

  /**
   * A disabled control shows no tooltip, so each action button sits in a label that carries it: what the action
   * does, or why it cannot be done now.
   */
  private static Label explained(Button button) {
    Pane bar = (Pane) button.getParent();
    int at = bar.getChildren().indexOf(button);
    Label holder = new Label();
    holder.setId(button.getId() + "Holder");
    holder.setMinWidth(Label.USE_PREF_SIZE);
    bar.getChildren().set(at, holder);
    holder.setGraphic(button);
    return holder;
  }

  private void explain(Label holder, Action action, String effect) {
    Verdict v = DeploymentActions.allowed(action, model.snapshotProperty().get());
    effect = effect(action, effect);
    String text = v.allowed() ? effect : model.processingProperty().get() ? messages.get("dashboard.why.busy")
        : messages.get("dashboard.why." + v.why().name());
    holder.setTooltip(new Tooltip(text));
    holder.getTooltip().setWrapText(true);
    holder.getTooltip().setMaxWidth(420);
  }

  private void confirmAndRun(Action action) {
    String key = "dashboard.action." + action.name().toLowerCase(Locale.ROOT);
    DeploymentSnapshot s = model.snapshotProperty().get();
    confirmThenRun(key, effect(action, messages.get(key + ".effect")), () -> services.actions().perform(action, s));
  }

  /** An ECS built-in blue/green deployment moves revisions, not task sets: its own words where they differ. */
  private String effect(Action action, String codeDeploy) {
    String key = "dashboard.native.action." + action.name().toLowerCase(Locale.ROOT) + ".effect";
    return services.monitor().target().isNative() && messages.bundle().containsKey(key) ? messages.get(key) : codeDeploy;
  }

  private void bindUrl(Button button, ReadOnlyObjectProperty<TrafficView.Route> route) {
    button.disableProperty().bind(route.isNull());
    route.addListener((o, was, r) -> button.setTooltip(r == null || r.url() == null ? null
        : new Tooltip(r.url().toString())));
    button.setOnAction(e -> open(route.get()));
  }

  /** A browser for a real account; on the simulated one nothing serves the URL, so say who would answer. */
  private void open(TrafficView.Route route) {
    if (!services.simulated() && route.url() != null) {
      services.browser().accept(route.url());
      return;
    }
    dialogs.info(window(), messages.format("dashboard.urlState.title", route.port()),
        ListenerAnswer.header(route, messages), ListenerAnswer.details(model.snapshotProperty().get(), route, messages));
  }

  private void bindPractice(Button button, String key, Practice.Behaviour behaviour) {
    button.disableProperty().bind(model.practiceReadyProperty().not());
    button.setOnAction(e -> {
      DeploymentTarget t = services.monitor().target();
      confirmThenRun(key, messages.format(key + ".effect", t.source().repository(), t.source().branch(),
          t.pipeline()), () -> services.practice().release(t.source().repository(), t.source().branch(),
          t.pipeline(), behaviour));
    });
  }

  /** Asks with the effect, then runs {@code work} in the background and refreshes at once. */
  private void confirmThenRun(String key, String effect, Runnable work) {
    var question = new Dialogs.Question(messages.get(key), effect, "", messages.get(key),
        messages.get("dashboard.cancel"));
    if (!dialogs.confirm(window(), question)) {
      return;
    }
    model.processingProperty().set(true);
    background.submit(BackgroundTask.of(() -> {
      work.run();
      return services.monitor().refreshNow();
    }).onSuccess(model::update)
        .onError(e -> dialogs.error(window(), messages.get(key), messages.get("dashboard.actionFailed"),
            String.valueOf(e.getMessage())))
        .andFinally(() -> model.processingProperty().set(false)));
  }

  private Window window() {
    return rerouteButton.getScene().getWindow();
  }

  private void show(DeploymentSnapshot s) {
    if (s == null) {
      refreshedLabel.setText(messages.get("dashboard.connecting"));
      return;
    }
    refreshedLabel.setText(messages.format("dashboard.refreshed", time(s.refreshedAt())));
    connectionLabel.setText(messages.get("dashboard.connection." + s.connection().kind().name().toLowerCase(
        Locale.ROOT)) + (s.connection().message().isEmpty() ? "" : ": " + s.connection().message()));
    pipelineLabel.setText(s.pipeline() == null ? messages.get(s.ecsNative() == null ? "dashboard.noPipeline" : "dashboard.noPipeline.native") : s.pipeline().name() + ":  "
        + String.join("  →  ", PARTS.stages(s.pipeline()))
        + (s.pipeline().approval() == null ? "" : "   " + messages.get("dashboard.approvalWaiting"))
        + (s.pipeline() == null || s.pipeline().failure() == null ? "" : "\n" + failure(s.pipeline().failure())));
    DeploymentView d = s.current();
    boolean ecsNative = s.ecsNative() != null;
    deploymentLabel.setText(ecsNative ? NativeParts.headline(s, PARTS, messages) : headline(s));
    notice(s);
    eventsList.getItems().setAll(ecsNative ? NativeParts.stages(s, PARTS, messages) : PARTS.events(d).stream()
        .map(e -> e.name() + "   " + e.status() + "   " + e.start() + " → " + e.end()).toList());
    if (ecsNative) {
      eventsList.scrollTo(Math.max(0, NativeParts.focus(s, PARTS) - 2));
    }
    trafficBox.getChildren().setAll(TrafficDiagram.of(s, messages));
    stoppedList.getItems().setAll(PARTS.stopped(s.service()).stream().map(t -> (t.at() == null
        ? messages.get("dashboard.stopping") : t.at()) + "  " + t.reason()
        + t.diagnosis().map(g -> "\n   " + messages.format("dashboard.diagnosis", g.row(), g.cause(), g.fix()))
            .orElse("")).toList());
    serviceEventsList.getItems().setAll(PARTS.serviceEvents(s.service()));
    historyList.getItems().setAll(ecsNative ? NativeParts.history(s, PARTS) : PARTS.history(s).stream()
        .map(h -> h.id() + "  " + h.status() + "  " + h.creator() + "  " + h.createdAt()).toList());
    countdowns();
  }

  private String failure(PipelineView.Failure f) {
    return messages.format("dashboard.pipelineFailed", f.stage(), f.action(), f.message() == null ? "" : f.message())
        + f.diagnosis().map(g -> "\n   " + messages.format("dashboard.diagnosis", g.row(), g.cause(), g.fix()))
        .orElse("");
  }

  /** The deployment, or after a rollback the stopped deployment and its rollback together. */
  private String headline(DeploymentSnapshot s) {
    DeploymentView d = s.current();
    if (d == null) {
      return messages.get("dashboard.noDeployment");
    }
    DeploymentView stopped = s.rolledBack();
    if (stopped != null) {
      return messages.format("dashboard.rolledBack", stopped.id(), stopped.status(), d.id(), d.status(),
          time(d.createdAt())) + (stopped.errorMessage() == null ? "" : "\n" + stopped.errorMessage());
    }
    return messages.format("dashboard.deployment", d.id(), d.status(), d.creator(), time(d.createdAt()))
        + (d.errorMessage() == null ? "" : "\n" + d.errorMessage());
  }

  /** A release queued behind the running deployment says so, and how to let it go on. */
  private void notice(DeploymentSnapshot s) {
    DeploymentView held = s.queuedBehind();
    String text = held == null ? "" : messages.format("dashboard.queued", held.id())
        + (held.waitingForTermination() ? " " + messages.get("dashboard.queued.terminate") : "");
    noticeLabel.setText(text);
    noticeLabel.setVisible(!text.isEmpty());
    noticeLabel.setManaged(!text.isEmpty());
  }

  private void countdowns() {
    DeploymentSnapshot s = model.snapshotProperty().get();
    Instant now = model.nowProperty().get();
    if (s != null && s.ecsNative() != null) {
      countdownLabel.setText(NativeParts.countdowns(s, now, messages));
      return;
    }
    if (s == null || s.current() == null) {
      countdownLabel.setText("");
      return;
    }
    StringBuilder text = new StringBuilder();
    if (s.current().rerouteDeadline() != null) {
      text.append(messages.format("dashboard.rerouteLeft", left(now, s.current().rerouteDeadline())));
    }
    if (s.current().terminationDeadline() != null) {
      text.append(messages.format("dashboard.terminationLeft", left(now, s.current().terminationDeadline())));
    }
    countdownLabel.setText(text.toString());
  }

  static String left(Instant now, Instant deadline) {
    Duration d = Duration.between(now, deadline);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  private static String time(Instant t) {
    return PARTS.time(t);
  }
}
