package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxBackgroundExecutor;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15's walk: the whole wizard against the simulated account with three environments, as a user walks it (the
 * harness of {@link WizardWalkTest}, work on real background threads).
 */
@ExtendWith(ApplicationExtension.class)
class WizardEnvironmentsWalkTest {
  @TempDir Path dir;
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("bluegreen-demo", "us-east-1"));
  private final FakeDialogs dialogs = new FakeDialogs();
  private FxBackgroundExecutor executor;
  private Stage stage;
  private WizardDriver wizard;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @BeforeEach
  void show(FxRobot robot) {
    executor = new FxBackgroundExecutor(2);
    var session = new WizardSession(TestWorkspaces.sandbox(dir.resolve("sandbox")), executor, List::of,
        new RecentSetups(dir.resolve("recent-setups.json"), dir.resolve("journals")), TestSessions.BROWSED::add);
    robot.interact(() -> new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs,
        session).show());
    wizard = new WizardDriver(robot, model);
  }

  @AfterEach
  void stop() {
    executor.close();
  }

  /** Three environments chosen on the Environments page, then Next through every page to Review. */
  @Test
  void walkingWithThreeEnvironments_reachesReview_withTheEnvironmentsInTheSetup(FxRobot robot) throws Exception {
    walkToReview(robot);

    var envs = model.spec().get().environments();
    assertEquals(List.of("dev", "qa", "prod"), envs.names());
    assertEquals(List.of(false, false, true), envs.list().stream().map(e -> e.approval()).toList());
    assertEquals(new org.bgwizard.setup.Environments.ApprovalTopic("shop-approvals", null, "ops@example.com"),
        envs.approvalTopic());
    TableView<?> plan = robot.lookup("#planTable").queryTableView();
    waitFor(() -> !plan.getItems().isEmpty());

    // Back to the page: it shows what was chosen
    robot.interact(() -> model.goTo(Step.ENVIRONMENTS));
    assertEquals("prod", wizard.text("environmentName2"));
    assertEquals("ops@example.com", wizard.text("email"));
  }

  private void walkToReview(FxRobot robot) throws Exception {
    wizard.click("connectButton");
    waitFor(() -> !robot.lookup("#identity").queryLabeled().getText().isEmpty());
    robot.clickOn("#nextButton");
    wizard.type("setupName", "shop");
    robot.clickOn("#nextButton");
    assertEquals(Step.ENVIRONMENTS, model.currentStep().get());
    wizard.click("severalEnvironments");
    wizard.type("email", "ops@example.com");
    while (model.currentStep().get() != Step.REVIEW) {
      assertFalse(wizard.nextDisabled(), "Next is enabled on " + model.currentStep().get());
      robot.clickOn("#nextButton");
    }
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
