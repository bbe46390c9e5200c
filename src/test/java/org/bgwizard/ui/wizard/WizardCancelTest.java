package org.bgwizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FxDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Escape and Cancel with the real confirmation dialog. */
@ExtendWith(ApplicationExtension.class)
class WizardCancelTest {
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final ViewSettings settings = new ViewSettings(Locale.ENGLISH, Theme.LIGHT);
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    new WizardWindow(stage, model, settings, new FxDialogs(), TestSessions.offline()).show();
  }

  @Test
  void escape_asksToConfirm_andKeepWorking_leavesTheWizardWhereItWas(FxRobot robot) {
    robot.clickOn("#nextButton");

    robot.type(KeyCode.ESCAPE);
    DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertEquals("Close the wizard?", dialog.getHeaderText());
    robot.clickOn(robot.from(dialog).lookup("Keep working").queryAs(Button.class));

    assertTrue(stage.isShowing());
    assertEquals(Step.BASICS, model.currentStep().get());
    assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty());
  }

  @Test
  void escape_thenCloseTheWizard_closesTheWindow(FxRobot robot) {
    robot.type(KeyCode.ESCAPE);
    DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    robot.clickOn(robot.from(dialog).lookup("Close the wizard").queryAs(Button.class));

    assertFalse(stage.isShowing());
  }

  @Test
  void escape_inTheStepList_asksInTheChosenLanguage_andEscapeAgainKeepsWorking(FxRobot robot) {
    robot.interact(() -> settings.locale().set(Locale.JAPANESE));
    robot.clickOn("#stepList");

    robot.type(KeyCode.ESCAPE);
    DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertEquals("ウィザードを閉じますか？", dialog.getHeaderText());
    robot.type(KeyCode.ESCAPE);

    assertTrue(stage.isShowing());
    assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty());
  }
}
