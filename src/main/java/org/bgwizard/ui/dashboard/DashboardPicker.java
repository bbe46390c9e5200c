package org.bgwizard.ui.dashboard;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PickableTarget;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;

/** A small window listing the account's ECS deployment groups and ECS blue/green services; choosing one closes it and hands the target on. */
public final class DashboardPicker {
  private final Stage stage = new Stage();
  private final DashboardPickerController controller;

  DashboardPicker(Window owner, Messages messages, BackgroundExecutor background,
      Callable<List<PickableTarget>> lister, Consumer<DeploymentTarget> onOpen) {
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    var view = new FxmlLoaderFactory(messages).load("/fxml/dashboard_picker.fxml", DashboardPickerController.class,
        () -> new DashboardPickerController(messages, background, lister, target -> {
          stage.close();
          onOpen.accept(target);
        }, stage::close));
    controller = view.controller();
    stage.setScene(new Scene(view.root(), 640, 400));
    stage.setTitle(messages.get("dashboard.picker.title"));
  }

  public Stage stage() {
    return stage;
  }

  /** Shows the window and starts listing. */
  void show() {
    stage.show();
    controller.load();
  }
}
