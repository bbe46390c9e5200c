package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.sandbox.ManualClock;
import org.bgwizard.sandbox.ScaledClock;
import org.junit.jupiter.api.Test;

/** The app's scaled time: a simulated wait follows the speed the learner sets while it runs. */
class SandboxTimeTest {
  private final ManualClock real = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final List<Duration> slept = new ArrayList<>();

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
