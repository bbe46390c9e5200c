package org.bgwizard.ui.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.provision.Progress;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepEvent;
import org.bgwizard.provision.StepEvent.Kind;
import org.bgwizard.provision.StepState;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.ui.common.Messages;

/**
 * What the Create page shows of a run while it goes: a row per step with its state and detail, the log, the
 * progress, and the time since the run started on the account's clock. The provisioner's events reach the FX thread
 * through {@code ui}; each face words the events' kinds from its own bundle, this one from the wizard's.
 */
final class RunDisplay {
  /** The keys of the translations of the engine's events (the details of each step), each with the step's time. */
  private static final Map<Kind, String> DETAILS = Map.of(
      Kind.DONE, "create.detail.done",
      Kind.DELETED, "create.detail.deleted",
      Kind.STARTED, "create.detail.started",
      Kind.WAITING, "create.detail.waiting",
      Kind.DONE_EARLIER, "create.detail.doneEarlier",
      Kind.CANCELLED_BEFORE, "create.detail.cancelledBefore",
      Kind.SKIPPED, "create.detail.skipped",
      Kind.INTERRUPTED, "create.detail.interrupted");

  private final Messages messages;
  private final Executor ui;
  private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
  private final Map<ResourceRef, StepRow> byRef = new HashMap<>();
  private final Map<ResourceRef, String> prefixes = new HashMap<>();
  /**
   * What this run has done: a step applied alone first (the CodeCommit repository of an account without one) comes
   * again, journaled, at the start of the rest of the run, and was not done in an earlier run.
   */
  private final Set<ResourceRef> doneThisRun = new HashSet<>();
  private final ObservableList<String> log = FXCollections.observableArrayList();
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
  private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
  private Clock clock = Clock.systemUTC();
  private Instant startedAt;

  RunDisplay(Messages messages, Executor ui) {
    this.messages = messages;
    this.ui = ui;
  }

  ObservableList<StepRow> rows() {
    return rows;
  }

  ObservableList<String> log() {
    return log;
  }

  DoubleProperty progress() {
    return progress;
  }

  ReadOnlyStringProperty elapsed() {
    return elapsed.getReadOnlyProperty();
  }

  void tick() {
    if (startedAt != null) {
      elapsed.set(clock(runElapsed()));
    }
  }

  Duration runElapsed() {
    return startedAt == null ? Duration.ZERO : Duration.between(startedAt, clock.instant());
  }

  /** A new run on {@code accountClock}: the log and the progress start again. */
  void start(Clock accountClock) {
    log.clear();
    doneThisRun.clear();
    progress.set(0);
    clock = accountClock;
    startedAt = clock.instant();
    tick();
  }

  /**
   * The environments of the plan last shown ({@link StepRow#environmentPrefix}): the rows of every later run,
   * teardown's too, say which environment each resource belongs to.
   */
  void environmentsOf(SetupPlan plan) {
    prefixes.clear();
    plan.plan().steps().forEach(s -> prefixes.put(s.ref(), StepRow.environmentPrefix(plan, s.ref(), messages)));
  }

  /** The resource as its row names it: after its environment when the plan last shown gave one. */
  String label(ResourceRef ref) {
    return prefixes.getOrDefault(ref, "") + StepRow.resourceLabel(ref, messages);
  }

  void setRows(List<ResourceRef> refs) {
    byRef.clear();
    rows.setAll(refs.stream().map(ref -> new StepRow(ref, prefixes.getOrDefault(ref, ""), messages)).toList());
    rows.forEach(row -> byRef.put(row.ref(), row));
  }

  long done() {
    return rows.stream().filter(r -> r.state().get() == StepState.DONE).count();
  }

  /**
   * Shows the run's events; {@code onEvent} runs on the provisioner's thread first (a cancel asked for before the
   * run started goes in there), {@code stepShown} on the FX thread after each step's row changed, with the step's
   * label and the event.
   */
  ProvisionListener listener(Runnable onEvent, BiConsumer<String, StepEvent> stepShown) {
    return new ProvisionListener() {
      @Override
      public void onStep(StepEvent event) {
        onEvent.run();
        ui.execute(() -> {
          if (stepChanged(event)) {
            StepRow row = byRef.get(event.ref());
            stepShown.accept(row == null ? event.ref().toString() : row.label(), event);
          }
        });
      }

      @Override
      public void onProgress(Progress p) {
        ui.execute(() -> progress.set(p.fraction()));
      }
    };
  }

  private boolean stepChanged(StepEvent event) {
    if (event.kind() == Kind.DONE_EARLIER && doneThisRun.contains(event.ref())) {
      return false;
    }
    if (event.kind() == Kind.DONE) {
      doneThisRun.add(event.ref());
    }
    StepRow row = byRef.get(event.ref());
    String detail = detail(event);
    if (row != null) {
      row.state().set(event.state());
      row.detail().set(detail);
    }
    if (event.state() != StepState.WAITING) {
      log.add(messages.format("create.log.line", clock(runElapsed()),
          row == null ? event.ref().toString() : row.label(), detail));
    }
    return row != null;
  }

  /** The engine's events in the user's language, with the step's time when it ended; AWS's own text as is. */
  private String detail(StepEvent event) {
    if (event.kind() == Kind.FAILED) {
      return messages.format("create.detail.failed", event.text());
    }
    String key = event.kind() == Kind.DONE && event.text() != null ? null : DETAILS.get(event.kind());
    if (key == null) {
      return event.message() == null ? "" : event.message();
    }
    return messages.format(key, clock(event.elapsed()));
  }

  static String clock(Duration d) {
    return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
