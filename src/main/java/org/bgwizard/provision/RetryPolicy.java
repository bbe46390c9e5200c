package org.bgwizard.provision;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off with full jitter: before attempt n+1 the retrier sleeps a random time between 0 and
 * {@code min(maxDelay, baseDelay × 2ⁿ⁻¹)}, and gives up once the next sleep would end after {@code totalBound}
 * (at most 5 minutes, the bound) from the first attempt.
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, Duration totalBound) {
  public static final Duration MAX_TOTAL_BOUND = Duration.ofMinutes(5);
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(20), MAX_TOTAL_BOUND);

  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(totalBound, "totalBound");
    if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("Back-off needs 0 < baseDelay <= maxDelay, not " + baseDelay + " and "
          + maxDelay);
    }
    if (totalBound.isNegative() || totalBound.compareTo(MAX_TOTAL_BOUND) > 0) {
      throw new IllegalArgumentException("Retries are bounded by at most 5 minutes, not " + totalBound);
    }
  }

  /** The longest sleep before attempt {@code attempt + 1} (attempts count from 1). */
  Duration ceiling(int attempt) {
    int doublings = Math.min(attempt - 1, 30);
    Duration grown = baseDelay.multipliedBy(1L << doublings);
    return grown.compareTo(maxDelay) > 0 ? maxDelay : grown;
  }
}
