package org.bgwizard.provision;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.bgwizard.provision.JournalEntry.State;
import org.bgwizard.provision.ProvisionError.Action;
import org.bgwizard.provision.Scheduler.Finished;
import org.bgwizard.provision.Scheduler.Node;
import org.bgwizard.provision.StepEvent.Kind;

/**
 * Runs plans and teardowns. Independent steps run in parallel on the injected executor (a bounded pool in the
 * app, a same-thread executor in tests, which runs steps one by one in plan order); a step starts once every step
 * it depends on succeeded. One run at a time.
 */
public final class Provisioner {
  /** The weight of a step without an expected duration, in overall progress. */
  static final Duration DEFAULT_WEIGHT = Duration.ofSeconds(5);
  private static final Set<State> OURS_UNFINISHED = EnumSet.of(State.INTENT, State.CREATED, State.DELETING);

  private final Executor executor;
  private final Retrier retrier;
  private final ErrorDescriber describer;
  private final AtomicReference<Scheduler> current = new AtomicReference<>();

  private Provisioner(Builder b) {
    this.executor = b.executor;
    this.retrier = new Retrier(b.classifier, b.retryPolicy, b.clock, b.sleeper, b.random);
    this.describer = b.describer;
  }

  public static Builder builder(Executor executor) {
    return new Builder(executor);
  }

  /**
   * Brings the plan's resources into being. Steps the journal records as DONE are not run again; their outputs
   * come from the journal. A failure stops new steps from starting (running ones finish); the result says which
   * steps are done, failed, skipped or cancelled.
   */
  public ProvisionResult apply(Plan plan, Journal journal, ProvisionListener listener) {
    return apply(plan, journal, listener, RunAgain.NONE);
  }

  /**
   * Like {@link #apply(Plan, Journal, ProvisionListener)}, but runs the DONE steps {@code again} names once more
   * (to recreate or update their resources), and first records the resources it names to adopt as this setup's.
   */
  public ProvisionResult apply(Plan plan, Journal journal, ProvisionListener listener, RunAgain again) {
    try (var lock = journal.lockForRun()) {
      return applyLocked(plan, journal, listener, again);
    }
  }

  private ProvisionResult applyLocked(Plan plan, Journal journal, ProvisionListener listener, RunAgain again) {
    Map<ResourceRef, Map<String, String>> outputs = new ConcurrentHashMap<>();
    again.adopt().forEach((ref, because) -> journal.adopt(ref, Map.of(), because));
    return run(Action.APPLY, listener, scheduler -> {
      var nodes = new ArrayList<Node>();
      for (Step step : plan.steps()) {
        JournalEntry entry = journal.entry(step.ref()).orElse(null);
        String doneLine = again.steps().getOrDefault(step.ref(), again.adopt().get(step.ref()));
        boolean done = entry != null && entry.state() == State.DONE && doneLine == null;
        if (done) {
          outputs.put(step.ref(), entry.outputs());
        }
        nodes.add(new Node(step.ref(), step.dependsOn(), step.expectedDuration().orElse(DEFAULT_WEIGHT),
            done ? null : progress -> applyStep(step, journal, outputs, doneLine,
                new RunContext(step, false, journal, outputs::get, retrier, scheduler::cancelled, progress))));
      }
      return nodes;
    }, plan, outputs);
  }

  /** Deletes what {@code teardown} lists, dependents first, in parallel where that order allows. */
  public ProvisionResult teardown(TeardownPlan teardown, Journal journal, ProvisionListener listener) {
    try (var lock = journal.lockForRun()) {
      return teardownLocked(teardown, journal, listener);
    }
  }

  private ProvisionResult teardownLocked(TeardownPlan teardown, Journal journal, ProvisionListener listener) {
    Map<ResourceRef, Map<String, String>> recorded = new ConcurrentHashMap<>();
    journal.entries().forEach(e -> recorded.put(e.ref(), e.outputs()));
    return run(Action.DELETE, listener, scheduler -> {
      var nodes = new ArrayList<Node>();
      for (JournalEntry unknown : teardown.unknown()) {
        nodes.add(new Node(unknown.ref(), Set.of(), DEFAULT_WEIGHT, progress -> {
          throw new IllegalStateException("The journal says this setup created " + unknown.ref() + ", but no step"
              + " of the plan knows how to delete it: delete it by hand");
        }));
      }
      for (TeardownPlan.Item item : teardown.items()) {
        Step step = item.step();
        nodes.add(new Node(step.ref(), item.after(), DEFAULT_WEIGHT, progress -> deleteStep(step, journal,
            new RunContext(step, true, journal, recorded::get, retrier, scheduler::cancelled, progress))));
      }
      return nodes;
    }, null, Map.of());
  }

