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
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Messages;

/** Lists the account's ECS deployment groups in the background; Open (or a double click) hands the chosen one on. */
public final class DashboardPickerController {
  private final Messages messages;
  private final BackgroundExecutor background;
  private final Callable<List<DeploymentTarget>> lister;
  private final Consumer<DeploymentTarget> onOpen;
  private final Runnable onCancel;

  @FXML ListView<DeploymentTarget> targetsList;
  @FXML Label statusLabel;
  @FXML Button openButton;
  @FXML Button cancelButton;

  public DashboardPickerController(Messages messages, BackgroundExecutor background,
      Callable<List<DeploymentTarget>> lister, Consumer<DeploymentTarget> onOpen, Runnable onCancel) {
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
      protected void updateItem(DeploymentTarget t, boolean empty) {
        super.updateItem(t, empty);
        setText(null);
        // one line each: the generated names are long and have no spaces to wrap at
        setGraphic(empty || t == null ? null : new VBox(
            new Label(messages.format("dashboard.picker.group", t.deploymentGroup())),
            new Label(messages.format("dashboard.picker.application", t.application())),
            new Label(t.pipeline() == null ? messages.get("dashboard.picker.noPipeline")
                : messages.format("dashboard.picker.pipeline", t.pipeline()))));
      }
    });
    openButton.disableProperty().bind(targetsList.getSelectionModel().selectedItemProperty().isNull());
    openButton.setOnAction(e -> onOpen.accept(targetsList.getSelectionModel().getSelectedItem()));
    cancelButton.setOnAction(e -> onCancel.run());
    targetsList.setOnMouseClicked(e -> {
      DeploymentTarget t = targetsList.getSelectionModel().getSelectedItem();
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && t != null) {
        onOpen.accept(t);
      }
    });
  }

  /** Starts listing; the list fills when the calls return. */
  void load() {
    statusLabel.setText(messages.get("dashboard.picker.loading"));
    background.submit(BackgroundTask.of(lister).onSuccess(targets -> {
      targetsList.getItems().setAll(targets);
      if (!targets.isEmpty()) {
        targetsList.getSelectionModel().selectFirst();
      }
      statusLabel.setText(targets.isEmpty() ? messages.get("dashboard.picker.none")
          : messages.format("dashboard.picker.count", targets.size()));
    }).onError(e -> statusLabel.setText(messages.format("dashboard.picker.failed", String.valueOf(e.getMessage())))));
  }
}
