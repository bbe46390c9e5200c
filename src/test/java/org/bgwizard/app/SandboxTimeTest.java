package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.deploy.Scheduler;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ScaledClock;
import org.junit.jupiter.api.Test;

/**
 * How the simulated account's time reaches the deployment monitors and the commands; a simulated wait follows the
 * speed the learner sets while it runs.
 */
class SandboxTimeTest {
  private final ManualClock real = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final List<Duration> slept = new ArrayList<>();

  @Test
  void inTheSimulatedAccount_pausesFollowItsTime_butNeverBelowASecond() {
    var delays = new ArrayList<Duration>();
    Scheduler recording = (delay, task) -> {
      delays.add(delay);
      return () -> { };
    };

    var scheduler = SandboxTime.pauses(recording, () -> 30);
    scheduler.schedule(Duration.ofSeconds(60), () -> { });
    scheduler.schedule(Duration.ofSeconds(5), () -> { });
    scheduler.schedule(Duration.ofMillis(200), () -> { });
    SandboxTime.pauses(recording, () -> 1).schedule(Duration.ofSeconds(5), () -> { });

    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5)),
        delays);
  }

  @Test
  void inTheSimulatedAccount_pausesFollowASpeedChangedWhileTheDashboardIsOpen() {
    var delays = new ArrayList<Duration>();
    Scheduler recording = (delay, task) -> {
      delays.add(delay);
      return () -> { };
    };
    var simulated = new ScaledClock(real, Instant.EPOCH, 30);
    var scheduler = SandboxTime.pauses(recording, simulated::speed);

    scheduler.schedule(Duration.ofSeconds(60), () -> { });
    simulated.speed(1);
    scheduler.schedule(Duration.ofSeconds(60), () -> { });
    simulated.speed(10);
    scheduler.schedule(Duration.ofSeconds(60), () -> { });

    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(6)), delays);
  }

  @Test
  void theSimulatedAccountsId_isTheSandboxsOwn() {
    assertEquals(Sandbox.ACCOUNT_ID, SimulatedAccount.ACCOUNT_ID);
  }

  @Test
  void simulatedWait_atThirtyTimes_sleepsAThirtieth() throws Exception {
    var time = SandboxTime.scaled(real, d -> {
      slept.add(d);
      real.advance(d);
    });
    var clock = time.clock(Instant.parse("2026-01-01T00:00:00Z"), 30);

    time.sleeper(clock, 30).sleep(Duration.ofSeconds(3));

    assertEquals(Duration.ofMillis(100), slept.stream().reduce(Duration.ZERO, Duration::plus));
    assertEquals(Instant.parse("2026-01-01T00:00:03Z"), clock.instant());
  }

  @Test
  void speedChangedDuringAWait_theRestOfItRunsAtTheNewSpeed() throws Exception {
    var clocks = new ArrayList<ScaledClock>();
    var time = SandboxTime.scaled(real, d -> {
      slept.add(d);
      real.advance(d);
      if (slept.size() == 1) {
        clocks.get(0).speed(30);
      }
    });
    var clock = (ScaledClock) time.clock(Instant.parse("2026-01-01T00:00:00Z"), 1);
    clocks.add(clock);

    time.sleeper(clock, 1).sleep(Duration.ofSeconds(60));

    // one slice at 1× (a quarter second), then the remaining 59.75 simulated seconds at 30×: about 2 s, not 60
    Duration total = slept.stream().reduce(Duration.ZERO, Duration::plus);
    assertEquals(Duration.ofMillis(250), slept.get(0));
    assertTrue(total.compareTo(Duration.ofMillis(2250)) <= 0 && total.compareTo(Duration.ofMillis(2200)) >= 0,
        total::toString);
    assertTrue(!clock.instant().isBefore(Instant.parse("2026-01-01T00:01:00Z")), clock.instant()::toString);
  }
}
