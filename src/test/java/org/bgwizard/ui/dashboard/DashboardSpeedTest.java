package org.bgwizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.ScaledClock;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard's speed control: shown on a simulated account that runs by itself, changing its time live. */
@ExtendWith(ApplicationExtension.class)
class DashboardSpeedTest {
  private final ManualClock real = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final ScaledClock accountTime = new ScaledClock(real, Instant.parse("2026-01-01T00:00:00Z"), 30);
  private Stage stage;

  private HBox open(Locale locale, SimulatedAccount account) throws Exception {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5));
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
      stage = new Stage();
      new DashboardWindow(stage, Messages.of(locale), new FakeDialogs(), new CurrentThreadExecutor(),
          new DashboardServices(sim.monitor, sim.actions, null, uri -> { }, sim.clock, true, account)).show();
    });
    WaitForAsyncUtils.waitForFxEvents();
    return (HBox) stage.getScene().lookup("#speedBox");
  }

  @AfterEach
  void close() {
    if (stage != null) {
      WaitForAsyncUtils.waitForAsyncFx(10_000, stage::close);
    }
  }

  @Test
  void speedControl_showsTheAccountsSpeed_andOneTimesSlowsItDownWithoutAJump(FxRobot robot) throws Exception {
    var account = new SpeedOnlyAccount(accountTime);
    HBox box = open(Locale.ENGLISH, account);
    assertTrue(box.isVisible());
    assertEquals("Simulated time:", ((javafx.scene.control.Label) box.getChildren().get(0)).getText());
    ToggleButton thirty = (ToggleButton) box.lookup("#speed30");
    assertTrue(thirty.isSelected());
    real.advance(java.time.Duration.ofSeconds(2));
    Instant beforeClick = accountTime.instant();

    robot.clickOn("#speed1");
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(List.of(1.0), account.set());
    assertEquals(beforeClick, accountTime.instant());
    real.advance(java.time.Duration.ofSeconds(5));
    assertEquals(beforeClick.plusSeconds(5), accountTime.instant());
    assertFalse(thirty.isSelected());

    robot.clickOn("#speed1"); // clicking the chosen speed again keeps it chosen
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(((ToggleButton) box.lookup("#speed1")).isSelected());
    assertEquals(List.of(1.0), account.set());
  }

  @Test
  void speedControl_isInJapanese() throws Exception {
    HBox box = open(Locale.JAPANESE, new SpeedOnlyAccount(accountTime));
    assertEquals("シミュレーション時間：", ((javafx.scene.control.Label) box.getChildren().get(0)).getText());
  }

  @Test
  void speedControl_isHidden_onAws() throws Exception {
    assertFalse(open(Locale.ENGLISH, null).isVisible());
  }

  @Test
  void speedControl_isHidden_onATestsClock_whichRunsOnlyWhenTold() throws Exception {
    assertFalse(open(Locale.ENGLISH, new SpeedOnlyAccount(Clock.systemUTC())).isVisible());
  }
}
