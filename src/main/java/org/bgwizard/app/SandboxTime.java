package org.bgwizard.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bgwizard.deploy.Scheduler;
import org.bgwizard.provision.Sleeper;
import org.bgwizard.sandbox.ScaledClock;

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
    return new SandboxTime() {
      @Override
      public Clock clock(Instant resumeAt, double speed) {
        return new ScaledClock(Clock.systemUTC(), resumeAt, speed);
      }

      @Override
      public Sleeper sleeper(Clock clock, double speed) {
        return d -> {
          long nanos = (long) (d.toNanos() / speed);
          Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        };
      }
    };
  }

  /**
   * A deployment monitor's pauses in the account's time: the simulated account runs faster than real time (30× in
   * the app), so a pause of five seconds there is a sixth of a second here; never shorter than a second (or the
   * pause itself), which keeps a learner's deployment visible step by step without redrawing more often.
   */
  static Scheduler pauses(Scheduler real, double speed) {
    if (speed <= 1) {
      return real;
    }
    return (delay, task) -> real.schedule(shrink(delay, speed), task);
  }

  private static Duration shrink(Duration delay, double speed) {
    Duration minimum = Duration.ofSeconds(1);
    Duration scaled = Duration.ofNanos((long) (delay.toNanos() / speed));
    Duration floor = delay.compareTo(minimum) < 0 ? delay : minimum;
    return scaled.compareTo(floor) < 0 ? floor : scaled;
  }
}
