package org.bgwizard.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.bgwizard.deploy.Scheduler;
import org.bgwizard.provision.Sleeper;
import org.bgwizard.sandbox.core.ScaledClock;

/**
 * How simulated time passes in the sandbox: in the app it runs {@code speed} times faster than real time, and a
 * simulated wait of d sleeps d / speed; tests substitute a manual clock that sleeps by advancing.
 */
public interface SandboxTime {

  /** The clock of an account that had reached {@code resumeAt}. */
  Clock clock(Instant resumeAt, double speed);

  /** How the provisioner spends a simulated wait on {@code clock}. */
  Sleeper sleeper(Clock clock, double speed);

  /** Real time, scaled. */
  static SandboxTime scaled() {
    return scaled(Clock.systemUTC(), Sleeper.real());
  }

  /**
   * Real time read from {@code real} and spent by {@code realSleeper}. A simulated wait sleeps in slices of at
   * most {@link #SLICE} until the account's clock has reached its end, so a change of speed meanwhile (the
   * window's speed control) shortens or lengthens the rest of it.
   */
  static SandboxTime scaled(Clock real, Sleeper realSleeper) {
    return new SandboxTime() {
      @Override
      public Clock clock(Instant resumeAt, double speed) {
        return new ScaledClock(real, resumeAt, speed);
      }

      @Override
      public Sleeper sleeper(Clock clock, double speed) {
        return d -> {
          Instant end = clock.instant().plus(d);
          for (Duration left = d; !left.isNegative() && !left.isZero(); left = Duration.between(clock.instant(), end)) {
            double now = clock instanceof ScaledClock scaled ? scaled.speed() : speed;
            Duration slice = Duration.ofNanos((long) Math.ceil(left.toNanos() / now));
            realSleeper.sleep(slice.compareTo(SLICE) < 0 ? slice : SLICE);
          }
        };
      }
    };
  }

  /**
   * A deployment monitor's pauses in the account's time: the simulated account runs faster than real time (30× in
   * the app), so a pause of five seconds there is a sixth of a second here; never shorter than a second (or the
   * pause itself), which keeps a learner's deployment visible step by step without redrawing more often.
   */
  static Scheduler pauses(Scheduler real, DoubleSupplier speed) {
    return (delay, task) -> {
      double now = speed.getAsDouble();
      return real.schedule(now <= 1 ? delay : shrink(delay, now), task);
    };
  }

  private static Duration shrink(Duration delay, double speed) {
    Duration minimum = Duration.ofSeconds(1);
    Duration scaled = Duration.ofNanos((long) (delay.toNanos() / speed));
    Duration floor = delay.compareTo(minimum) < 0 ? delay : minimum;
    return scaled.compareTo(floor) < 0 ? floor : scaled;
  }

  Duration SLICE = Duration.ofMillis(250);
}
