package org.bgwizard.provision;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What the engine hands a running step. One context per step run; safe to use from the step's thread. */
public interface StepContext {

  ResourceRef ref();

  /** The journal's entry for this step, as the run found it: a resumed step sees INTENT (and its token) here. */
  Optional<JournalEntry> recorded();

  /**
   * Output {@code key} of {@code dependency}, which must be one of {@link Step#dependsOn()} (during teardown: any
   * entry of the journal).
   *
   * @throws IllegalStateException naming the step, the dependency and the key, when it is not there
   */
  String output(ResourceRef dependency, String key);

  Map<String, String> outputs(ResourceRef dependency);

  /**
   * Records INTENT in the journal (on disk) before the creating call and returns the client token to send with it.
   * A run resuming an INTENT entry gets the same token again, so an idempotent create (ECS {@code clientToken})
   * returns the resource the first call made.
   */
  String beforeCreate();

  /** Records CREATED with the identifiers AWS returned, at once, so teardown can delete it even if a wait fails. */
  void created(Map<String, String> identifiers);

  /**
   * Forgets the INTENT this run recorded when its create call made nothing, because the name was taken by a
   * resource that is not this setup's: the entry goes back to what the run found, so the journal never claims it.
   */
  void withdrawIntent();

  /**
   * The resource the journal records as the setup's under another name, with the ARN (or id) {@code id}, is this
   * step's: a setting its name carries was changed in place (a listener's port, by ModifyListener). Its entry moves to
   * this step's ref, so teardown deletes it by its new name. False when the journal has no such live entry.
   */
  boolean movedFrom(String id);

  /** Retries throttling and IAM propagation errors only, within a bound. */
  Retrier retrier();

  /**
   * Polls {@code condition} (through {@link #retrier()}) every {@code pollInterval} until it is true.
   *
   * @throws WaitTimeoutException after {@code timeout}, naming {@code description}
   */
  void awaitUntil(Call<Boolean> condition, Duration pollInterval, Duration timeout, String description)
      throws Exception;

  Clock clock();

  /** Sleeps, but throws {@link java.util.concurrent.CancellationException} when the run is cancelled. */
  Sleeper sleeper();

  boolean cancelled();

  /** @throws java.util.concurrent.CancellationException when the user cancelled the run */
  void checkCancelled();

  /** A line for the GUI and the CLI, such as "waiting for the load balancer to become active". */
  void progress(String message);
}
