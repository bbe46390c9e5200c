package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.Call;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.Step;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * A step over one AWS resource of type {@code T} (the aws package's record for it). Besides the {@link Step}
 * contract it can look its resource up as it exists now and say what apply would do to it, which is how a plan
 * gets its statuses and {@code status} finds drift.
 */
abstract class AwsStep<T> implements Step {
  protected final Setup setup;
  private final ResourceKind kind;
  private final ResourceRef ref;
  private final Origin origin;
  private final Set<ResourceRef> dependsOn;
  private final Duration expected;
  /** Planning found nothing to use: what apply finds with no journal entry was made since, by another apply. */
  private volatile boolean plannedCreate;
  /** This run recorded a found resource as the setup's by its tag ({@link #claimIfTagged}). */
  private volatile boolean claimed;
  /** The environments whose setups have this resource; empty in a setup without environments. */
  private volatile Set<String> environments = Set.of();

  AwsStep(Setup setup, ResourceKind kind, String name, Origin origin, Collection<ResourceRef> dependsOn,
      Duration expected) {
    this.setup = setup;
    this.kind = kind;
    this.ref = new ResourceRef(kind.id(), name);
    this.origin = origin;
    this.dependsOn = Set.copyOf(dependsOn);
    this.expected = expected;
  }

  @Override
  public final ResourceRef ref() {
    return ref;
  }

  final ResourceKind kind() {
    return kind;
  }

  /** The environments that have this resource, in promotion order; empty in a setup without environments. */
  final Set<String> environments() {
    return environments;
  }

  final void usedBy(Collection<String> names) {
    this.environments = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(names));
  }

  @Override
  public final Set<ResourceRef> dependsOn() {
    return dependsOn;
  }

  @Override
  public final Origin origin() {
    return origin;
  }

  @Override
  public final Optional<Duration> expectedDuration() {
    return Optional.of(expected);
  }

  /** The resource as it exists now, by the plan's name (or the user's ARN); empty when there is none. */
  abstract Optional<T> lookUp() throws Exception;

  /** Compares a found resource with the setup: it matches, apply updates what differs, or it cannot be used. */
  abstract PlanStatus compare(T found);

  /** The ARN (or id) of a found resource, for status reports. */
  abstract String idOf(T found);

  /** The tags of a found resource, read with the service's tag call unless the lookup brought them. */
  Map<String, String> tagsOf(T found) throws Exception {
    return setup.aws().tagged().tagsOf(kind, ref.name(), idOf(found));
  }

  /** What plan and status say of the resource besides its state (found or not); usually nothing. */
  List<String> notes(Optional<T> found) {
    return List.of();
  }

  @SuppressWarnings("unchecked")
  final List<String> notesOfFound(Optional<?> found) {
    return notes((Optional<T>) found);
  }

  /** What a journal rebuilt from the account records for a found resource: enough for its delete. */
  Map<String, String> identifiers(T found) {
    return Map.of("arn", idOf(found));
  }

  @SuppressWarnings("unchecked")
  final Map<String, String> tagsOfFound(Object found) throws Exception {
    return tagsOf((T) found);
  }

  @SuppressWarnings("unchecked")
  final Map<String, String> identifiersOfFound(Object found) {
    return identifiers((T) found);
  }

  /** What apply will do, given what {@link #lookUp} found. */
  final PlanStatus assess(Optional<T> found) {
    plannedCreate = origin == Origin.CREATE && found.isEmpty();
    if (origin == Origin.REUSE) {
      if (found.isEmpty()) {
        return PlanStatus.refuse("You chose an existing " + describe() + ", but it does not exist");
      }
      PlanStatus check = compare(found.get());
      return check.refused() ? check : PlanStatus.reuse();
    }
    return found.map(this::compare).orElseGet(PlanStatus::create);
  }

  @SuppressWarnings("unchecked")
  final PlanStatus assessFound(Optional<?> found) {
    return assess((Optional<T>) found);
  }

  @SuppressWarnings("unchecked")
  final String idOfFound(Object found) {
    return idOf((T) found);
  }

  /** Whether the id the journal recorded and the id found name the same resource (else it was replaced outside). */
  boolean sameResource(String recordedId, String foundId) {
    return recordedId.equals(foundId);
  }

  /** "role demo-codebuild", for messages. */
  String describe() {
    return ref.kind() + " " + ref.name();
  }

  /** Whether an earlier run began creating this resource (INTENT or CREATED on record): it is this setup's. */
  static boolean startedEarlier(StepContext ctx) {
    return ctx.recorded().filter(e -> e.origin() == Origin.CREATE
        && (e.state() == JournalEntry.State.INTENT || e.state() == JournalEntry.State.CREATED)).isPresent();
  }

  /** Whether the journal records the resource as this setup's own (made by it, or adopted from its tag). */
  static boolean recordedAsOurs(StepContext ctx) {
    return ctx.recorded().filter(e -> e.origin() == Origin.CREATE && e.state() != JournalEntry.State.DELETED)
        .isPresent();
  }

  static <R> R call(StepContext ctx, String what, Call<R> call) throws Exception {
    return ctx.retrier().call(what, call);
  }

  interface Action {
    void run() throws Exception;
  }

  static void run(StepContext ctx, String what, Action action) throws Exception {
    ctx.retrier().call(what, () -> {
      action.run();
      return null;
    });
  }

  /**
   * A resource this run finds that planning did not (no journal entry, and the plan said create: another apply of
   * this setup, from another machine or data folder, created it since) is recorded as this setup's when its tag says
   * so, so that teardown deletes it; without the tag it stays the user's, and the engine says it is kept. Only then
   * are tags read, so a kind whose tags cost a call pays it in this race alone.
   */
  final void claimIfTagged(StepContext ctx, T found) throws Exception {
    if (!plannedCreate || origin == Origin.REUSE || ctx.recorded().isPresent()) {
      return;
    }
    var read = TagChanges.Read.of(() -> call(ctx, "tags of " + describe(), () -> tagsOf(found)));
    if (read.error() != null) {
      ctx.progress("its tags could not be read (" + read.error().getMessage() + "): treated as yours, never deleted");
      return;
    }
    if (setup.ours(read.tags())) {
      ctx.beforeCreate();
      ctx.created(identifiers(found));
      claimed = true;
      ctx.progress("adopted from its tag " + setup.cliTagMap() + ": another apply of this setup created it meanwhile");
    }
  }

  /**
   * Brings the tags of a found resource of this setup in line with the setup's (a {@link TagChanges#CONVERGED} kind):
   * adds what it lacks and removes the keys apply gave before that the setup no longer has. Tags are read only when the
   * journal's record of them differs from the setup's; a read refused for lack of permission is said, and the tags
   * are left as they are.
   */
  final void convergeTags(StepContext ctx, T found) throws Exception {
    if (!TagChanges.CONVERGED.contains(kind) || origin == Origin.REUSE || !(recordedAsOurs(ctx) || claimed)) {
      return;
    }
    Map<String, String> recorded = TagChanges.recorded(ctx.recorded()).orElse(Map.of());
    if (recorded.equals(setup.tags())) {
      return;
    }
    var read = TagChanges.Read.of(() -> call(ctx, "tags of " + describe(), () -> tagsOf(found)));
    if (read.error() != null) {
      ctx.progress("its tags could not be read (" + read.error().getMessage() + "): left as they are");
      return;
    }
    Map<String, String> add = TagChanges.missing(setup, read.tags(), true);
    Set<String> remove = TagChanges.removed(recorded, setup.tags(), read.tags());
    if (!add.isEmpty() || !remove.isEmpty()) {
      run(ctx, "tag " + describe(), () -> setup.aws().tagged().retag(kind, ref.name(), idOf(found), add, remove));
    }
  }

  /** {@code outcome} with the record of the tags apply gave the resource, for a {@link TagChanges#CONVERGED} kind. */
  final StepOutcome withTags(StepOutcome outcome) {
    if (!TagChanges.CONVERGED.contains(kind) || origin == Origin.REUSE) {
      return outcome;
    }
    var outputs = new java.util.TreeMap<>(outcome.outputs());
    outputs.put(TagChanges.OUTPUT, TagChanges.record(setup.tags()));
    return new StepOutcome(outputs);
  }

  /**
   * The create call, which AWS may answer with "already exists" when another apply of this setup (or someone else)
   * created the resource between this run's look-up and its create. Then it is found again: with the setup's tag it
   * is recorded as the setup's own; without, this run's intent is withdrawn, so that it stays the user's. Either way
   * the step fails saying so (not with AWS's own message, which would hide whose it is), and apply again goes on from
   * what the journal now records.
   */
  final <R> R creating(StepContext ctx, String what, Call<R> create, Call<Optional<T>> findAgain) throws Exception {
    try {
      return call(ctx, what, create);
    } catch (Exception e) {
      String code = AwsCodes.alreadyExists(e);
      if (code == null) {
        throw e;
      }
      Optional<T> again = call(ctx, "look up " + describe() + " again", findAgain);
      if (again.isEmpty()) {
        throw e;
      }
      String meanwhile = "The " + describe() + " was created by someone else between this apply's look-up and its"
          + " create (AWS answered " + code + ")";
      var read = TagChanges.Read.of(() -> call(ctx, "tags of " + describe(), () -> tagsOf(again.get())));
      if (read.error() != null) {
        ctx.withdrawIntent();
        throw new IllegalStateException(meanwhile + ". Its tags could not be read (" + read.error().getMessage()
            + "), so it is treated as yours: apply leaves it alone and teardown never deletes it. Run apply again to"
            + " use it as yours, or delete it, or give the setup another name.");
      }
      if (setup.ours(read.tags())) {
        ctx.created(identifiers(again.get()));
        throw new IllegalStateException(meanwhile + ". It carries the tag " + setup.cliTagMap() + ": another apply"
            + " of this setup made it, so it is recorded as this setup's (adopted from its tag) and teardown deletes"
            + " it. Run apply again to go on with it.");
      }
      ctx.withdrawIntent();
      throw new IllegalStateException(meanwhile + ". It does not carry the tag " + setup.cliTagMap() + ", so it is"
          + " not this setup's: apply leaves it alone and teardown never deletes it. Run apply again to use it as"
          + " yours, or delete it, or give the setup another name.");
    }
  }

  final void creating(StepContext ctx, String what, Action create, Call<Optional<T>> findAgain) throws Exception {
    creating(ctx, what, () -> {
      create.run();
      return null;
    }, findAgain);
  }

  /**
   * Fails apply when the resource found cannot be used, or must be replaced (apply replaces only what the plan it
   * was given says, after asking): planning normally refuses or plans this first.
   */
  final void requireUsable(T found) {
    PlanStatus status = compare(found);
    if (status.refused()) {
      throw new IllegalStateException("The existing " + describe() + " cannot be used: "
          + String.join("; ", status.differences()));
    }
    if (status.kind() == PlanStatus.Kind.REPLACE) {
      throw new IllegalStateException("The existing " + describe() + " must be replaced ("
          + status.changes().stream().map(Change::toString).collect(java.util.stream.Collectors.joining("; "))
          + "): run apply again, which plans the replacement and asks first");
    }
  }
}
