package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.bgwizard.setup.EcsNative.Shift;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.setup.Strategy;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The setup pages with an ecs-native setup: opened from a file, chosen on Basics, and edited on its own page. */
@ExtendWith(ApplicationExtension.class)
class EcsNativePagesTest {
  @TempDir Path dir;
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final FakeDialogs dialogs = new FakeDialogs();
  private WizardDriver wizard;

  @Start
  void start(Stage stage) {
    new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs,
        TestSessions.offline()).show();
  }

  @BeforeEach
  void driver(FxRobot robot) {
    wizard = new WizardDriver(robot, model);
  }

  @Test
  void openingAnEcsNativeSetupFile_showsEveryPage_withTheEcsPagesInPlaceOfCodeDeploys(FxRobot robot)
      throws Exception {
    var file = dir.resolve("native.json");
    SpecJson.save(SpecDefaults.tutorial("shop", "us-east-1", Strategy.ECS_NATIVE), file);
    dialogs.fileToOpen = file;
    wizard.goTo(Step.BASICS);
    robot.interact(() -> menuItem(robot, "openItem").fire());
    assertEquals(List.of(), dialogs.errors);
    assertEquals(Step.BASICS, model.currentStep().get());
    assertTrue(robot.lookup("#strategyEcsNative").queryAs(javafx.scene.control.RadioButton.class).isSelected());

    for (Step step : List.of(Step.NETWORK, Step.IAM_ROLES, Step.IMAGE_REPOSITORY, Step.LOAD_BALANCER,
        Step.ECS_SERVICE, Step.CODEDEPLOY, Step.CODEBUILD_SOURCE, Step.PIPELINE, Step.REVIEW)) {
      assertFalse(wizard.nextDisabled(), "Next is enabled on " + model.currentStep().get());
      wizard.goTo(step);
      assertEquals(step, model.currentStep().get());
      if (step == Step.IAM_ROLES) {
        assertTrue(wizard.shown("ecs-infrastructureName"), "the infrastructure role is on the Roles page");
        assertTrue(robot.lookup("#codedeployName").tryQuery().isEmpty(), "no CodeDeploy role");
        assertEquals("shop-ecs-infrastructure", wizard.text("ecs-infrastructureName"));
        assertTrue(robot.lookup("#intro").queryLabeled().getText().contains("with its infrastructure role"),
            "the page says who moves traffic");
      }
      if (step == Step.CODEDEPLOY) {
        assertEquals("ECS blue/green", robot.lookup("#stepTitle").queryLabeled().getText());
        assertTrue(wizard.shown("shiftBlueGreen"));
        assertTrue(robot.lookup("#deploymentGroup").tryQuery().isEmpty(), "no CodeDeploy group");
      }
    }
    var spec = model.spec().get();
    assertEquals(Strategy.ECS_NATIVE, spec.strategy());
    assertNull(spec.codeDeploy());
    assertNull(spec.roles().codeDeploy());
    assertEquals(List.of(), SpecValidator.validate(spec));
  }

  @Test
  void choosingEcsBlueGreenOnBasics_fillsItsDefaults_andKeepsTheRest(FxRobot robot) {
    wizard.goTo(Step.BASICS);
    wizard.type("setupName", "web");
    wizard.type("initialImage", "public.ecr.aws/docker/library/httpd:2.4");

    wizard.click("strategyEcsNative");

    var spec = model.spec().get();
    assertEquals(Strategy.ECS_NATIVE, spec.strategy());
    assertNull(spec.codeDeploy());
    assertNull(spec.roles().codeDeploy());
    assertEquals(SpecDefaults.tutorial("web", "us-east-1", Strategy.ECS_NATIVE).ecsNative(), spec.ecsNative());
    assertEquals("public.ecr.aws/docker/library/httpd:2.4", spec.container().initialImage());
    assertEquals("web-pipeline", spec.pipeline().name());
    assertEquals(List.of(), SpecValidator.validate(spec));

    wizard.click("strategyCodeDeploy");

    spec = model.spec().get();
    assertEquals(Strategy.CODEDEPLOY, spec.strategy());
    assertNull(spec.ecsNative());
    assertEquals(SpecDefaults.tutorial("web", "us-east-1").codeDeploy(), spec.codeDeploy());
    assertEquals("web-codedeploy", spec.roles().codeDeploy().name());
    assertEquals("public.ecr.aws/docker/library/httpd:2.4", spec.container().initialImage());
  }

  @Test
  void ecsBlueGreenPage_writesTheShiftAndPause_andShowsEveryProblemAtOnce(FxRobot robot) {
    wizard.goTo(Step.BASICS);
    wizard.click("strategyEcsNative");
    wizard.goTo(Step.CODEDEPLOY);
    assertFalse(wizard.shown("stepPercent"), "blue/green moves all traffic at once");

    wizard.click("shiftLinear");
    assertTrue(wizard.shown("stepPercent"));
    wizard.type("bakeTimeMinutes", "2000");
    wizard.type("deploymentTimeoutMinutes", "");

    assertEquals("(empty) is not a LINEAR step; give the percent of traffic moved at each step: a whole number from 3"
        + " to 100.", wizard.shownError("stepPercentField"));
    assertTrue(wizard.shownError("bakeTimeMinutesField").startsWith("2000 is not a bake time"),
        wizard.shownError("bakeTimeMinutesField"));
    assertEquals("Required: enter a value.", wizard.shownError("deploymentTimeoutMinutesField"));
    assertTrue(wizard.nextDisabled());

    wizard.type("stepPercent", "20");
    wizard.type("stepBakeMinutes", "5");
    wizard.type("bakeTimeMinutes", "10");
    wizard.type("deploymentTimeoutMinutes", "60");
    wizard.click("onTimeoutContinue");
    var n = model.spec().get().ecsNative();
    assertEquals(Shift.LINEAR, n.shift());
    assertEquals(20, n.stepPercent());
    assertEquals(5, n.stepBakeMinutes());
    assertEquals(10, n.bakeTimeMinutes());
    assertEquals(60, n.deploymentTimeoutMinutes());
    assertEquals(org.bgwizard.setup.EcsNative.TimeoutAction.CONTINUE, n.onPauseTimeout());
    assertFalse(wizard.nextDisabled());
    // pause 30 + four steps of 5 + bake 10 = 60: within the action's timeout
    assertFalse(wizard.shown("timeoutWarning"));

    wizard.type("pauseTimeoutMinutes", "45");
    assertTrue(wizard.shown("timeoutWarning"));
    assertTrue(robot.lookup("#timeoutWarning").queryLabeled().getText().contains("75 minutes"),
        robot.lookup("#timeoutWarning").queryLabeled().getText());
    assertFalse(wizard.nextDisabled(), "a warning does not block Next");

    wizard.click("pause");
    n = model.spec().get().ecsNative();
    assertFalse(n.pauseBeforeProduction());
    assertNull(n.pauseTimeoutMinutes(), "AWS takes no timeout without the pause");
    assertNull(n.onPauseTimeout());
    assertNotNull(n.infrastructureRole());
    assertEquals(List.of(), SpecValidator.validate(model.spec().get()));
  }

  private static MenuItem menuItem(FxRobot robot, String id) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
        .flatMap(item -> item instanceof Menu sub ? sub.getItems().stream() : Stream.of(item))
        .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
  }
}
