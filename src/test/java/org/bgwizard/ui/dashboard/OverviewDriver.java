package org.bgwizard.ui.dashboard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives an environments overview on a simulated account's manual clock, as its tests do. */
final class OverviewDriver {
  private OverviewDriver() {}

  /** Simulated time goes on, half a minute at a time, the overview read again every five minutes, until {@code done}. */
  static void advanceUntil(EnvironmentsOverview overview, ManualClock clock, Sandbox sandbox, BooleanSupplier done)
      throws Exception {
    for (int i = 1; i <= 1500; i++) {
      clock.advance(Duration.ofSeconds(30));
      sandbox.account().advanceToNow();
      if (i % 10 == 0) {
        WaitForAsyncUtils.asyncFx(overview::refresh).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        if (done.getAsBoolean()) {
          return;
        }
      }
    }
    throw new AssertionError("not reached in 12.5 simulated hours: " + overview.rows().stream()
        .map(r -> r.name() + " " + r.pipelineStatus() + "/" + r.deploymentStatus() + " "
            + (r.snapshot().get().pipeline() == null ? "" : r.snapshot().get().pipeline().failure())).toList());
  }

  /** Fires the overview's button {@code id} on the FX thread and waits for what it started there. */
  static void fire(FxRobot robot, EnvironmentsOverview overview, String id) throws Exception {
    WaitForAsyncUtils.asyncFx(() -> button(robot, overview, id).fire()).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  static Button button(FxRobot robot, EnvironmentsOverview overview, String id) {
    return robot.from(overview.stage().getScene().getRoot()).lookup("#" + id).queryAs(Button.class);
  }
}
