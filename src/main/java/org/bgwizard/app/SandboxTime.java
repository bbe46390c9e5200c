package org.bgwizard.app;

import java.time.Clock;
import java.time.Instant;
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
}
