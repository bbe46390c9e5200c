package org.bgwizard.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.Progress;
import org.bgwizard.provision.steps.PlanStatus;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.session.Migration;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;

/**
 * "Move to ECS blue/green…" of a CodeDeploy setup's dashboard, owned by the dashboard and centred on it: the
 * migration's plan (every step, as {@code migrate FILE --to ecs-native} prints it), or why it cannot be made now (a
 * CodeDeploy deployment runs); after a confirmation the migration runs in the background with its progress, the
 * setup file is rewritten as the command does, and the dashboard of the migrated setup takes the old one's place.
 */
final class MigrationDialog {
  private final Stage stage = new Stage();
  private final Stage dashboard;
  private final Messages messages;
  private final Dialogs dialogs;
  private final BackgroundExecutor background;
  private final SetupMigration migration;
  private final Label statusLabel = new Label();
  private final ListView<String> stepsList = new ListView<>();
  private final TextArea commands = new TextArea();
  private final Label commandsHeading = new Label();
  private final ProgressBar progress = new ProgressBar(0);
  private final Button migrateButton;
  private final Button closeButton;
  private Migration.Planned planned;
  /** After a failed run the plan is read anew, under the failure's text. */
  private boolean keepStatus;

  private MigrationDialog(Stage dashboard, Messages messages, Dialogs dialogs, BackgroundExecutor background,
      SetupMigration migration) {
    this.dashboard = dashboard;
    this.messages = messages;
    this.dialogs = dialogs;
    this.background = background;
    this.migration = migration;
    var header = new Label(messages.format("dashboard.migrate.header", migration.setup().name()));
    header.setId("migrationHeader");
    header.setWrapText(true);
    header.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
    var intro = new Label(messages.get("dashboard.migrate.intro"));
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);
    statusLabel.setId("migrationStatus");
    statusLabel.setWrapText(true);
    statusLabel.setMinHeight(Region.USE_PREF_SIZE);
    stepsList.setId("migrationSteps");
    stepsList.setPrefHeight(210);
    WrappingCells.install(stepsList);
    commandsHeading.setText(messages.get("dashboard.migrate.commands"));
    commands.setId("migrationCommands");
    commands.setEditable(false);
    commands.setPrefRowCount(8);
    commands.setStyle("-fx-font-family: monospace;");
    VBox.setVgrow(commands, Priority.ALWAYS);
    progress.setId("migrationProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.setVisible(false);
    progress.setManaged(false);
    migrateButton = new Button(messages.get("dashboard.migrate.confirm"));
    migrateButton.setId("migrationRunButton");
    migrateButton.getStyleClass().add("accent");
    migrateButton.setDisable(true);
    migrateButton.setOnAction(e -> confirmAndRun());
    closeButton = new Button(messages.get("dashboard.migrate.close"));
    closeButton.setId("migrationCloseButton");
    closeButton.setCancelButton(true);
    closeButton.setOnAction(e -> stage.close());
    var buttons = new HBox(8, migrateButton, closeButton);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    var rest = new Region();
    VBox.setVgrow(rest, Priority.SOMETIMES);
    var root = new VBox(10, header, intro, statusLabel, progress, stepsList, commandsHeading, commands, rest, buttons);
    root.setId("migrationDialog");
    root.setPadding(new Insets(14));
    var scene = new Scene(root, 860, 640);
    scene.getStylesheets().addAll(dashboard.getScene().getStylesheets());
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
      if (!closeButton.isDisabled()) {
        stage.close();
      }
    });
    stage.setScene(scene);
    stage.setTitle(messages.get("dashboard.migrate.title"));
    stage.initOwner(dashboard);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setOnShown(e -> centreOn(dashboard));
  }

  /** Opens the dialog over {@code dashboard} and plans in the background. */
  static MigrationDialog open(Window dashboard, Messages messages, Dialogs dialogs, BackgroundExecutor background,
      SetupMigration migration) {
    var dialog = new MigrationDialog((Stage) dashboard, messages, dialogs, background, migration);
    dialog.stage.show();
    dialog.plan();
    return dialog;
  }

  Stage stage() {
    return stage;
  }

  private void centreOn(Window owner) {
    stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
    stage.setY(owner.getY() + Math.max(0, (owner.getHeight() - stage.getHeight()) / 2));
  }

  private void plan() {
    if (!keepStatus) {
      statusLabel.setText(messages.get("dashboard.migrate.planning"));
    }
    var locale = messages.locale();
    background.submit(BackgroundTask.of(() -> Migration.plan(migration.session(), migration.setup(),
        migration.file(), locale)).onSuccess(this::show)
        .onError(e -> statusLabel.setText(messages.format("dashboard.migrate.planFailed",
            String.valueOf(e.getMessage())))));
  }

  private void show(Migration.Planned p) {
    planned = p;
    // a refusal has no plan to list: the reason stands alone
    for (var part : List.of(stepsList, commandsHeading, commands)) {
      part.setVisible(!p.refused());
      part.setManaged(!p.refused());
    }
    if (p.refused()) {
      statusLabel.setText(messages.format("dashboard.migrate.refused", "• " + String.join("\n• ", p.refusals())));
      statusLabel.getStyleClass().add("dashboard-notice");
      stepsList.getItems().clear();
      commands.clear();
      migrateButton.setDisable(true);
      return;
    }
    SetupPlan plan = p.plan().nativePlan();
    var rows = new ArrayList<String>();
    for (var step : plan.plan().steps()) {
      PlanStatus status = plan.status(step.ref());
      if (status.kind() == PlanStatus.Kind.EXISTS_MATCHES || status.kind() == PlanStatus.Kind.REUSE) {
        continue;
      }
      rows.add(label(step.ref()) + " — " + messages.get("plan.status." + status.kind().name().toLowerCase(Locale.ROOT))
          + (status.differences().isEmpty() ? "" : "\n   " + String.join("\n   ", status.differences())));
    }
    List<ResourceRef> deleted = p.plan().codeDeployRefs(p.journal());
    deleted.forEach(ref -> rows.add(label(ref) + " — " + messages.get("dashboard.migrate.deleted")));
    stepsList.getItems().setAll(rows);
    commands.setText(p.description());
    if (keepStatus) {
      keepStatus = false;
      migrateButton.setDisable(false);
      return;
    }
    statusLabel.setText(messages.format("dashboard.migrate.planned", rows.size() - deleted.size(), deleted.size(),
        migration.file()));
    migrateButton.setDisable(false);
  }

  private String label(ResourceRef ref) {
    String kind = "resource." + ref.kind();
    return messages.format("resource.label", messages.bundle().containsKey(kind) ? messages.get(kind) : ref.kind(),
        ref.name());
  }

  /** What the background run ends with: the result, and when it succeeded what became of the source and file. */
  private record Outcome(ProvisionResult result, Migration.Finished finished) {}

  private void confirmAndRun() {
    var question = new Dialogs.Question(messages.get("dashboard.migrate.title"),
        messages.format("dashboard.migrate.ask", migration.setup().name()),
        messages.format("dashboard.migrate.askDetails", migration.file()), messages.get("dashboard.migrate.confirm"),
        messages.get("dashboard.cancel"));
    if (!dialogs.confirm(stage, question)) {
      return;
    }
    Migration.Planned run = planned;
    migrateButton.setDisable(true);
    closeButton.setDisable(true);
    progress.setProgress(0);
    progress.setVisible(true);
    progress.setManaged(true);
    statusLabel.getStyleClass().remove("dashboard-notice");
    statusLabel.setText(messages.get("dashboard.migrate.running"));
    ProvisionListener listener = new ProvisionListener() {
      @Override
      public void onProgress(Progress p) {
        Platform.runLater(() -> {
          progress.setProgress(p.fraction());
          statusLabel.setText(messages.format("dashboard.migrate.progress", p.done(), p.total()));
        });
      }
    };
    background.submit(BackgroundTask.of(() -> {
      ProvisionResult result = Migration.migrate(migration.session(), run, listener);
      return new Outcome(result, result.succeeded() ? Migration.finish(migration.session(), run.plan(),
          migration.file()) : null);
    }).onSuccess(this::finished)
        .onError(e -> failed(String.valueOf(e.getMessage())))
        .andFinally(() -> closeButton.setDisable(false)));
  }

  private void finished(Outcome outcome) {
    if (outcome.finished() == null) {
      List<String> errors = outcome.result().failed().stream().map(e -> e.describe(messages.locale())).toList();
      failed(errors.isEmpty() ? String.valueOf(outcome.result().status()) : String.join("\n", errors));
      return;
    }
    progress.setProgress(1);
    var f = outcome.finished();
    var source = f.migrated().source();
    String next = f.committed() ? f.commit().map(c -> messages.format("dashboard.migrate.committed",
        source.repository(), source.branch(), c)).orElse(messages.format("dashboard.migrate.unchanged",
        source.branch())) : f.instructions();
    stage.close();
    dashboard.close();
    DashboardWindow reopened = migration.reopen().apply(f.migrated());
    dialogs.info(reopened.stage(), messages.get("dashboard.migrate.title"),
        messages.format("dashboard.migrate.done", f.migrated().name(), migration.file()), next);
  }

  private void failed(String why) {
    progress.setVisible(false);
    progress.setManaged(false);
    statusLabel.getStyleClass().add("dashboard-notice");
    statusLabel.setText(messages.format("dashboard.migrate.failed", why));
    keepStatus = true;
    plan();
  }
}
