package org.bgwizard.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time running {@code speed} times faster than real time from a starting instant: the app's
 * sandbox uses it so a 2.5-minute load balancer provisioning can be watched in seconds when the learner wants.
 * The speed can change while the account runs; simulated time then goes on from where it was, at the new pace.
 */
public final class ScaledClock extends Clock {
  private final Clock real;
  /** Simulated {@code sim} was reached at real {@code real}; from there time runs {@code speed} times faster. */
  private record Anchor(Instant sim, Instant real, double speed) {}

  private Anchor anchor;

  public ScaledClock(Clock real, Instant simStart, double speed) {
    this.real = real;
    this.anchor = new Anchor(simStart, real.instant(), positive(speed));
  }

  public synchronized double speed() {
    return anchor.speed;
  }

  /** From now on, {@code speed} simulated seconds per real second; simulated now is the same before and after. */
  public synchronized void speed(double speed) {
    Instant now = real.instant();
    anchor = new Anchor(at(anchor, now), now, positive(speed));
  }

  @Override
  public synchronized Instant instant() {
    return at(anchor, real.instant());
  }

  private static Instant at(Anchor anchor, Instant realNow) {
    long realNanos = Duration.between(anchor.real, realNow).toNanos();
    return anchor.sim.plusNanos((long) (realNanos * anchor.speed));
  }

  private static double positive(double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, was " + speed);
    }
    return speed;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ScaledClock is always UTC");
  }
}
