package org.bgwizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SandboxClientSource;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** openDashboard: its own window, polling off the FX thread, labelled when simulated. */
@ExtendWith(ApplicationExtension.class)
class DashboardsTest {
  @Test
  void openDashboard_showsTheGroupInItsOwnWindow_polledInTheBackground(FxRobot robot) throws Exception {
    var bg = BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5);
    var clients = AwsClients.sandbox(new SandboxClientSource(bg.sandbox()), "us-east-1");
    var window = WaitForAsyncUtils.asyncFx(() -> Dashboards.openDashboard(DashboardSim.TARGET, clients, bg.clock(),
        Messages.of(Locale.ENGLISH), new FakeDialogs(), new CurrentThreadExecutor(), uri -> { }))
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().snapshotProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();

    Stage stage = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
        && s.getTitle() != null && s.getTitle().startsWith("Deployment dashboard")).findFirst().orElseThrow();
    assertEquals("Deployment dashboard — AppECS-demo / DgpECS-demo", stage.getTitle());
    Label simulated = robot.from(stage.getScene().getRoot()).lookup("#simulatedLabel").queryAs(Label.class);
    assertTrue(simulated.isVisible());
    assertEquals("Simulated account", simulated.getText());
    assertFalse(robot.from(stage.getScene().getRoot()).lookup("#practiceBox").query().isVisible(),
        "no pipeline, no practice");
    WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
  }

  @Test
  void openDashboard_onTheSimulatedAccount_offersPracticeForATargetWithItsBranch(FxRobot robot) throws Exception {
    var bg = BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5);
    var clients = AwsClients.sandbox(new SandboxClientSource(bg.sandbox()), "us-east-1");
    var target = new DeploymentTarget(BlueGreenSandbox.APPLICATION, BlueGreenSandbox.GROUP, "demo-pipeline",
        new DeploymentTarget.SourceBranch("demo", "main"));
    var window = WaitForAsyncUtils.asyncFx(() -> Dashboards.openDashboard(target, clients, bg.clock(),
        Messages.of(Locale.ENGLISH), new FakeDialogs(), new CurrentThreadExecutor(), uri -> { }))
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    Stage stage = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
        && s.getTitle() != null && s.getTitle().startsWith("Deployment dashboard")).findFirst().orElseThrow();
    assertTrue(robot.from(stage.getScene().getRoot()).lookup("#practiceBox").query().isVisible());
    assertTrue(window.model().simulated());
    WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
  }

  @Test
  void inTheSimulatedAccount_pausesFollowItsTime_butNeverBelowASecond() {
    var delays = new java.util.ArrayList<java.time.Duration>();
    org.bgwizard.deploy.Scheduler recording = (delay, task) -> {
      delays.add(delay);
      return () -> { };
    };
    var simulated = new org.bgwizard.sandbox.core.ScaledClock(java.time.Clock.systemUTC(), java.time.Instant.EPOCH, 30);

    var scheduler = Dashboards.onAccountTime(recording, simulated);
    scheduler.schedule(java.time.Duration.ofSeconds(60), () -> { });
    scheduler.schedule(java.time.Duration.ofSeconds(5), () -> { });
    scheduler.schedule(java.time.Duration.ofMillis(200), () -> { });
    Dashboards.onAccountTime(recording, java.time.Clock.systemUTC()).schedule(java.time.Duration.ofSeconds(5),
        () -> { });

    assertEquals(java.util.List.of(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1),
        java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(5)), delays);
  }
}
