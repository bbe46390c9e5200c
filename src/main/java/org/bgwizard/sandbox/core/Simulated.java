package org.bgwizard.sandbox.core;

import java.time.Instant;

/**
 * An engine whose resources change by themselves as simulated time passes (a load balancer becoming active,
 * tasks starting, a deployment moving through its lifecycle). The account advances all engines together,
 * transition by transition, so cross-service effects happen in time order.
 */
public interface Simulated {
  /** The earliest instant strictly after the account's current time at which this engine changes, or null. */
  Instant nextTransition();

  /** Performs every transition due at or before {@code t}; {@code account.now()} equals {@code t} meanwhile. */
  void advanceTo(Instant t);

  /** The earlier of two instants, either of which may be null (none). */
  static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }
}
