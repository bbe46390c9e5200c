package org.bgwizard.ui.dashboard;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PickableTarget;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Messages;

/** Lists the account's ECS deployment groups and ECS blue/green services in the background; Open (or a double click) hands the chosen one on. */
public final class DashboardPickerController {
  private final Messages messages;
  private final BackgroundExecutor background;
  private final Callable<List<PickableTarget>> lister;
  private final Consumer<DeploymentTarget> onOpen;
  private final Runnable onCancel;

  @FXML ListView<PickableTarget> targetsList;
  @FXML Label statusLabel;
  @FXML Button openButton;
  @FXML Button cancelButton;

  public DashboardPickerController(Messages messages, BackgroundExecutor background,
      Callable<List<PickableTarget>> lister, Consumer<DeploymentTarget> onOpen, Runnable onCancel) {
    this.messages = messages;
    this.background = background;
    this.lister = lister;
    this.onOpen = onOpen;
    this.onCancel = onCancel;
  }

  @FXML
  void initialize() {
    targetsList.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(PickableTarget found, boolean empty) {
        super.updateItem(found, empty);
        setText(null);
        // one line each: the generated names are long and have no spaces to wrap at
        setGraphic(empty || found == null ? null : cell(found));
      }
    });
    openButton.disableProperty().bind(targetsList.getSelectionModel().selectedItemProperty().isNull());
    openButton.setOnAction(e -> onOpen.accept(targetsList.getSelectionModel().getSelectedItem().target()));
    cancelButton.setOnAction(e -> onCancel.run());
    targetsList.setOnMouseClicked(e -> {
      PickableTarget t = targetsList.getSelectionModel().getSelectedItem();
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && t != null) {
        onOpen.accept(t.target());
      }
    });
  }

  /** Its kind (CodeDeploy, or ECS with its strategy) in bold, then its names and pipeline, one line each. */
  private VBox cell(PickableTarget found) {
    DeploymentTarget t = found.target();
    var kind = new Label(found.strategy() == null ? messages.get("dashboard.picker.kind.codedeploy")
        : messages.format("dashboard.picker.kind.native", found.strategy()));
    kind.setStyle("-fx-font-weight: bold;");
    var pipeline = new Label(t.pipeline() == null ? messages.get("dashboard.picker.noPipeline")
        : messages.format("dashboard.picker.pipeline", t.pipeline()));
    return t.isNative()
        ? new VBox(kind, new Label(messages.format("dashboard.picker.service", t.ecsService().service())),
            new Label(messages.format("dashboard.picker.cluster", t.ecsService().cluster())), pipeline)
        : new VBox(kind, new Label(messages.format("dashboard.picker.group", t.deploymentGroup())),
            new Label(messages.format("dashboard.picker.application", t.application())), pipeline);
  }

  /** Starts listing; the list fills when the calls return. */
  void load() {
    statusLabel.setText(messages.get("dashboard.picker.loading"));
    background.submit(BackgroundTask.of(lister).onSuccess(targets -> {
      targetsList.getItems().setAll(targets);
      long services = targets.stream().filter(t -> t.strategy() != null).count();
      if (!targets.isEmpty()) {
        targetsList.getSelectionModel().selectFirst();
      }
      statusLabel.setText(targets.isEmpty() ? messages.get("dashboard.picker.none")
          : messages.format("dashboard.picker.count", targets.size() - services, services));
    }).onError(e -> statusLabel.setText(messages.format("dashboard.picker.failed", String.valueOf(e.getMessage())))));
  }
}
