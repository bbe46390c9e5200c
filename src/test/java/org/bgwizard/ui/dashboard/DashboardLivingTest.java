package org.bgwizard.ui.dashboard;

import static org.bgwizard.deploy.DashboardSim.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.Practice;
import org.bgwizard.deploy.TutorialSandbox;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard as a window people live in: the action bar stays in view, disabled actions say why, a queued release
 * and a rollback say what they are, Ctrl+W and Esc close it, one window per group, and it follows the language.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardLivingTest {
  private static final Duration LIMIT = Duration.ofMinutes(30);
  private final RecordingDialogs dialogs = new RecordingDialogs();
  private DashboardSim sim;
  private Stage stage;
  private DashboardWindow window;

  private void open(DashboardSim dashboard, Practice practice) {
    WaitForAsyncUtils.waitForAsyncFx(60_000, () -> make(dashboard, practice));
    sim.scheduler.runDue();
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** On the FX thread: the window on {@code dashboard}, shown. */
  private DashboardWindow make(DashboardSim dashboard, Practice practice) {
    sim = dashboard;
    stage = new Stage();
    window = new DashboardWindow(stage, Messages.of(Locale.ENGLISH), dialogs, new CurrentThreadExecutor(),
        new DashboardServices(sim.monitor, sim.actions, practice, uri -> { }, sim.clock, true, null));
    window.show();
    return window;
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

  private <T extends javafx.scene.Node> T find(String id, Class<T> type) {
    return new FxRobot().from(stage.getScene().getRoot()).lookup(id).queryAs(type);
  }

  private String why(String button) {
    return find("#" + button + "Holder", Label.class).getTooltip().getText();
  }

  @Test
  void actionBar_isOutsideTheScrollingDetails() {
    open(new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)), null);
    Button reroute = find("#rerouteButton", Button.class);
    TitledPane history = new FxRobot().from(stage.getScene().getRoot()).lookup(".titled-pane").queryAll().stream()
        .map(TitledPane.class::cast).filter(p -> p.getText().equals("Deployment history")).findFirst().orElseThrow();

    assertFalse(hasScrollPaneAncestor(reroute), "the actions stay pinned");
    assertTrue(hasScrollPaneAncestor(history), "the details scroll");
  }

  private static boolean hasScrollPaneAncestor(javafx.scene.Node node) {
    for (var p = node.getParent(); p != null; p = p.getParent()) {
      if (p instanceof javafx.scene.control.ScrollPane) {
        return true;
      }
    }
    return false;
  }

  @Test
  void disabledActions_sayWhyOnHover_andEnabledOnesWhatTheyDo() {
    open(new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)), null);
    sim.bg.deployGood();
    until(s -> status(s).equals("Ready"));

    assertTrue(find("#terminateButton", Button.class).isDisabled());
    assertEquals("The original task set can be terminated only while it waits for termination, after traffic has"
        + " moved.", why("terminateButton"));
    assertEquals("No pipeline is known for this deployment group.", why("releaseButton"));
    assertEquals("Production traffic moves from the original (blue) task set to the replacement (green) one.",
        why("rerouteButton"));
  }

  @Test
  void afterARollback_theHeadlineShowsTheStoppedDeploymentAndItsRollback_andNothingToTerminate() {
    open(new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5)), null);
    String id = sim.bg.deployBroken();
    until(s -> !s.service().stoppedTasks().isEmpty());
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> find("#rollbackButton", Button.class).fire());
    until(s -> s.current().rollback() && !s.current().terminal());

    assertTrue(find("#terminateButton", Button.class).isDisabled());
    assertEquals("A rollback is running: it removes the replacement task set itself.", why("terminateButton"));
    assertFalse(find("#countdownLabel", Label.class).getText().contains("terminated in"),
        find("#countdownLabel", Label.class).getText());

    until(s -> s.current().rollback() && status(s).equals("Succeeded"));
    String headline = find("#deploymentLabel", Label.class).getText();
    assertTrue(headline.startsWith("Rolled back: " + id + " Stopped  →  rollback "
        + sim.snapshot().current().id() + " Succeeded"), headline);
  }

  @Test
  void aReleaseQueuedBehindTheTerminationWait_saysSo_andHowToGoOn(@TempDir Path dir) throws Exception {
    var tutorial = TutorialSandbox.applied(dir);
    open(tutorial.dashboard(), new Practice(new SdkPracticeSource(tutorial.clients)));
    until(s -> s.current() != null && s.current().waitingForTermination());
    Label notice = find("#noticeLabel", Label.class);
    assertFalse(notice.isVisible());

    var t = tutorial.target();
    new Practice(new SdkPracticeSource(tutorial.clients)).release(t.source().repository(), t.source().branch(),
        t.pipeline(), Practice.Behaviour.HEALTHY);
    until(s -> s.queuedBehind() != null);

    String held = sim.snapshot().current().id();
    assertTrue(notice.isVisible());
    assertEquals("Queued: the pipeline waits for deployment " + held + " to finish. Terminate the original now to"
        + " go on.", notice.getText());
  }

  @Test
  void ctrlW_andEscape_closeTheWindow() {
    open(new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)), null);
    var robot = new FxRobot();
    robot.clickOn(find("#refreshedLabel", Label.class)).push(KeyCode.CONTROL, KeyCode.W);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(stage.isShowing(), "Ctrl+W");

    open(new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)), null);
    robot.clickOn(find("#refreshedLabel", Label.class)).push(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(stage.isShowing(), "Esc");
  }

  @Test
  void oneWindowPerGroup_followsTheLanguage_andClosesWithTheWizard() throws Exception {
    var registry = new OpenDashboards();
    var bg = BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60);
    var dashboard = new DashboardSim(bg);
    DashboardWindow first = WaitForAsyncUtils.asyncFx(() -> registry.open(dashboard.monitor.target(),
        () -> make(dashboard, null))).get();
    DashboardWindow again = WaitForAsyncUtils.asyncFx(() -> registry.open(sim.monitor.target(),
        () -> { throw new AssertionError("a second window for the same group"); })).get();
    assertSame(first, again);
    assertEquals(1, registry.count());

    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> registry.relocalize(Messages.of(Locale.JAPANESE)));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("トラフィックを再ルーティング", find("#rerouteButton", Button.class).getText());
    assertTrue(stage.getTitle().startsWith("デプロイ ダッシュボード"), stage.getTitle());

    WaitForAsyncUtils.waitForAsyncFx(10_000, registry::closeAll);
    assertFalse(stage.isShowing());
    assertEquals(0, registry.count());
    DashboardWindow reopened = WaitForAsyncUtils.asyncFx(() -> registry.open(sim.monitor.target(),
        () -> make(dashboard, null))).get();
    assertNotSame(first, reopened);
  }
}
