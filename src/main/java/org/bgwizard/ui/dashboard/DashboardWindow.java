package org.bgwizard.ui.dashboard;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;

/**
 * The dashboard in its own window: the monitor polls off the FX thread, snapshots reach the view through
 * {@link Platform#runLater}, and a one-second timeline moves the countdowns without calling AWS.
 */
public final class DashboardWindow {
  private final Stage stage;
  private final DashboardModel model;
  private final DeploymentMonitor monitor;
  private final Timeline clockTick;

  public DashboardWindow(Stage stage, Messages messages, Dialogs dialogs, BackgroundExecutor background,
      DashboardServices services) {
    this.stage = stage;
    this.monitor = services.monitor();
    this.model = new DashboardModel(services.simulated());
    var view = new FxmlLoaderFactory(messages).load("/fxml/dashboard.fxml", DashboardController.class,
        () -> new DashboardController(model, messages, dialogs, background, services));
    stage.setScene(new Scene(view.root(), 1100, 760));
    stage.setTitle(messages.format("dashboard.title", monitor.target().application(),
        monitor.target().deploymentGroup()));
    monitor.onSnapshot(s -> Platform.runLater(() -> model.update(s)));
    model.nowProperty().set(services.clock().instant());
    clockTick = new Timeline(new KeyFrame(Duration.seconds(1),
        e -> model.nowProperty().set(services.clock().instant())));
    clockTick.setCycleCount(Timeline.INDEFINITE);
    stage.setOnHidden(e -> close());
  }

  public DashboardModel model() {
    return model;
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
