package org.bgwizard.provision;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One resource of a plan and how to make it exist and go away. The contract for step authors (see
 * {@code docs/provisioner.md}):
 * <ul>
 *   <li>{@link #apply} is idempotent: it first looks the resource up by name or tag, and creates it only when it is
 *       missing. Before the creating call it calls {@link StepContext#beforeCreate()} (the journal then says INTENT
 *       and hands out the client token to send); after it, {@link StepContext#created} with the identifiers AWS
 *       returned. A run killed between the two leaves INTENT: the next run calls {@code apply} again, which must
 *       find what the killed run made instead of making a second one.</li>
 *   <li>A step whose resource exists without a recorded INTENT did not create it: the engine records it as
 *       {@link Origin#REUSE}, so teardown never deletes it.</li>
 *   <li>{@link #delete} removes exactly the resource the journal entry names; a resource that is already gone
 *       counts as deleted (return normally, or throw what {@link ErrorDescriber#isNotFound} recognises).</li>
 *   <li>Retry only through {@link StepContext#retrier()}, wait only through {@link StepContext#awaitUntil}.</li>
 * </ul>
 */
public interface Step {

  ResourceRef ref();

  /** The steps whose outputs this one reads; it starts only once they all succeeded. */
  default Set<ResourceRef> dependsOn() {
    return Set.of();
  }

  /** {@link Origin#REUSE} for a resource the user brought: {@code apply} only looks it up, and it is never deleted. */
  default Origin origin() {
    return Origin.CREATE;
  }

  /** Finds or creates the resource and returns its identifiers. */
  StepOutcome apply(StepContext ctx) throws Exception;

  /**
   * Deletes the resource {@code entry} records. The entry may be in state INTENT, with no outputs: then find the
   * resource by {@link ResourceRef#name()} (or the entry's client token) as {@code apply} would.
   */
  void delete(StepContext ctx, JournalEntry entry) throws Exception;

  /**
   * Resources that must be gone before this one is deleted although it does not depend on them: what the cloud lets
   * point at it after apply (a listener that a deployment moved onto this target group). Teardown orders by them;
   * those it does not delete are ignored.
   */
  default Set<ResourceRef> deleteAfter() {
    return Set.of();
  }

  /** Whether teardown deletes this only after everything else it deletes (what running work would write back). */
  default boolean deleteLast() {
    return false;
  }

  /**
   * Whether the resource can have work in flight (runs, builds, deployments) that would re-create or hold what
   * teardown removes. Teardown then calls {@link #quiesce} first, and deletes nothing that this one does not depend
   * on before this one is gone.
   */
  default boolean hasWorkInFlight() {
    return false;
  }

  /** Stops the resource's work in flight, bounded, and reports each stop through {@code ctx.progress}. */
  default void quiesce(StepContext ctx, JournalEntry entry) throws Exception {
  }

  /** The AWS CLI command a learner would type to do what {@code apply} does. */
  String cliEquivalent();

  /** How long {@code apply} usually takes, for progress estimates and the critical path. */
  default Optional<Duration> expectedDuration() {
    return Optional.empty();
  }
}
