package org.bgwizard.sandbox.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time running {@code speed} times faster than real time from a starting instant: the app's
 * sandbox uses it so a 2.5-minute load balancer provisioning can be watched in seconds when the learner wants.
 */
public final class ScaledClock extends Clock {
  private final Clock real;
  private final Instant simStart;
  private final Instant realStart;
  private final double speed;

  public ScaledClock(Clock real, Instant simStart, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, was " + speed);
    }
    this.real = real;
    this.simStart = simStart;
    this.realStart = real.instant();
    this.speed = speed;
  }

  public double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    long realNanos = Duration.between(realStart, real.instant()).toNanos();
    return simStart.plusNanos((long) (realNanos * speed));
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
