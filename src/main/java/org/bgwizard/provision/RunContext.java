package org.bgwizard.provision;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/** The engine's {@link StepContext}: for apply (reads dependencies, records creation) or for delete. */
final class RunContext implements StepContext {
  private final Step step;
  private final boolean deleting;
  private final Journal journal;
  private final Optional<JournalEntry> recorded;
  private final Function<ResourceRef, Map<String, String>> outputsOf;
  private final BooleanSupplier cancelled;
  private final Consumer<String> progress;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Retrier retrier;

  /** @param outputsOf a resource's outputs, null when there are none */
  RunContext(Step step, boolean deleting, Journal journal, Function<ResourceRef, Map<String, String>> outputsOf,
      Retrier retrier, BooleanSupplier cancelled, Consumer<String> progress) {
    this.step = step;
    this.deleting = deleting;
    this.journal = journal;
    this.recorded = journal.entry(step.ref());
    this.outputsOf = outputsOf;
    this.cancelled = cancelled;
    this.progress = progress;
    this.clock = retrier.clock();
    Sleeper base = retrier.sleeper();
    this.sleeper = d -> {
      checkCancelled();
      base.sleep(d);
      checkCancelled();
    };
    Retrier sleeping = (deleting ? retrier.deleting() : retrier).sleepingWith(sleeper).reporting(progress);
    this.retrier = deleting ? sleeping.failingAtOnceOn(TransientErrorClassifier.Kind.NOT_YET_VISIBLE) : sleeping;
  }

  @Override
  public ResourceRef ref() {
    return step.ref();
  }

  @Override
  public Optional<JournalEntry> recorded() {
    return recorded;
  }

  @Override
  public String output(ResourceRef dependency, String key) {
    String value = outputs(dependency).get(key);
    if (value == null) {
      throw new IllegalStateException(step.ref() + " needs the output '" + key + "' of " + dependency
          + ", which recorded only " + outputs(dependency).keySet());
    }
    return value;
  }

  @Override
  public Map<String, String> outputs(ResourceRef dependency) {
    if (!deleting && !step.dependsOn().contains(dependency)) {
      throw new IllegalStateException(step.ref() + " reads the outputs of " + dependency + " but does not depend on"
          + " it; add it to dependsOn()");
    }
    Map<String, String> outputs = outputsOf.apply(dependency);
    if (outputs == null) {
      throw new IllegalStateException(step.ref() + " needs the outputs of " + dependency + ", which has none");
    }
    return outputs;
  }

  @Override
  public String beforeCreate() {
    if (deleting) {
      throw new IllegalStateException("Deleting " + step.ref() + " must not create anything");
    }
    if (step.origin() == Origin.REUSE) {
      throw new IllegalStateException(step.ref() + " uses an existing resource and must not create one");
    }
    checkCancelled();
    return journal.recordIntent(step.ref());
  }

  @Override
  public void created(Map<String, String> identifiers) {
    if (deleting) {
      throw new IllegalStateException("Deleting " + step.ref() + " must not create anything");
    }
    journal.recordCreated(step.ref(), identifiers);
  }

  @Override
  public void withdrawIntent() {
    journal.withdrawIntent(step.ref(), recorded);
  }

  @Override
  public boolean movedFrom(String id) {
    if (deleting) {
      throw new IllegalStateException("Deleting " + step.ref() + " must not move anything");
    }
    return journal.move(id, step.ref());
  }

  @Override
  public Retrier retrier() {
    return retrier;
  }

  @Override
  public void awaitUntil(Call<Boolean> condition, Duration pollInterval, Duration timeout, String description)
      throws Exception {
    new Waiter(retrier, clock, sleeper, progress).awaitUntil(condition, pollInterval, timeout, description);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Sleeper sleeper() {
    return sleeper;
  }

  @Override
  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  @Override
  public void checkCancelled() {
    if (cancelled()) {
      throw new CancellationException("The run was cancelled");
    }
  }

  @Override
  public void progress(String message) {
    progress.accept(message);
  }
}
