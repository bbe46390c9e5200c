package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.JournalInUseException;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepState;
import org.bgwizard.provision.TeardownPlan;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.PlanStatus;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.export.StackMarker;
import org.bgwizard.session.Session;
import org.bgwizard.session.StackHandover;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.services.WizardSession;

/**
 * The Create page: the plan per resource, then the run that creates it, step by step, with progress and a log;
 * Cancel stops after the calls in flight; a failure shows what AWS said and the catalogue's diagnosis, and
 * Create again resumes from the journal; Teardown deletes what the journal records. Work runs on the session's
 * background executor; the provisioner's events reach the FX thread through {@code ui}.
 */
public final class CreateViewModel {
  /** Where the page is. */
  public enum Phase {
    PREPARING, NOT_CONNECTED, REFUSED, READY, CREATING, CANCELLING, CREATED, FAILED, CANCELLED, DELETING, DELETED,
    DELETE_FAILED;

    boolean running() {
      return this == PREPARING || this == CREATING || this == CANCELLING || this == DELETING;
    }

    /** Nothing has run yet: the page still explains what Create will do. */
    public boolean beforeRun() {
      return this == PREPARING || this == NOT_CONNECTED || this == REFUSED || this == READY;
    }
  }

  private final SetupSpec spec;
  private final WizardSession session;
  private final Messages messages;
  private final Executor ui;
  private final RunDisplay run;
  private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.PREPARING);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyBooleanWrapper hasJournal = new ReadOnlyBooleanWrapper(this, "hasJournal");
  private final ReadOnlyBooleanWrapper stackManaged = new ReadOnlyBooleanWrapper(this, "stackManaged");
  private final BooleanBinding running;
  private final BooleanBinding canCreate;
  private final BooleanBinding canCancel;
  private final BooleanBinding canTeardown;
  /** Cancel may come while the plan is still being made, before the provisioner runs anything. */
  private volatile boolean cancelRequested;
  private volatile List<Replacement> replacements = List.of();
  private final RunChanges changes = new RunChanges();

  public CreateViewModel(SetupSpec spec, WizardSession session, Messages messages, Executor ui) {
    this.spec = spec;
    this.session = session;
    this.messages = messages;
    this.ui = ui;
    this.run = new RunDisplay(messages, ui);
    running = Bindings.createBooleanBinding(() -> phase.get().running(), phase);
    canCreate = Bindings.createBooleanBinding(() -> switch (phase.get()) {
      case READY, FAILED, CANCELLED, DELETED, DELETE_FAILED -> true;
      default -> false;
    }, phase);
    canCancel = Bindings.createBooleanBinding(() -> phase.get() == Phase.CREATING || phase.get() == Phase.DELETING,
        phase);
    canTeardown = Bindings.createBooleanBinding(() -> hasJournal.get() && !stackManaged.get()
        && !phase.get().running() && phase.get() != Phase.NOT_CONNECTED, phase, hasJournal, stackManaged);
  }

  public SetupSpec spec() {
    return spec;
  }

  public ObservableList<StepRow> rows() {
    return run.rows();
  }

  /** The run's events, one line each, oldest first. */
  public ObservableList<String> log() {
    return run.log();
  }

  public ObjectProperty<Phase> phase() {
    return phase;
  }

  /** 0 to 1, weighing each step by its expected duration. */
  public DoubleProperty progress() {
    return run.progress();
  }

  /** What went wrong and what to do, or empty. */
  public ReadOnlyStringProperty problem() {
    return problem.getReadOnlyProperty();
  }

  /** One line on how the last run ended, or what the plan will do. */
  public ReadOnlyStringProperty summary() {
    return summary.getReadOnlyProperty();
  }

  /** Time since the run started, on the account's clock (simulated time in the sandbox); empty before a run. */
  public ReadOnlyStringProperty elapsed() {
    return run.elapsed();
  }

  /** Brings {@link #elapsed()} up to date; the page calls it every second while work runs. */
  public void tick() {
    run.tick();
  }

  /** The journal records something this setup made: teardown has work. */
  public ReadOnlyBooleanProperty hasJournal() {
    return hasJournal.getReadOnlyProperty();
  }

  /** Work is running: the wizard keeps Back and Next disabled. */
  public BooleanBinding running() {
    return running;
  }

  public BooleanBinding canCreate() {
    return canCreate;
  }

  public BooleanBinding canCancel() {
    return canCancel;
  }

  public BooleanBinding canTeardown() {
    return canTeardown;
  }

  /** The text of the create button: Create, or Retry after a failure, Resume after Cancel. */
  public String createLabel() {
    return messages.get(switch (phase.get()) {
      case FAILED -> "create.retry";
      case CANCELLED -> "create.resume";
      default -> "create.start";
    });
  }

  /** Looks at what exists and what the journal holds, and shows the plan; nothing is created. */
  public void prepare() {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      notConnected();
      return;
    }
    phase.set(Phase.PREPARING);
    problem.set("");
    session.ensureRegion(spec.region(), () -> {
      Session there = session.workspace().get();
      session.executor().submit(BackgroundTask.of(() -> planWithJournal(there))
          .onSuccess(this::showPlan)
          .onError(this::refusedOrFailed));
    }, this::refusedOrFailed);
  }

  private record Prepared(SetupPlan plan, List<JournalEntry> journal) {}

  /** What Create would replace, each with what it costs: the page asks before it starts (empty: nothing). */
  public record Replacement(ResourceRef ref, String cost) {}

  /** A CloudFormation stack manages the setup (recorded by the import): Create and Teardown leave it alone. */
  private static final class StackManagedException extends Exception {
    private final StackMarker marker;

    StackManagedException(StackMarker marker) {
      super(marker.refusal("create"));
      this.marker = marker;
    }
  }

  private void refuseWhenStackManaged(Session workspace) throws Exception {
    var manager = StackHandover.manager(workspace, spec);
    if (manager.isPresent()) {
      throw new StackManagedException(manager.get());
    }
  }

  private Prepared planWithJournal(Session workspace) throws Exception {
    refuseWhenStackManaged(workspace);
    Journal journal = workspace.journal(spec);
    return new Prepared(workspace.operations().plan(spec, journal), journal.entries());
  }

  /** {@code ref} as the page names it: "[dev] ECS service shop-service-dev" in a setup with environments. */
  public String label(ResourceRef ref) {
    return run.label(ref);
  }

  public List<Replacement> replacements() {
    return replacements;
  }

  /** What the last run changed in resources that existed, one line each, for the Done page. */
  public List<String> changes() {
    return changes.lines();
  }

  private void showPlan(Prepared prepared) {
    run.environmentsOf(prepared.plan());
    run.setRows(prepared.plan().plan().steps().stream().map(s -> s.ref()).toList());
    replacements = prepared.plan().replacements().stream()
        .map(r -> new Replacement(r, prepared.plan().status(r).replaceCost())).toList();
    var rows = run.rows();
    long creates = 0;
    for (StepRow row : rows) {
      var entry = prepared.journal().stream().filter(e -> e.ref().equals(row.ref())).findFirst();
      var status = prepared.plan().status(row.ref());
      boolean done = entry.filter(e -> e.state() == JournalEntry.State.DONE).isPresent()
          && (status.kind() == PlanStatus.Kind.EXISTS_MATCHES || status.kind() == PlanStatus.Kind.REUSE);
      row.state().set(done ? StepState.DONE : StepState.WAITING);
      row.detail().set(messages.get("plan.status." + status.kind().name().toLowerCase(Locale.ROOT)));
      if (!done && status.kind() == PlanStatus.Kind.CREATE) {
        creates++;
      }
    }
    hasJournal.set(prepared.journal().stream().anyMatch(e -> e.state() != JournalEntry.State.DELETED));
    boolean allDone = rows.stream().allMatch(r -> r.state().get() == StepState.DONE);
    run.progress().set(allDone ? 1 : 0);
    summary.set(allDone ? messages.get("create.summary.alreadyCreated")
        : messages.format("create.summary.plan", rows.size(), creates));
    phase.set(allDone ? Phase.CREATED : Phase.READY);
  }

  /** Creates (or resumes creating) everything the plan lists. */
  public void create() {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      notConnected();
      return;
    }
    phase.set(Phase.CREATING);
    problem.set("");
    run.start(workspace.clock());
    cancelRequested = false;
    changes.clear();
    session.executor().submit(BackgroundTask.of(() -> {
      refuseWhenStackManaged(workspace);
      session.recent().keep(spec);
      Journal journal = workspace.journal(spec);
      SetupPlan plan = workspace.operations().plan(spec, journal);
      List<ResourceRef> refs = plan.plan().steps().stream().map(s -> s.ref()).toList();
      if (cancelRequested) {
        return new ProvisionResult(ProvisionResult.Status.CANCELLED, List.of(), List.of(), List.of(), refs, Map.of());
      }
      var confirmed = replacements.stream().map(Replacement::ref).toList();
      var unconfirmed = plan.replacements().stream().filter(r -> !confirmed.contains(r)).toList();
      if (!unconfirmed.isEmpty()) {
        throw new IllegalStateException(messages.format("create.replace.changed", unconfirmed));
      }
      ui.execute(() -> {
        run.environmentsOf(plan);
        run.setRows(refs);
        hasJournal.set(true);
        runningSummary();
      });
      return workspace.operations().apply(plan, journal, listener(workspace));
    }).onSuccess(this::created).onError(this::refusedOrFailed));
  }

  /** Stops the run after the calls in flight; the journal keeps what was done. */
  public void cancel() {
    Session workspace = session.workspace().get();
    if (workspace != null && canCancel.get()) {
      phase.set(phase.get() == Phase.DELETING ? Phase.DELETING : Phase.CANCELLING);
      run.log().add(messages.get("create.log.cancelling"));
      cancelRequested = true;
      workspace.operations().cancel();
    }
  }

  /**
   * What teardown would delete, read from the journal in the background; {@code then} gets the resources, in
   * the order they would be deleted, on the FX thread.
   */
  public void teardownPreview(Consumer<TeardownPreview> then) {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      notConnected();
      return;
    }
    session.executor().submit(BackgroundTask.of(() -> {
      refuseWhenStackManaged(workspace);
      Journal journal = workspace.journal(spec);
      return new TeardownPreview(workspace.operations().teardownPlan(spec, journal), journal);
    }).onSuccess(then::accept).onError(this::refusedOrFailed));
  }

  /** A teardown plan with its journal, and the resources listed for the confirmation. */
  public record TeardownPreview(TeardownPlan plan, Journal journal) {
    public List<ResourceRef> deletes() {
      return plan.refs();
    }

    /** Resources the setup uses but did not create: teardown leaves them. */
    public List<ResourceRef> kept() {
      return plan.kept().stream().map(JournalEntry::ref).toList();
    }
  }

  /** Deletes what {@code preview} lists, newest first. */
  public void teardown(TeardownPreview preview) {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      notConnected();
      return;
    }
    phase.set(Phase.DELETING);
    problem.set("");
    run.start(workspace.clock());
    run.setRows(preview.deletes());
    runningSummary();
    cancelRequested = false;
    session.executor().submit(BackgroundTask.of(() -> workspace.operations().teardown(preview.plan(),
        preview.journal(), listener(workspace))).onSuccess(this::tornDown).onError(this::refusedOrFailed));
  }

  private ProvisionListener listener(Session workspace) {
    return run.listener(() -> {
      if (cancelRequested) {
        // asked for before the run had started: the provisioner takes it now
        workspace.operations().cancel();
      }
    }, (label, event) -> {
      changes.note(label, event, messages);
      runningSummary();
    });
  }

  /** While a run goes on, the status line counts what is done so far instead of repeating the plan. */
  private void runningSummary() {
    long done = run.done();
    switch (phase.get()) {
      case CREATING, CANCELLING -> summary.set(messages.format("create.summary.creating", done, run.rows().size()));
      case DELETING -> summary.set(messages.format("create.summary.deleting", done, run.rows().size()));
      default -> { }
    }
  }

  private void created(ProvisionResult result) {
    hasJournal.set(true);
    tick();
    switch (result.status()) {
      case SUCCEEDED -> {
        run.progress().set(1);
        summary.set(messages.format("create.summary.created", result.done().size(),
            RunDisplay.clock(run.runElapsed())));
        phase.set(Phase.CREATED);
      }
      case CANCELLED -> {
        summary.set(messages.format("create.summary.cancelled", result.done().size(), run.rows().size()));
        phase.set(Phase.CANCELLED);
      }
      case FAILED -> {
        summary.set(messages.format("create.summary.failed", result.failed().size(), result.done().size(),
            run.rows().size()));
        problem.set(FailureReport.describe(result.failed(), messages));
        phase.set(Phase.FAILED);
      }
    }
  }

  private void tornDown(ProvisionResult result) {
    tick();
    if (result.succeeded()) {
      run.progress().set(1);
      hasJournal.set(false);
      summary.set(messages.format("create.summary.deleted", result.done().size()));
      phase.set(Phase.DELETED);
    } else {
      summary.set(messages.format("create.summary.deleteStopped", result.done().size(), run.rows().size()));
      problem.set(FailureReport.describe(result.failed(), messages));
      phase.set(Phase.DELETE_FAILED);
    }
  }

  private void refusedOrFailed(Throwable error) {
    if (error instanceof StackManagedException managed) {
      stackManaged.set(true);
      problem.set(messages.format("stack.managed", managed.marker.stack(), managed.marker.recordedAt()));
      phase.set(Phase.REFUSED);
      return;
    }
    if (error instanceof PlanRefusedException refused) {
      problem.set(messages.format("create.refused", String.join("\n", refused.reasons())));
      phase.set(Phase.REFUSED);
      return;
    }
    problem.set(error instanceof JournalInUseException busy ? messages.format("create.busy", busy.journal())
        : messages.format("create.error", error.getMessage() == null ? error.getClass().getSimpleName()
            : error.getMessage()));
    phase.set(phase.get() == Phase.DELETING ? Phase.DELETE_FAILED : Phase.FAILED);
  }

  private void notConnected() {
    problem.set(messages.get("create.notConnected"));
    phase.set(Phase.NOT_CONNECTED);
  }
}
