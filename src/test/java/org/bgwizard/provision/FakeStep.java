package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A step over {@link FakeCloud} that follows the step contract (find by name, else INTENT, create, CREATED), with
 * one-shot failures at chosen points and a hook to run inside {@code apply}.
 */
final class FakeStep implements Step {

  enum Point { START, BEFORE_CALL, AFTER_CALL, DELETE }

  @FunctionalInterface
  interface Hook {
    void run(StepContext ctx) throws Exception;
  }

  static final class Injected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Injected(String message) {
      super(message);
    }
  }

  private final FakeCloud cloud;
  private final ResourceRef ref;
  private final Set<ResourceRef> deps;
  private final Origin origin;
  private final Set<Point> failOnce = EnumSet.noneOf(Point.class);
  final List<Map<String, String>> seenDependencyIds = new CopyOnWriteArrayList<>();
  volatile int applies;
  private volatile Hook hook = ctx -> { };
  private volatile Hook afterCreate = ctx -> { };
  private volatile Hook onDelete = ctx -> { };
  private volatile Journal watched;
  private volatile Set<ResourceRef> deleteAfter = Set.of();
  private volatile boolean deleteLast;
  private volatile Hook quiesce;

  private FakeStep(FakeCloud cloud, ResourceRef ref, Origin origin, Set<ResourceRef> deps) {
    this.cloud = cloud;
    this.ref = ref;
    this.origin = origin;
    this.deps = deps;
  }

  static FakeStep create(FakeCloud cloud, String name, FakeStep... after) {
    return new FakeStep(cloud, new ResourceRef("fake-thing", name), Origin.CREATE, refs(after));
  }

  static FakeStep reuse(FakeCloud cloud, String name, FakeStep... after) {
    return new FakeStep(cloud, new ResourceRef("fake-thing", name), Origin.REUSE, refs(after));
  }

  private static Set<ResourceRef> refs(FakeStep... steps) {
    return Arrays.stream(steps).map(FakeStep::ref).collect(Collectors.toSet());
  }

  FakeStep failOnce(Point point) {
    synchronized (failOnce) {
      failOnce.add(point);
    }
    return this;
  }

  FakeStep onApply(Hook hook) {
    this.hook = hook;
    return this;
  }

  /** Runs after the resource was created and recorded (where a real step would wait for it). */
  FakeStep afterCreate(Hook hook) {
    this.afterCreate = hook;
    return this;
  }

  FakeStep onDelete(Hook hook) {
    this.onDelete = hook;
    return this;
  }

  /** Teardown deletes this one only after {@code others} are gone, although it does not depend on them. */
  FakeStep deleteAfter(FakeStep... others) {
    this.deleteAfter = refs(others);
    return this;
  }

  FakeStep lastToGo() {
    this.deleteLast = true;
    return this;
  }

  /** The resource has work in flight that {@code hook} stops. */
  FakeStep inFlight(Hook hook) {
    this.quiesce = hook;
    return this;
  }

  @Override
  public Set<ResourceRef> deleteAfter() {
    return deleteAfter;
  }

  @Override
  public boolean deleteLast() {
    return deleteLast;
  }

  @Override
  public boolean hasWorkInFlight() {
    return quiesce != null;
  }

  @Override
  public void quiesce(StepContext ctx, JournalEntry entry) throws Exception {
    quiesce.run(ctx);
  }

  /** Before and after every mutating call, checks that the journal on disk says what the live one says. */
  FakeStep watch(Journal journal) {
    this.watched = journal;
    return this;
  }

  @Override
  public ResourceRef ref() {
    return ref;
  }

  @Override
  public Set<ResourceRef> dependsOn() {
    return deps;
  }

  @Override
  public Origin origin() {
    return origin;
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    applies++;
    hook.run(ctx);
    var ids = new LinkedHashMap<String, String>();
    deps.stream().sorted().forEach(d -> ids.put(d.name(), ctx.output(d, "id")));
    seenDependencyIds.add(ids);
    fail(Point.START);
    Optional<FakeCloud.Resource> found = cloud.find(ref);
    if (found.isPresent()) {
      return outcome(found.get().id());
    }
    if (origin == Origin.REUSE) {
      throw new IllegalStateException(ref + " was supposed to exist");
    }
    String token = ctx.beforeCreate();
    checkDisk();
    fail(Point.BEFORE_CALL);
    FakeCloud.Resource made = cloud.create(ref, token);
    fail(Point.AFTER_CALL);
    ctx.created(Map.of("id", made.id()));
    checkDisk();
    afterCreate.run(ctx);
    return outcome(made.id());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    onDelete.run(ctx);
    checkDisk();
    fail(Point.DELETE);
    cloud.delete(ref);
  }

  @Override
  public String cliEquivalent() {
    return "fake create-thing --name " + ref.name();
  }

  private StepOutcome outcome(String id) {
    return StepOutcome.of("id", id, "arn", "arn:fake:" + ref.name());
  }

  private void fail(Point point) {
    synchronized (failOnce) {
      if (failOnce.remove(point)) {
        throw new Injected("injected failure of " + ref + " at " + point);
      }
    }
  }

  private void checkDisk() {
    Journal journal = watched;
    if (journal == null) {
      return;
    }
    try {
      synchronized (journal) { // Journal's methods lock on it: no write between the two reads
        assertEquals(journal.entries(), Journal.open(journal.file()).entries(), "journal on disk at " + ref);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
