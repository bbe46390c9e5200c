package org.bgwizard.sandbox.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Switches for practice and tests: throttling, server errors, failing the Nth call of an operation, denying an
 * action to the caller, and added latency per call. Rules match a service (null = any) and an operation name (null = any). Not persisted.
 */
public final class Faults {
  private final List<Rule> rules = new ArrayList<>();
  private final List<Rule> denials = new ArrayList<>();
  private BiFunction<Service, String, Duration> latency = (s, o) -> Duration.ZERO;

  private static final class Rule {
    final Service service;
    final String operation;
    final Supplier<RuntimeException> error;
    final Instant until;
    int skip;
    int remaining;

    Rule(Service service, String operation, int skip, int remaining, Instant until, Supplier<RuntimeException> error) {
      this.service = service;
      this.operation = operation;
      this.skip = skip;
      this.remaining = remaining;
      this.until = until;
      this.error = error;
    }

    boolean matches(Service s, String op) {
      return (service == null || service == s) && (operation == null || operation.equals(op));
    }
  }

  /** The next {@code times} matching calls fail with the service's throttling error. */
  public synchronized Faults throttle(Service service, String operation, int times) {
    rules.add(new Rule(service, operation, 0, times, null, null));
    return this;
  }

  /** Every matching call fails with the service's throttling error until the simulated time {@code until}. */
  public synchronized Faults throttleUntil(Service service, String operation, Instant until) {
    rules.add(new Rule(service, operation, 0, Integer.MAX_VALUE, until, null));
    return this;
  }

  /** The next {@code times} matching calls fail with the service's 5xx error. */
  public synchronized Faults serverError(Service service, String operation, int times) {
    rules.add(new Rule(service, operation, 0, times, null, () -> null));
    return this;
  }

  /** The {@code n}th matching call from now (1 = the next one) fails with {@code error}, once. */
  public synchronized Faults failNth(Service service, String operation, int n, Supplier<RuntimeException> error) {
    if (n < 1) {
      throw new IllegalArgumentException("n starts at 1");
    }
    rules.add(new Rule(service, operation, n - 1, 1, null, error));
    return this;
  }

  /**
   * Every matching call fails as the service refuses a caller whose policies do not allow the action
   * ({@link AccessDenials}), until {@link #clear}: a user without, say, CodeCommit rights.
   */
  public synchronized Faults deny(Service service, String operation) {
    denials.add(new Rule(service, operation, 0, Integer.MAX_VALUE, null, null));
    return this;
  }

  /** Added latency of every call, by service and operation (e.g. a realistic model for benchmarks). */
  public synchronized Faults latency(BiFunction<Service, String, Duration> model) {
    this.latency = model;
    return this;
  }

  public synchronized Faults latency(Duration perCall) {
    return latency((s, o) -> perCall);
  }

  public synchronized void clear() {
    rules.clear();
    denials.clear();
    latency = (s, o) -> Duration.ZERO;
  }

  synchronized Duration latencyOf(Service service, String operation) {
    return latency.apply(service, operation);
  }

  /** Decides the fate of one call: null to proceed, or the exception to throw. Consumes matching rules. */
  synchronized RuntimeException check(Service service, String operation, Instant now, SandboxAccount account) {
    if (denials.stream().anyMatch(r -> r.matches(service, operation))) {
      return AccessDenials.denied(account, service, operation);
    }
    for (var it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if (r.until != null && !now.isBefore(r.until)) {
        it.remove();
        continue;
      }
      if (!r.matches(service, operation)) {
        continue;
      }
      if (r.skip > 0) {
        r.skip--;
        continue;
      }
      if (--r.remaining <= 0) {
        it.remove();
      }
      if (r.error == null) {
        return account.error(service.baseException(), service, service.throttleStatus(), service.throttleCode(),
            "Rate exceeded");
      }
      RuntimeException e = r.error.get();
      if (e == null) {
        return account.error(service.baseException(), service, 500, service.serverErrorCode(),
            "We encountered an internal error. Please try again.");
      }
      return e;
    }
    return null;
  }

  /** Whether an exception is one these switches throw for throttling (for tests and monitors). */
  public static boolean isThrottling(Throwable t) {
    return t instanceof AwsServiceException e && e.isThrottlingException();
  }
}
