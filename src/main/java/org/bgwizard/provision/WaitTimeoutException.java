package org.bgwizard.provision;

import java.time.Duration;

/** A bounded wait ran out; the message names what was awaited. */
public final class WaitTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WaitTimeoutException(String description, Duration timeout, Duration pollInterval, int checks) {
    super("Gave up waiting for " + description + " after " + Durations.format(timeout) + " (" + checks
        + " checks, " + Durations.format(pollInterval) + " apart)");
  }
}
