package org.bgwizard.provision;

import java.time.Duration;

/** A call still failed with a transient error when the retry bound ran out; the cause is the last error. */
public final class RetriesExhaustedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int attempts;

  RetriesExhaustedException(String description, int attempts, Duration elapsed, Throwable lastError) {
    super(description + " still failed after " + attempts + " attempts over " + Durations.format(elapsed) + ": "
        + lastError.getMessage(), lastError);
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
  }
}
