package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.StepState;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.ui.wizard.Step;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole wizard against the simulated account, as a user walks it: connect, name the setup, Next through
 * every page, create, and reach Done; the account then holds the setup. Work runs on real background threads.
 */
class WizardWalkTest extends SandboxWalk {

  @Test
  void walkingEveryPage_createsTheSetupInTheSimulatedAccount(FxRobot robot) throws Exception {
    wizard.click("connectButton");
    waitFor(() -> !robot.lookup("#identity").queryLabeled().getText().isEmpty());
    robot.clickOn("#nextButton");
    wizard.type("setupName", "shop");
    while (model.currentStep().get() != Step.REVIEW) {
      assertFalse(wizard.nextDisabled(), "Next is enabled on " + model.currentStep().get());
      robot.clickOn("#nextButton");
    }
    var accept = robot.lookup("#acceptWarnings").queryAs(CheckBox.class);
    if (accept.isVisible()) {
      robot.clickOn(accept);
    }
    robot.clickOn("#nextButton");
    assertEquals(Step.CREATE, model.currentStep().get());

    Button create = robot.lookup("#createButton").queryButton();
    waitFor(() -> !create.isDisabled());
    TableView<StepRow> steps = robot.lookup("#stepTable").queryTableView();
    assertEquals(25, steps.getItems().size());
    assertTrue(steps.getItems().stream().allMatch(r -> r.detail().get().equals("will be created")));
    robot.clickOn(create);
    waitFor(() -> model.currentStep().get() == Step.CREATE && !wizard.nextDisabled());

    assertTrue(steps.getItems().stream().allMatch(r -> r.state().get() == StepState.DONE));
    assertTrue(robot.lookup("#summaryLabel").queryLabeled().getText().startsWith("Created: 25 resources"));
    assertFalse(robot.lookup("#logList").queryListView().getItems().isEmpty(), "the log lists the events");
    robot.clickOn("#nextButton");
    assertEquals(Step.DONE, model.currentStep().get());
    TextField production = robot.lookup("#productionUrl").queryAs(TextField.class);
    waitFor(() -> !production.getText().isEmpty());
    assertTrue(production.getText().matches("http://shop-alb-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com/"),
        production.getText());

    // the Done page starts the pipeline and says which execution it started
    wizard.click("startPipelineButton");
    var started = robot.lookup("#pipelineStarted").queryLabeled();
    waitFor(() -> started.getText().startsWith("Pipeline shop-pipeline started: execution "));
    String execution = started.getText().replaceAll(".*execution ([^.]+)\\..*", "$1");
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      assertTrue(TestWorkspaces.clients(workspace).codePipeline().listPipelineExecutions(r -> r.pipelineName("shop-pipeline"))
          .pipelineExecutionSummaries().stream().anyMatch(e -> e.pipelineExecutionId().equals(execution)),
          execution);
    }

    // the dashboard opens from the Done page, from Window › Dashboard, and for a group picked from the account
    wizard.click("dashboardButton");
    waitFor(() -> windowsTitled(robot, "Deployment dashboard — AppECS-shop-cluster-shop-service") == 1);
    robot.interact(() -> menuItem("dashboardItem").fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, windowsTitled(robot, "Deployment dashboard — AppECS-shop-cluster-shop-service"),
        "the group's window, brought to the front");
    robot.interact(() -> menuItem("pickDashboardItem").fire());
    waitFor(() -> windowsTitled(robot, "Open a deployment dashboard") == 1);

    // what the account holds, seen over a new connection
    var spec = SpecJson.load(dir.resolve("setups").resolve("shop.json"));
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      var status = workspace.operations().status(spec, workspace.journal(spec), true);
      assertTrue(status.healthy(), status.toString());
      assertEquals(25, status.resources().size());
      assertTrue(status.resources().stream().allMatch(r -> r.state() == ResourceStatus.State.PRESENT),
          status.toString());
    }
  }

  private static long windowsTitled(FxRobot robot, String title) {
    return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
        && s.getTitle() != null && s.getTitle().startsWith(title)).count();
  }

  private MenuItem menuItem(String id) {
    var bar = (MenuBar) stage.getScene().lookup("#menuBar");
    return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
        .findFirst().orElseThrow();
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
