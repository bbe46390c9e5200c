package org.bgwizard.sandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Changing the speed while the account runs: simulated time neither jumps nor goes back. */
class ScaledClockTest {
  private final ManualClock real = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final ScaledClock clock = new ScaledClock(real, Instant.parse("2026-01-01T00:00:00Z"), 30);

  @Test
  void speedChange_keepsSimulatedNow_andRunsAtTheNewPaceFromThere() {
    real.advance(Duration.ofSeconds(10));
    Instant before = clock.instant();
    assertEquals(Instant.parse("2026-01-01T00:05:00Z"), before);

    clock.speed(1);

    assertEquals(before, clock.instant());
    assertEquals(1, clock.speed());
    real.advance(Duration.ofSeconds(10));
    assertEquals(before.plusSeconds(10), clock.instant());
  }

  @Test
  void speedChanges_backAndForth_neverMoveSimulatedTimeBack() {
    Instant last = clock.instant();
    for (double speed : new double[] {1, 10, 30, 1, 30, 10}) {
      real.advance(Duration.ofMillis(1500));
      Instant beforeSwitch = clock.instant();
      clock.speed(speed);
      Instant afterSwitch = clock.instant();
      assertEquals(beforeSwitch, afterSwitch, "at the switch to " + speed + "×");
      assertEquals(1, afterSwitch.compareTo(last), "time moved on before the switch to " + speed + "×");
      last = afterSwitch;
    }
    real.advance(Duration.ofSeconds(2));
    assertEquals(last.plusSeconds(20), clock.instant());
  }

  @Test
  void speed_mustBePositive() {
    var e = assertThrows(IllegalArgumentException.class, () -> clock.speed(0));
    assertEquals("speed must be positive, was 0.0", e.getMessage());
    assertEquals(30, clock.speed());
  }
}
