package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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
 * Issue 15's walk: the whole wizard against the simulated account with three environments, as a user walks it (the
 * harness of {@link WizardWalkTest}, work on real background threads).
 */
class WizardEnvironmentsWalkTest extends SandboxWalk {

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

  /**
   * Past Review: Create lists and runs every step of every environment (the plan's union: shared steps once, each
   * environment's own), each row saying whose it is; Done gives each environment's URLs, starts the first
   * environment's pipeline and opens the environments overview; the account then holds every environment.
   */
  @Test
  void walkingWithThreeEnvironments_createsEveryEnvironment_andDoneShowsEach(FxRobot robot) throws Exception {
    walkToReview(robot);
    var accept = robot.lookup("#acceptWarnings").queryAs(CheckBox.class);
    if (accept.isVisible()) {
      robot.clickOn(accept);
    }
    var spec = model.spec().get();
    List<String> planned;
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      var plan = workspace.operations().plan(spec);
      planned = plan.plan().steps().stream().map(s -> plan.environmentLabel(s.ref()) + s.ref().name()).toList();
    }
    robot.clickOn("#nextButton");
    assertEquals(Step.CREATE, model.currentStep().get());

    Button create = robot.lookup("#createButton").queryButton();
    waitFor(() -> !create.isDisabled());
    TableView<StepRow> steps = robot.lookup("#stepTable").queryTableView();
    assertEquals(planned, steps.getItems().stream().map(r -> r.label().replaceAll("\\] .* ", "] ")).toList());
    List<String> labels = steps.getItems().stream().map(StepRow::label).toList();
    for (String env : List.of("dev", "qa", "prod")) {
      assertTrue(labels.contains("[" + env + "] ECS service shop-service-" + env), labels.toString());
      assertTrue(labels.contains("[" + env + "] Pipeline shop-pipeline-" + env), labels.toString());
    }
    assertTrue(labels.contains("[shared] ECS cluster shop-cluster"), labels.toString());
    assertTrue(steps.getItems().stream().allMatch(r -> r.detail().get().equals("will be created")));
    int count = steps.getItems().size();
    robot.clickOn(create);
    waitFor(() -> model.currentStep().get() == Step.CREATE && !wizard.nextDisabled());

    assertEquals(List.of(), steps.getItems().stream().filter(r -> r.state().get() != StepState.DONE)
        .map(r -> r.label() + ": " + r.detail().get()).toList(), robot.lookup("#problemText")
        .queryAs(javafx.scene.control.TextArea.class).getText());
    // the repository, created alone first in an account without one, was not done "in an earlier run"
    assertEquals(List.of(), steps.getItems().stream().filter(r -> r.detail().get().contains("earlier"))
        .map(r -> r.label() + ": " + r.detail().get()).toList());
    assertTrue(robot.lookup("#summaryLabel").queryLabeled().getText().startsWith("Created: " + count + " resources"),
        robot.lookup("#summaryLabel").queryLabeled().getText());
    robot.clickOn("#nextButton");
    assertEquals(Step.DONE, model.currentStep().get());
    assertEquals("Your pipelines are ready, one per environment. A commit to dev’s branch, or starting dev’s pipeline"
        + " from here, runs its first blue/green deployment; the overview then promotes the change along dev → qa →"
        + " prod, and shows each approval waiting.", robot.lookup("#intro").queryLabeled().getText());
    assertEquals("Your services, one per environment", robot.lookup("#urlsHeading").queryLabeled().getText());

    // each environment's production and test URLs, each on its own load balancer, once read from the journal
    waitFor(() -> robot.lookup("#testUrl-prod").tryQuery().isPresent());
    for (String env : List.of("dev", "qa", "prod")) {
      TextField production = robot.lookup("#productionUrl-" + env).queryAs(TextField.class);
      TextField test = robot.lookup("#testUrl-" + env).queryAs(TextField.class);
      waitFor(() -> !production.getText().isEmpty() && !test.getText().isEmpty());
      assertTrue(production.getText().matches("http://shop-alb-" + env + "-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com/"),
          production.getText());
      assertTrue(test.getText().matches("http://shop-alb-" + env + "-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com:8080/"),
          test.getText());
    }

    // the pipeline started is the first environment's, where a change arrives first
    wizard.click("startPipelineButton");
    var started = robot.lookup("#pipelineStarted").queryLabeled();
    waitFor(() -> !started.getText().isEmpty());
    assertTrue(started.getText().startsWith("Pipeline shop-pipeline-dev started: execution "), started.getText());
    String execution = started.getText().replaceAll(".*execution ([^.]+)\\..*", "$1");
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      assertTrue(TestWorkspaces.clients(workspace).codePipeline().listPipelineExecutions(r -> r.pipelineName(
          "shop-pipeline-dev")).pipelineExecutionSummaries().stream().anyMatch(e -> e.pipelineExecutionId()
          .equals(execution)), execution);
    }

    // the button opens the environments overview, not one environment's dashboard
    wizard.click("dashboardButton");
    waitFor(() -> windowsTitled(robot, "Environments — shop") == 1);
    assertEquals(0, windowsTitled(robot, "Deployment dashboard"));

    // what the account holds, seen over a new connection: every environment's own resources and the shared ones
    var saved = SpecJson.load(dir.resolve("setups").resolve("shop.json"));
    assertEquals(spec, saved);
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      var status = workspace.operations().status(saved, workspace.journal(saved), true);
      assertTrue(status.healthy(), status.toString());
      assertEquals(count, status.resources().size());
      assertTrue(status.resources().stream().allMatch(r -> r.state() == ResourceStatus.State.PRESENT),
          status.toString());
      for (String env : List.of("dev", "qa", "prod")) {
        var own = status.ofEnvironment(env).resources();
        assertTrue(own.stream().allMatch(r -> r.state() == ResourceStatus.State.PRESENT), own.toString());
        for (String resource : List.of("ecs-service/shop-service-" + env, "codepipeline-pipeline/shop-pipeline-" + env,
            "elbv2-load-balancer/shop-alb-" + env, "ecs-cluster/shop-cluster", "codebuild-project/shop-test")) {
          assertEquals(1, own.stream().filter(r -> (r.kind() + "/" + r.name()).equals(resource)).count(),
              env + ": " + resource + " in " + own);
        }
      }
      // the approval topic is the gated environment's, prod's, with the e-mail subscription asked for
      var topic = status.resources().stream().filter(r -> r.kind().equals("sns-topic")).toList();
      assertEquals(List.of("shop-approvals"), topic.stream().map(r -> r.name()).toList());
      assertEquals(List.of("prod"), topic.get(0).environments());
      assertEquals(1, status.resources().stream().filter(r -> r.kind().equals("sns-subscription")).count(),
          status.toString());
      assertTrue(TestWorkspaces.clients(workspace).codePipeline().listPipelines().pipelines().stream()
          .map(p -> p.name()).toList().containsAll(List.of("shop-pipeline-dev", "shop-pipeline-qa",
              "shop-pipeline-prod")));
    }
  }

  private static long windowsTitled(FxRobot robot, String title) {
    return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
        && s.getTitle() != null && s.getTitle().startsWith(title)).count();
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
