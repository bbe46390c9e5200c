package org.bgwizard.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.bgwizard.provision.AppData;
import org.bgwizard.session.Connector;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.FxBackgroundExecutor;
import org.bgwizard.ui.common.FxDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;

/** The desktop application: one wizard window, starting from the tutorial's defaults. */
public final class WizardApp extends Application {
  /** The setup the wizard starts from until the user names their own on the Basics step. */
  static final String STARTING_NAME = "bluegreen-demo";
  static final String STARTING_REGION = "ap-northeast-1";

  private static Connector connector;
  private static String command = "bluegreen-wizard";

  /**
   * {@code connecting} is how the Start page connects; {@code launchCommand} how a terminal runs this app's
   * commands ({@code bluegreen-wizard}, or {@code java -jar <path>}). The composition root chooses both.
   */
  public static void launchApp(String[] args, Connector connecting, String launchCommand) {
    connector = connecting;
    command = launchCommand;
    StartupPrefetch.start();
    Application.launch(WizardApp.class, args);
  }

  static List<Image> icons() {
    var icons = new ArrayList<Image>();
    for (int size : new int[] {16, 32, 64, 128, 256}) {
      var url = WizardApp.class.getResource("/icons/bluegreen-wizard-" + size + ".png");
      if (url != null) {
        icons.add(new Image(url.toExternalForm()));
      }
    }
    return icons;
  }

  @Override
  public void start(Stage stage) {
    var settings = new ViewSettings(Messages.defaultLocale(), Theme.LIGHT);
    var model = new WizardModel(SpecDefaults.tutorial(STARTING_NAME, STARTING_REGION));
    var executor = new FxBackgroundExecutor(2);
    stage.setOnHidden(event -> executor.close());
    // The recent setups, the AWS profiles and the icons are read in the background once the window is out:
    // they do not compete with the first frame for the processor.
    Runnable release = executor.hold();
    var recent = new RecentSetups(AppData.dataDir().resolve("recent-setups.json"), AppData.journalDir());
    var session = new WizardSession(connector, executor, connector::profiles, recent,
        getHostServices()::showDocument);
    session.command(command);
    new WizardWindow(stage, model, settings, new FxDialogs(), session).show();
    // decoded off the FX thread: the window need not wait for its icon
    executor.submit(BackgroundTask.of(WizardApp::icons).onSuccess(stage.getIcons()::setAll));
    FirstWindowProbe.attach(stage.getScene(), System.getenv(), System.err, Platform::exit);
    FirstWindowProbe.afterFirstFrame(stage.getScene(), release);
  }
}
