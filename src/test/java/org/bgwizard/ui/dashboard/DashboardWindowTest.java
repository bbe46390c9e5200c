package org.bgwizard.ui.dashboard;

import static org.bgwizard.deploy.DashboardSim.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.ListenerTargets;
import org.bgwizard.deploy.TutorialSandbox;
import org.bgwizard.deploy.Practice;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard window driven against the sandbox on a manual clock. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
  private static final Duration LIMIT = Duration.ofMinutes(20);
  private final RecordingDialogs recording = new RecordingDialogs();
  private final FakeDialogs dialogs = recording.fake;
  private final List<URI> opened = new ArrayList<>();
  private DashboardSim sim;
  private Stage stage;
  private DashboardWindow window;
  private FxRobot robot;

  private void open(BlueGreenSandbox bg) {
    open(new DashboardSim(bg), null, true);
  }

  private void open(DashboardSim dashboard, Practice practice, boolean simulated) {
    sim = dashboard;
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
      stage = new Stage();
      window = new DashboardWindow(stage, Messages.of(Locale.ENGLISH), recording, new CurrentThreadExecutor(),
          new DashboardServices(sim.monitor, sim.actions, practice, opened::add, sim.clock, simulated,
              null));
      window.show();
    });
    settle();
  }

  private void settle() {
    sim.scheduler.runDue();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void until(Predicate<DeploymentSnapshot> condition) {
    sim.until(condition, LIMIT);
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.model().nowProperty().set(sim.clock.instant()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() {
    if (stage != null) {
      WaitForAsyncUtils.waitForAsyncFx(10_000, stage::close);
    }
  }

  private org.testfx.service.query.NodeQuery find(String id) {
    return new FxRobot().from(stage.getScene().getRoot()).lookup(id);
  }

  private boolean enabled(FxRobot robot, String id) {
    return !find(id).queryAs(Button.class).isDisabled();
  }

  private List<Boolean> buttons(FxRobot robot) {
    return List.of("#rerouteButton", "#terminateButton", "#rollbackButton").stream().map(id -> enabled(robot, id))
        .toList();
  }

  private String text(FxRobot robot, String id) {
    return find(id).queryAs(Label.class).getText();
  }

  @Test
  void fullDeployment_manualRerouteAndEarlyTermination_buttonsFollowTheStates(FxRobot robot) {
    open(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60));
    assertTrue(find("#simulatedLabel").queryAs(Label.class).isVisible());
    assertEquals(List.of(false, false, false), buttons(robot), "no deployment yet");
    sim.bg.deployGood();
    until(s -> s.current() != null && s.current().events().size() > 1 && !s.current().terminal());
    assertEquals(List.of(false, false, true), buttons(robot), "installing: only rollback");

    until(s -> status(s).equals("Ready"));
    assertEquals(List.of(true, false, true), buttons(robot));
    assertTrue(text(robot, "#countdownLabel").startsWith("Time left to reroute before the deployment stops: 0:2"),
        text(robot, "#countdownLabel"));
    robot.clickOn(find("#rerouteButton").queryButton());
    assertTrue(dialogs.questions.get(0).header().contains("moves from the original (blue)"));
    until(s -> s.current().waitingForTermination());
    assertEquals(List.of(false, true, true), buttons(robot));
    assertTrue(text(robot, "#countdownLabel").contains("Original task set terminated in: 0:59"),
        text(robot, "#countdownLabel"));

    robot.clickOn(find("#terminateButton").queryButton());
    until(s -> status(s).equals("Succeeded"));
    assertEquals(List.of(false, false, false), buttons(robot));
    assertTrue(find("#weight-Green").queryAs(Label.class).getText().equals("100%"));
  }

  @Test
  void urlButtons_onTheSimulatedAccount_sayWhichTaskSetAndImageAnswerEachListener(FxRobot robot) {
    open(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60));
    sim.bg.deployGood();
    until(s -> status(s).equals("Ready") && s.service().taskSets().size() == 2);
    assertFalse(find("#practiceBox").query().isVisible(), "no practice without a pipeline and its branch");

    robot.clickOn(find("#productionUrlButton").queryButton());
    robot.clickOn(find("#testUrlButton").queryButton());

    assertEquals(List.of(), opened, "nothing serves the simulated load balancer's URL");
    List<String> production = recording.infos.get(0);
    assertEquals("What answers the listener :80", production.get(0));
    assertTrue(production.get(1).matches("In the simulated account nothing serves http://demo-alb-\\d+\\.us-east-1"
        + "\\.elb\\.amazonaws\\.com:80/\\. On AWS, the production listener would send each request to:"),
        production.get(1));
    assertTrue(production.get(2).startsWith("demo-tg-1 (100%)  Blue (original)\n    task definition demo-task:1,"
        + " running 1 / desired 1\n"), production.get(2));
    assertTrue(production.get(2).contains("image public.ecr.aws/nginx/nginx:stable"), production.get(2));
    assertTrue(production.get(2).endsWith("targets healthy: 1 of 1"), production.get(2));
    assertTrue(recording.infos.get(1).get(2).startsWith("demo-tg-2 (100%)  Green (replacement)"),
        recording.infos.get(1).get(2));
  }

  @Test
  void urlButtons_onARealAccount_openTheListenersUrlsInTheBrowser(FxRobot robot) {
    open(new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)), null, false);
    assertFalse(find("#simulatedLabel").queryAs(Label.class).isVisible());

    robot.clickOn(find("#productionUrlButton").queryButton());
    robot.clickOn(find("#testUrlButton").queryButton());

    assertEquals(2, opened.size());
    assertTrue(opened.get(0).toString().matches("http://demo-alb-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com:80/"),
        opened.toString());
    assertEquals(8080, opened.get(1).getPort());
    assertEquals(List.of(), recording.infos);
  }

  @Test
  void practiceBrokenRelease_fromTheWindow_showsItsStoppedTasks_andRollbackKeepsBlue(FxRobot robot,
      @TempDir Path dir) throws Exception {
    var tutorial = TutorialSandbox.applied(dir);
    open(tutorial.dashboard(), new Practice(new SdkPracticeSource(tutorial.clients)), true);
    until(s -> s.current() != null && s.current().waitingForTermination());
    robot.clickOn(find("#terminateButton").queryButton());
    until(s -> status(s).equals("Succeeded") && !s.pipeline().active());
    String first = sim.snapshot().current().id();
    String blue = production(sim.snapshot());
    assertTrue(find("#practiceBox").query().isVisible());
    assertFalse(find("#practiceBrokenButton").queryButton().isDisabled());

    robot.clickOn(find("#practiceBrokenButton").queryButton());

    var question = dialogs.questions.get(dialogs.questions.size() - 1);
    assertEquals("Release a broken version", question.title());
    assertTrue(question.header().contains("committed to the branch main of demo, and the pipeline demo-pipeline"
        + " starts"), question.header());
    assertTrue(question.header().contains("production traffic stays on blue"), question.header());
    until(s -> !s.current().id().equals(first) && s.service().stoppedTasks().stream()
        .anyMatch(t -> t.reason().contains("Task failed ELB health checks") && t.stoppedAt() != null));
    assertEquals(blue, production(sim.snapshot()), "production stays on blue");
    ListView<String> stopped = find("#stoppedList").queryListView();
    // with 5-second health checks the next broken task may already be stopping (listed first, with no stop time)
    assertTrue(stopped.getItems().stream().anyMatch(i -> i.matches("(?s)\\d\\d:\\d\\d:\\d\\d  Task failed ELB health checks .*"
        + "Catalogue row 33: .*")), stopped.getItems().toString());

    robot.clickOn(find("#rollbackButton").queryButton());
    until(s -> s.current().creator().equals("codeDeployRollback") && status(s).equals("Succeeded"));
    assertEquals(blue, production(sim.snapshot()));
  }

  @Test
  void approval_buttonsEnabledOnlyWhileItWaits_andApproveLetsTheRunDeploy(FxRobot robot, @TempDir Path dir)
      throws Exception {
    var spec = SpecDefaults.tutorial("demo", "us-east-1").withPipeline(new Pipeline("demo-pipeline", null, true, null));
    open(TutorialSandbox.applied(spec, dir).dashboard(), null, true);
    assertTrue(enabled(robot, "#releaseButton"), "a pipeline is known");
    assertFalse(enabled(robot, "#approveButton"));
    assertFalse(enabled(robot, "#rejectButton"));

    until(s -> s.pipeline().approval() != null);
    assertTrue(enabled(robot, "#approveButton"));
    assertTrue(enabled(robot, "#rejectButton"));
    assertTrue(text(robot, "#pipelineLabel").endsWith("A manual approval is waiting"), text(robot, "#pipelineLabel"));
    assertEquals(List.of(false, false, false), buttons(robot), "no deployment yet");

    robot.clickOn(find("#approveButton").queryButton());

    assertTrue(dialogs.questions.get(0).header().startsWith("The run goes on to Deploy"));
    assertFalse(enabled(robot, "#approveButton"));
    until(s -> s.current() != null && !s.current().terminal());
    assertTrue(enabled(robot, "#rollbackButton"));
  }

  /** The one target group the production listener sends traffic to. */
  private static String production(DeploymentSnapshot s) {
    var targets = ListenerTargets.of(s, s.traffic().route("Production"));
    assertEquals(1, targets.size(), targets.toString());
    return targets.get(0).targetGroup();
  }

  @Test
  void canary_theWeightBarsMove(FxRobot robot) {
    open(BlueGreenSandbox.create(BlueGreenSandbox.CANARY, null, 5));
    sim.bg.deployGood();
    until(s -> s.current() != null && s.current().taskSets().stream()
        .anyMatch(t -> t.label().equals("Green") && t.trafficWeight() == 10.0));
    assertEquals("10%", find("#weight-Green").queryAs(Label.class).getText());
    assertEquals("90%", find("#weight-Blue").queryAs(Label.class).getText());
    until(s -> s.current().taskSets().stream().anyMatch(t -> t.label().equals("Green") && t.trafficWeight() == 100));
    assertEquals("100%", find("#weight-Green").queryAs(Label.class).getText());
  }

  @Test
  void brokenRelease_showsTheDiagnosis_andRollbackRestoresTrafficToBlue(FxRobot robot) {
    open(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5));
    String id = sim.bg.deployBroken();
    until(s -> !s.service().stoppedTasks().isEmpty());
    ListView<String> stopped = find("#stoppedList").queryListView();
    assertTrue(stopped.getItems().get(0).contains("CannotPullContainerError"));
    assertTrue(stopped.getItems().get(0).contains("Catalogue row 18"), stopped.getItems().get(0));

    robot.clickOn(find("#rollbackButton").queryButton());
    assertTrue(dialogs.questions.get(0).header().contains("returns to the original (blue)"));
    until(s -> !s.current().id().equals(id) && status(s).equals("Succeeded"));
    assertTrue(find("#route-Production-demo-tg-1").tryQuery().isPresent(), "production → tg-1 (blue)");
    assertFalse(find("#route-Production-demo-tg-2").tryQuery().isPresent());
    ListView<String> history = find("#historyList").queryListView();
    assertTrue(history.getItems().get(0).startsWith(id + "  Stopped"), history.getItems().toString());
  }

  @Test
  void restartMidDeployment_theNewWindowReattaches(FxRobot robot, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    var before = BlueGreenSandbox.createIn(file, BlueGreenSandbox.ALL_AT_ONCE, 30, 60);
    String id = before.deployGood();
    before.advance(Duration.ofMinutes(5));
    before.sandbox().account().save();

    open(BlueGreenSandbox.reopen(file, before));
    assertTrue(text(robot, "#deploymentLabel").startsWith(id + "   Ready"), text(robot, "#deploymentLabel"));
    assertTrue(enabled(robot, "#rerouteButton"));
  }
}
