package org.bgwizard.provision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs a call again only when the {@link TransientErrorClassifier} calls its error THROTTLING or PROPAGATION, with
 * exponential back-off and full jitter ({@link RetryPolicy}), within the policy's total bound. Every other error
 * passes through at once. Time comes from the injected clock and sleeper, so tests take no real time. Thread-safe.
 */
public final class Retrier {
  private final TransientErrorClassifier classifier;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final Consumer<String> progress;
  private final boolean deleting;

  /** @param random the jitter source; seed it in tests */
  public Retrier(TransientErrorClassifier classifier, RetryPolicy policy, Clock clock, Sleeper sleeper,
      Random random) {
    this(classifier, policy, clock, sleeper, random, message -> { }, false);
  }

  private Retrier(TransientErrorClassifier classifier, RetryPolicy policy, Clock clock, Sleeper sleeper,
      Random random, Consumer<String> progress, boolean deleting) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.deleting = deleting;
  }

  /** The same retrier, telling {@code progress} about each retry ("… was throttled; retrying in 2 s"). */
  public Retrier reporting(Consumer<String> progress) {
    return new Retrier(classifier, policy, clock, sleeper, random, progress, deleting);
  }

  /** The same retrier, also retrying {@link TransientErrorClassifier.Kind#IN_USE} (teardown's). */
  Retrier deleting() {
    return new Retrier(classifier, policy, clock, sleeper, random, progress, true);
  }

  /** The same retrier, failing at once on errors of {@code kind} (a delete reads "not found" as gone, not "not yet"). */
  Retrier failingAtOnceOn(TransientErrorClassifier.Kind kind) {
    TransientErrorClassifier narrowed = error -> {
      TransientErrorClassifier.Kind k = classifier.classify(error);
      return k == kind ? TransientErrorClassifier.Kind.PERMANENT : k;
    };
    return new Retrier(narrowed, policy, clock, sleeper, random, progress, deleting);
  }

  /** The same retrier, sleeping with {@code sleeper} (the engine's adds cancellation). */
  Retrier sleepingWith(Sleeper sleeper) {
    return new Retrier(classifier, policy, clock, sleeper, random, progress, deleting);
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Runs {@code call}, retrying transient failures.
   *
   * @param description what the call does, for progress lines and the error ("ecs CreateService bg-service")
   * @throws RetriesExhaustedException when a transient error outlasts the bound (its cause is the last error)
   */
  public <T> T call(String description, Call<T> call) throws Exception {
    Instant start = clock.instant();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call();
      } catch (InterruptedException | CancellationException e) {
        throw e;
      } catch (Exception e) {
        TransientErrorClassifier.Kind kind = classifier.classify(e);
        if (kind == null || kind == TransientErrorClassifier.Kind.PERMANENT
            || kind == TransientErrorClassifier.Kind.IN_USE && !deleting) {
          throw e;
        }
        Duration delay = jitter(policy.ceiling(attempt));
        Duration elapsed = Duration.between(start, clock.instant());
        if (elapsed.plus(delay).compareTo(policy.totalBound()) > 0) {
          throw new RetriesExhaustedException(description, attempt, elapsed, e);
        }
        progress.accept(description + switch (kind) {
          case THROTTLING -> " was throttled";
          case NOT_YET_VISIBLE -> " failed: a resource created moments ago is not visible to other calls yet";
          case IN_USE -> " failed: still in use by something that is going away";
          default -> " failed while a new IAM role propagates";
        } + "; retrying in " + Durations.format(delay) + " (attempt " + (attempt + 1) + ")");
        sleeper.sleep(delay);
      }
    }
  }

  private Duration jitter(Duration ceiling) {
    return Duration.ofMillis((long) (random.nextDouble() * ceiling.toMillis()));
  }
}
