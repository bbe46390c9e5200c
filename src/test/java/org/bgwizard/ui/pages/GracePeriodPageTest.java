package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import javafx.stage.Stage;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The ECS page's health check grace period: optional, labelled and explained, checked as the setup rules do. */
@ExtendWith(ApplicationExtension.class)
class GracePeriodPageTest {
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final ViewSettings settings = new ViewSettings(Locale.ENGLISH, Theme.LIGHT);

  @Start
  void start(Stage stage) {
    new WizardWindow(stage, model, settings, new FakeDialogs(), TestSessions.offline()).show();
  }

  @Test
  void gracePeriod_isEmptyForANewSetup_andTypedSecondsGoIntoTheSetup_emptyAgainMeansNone(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.ECS_SERVICE);
    assertEquals("", wizard.text("healthCheckGracePeriod"));
    assertEquals("Health check _grace period (seconds)", wizard.field("healthCheckGracePeriodField").getText());

    wizard.type("healthCheckGracePeriod", "90");

    assertEquals(90, model.spec().get().ecs().healthCheckGracePeriodSeconds());
    assertFalse(wizard.nextDisabled());
    wizard.type("healthCheckGracePeriod", "");
    assertNull(model.spec().get().ecs().healthCheckGracePeriodSeconds());
  }

  @Test
  void gracePeriod_takesDigitsOnly_soANegativeValueCannotBeTyped_andIsLabelledInJapanese(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.ECS_SERVICE);
    robot.interact(() -> settings.locale().set(Locale.JAPANESE));

    wizard.type("healthCheckGracePeriod", "-30s");

    assertEquals("30", wizard.text("healthCheckGracePeriod"));
    assertEquals(30, model.spec().get().ecs().healthCheckGracePeriodSeconds());
    assertEquals("", wizard.shownError("healthCheckGracePeriodField"));
    assertEquals("ヘルスチェックの猶予期間（秒）(_G)", wizard.field("healthCheckGracePeriodField").getText());
  }
}
