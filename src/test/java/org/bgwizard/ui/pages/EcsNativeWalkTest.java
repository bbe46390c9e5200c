package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.StepState;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.setup.Strategy;
import org.bgwizard.ui.wizard.Step;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard walked with ECS blue/green chosen on Basics, against the simulated account (on its manual clock):
 * Review plans no CodeDeploy resource, Create builds the setup, and the account then holds an ecs-native setup.
 */
class EcsNativeWalkTest extends SandboxWalk {

  @Test
  void walkingEveryPageWithEcsBlueGreen_createsAnEcsNativeSetup_withoutCodeDeploy(FxRobot robot) throws Exception {
    wizard.click("connectButton");
    waitFor(() -> !robot.lookup("#identity").queryLabeled().getText().isEmpty());
    robot.clickOn("#nextButton");
    wizard.type("setupName", "shop");
    wizard.click("strategyEcsNative");
    while (model.currentStep().get() != Step.REVIEW) {
      assertFalse(wizard.nextDisabled(), "Next is enabled on " + model.currentStep().get());
      robot.clickOn("#nextButton");
      if (model.currentStep().get() == Step.CODEDEPLOY) {
        assertTrue(wizard.shown("pause"), "the ECS blue/green page, not CodeDeploy's");
      }
    }

    TableView<PlanPreview.Row> plan = robot.lookup("#planTable").queryTableView();
    waitFor(() -> !plan.getItems().isEmpty());
    var planned = plan.getItems().stream().map(PlanPreview.Row::resource).toList();
    assertTrue(planned.stream().noneMatch(r -> r.contains("CodeDeploy")), planned.toString());
    assertTrue(planned.stream().anyMatch(r -> r.contains("shop-ecs-infrastructure")), planned.toString());
    assertTrue(planned.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).contains("listener rule")),
        planned.toString());
    var accept = robot.lookup("#acceptWarnings").queryAs(CheckBox.class);
    if (accept.isVisible()) {
      robot.clickOn(accept);
    }
    robot.clickOn("#nextButton");
    assertEquals(Step.CREATE, model.currentStep().get());

    Button create = robot.lookup("#createButton").queryButton();
    waitFor(() -> !create.isDisabled());
    TableView<StepRow> steps = robot.lookup("#stepTable").queryTableView();
    assertEquals(planned.size(), steps.getItems().size());
    robot.clickOn(create);
    waitFor(() -> model.currentStep().get() == Step.CREATE && !wizard.nextDisabled());
    assertTrue(steps.getItems().stream().allMatch(r -> r.state().get() == StepState.DONE));
    robot.clickOn("#nextButton");
    assertEquals(Step.DONE, model.currentStep().get());
    TextField production = robot.lookup("#productionUrl").queryAs(TextField.class);
    waitFor(() -> !production.getText().isEmpty());

    var spec = SpecJson.load(dir.resolve("setups").resolve("shop.json"));
    assertEquals(Strategy.ECS_NATIVE, spec.strategy());
    assertNull(spec.codeDeploy());
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      var status = workspace.operations().status(spec, workspace.journal(spec), true);
      assertTrue(status.healthy(), status.toString());
      assertEquals(planned.size(), status.resources().size());
      assertTrue(status.resources().stream().allMatch(r -> r.state() == ResourceStatus.State.PRESENT),
          status.toString());
      var clients = TestWorkspaces.clients(workspace);
      assertTrue(clients.codeDeploy().listApplications().applications().isEmpty(), "no CodeDeploy application");
      var service = clients.ecs().describeServices(r -> r.cluster("shop-cluster").services("shop-service"))
          .services().get(0);
      assertEquals("ECS", service.deploymentController().typeAsString());
      assertEquals("BLUE_GREEN", service.deploymentConfiguration().strategyAsString());
    }
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
