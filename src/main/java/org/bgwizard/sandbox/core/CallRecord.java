package org.bgwizard.sandbox.core;

import java.time.Instant;

/** One API call the account received, at simulated time {@code at}. */
public record CallRecord(Instant at, Service service, String operation) {}
