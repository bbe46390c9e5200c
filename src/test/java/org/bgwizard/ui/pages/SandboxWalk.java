package org.bgwizard.ui.pages;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxBackgroundExecutor;
import org.bgwizard.ui.wizard.WizardModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What a walk of the whole wizard needs: the window for the tutorial's setup on a simulated account kept in a
 * temporary folder, in English, its work on two real background threads, and a driver to walk it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SandboxWalk {
  @TempDir Path dir;
  final WizardModel model = new WizardModel(SpecDefaults.tutorial("bluegreen-demo", "us-east-1"));
  final FakeDialogs dialogs = new FakeDialogs();
  FxBackgroundExecutor executor;
  Stage stage;
  WizardDriver wizard;

  @BeforeEach
  void show(FxRobot robot) throws Exception {
    // the primary stage, the one ApplicationExtension hands to a @Start method (found only on the test class itself)
    stage = FxToolkit.registerPrimaryStage();
    executor = new FxBackgroundExecutor(2);
    wizard = WizardDriver.showInSandbox(robot, stage, model, dialogs, dir, executor);
  }

  @AfterEach
  void stop() {
    executor.close();
  }
}
