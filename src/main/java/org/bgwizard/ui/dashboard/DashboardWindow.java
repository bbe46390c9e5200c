package org.bgwizard.ui.dashboard;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;

/**
 * The dashboard in its own window: the monitor polls off the FX thread, snapshots reach the view through
 * {@link Platform#runLater}, and a one-second timeline moves the countdowns without calling AWS. Ctrl+W (Cmd+W) and
 * Esc close it; a language switch rebuilds the view over the same model.
 */
public final class DashboardWindow {
  private final Stage stage;
  private final DashboardModel model;
  private final DeploymentMonitor monitor;
  private final Dialogs dialogs;
  private final BackgroundExecutor background;
  private final DashboardServices services;
  private final Timeline clockTick;

  public DashboardWindow(Stage stage, Messages messages, Dialogs dialogs, BackgroundExecutor background,
      DashboardServices services) {
    this.stage = stage;
    this.monitor = services.monitor();
    this.dialogs = dialogs;
    this.background = background;
    this.services = services;
    this.model = new DashboardModel(services.simulated());
    var scene = new Scene(view(messages), 1100, 760);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
    stage.setScene(scene);
    monitor.onSnapshot(s -> Platform.runLater(() -> model.update(s)));
    model.nowProperty().set(services.clock().instant());
    clockTick = new Timeline(new KeyFrame(Duration.seconds(1),
        e -> model.nowProperty().set(services.clock().instant())));
    clockTick.setCycleCount(Timeline.INDEFINITE);
    stage.setOnHidden(e -> close());
  }

  private Parent view(Messages messages) {
    var t = monitor.target();
    stage.setTitle(t.isNative() ? messages.format("dashboard.title", t.ecsService().cluster(), t.ecsService().service())
        : messages.format("dashboard.title", t.application(), t.deploymentGroup()));
    return new FxmlLoaderFactory(messages).load("/fxml/dashboard.fxml", DashboardController.class,
        () -> new DashboardController(model, messages, dialogs, background, services)).root();
  }

  public DashboardModel model() {
    return model;
  }

  public Stage stage() {
    return stage;
  }

  /** The same dashboard in another language: the view is rebuilt, the model and the polling go on. */
  public void relocalize(Messages messages) {
    stage.getScene().setRoot(view(messages));
  }

  /** Shows the window and starts polling. */
  public void show() {
    stage.show();
    clockTick.play();
    monitor.start();
  }

  private void close() {
    clockTick.stop();
    monitor.stop();
  }
}
