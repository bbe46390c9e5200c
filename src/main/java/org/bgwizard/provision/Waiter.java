package org.bgwizard.provision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/** Bounded waits: polls a condition until it holds or the timeout passes, never longer. */
public final class Waiter {
  private final Retrier retrier;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Consumer<String> progress;

  /** Polls through {@code retrier} (a throttled poll is retried, not fatal) and reports to {@code progress}. */
  public Waiter(Retrier retrier, Clock clock, Sleeper sleeper, Consumer<String> progress) {
    this.retrier = Objects.requireNonNull(retrier, "retrier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Checks {@code condition} at once and then every {@code pollInterval}; the last check falls on the timeout.
   *
   * @param description what is awaited, completing "waiting for …": "the load balancer bg-alb to become active"
   * @throws WaitTimeoutException when the condition still fails at {@code timeout}
   */
  public void awaitUntil(Call<Boolean> condition, Duration pollInterval, Duration timeout, String description)
      throws Exception {
    if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("A wait needs a positive poll interval and a timeout, not " + pollInterval
          + " and " + timeout);
    }
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    for (int checks = 1; ; checks++) {
      if (Boolean.TRUE.equals(retrier.call("checking " + description, condition))) {
        return;
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new WaitTimeoutException(description, timeout, pollInterval, checks);
      }
      progress.accept("waiting for " + description + " (" + Durations.format(Duration.between(start, now))
          + " so far, at most " + Durations.format(timeout) + ")");
      Duration remaining = Duration.between(now, deadline);
      sleeper.sleep(remaining.compareTo(pollInterval) < 0 ? remaining : pollInterval);
    }
  }
}
