package org.bgwizard.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How every real client behaves: the SDK's STANDARD retry strategy with {@code maxAttempts} attempts, backing
 * off exponentially from {@code baseDelay} (from {@code throttlingBaseDelay} after a throttling answer) up to
 * {@code maxBackoff}, each attempt bounded by {@code apiCallAttemptTimeout} and the whole call, retries
 * included, by {@code apiCallTimeout}.
 */
public record AwsClientSettings(Duration apiCallTimeout, Duration apiCallAttemptTimeout, int maxAttempts,
    Duration baseDelay, Duration throttlingBaseDelay, Duration maxBackoff) {

  public AwsClientSettings {
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(throttlingBaseDelay, "throttlingBaseDelay");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (apiCallAttemptTimeout.compareTo(apiCallTimeout) > 0) {
      throw new IllegalArgumentException("apiCallAttemptTimeout must not exceed apiCallTimeout");
    }
  }

  /** The SDK's STANDARD values (3 attempts, 100 ms / 1 s base delays, 20 s cap) with call timeouts added. */
  public static AwsClientSettings defaults() {
    return new AwsClientSettings(Duration.ofSeconds(60), Duration.ofSeconds(20), 3,
        Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20));
  }
}