  /** Stops the current run safely: calls in flight finish and are recorded, nothing new starts. */
  public void cancel() {
    Scheduler scheduler = current.get();
    if (scheduler != null) {
      scheduler.cancel();
    }
  }

  private interface NodeSource {
    List<Node> nodes(Scheduler scheduler);
  }

  /** @param plan where failed steps' CLI commands come from; null for teardown, whose errors show none */
  private ProvisionResult run(Action action, ProvisionListener listener, NodeSource source, Plan plan,
      Map<ResourceRef, Map<String, String>> outputs) {
    // A failed apply stops new steps; a teardown goes on removing what does not depend on the failure.
    var scheduler = new Scheduler(executor, retrier.clock(), listener, action == Action.APPLY,
        error -> ProvisionError.line(error, describer));
    if (!current.compareAndSet(null, scheduler)) {
      throw new IllegalStateException("This provisioner is already running a plan");
    }
    try {
      Map<ResourceRef, Finished> finished = scheduler.run(source.nodes(scheduler));
      var failed = new ArrayList<ProvisionError>();
      finished.forEach((ref, f) -> {
        if (f.state() == StepState.FAILED) {
          String cli = plan == null ? null : plan.step(ref).map(Step::cliEquivalent).orElse(null);
          failed.add(ProvisionError.of(ref, action, cli, f.error(), describer));
        }
      });
      List<ResourceRef> cancelled = Scheduler.in(finished, StepState.CANCELLED);
      ProvisionResult.Status status = !failed.isEmpty() ? ProvisionResult.Status.FAILED
          : !cancelled.isEmpty() ? ProvisionResult.Status.CANCELLED : ProvisionResult.Status.SUCCEEDED;
      return new ProvisionResult(status, Scheduler.in(finished, StepState.DONE), failed,
          Scheduler.in(finished, StepState.SKIPPED), cancelled, outputs);
    } finally {
      current.set(null);
    }
  }

  /** @param doneLine what to say when a step run again (or adopted) is done; null for a first run */
  private static StepEvent.Said applyStep(Step step, Journal journal, Map<ResourceRef, Map<String, String>> outputs,
      String doneLine, RunContext ctx) throws Exception {
    boolean wasOurs = journal.entry(step.ref()).filter(e -> e.origin() == Origin.CREATE
        && e.state() == State.DONE).isPresent();
    StepOutcome outcome = step.apply(ctx);
    JournalEntry entry = journal.entry(step.ref()).orElse(null);
    boolean ours = entry != null && entry.origin() == Origin.CREATE
        && (OURS_UNFINISHED.contains(entry.state()) || (wasOurs && entry.state() == State.DONE));
    journal.recordDone(step.ref(), ours ? Origin.CREATE : Origin.REUSE, outcome.outputs());
    outputs.put(step.ref(), journal.entry(step.ref()).orElseThrow().outputs());
    if (ours) {
      return new StepEvent.Said(Kind.DONE, doneLine);
    }
    return StepEvent.Said.of(step.origin() == Origin.REUSE ? Kind.USING_EXISTING : Kind.FOUND_AND_KEPT);
  }

  private StepEvent.Said deleteStep(Step step, Journal journal, RunContext ctx) throws Exception {
    ctx.checkCancelled();
    journal.recordDeleting(step.ref());
    try {
      if (step.hasWorkInFlight()) {
        step.quiesce(ctx, journal.entry(step.ref()).orElseThrow());
      }
      step.delete(ctx, journal.entry(step.ref()).orElseThrow());
    } catch (CancellationException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      if (!describer.isNotFound(e)) {
        throw e;
      }
      journal.recordDeleted(step.ref());
      return StepEvent.Said.of(Kind.ALREADY_GONE);
    }
    journal.recordDeleted(step.ref());
    return StepEvent.Said.of(Kind.DELETED);
  }

  /** The provisioner's collaborators; everything but the executor has a default for the real app. */
  public static final class Builder {
    private final Executor executor;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.real();
    private TransientErrorClassifier classifier = TransientErrorClassifier.NOTHING_TRANSIENT;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Random random = new Random();
    private ErrorDescriber describer = ErrorDescriber.PLAIN;

    private Builder(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    public Builder classifier(TransientErrorClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier);
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy);
      return this;
    }

    /** The jitter source of retries; seed it in tests. */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    public Builder describer(ErrorDescriber describer) {
      this.describer = Objects.requireNonNull(describer);
      return this;
    }

    public Provisioner build() {
      return new Provisioner(this);
    }
  }
}
