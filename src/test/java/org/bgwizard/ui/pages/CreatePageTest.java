package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.session.Connector;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.StepState;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Sleeper;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxBackgroundExecutor;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Create page against the simulated account on real background threads: a failure's diagnosis and Retry,
 * Cancel and Resume, Teardown, and a window that keeps responding while every AWS call takes two seconds.
 */
@ExtendWith(ApplicationExtension.class)
class CreatePageTest {
  private static final SetupSpec SPEC = SpecDefaults.tutorial("shop", "us-east-1");

  @TempDir Path dir;
  private final WizardModel model = new WizardModel(SPEC);
  private final FakeDialogs dialogs = new FakeDialogs();
  private final AtomicReference<Sandbox> opened = new AtomicReference<>();
  private FxBackgroundExecutor executor;
  private Stage stage;
  private WizardDriver wizard;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() {
    if (executor != null) {
      executor.close();
    }
  }

  /** The window on the Create page, connected to a simulated account that {@code faults} prepared. */
  private void openCreatePage(FxRobot robot, Consumer<Sandbox> faults) throws Exception {
    Connector connector = TestWorkspaces.sandbox(dir.resolve("sandbox"), sandbox -> {
      opened.set(sandbox);
      faults.accept(sandbox);
    });
    executor = new FxBackgroundExecutor(2);
    var session = new WizardSession(connector, executor, List::of,
        new RecentSetups(dir.resolve("recent-setups.json"), dir.resolve("journals")), TestSessions.BROWSED::add);
    var connection = Connection.sandbox("us-east-1");
    var workspace = connector.connect(connection);
    robot.interact(() -> {
      session.connected(connection, workspace);
      new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs, session).show();
    });
    wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.CREATE);
  }

  private Button createButton(FxRobot robot) {
    return robot.lookup("#createButton").queryButton();
  }

  private List<StepRow> rows(FxRobot robot) {
    TableView<StepRow> table = robot.lookup("#stepTable").queryTableView();
    return table.getItems();
  }

  @Test
  void failure_showsAwsAndTheCatalogueDiagnosis_andRetryCompletesWithoutDuplicates(FxRobot robot) throws Exception {
    openCreatePage(robot, sandbox -> sandbox.faults().failNth(Service.ECS, "CreateService", 1, () -> {
      String message = "The target group with targetGroupArn arn:aws:elasticloadbalancing:us-east-1:123456789012:"
          + "targetgroup/shop-tg-1/0123456789abcdef does not have an associated load balancer.";
      return InvalidParameterException.builder().message(message).statusCode(400).awsErrorDetails(
          AwsErrorDetails.builder().errorCode("InvalidParameterException").errorMessage(message).build()).build();
    }));
    waitFor(() -> !createButton(robot).isDisabled());
    robot.clickOn(createButton(robot));
    waitFor(() -> createButton(robot).getText().replace("_", "").equals("Retry"));

    String problem = robot.lookup("#problemText").queryAs(TextArea.class).getText();
    assertTrue(problem.contains("Creating ECS service shop-service failed"), problem);
    assertTrue(problem.contains("AWS said: InvalidParameterException: The target group"), problem);
    assertTrue(problem.contains("failure catalogue row 13"), problem);
    assertTrue(problem.contains("The same by hand: aws ecs create-service"), problem);
    assertTrue(rows(robot).stream().anyMatch(r -> r.state().get() == StepState.FAILED));
    assertTrue(wizard.nextDisabled(), "Done waits for a created setup");

    // the fault was for one call: Retry goes on from the journal
    robot.clickOn(createButton(robot));
    waitFor(() -> !wizard.nextDisabled());

    assertTrue(robot.lookup("#problemText").queryAs(TextArea.class).getText().isEmpty());
    assertTrue(rows(robot).stream().allMatch(r -> r.state().get() == StepState.DONE));
    assertOneOfEach();
  }

  @Test
  void anotherRunOfTheSetup_isExplained_andRetryCompletesOnceItEnded(FxRobot robot) throws Exception {
    openCreatePage(robot, sandbox -> { });
    Path journal = dir.resolve("sandbox").resolve("us-east-1").resolve("journals").resolve("shop.journal.json");
    waitFor(() -> !createButton(robot).isDisabled());

    try (var otherRun = Journal.open(journal).lockForRun()) { // e.g. `apply` in a terminal
      robot.clickOn(createButton(robot));
      waitFor(() -> createButton(robot).getText().replace("_", "").equals("Retry"));
      String problem = robot.lookup("#problemText").queryAs(TextArea.class).getText();
      assertTrue(problem.startsWith("Another window or command is creating or deleting this setup’s resources"),
          problem);
      assertTrue(problem.contains(journal.toString()), problem);
    }

    robot.clickOn(createButton(robot));
    waitFor(() -> !wizard.nextDisabled());
    assertOneOfEach();
  }

  @Test
  void cancel_stopsAfterTheCallsInFlight_leavesAResumableJournal_andResumeCompletes(FxRobot robot) throws Exception {
    openCreatePage(robot, sandbox -> {
      // one slow call, really slow, so that Cancel lands while it is in flight
      sandbox.account().sleeper(Sleeper.REAL);
      sandbox.faults().latency((service, operation) -> service == Service.ELBV2
          && operation.equals("CreateLoadBalancer") ? Duration.ofMillis(1500) : Duration.ZERO);
    });
    waitFor(() -> !createButton(robot).isDisabled());
    robot.clickOn(createButton(robot));
    waitFor(() -> rows(robot).stream().anyMatch(r -> r.ref().kind().equals("elbv2-load-balancer")
        && r.state().get() == StepState.RUNNING));
    var running = new AtomicReference<String>();
    var doneRows = new java.util.concurrent.atomic.AtomicLong();
    robot.interact(() -> {
      running.set(robot.lookup("#summaryLabel").queryLabeled().getText());
      doneRows.set(rows(robot).stream().filter(r -> r.state().get() == StepState.DONE).count());
    });
    assertTrue(doneRows.get() > 0, "rows are done before the load balancer");
    assertEquals("Creating: " + doneRows.get() + " of 25 resources done so far.", running.get());
    robot.clickOn("#cancelRunButton");
    waitFor(() -> createButton(robot).getText().replace("_", "").equals("Resume"));

    Path journal = dir.resolve("sandbox").resolve("us-east-1").resolve("journals").resolve("shop.journal.json");
    assertTrue(Files.exists(journal));
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      var entries = workspace.journal(SPEC).entries();
      long done = entries.stream().filter(e -> e.state() == JournalEntry.State.DONE).count();
      assertTrue(done > 0 && done < 25, "a partial run: " + done + " done");
    }
    assertTrue(rows(robot).stream().anyMatch(r -> r.state().get() == StepState.CANCELLED));
    assertTrue(robot.lookup("#summaryLabel").queryLabeled().getText().startsWith("Cancelled after"));

    robot.clickOn(createButton(robot));
    waitFor(() -> !wizard.nextDisabled());
    assertOneOfEach();
  }

  @Test
  void create_thatReplacesResources_asksWithEachAndItsCost_andReplacesOnlyOnceAccepted(FxRobot robot)
      throws Exception {
    openCreatePage(robot, sandbox -> { });
    waitFor(() -> !createButton(robot).isDisabled());
    robot.clickOn(createButton(robot));
    waitFor(() -> !wizard.nextDisabled());
    var c = SPEC.container();
    robot.interact(() -> model.spec().set(SPEC.withContainer(new org.bgwizard.setup.Container(c.name(), 8081, c.cpu(),
        c.memory(), c.architecture(), c.environment(), c.healthCheckPath(), c.initialImage()))));
    wizard.goTo(Step.REVIEW);
    wizard.goTo(Step.CREATE);
    waitFor(() -> rows(robot).stream().anyMatch(r -> r.detail().get().startsWith("AWS cannot change it in place")));
    dialogs.confirmAnswer = false;

    robot.clickOn(createButton(robot));

    waitFor(() -> dialogs.questions.size() == 1);
    var question = dialogs.questions.get(0);
    assertEquals("Replace 6 resources?", question.header());
    assertTrue(question.details().contains(": a new target group"), question.details());
    assertEquals(80, targetGroupPort());
    dialogs.confirmAnswer = true;
    robot.clickOn(createButton(robot));
    waitFor(() -> dialogs.questions.size() == 2 && !wizard.nextDisabled());
    assertEquals(8081, targetGroupPort());
    wizard.goTo(Step.DONE);
    String changes = robot.lookup("#changes").queryLabeled().getText();
    assertTrue(changes.contains(": replaced (deleted and created again): port: 80 → 8081"), changes);
    assertTrue(changes.contains(": updated in place: revision 1 differs"), changes);
  }

  private int targetGroupPort() {
    return opened.get().elbv2().describeTargetGroups(r -> r.names("shop-tg-1")).targetGroups().get(0).port();
  }

  @Test
  void teardown_listsWhatItDeletes_asksFirst_andEmptiesTheAccount(FxRobot robot) throws Exception {
    openCreatePage(robot, sandbox -> { });
    waitFor(() -> !createButton(robot).isDisabled());
    robot.clickOn(createButton(robot));
    waitFor(() -> !wizard.nextDisabled());

    dialogs.confirmAnswer = false;
    robot.clickOn("#teardownButton");
    waitFor(() -> dialogs.questions.size() == 1);
    var question = dialogs.questions.get(0);
    assertEquals("Delete the 25 resources this wizard created for shop?", question.header());
    assertTrue(question.details().contains("• ECS service shop-service"), question.details());
    assertEquals(StepState.DONE, rows(robot).get(0).state().get(), "declined: nothing deleted");

    dialogs.confirmAnswer = true;
    robot.clickOn("#teardownButton");
    waitFor(() -> robot.lookup("#summaryLabel").queryLabeled().getText().startsWith("Teardown finished"));
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      var status = workspace.operations().status(SPEC, workspace.journal(SPEC), true);
      assertTrue(status.resources().stream().allMatch(r -> r.state() == ResourceStatus.State.NOT_CREATED),
          status.toString());
      assertTrue(status.orphans().isEmpty(), status.toString());
    }
    assertTrue(robot.lookup("#teardownButton").queryButton().isDisabled());
  }

  @Test
  void everyCallTakingTwoSeconds_theWindowKeepsResponding(FxRobot robot) throws Exception {
    openCreatePage(robot, sandbox -> { });
    waitFor(() -> !createButton(robot).isDisabled());
    opened.get().account().sleeper(Sleeper.REAL);
    opened.get().faults().latency(Duration.ofSeconds(2));

    robot.clickOn(createButton(robot));
    // the click returned at once: the plan and the run are in the background, two seconds a call
    assertTrue(createButton(robot).isDisabled());
    assertFalse(robot.lookup("#cancelRunButton").queryButton().isDisabled());
    assertTrue(wizard.nextDisabled() && robot.lookup("#backButton").queryButton().isDisabled(),
        "no leaving the page while it runs");
    assertResponsive(robot);
    robot.clickOn("#cancelRunButton");
    assertResponsive(robot);
    opened.get().faults().latency(Duration.ZERO);
    waitFor(() -> createButton(robot).getText().replace("_", "").equals("Resume"));
  }

  /** For a second and a half, every task handed to the FX thread runs within 250 ms. */
  private static void assertResponsive(FxRobot robot) throws Exception {
    long end = System.nanoTime() + 1_500_000_000L;
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      WaitForAsyncUtils.asyncFx(() -> { }).get(250, TimeUnit.MILLISECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 250, "the FX thread took " + millis + " ms");
    }
  }

  /** The account holds the setup once: every resource present, one load balancer, one service. */
  private void assertOneOfEach() throws Exception {
    try (var workspace = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"))) {
      var status = workspace.operations().status(SPEC, workspace.journal(SPEC), true);
      assertEquals(25, status.resources().size());
      assertTrue(status.healthy(), status.toString());
      var clients = TestWorkspaces.clients(workspace);
      assertEquals(1, clients.elbv2().describeLoadBalancers().loadBalancers().size());
      assertEquals(2, clients.elbv2().describeTargetGroups().targetGroups().size());
      assertEquals(1, clients.ecs().listServices(r -> r.cluster("shop-cluster")).serviceArns().size());
      assertEquals(1, clients.codeDeploy().listApplications().applications().size());
      assertFalse(status.resources().isEmpty());
    }
  }

  private void waitFor(BooleanSupplier condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      var page = stage.getScene().lookup("#logList");
      throw new AssertionError("timed out; log: " + (page == null ? "-"
          : ((javafx.scene.control.ListView<?>) page).getItems()), e);
    }
  }
}
