package org.bgwizard.ui.wizard;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.WizardSession;

/**
 * The one wizard window. It builds the view for the current language and rebuilds it when the language
 * changes, keeping the same {@link WizardModel}, so the step and every choice survive.
 */
public final class WizardWindow {
  static final String FXML = "/fxml/wizard.fxml";
  static final String CSS = "/org/bgwizard/ui/app.css";
  static final double MIN_WIDTH = 900;
  static final double MIN_HEIGHT = 600;

  private final Stage stage;
  private final WizardModel model;
  private final ViewSettings settings;
  private final Dialogs dialogs;
  private final WizardSession session;
  private WizardController controller;

  public WizardWindow(Stage stage, WizardModel model, ViewSettings settings, Dialogs dialogs,
      WizardSession session) {
    this.stage = stage;
    this.model = model;
    this.settings = settings;
    this.dialogs = dialogs;
    this.session = session;
  }

  public void show() {
    settings.theme().subscribe(Theme::apply);
    var scene = new Scene(view(), 1100, 720);
    scene.getStylesheets().add(WizardWindow.class.getResource(CSS).toExternalForm());
    stage.setScene(scene);
    stage.setMinWidth(MIN_WIDTH);
    stage.setMinHeight(MIN_HEIGHT);
    stage.setOnCloseRequest(event -> {
      if (!controller.confirmClose()) {
        event.consume();
      }
    });
    settings.locale().addListener((obs, old, locale) -> {
      scene.setRoot(view());
      session.dashboards().relocalize(Messages.of(locale));
    });
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> session.dashboards().closeAll());
    stage.show();
  }

  private Parent view() {
    if (controller != null) {
      controller.dispose();
    }
    var messages = Messages.of(settings.locale().get());
    var loader = new FxmlLoaderFactory(messages);
    var files = new SetupFiles(model, dialogs, messages, session.recent());
    var view = loader.load(FXML, WizardController.class, () -> new WizardController(model, settings, dialogs,
        messages, new Pages(loader, model, session, files, dialogs), files, session));
    controller = view.controller();
    stage.setTitle(messages.get("app.title"));
    return view.root();
  }
}
