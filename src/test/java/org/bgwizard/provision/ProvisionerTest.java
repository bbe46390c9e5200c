package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bgwizard.provision.FakeStep.Point;
import org.bgwizard.provision.JournalEntry.State;
import org.bgwizard.provision.ProvisionResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionerTest {
  @TempDir
  Path dir;
  private final TestEngine engine = new TestEngine();
  private final FakeCloud cloud = new FakeCloud();
  private final RecordingListener listener = new RecordingListener();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private Journal journal() throws Exception {
    return engine.journal(dir.resolve("setup.journal.json"));
  }

  private static List<ResourceRef> refs(FakeStep... steps) {
    return Arrays.stream(steps).map(FakeStep::ref).toList();
  }

  private static boolean await(CountDownLatch latch) throws InterruptedException {
    return latch.await(10, TimeUnit.SECONDS);
  }

  @Test
  void apply_independentSteps_overlap_andADependentStartsOnlyAfterBoth() throws Exception {
    Journal journal = journal();
    var aStarted = new CountDownLatch(1);
    var bStarted = new CountDownLatch(1);
    var a = FakeStep.create(cloud, "a").onApply(ctx -> {
      aStarted.countDown();
      assertTrue(await(bStarted), "b runs while a runs");
    });
    var b = FakeStep.create(cloud, "b").onApply(ctx -> {
      bStarted.countDown();
      assertTrue(await(aStarted), "a runs while b runs");
    });
    var c = FakeStep.create(cloud, "c", a, b).onApply(ctx -> {
      assertEquals(State.DONE, journal.entry(a.ref()).orElseThrow().state());
      assertEquals(State.DONE, journal.entry(b.ref()).orElseThrow().state());
    });

    ProvisionResult result = engine.provisioner(pool).apply(Plan.of(List.of(a, b, c)), journal, listener);

    assertEquals(Status.SUCCEEDED, result.status(), () -> result.failed().toString());
    assertEquals(refs(a, b, c), result.done());
    assertEquals(Map.of("a", cloud.find(a.ref()).orElseThrow().id(), "b", cloud.find(b.ref()).orElseThrow().id()),
        c.seenDependencyIds.get(0));
  }

  @Test
  void apply_aFailure_stopsNewSteps_andReportsDoneFailedAndSkipped() throws Exception {
    var a = FakeStep.create(cloud, "a");
    var b = FakeStep.create(cloud, "b", a).failOnce(Point.BEFORE_CALL);
    var c = FakeStep.create(cloud, "c");
    var d = FakeStep.create(cloud, "d", b);

    ProvisionResult result = engine.sequential().apply(Plan.of(List.of(a, b, c, d)), journal(), listener);

    assertEquals(Status.FAILED, result.status());
    assertEquals(refs(a), result.done());
    assertEquals(refs(b), result.failed().stream().map(ProvisionError::resource).toList());
    assertEquals(refs(c, d), result.skipped());
    assertEquals(0, c.applies);
    ProvisionError error = result.failed().get(0);
    assertEquals("Injected", error.details().code());
    assertEquals("fake create-thing --name b", error.cliEquivalent());
    assertEquals(List.of("WAITING", "RUNNING", "FAILED"), listener.states(b.ref()));
    assertEquals(List.of("WAITING", "SKIPPED"), listener.states(c.ref()));
  }

  @Test
  void apply_aFailure_letsStepsAlreadyRunningFinish() throws Exception {
    var aFailed = new CountDownLatch(1);
    var bStarted = new CountDownLatch(1);
    var a = FakeStep.create(cloud, "a").onApply(ctx -> {
      assertTrue(await(bStarted));
      throw new IllegalStateException("a breaks");
    });
    var b = FakeStep.create(cloud, "b").onApply(ctx -> {
      bStarted.countDown();
      assertTrue(await(aFailed), "b is still running when a's failure is handled");
    });
    var c = FakeStep.create(cloud, "c", b);
    ProvisionListener seesFailure = new ProvisionListener() {
      @Override
      public void onStep(StepEvent event) {
        if (event.state() == StepState.FAILED) {
          aFailed.countDown();
        }
      }
    };

    ProvisionResult result = engine.provisioner(pool).apply(Plan.of(List.of(a, b, c)), journal(), seesFailure);

    assertEquals(refs(b), result.done());
    assertEquals(refs(a), result.failed().stream().map(ProvisionError::resource).toList());
    assertEquals(refs(c), result.skipped());
    assertEquals(Map.of(b.ref(), 1), cloud.counts());
  }

  @Test
  void apply_resumedAfterAFailure_rerunsOnlyTheFailedAndUnrunSteps_withOutputsRestored() throws Exception {
    var a = FakeStep.create(cloud, "a");
    var b = FakeStep.create(cloud, "b", a).failOnce(Point.START);
    var c = FakeStep.create(cloud, "c", b);
    Plan plan = Plan.of(List.of(a, b, c));
    engine.sequential().apply(plan, journal(), ProvisionListener.NONE);

    ProvisionResult result = engine.sequential().apply(plan, journal(), listener);

    assertEquals(Status.SUCCEEDED, result.status());
    assertEquals(1, a.applies);
    assertEquals(2, b.applies);
    assertEquals(1, c.applies);
    assertEquals(Map.of("a", "id-1"), b.seenDependencyIds.get(1));
    assertEquals(Map.of("arn", "arn:fake:a", "id", "id-1"), result.outputs().get(a.ref()));
    assertEquals(List.of("done in an earlier run"), listener.messages(a.ref()));
    assertEquals(Map.of(a.ref(), 1, b.ref(), 1, c.ref(), 1), cloud.counts());
  }

  @Test
  void apply_killedBetweenIntentAndCreated_resumesWithoutADuplicate() throws Exception {
    var a = FakeStep.create(cloud, "a");
    var b = FakeStep.create(cloud, "b", a).failOnce(Point.AFTER_CALL);
    Plan plan = Plan.of(List.of(a, b));
    engine.sequential().apply(plan, journal(), ProvisionListener.NONE);
    Journal afterCrash = journal();
    JournalEntry intent = afterCrash.entry(b.ref()).orElseThrow();
    assertEquals(State.INTENT, intent.state());

    ProvisionResult result = engine.sequential().apply(plan, afterCrash, listener);

    assertEquals(Status.SUCCEEDED, result.status());
    assertEquals(Map.of(a.ref(), 1, b.ref(), 1), cloud.counts());
    JournalEntry done = journal().entry(b.ref()).orElseThrow();
    assertEquals(State.DONE, done.state());
    assertEquals(Origin.CREATE, done.origin());
    assertEquals(cloud.find(b.ref()).orElseThrow().id(), done.outputs().get("id"));
  }

  @Test
  void apply_killedBeforeTheCreateCall_createsOnResume_withTheRecordedToken() throws Exception {
    var a = FakeStep.create(cloud, "a").failOnce(Point.BEFORE_CALL);
    Plan plan = Plan.of(List.of(a));
    engine.sequential().apply(plan, journal(), ProvisionListener.NONE);
    String token = journal().entry(a.ref()).orElseThrow().clientToken();

    engine.sequential().apply(plan, journal(), listener);

    assertEquals(token, cloud.find(a.ref()).orElseThrow().token());
    assertEquals(Map.of(a.ref(), 1), cloud.counts());
  }

  @Test
  void cancel_duringACall_letsItFinish_andLeavesAResumableJournal() throws Exception {
    Provisioner provisioner = engine.sequential();
    var a = FakeStep.create(cloud, "a");
    var b = FakeStep.create(cloud, "b", a).afterCreate(ctx -> provisioner.cancel());
    var c = FakeStep.create(cloud, "c", b);
    Plan plan = Plan.of(List.of(a, b, c));

    ProvisionResult result = provisioner.apply(plan, journal(), listener);

    assertEquals(Status.CANCELLED, result.status());
    assertEquals(refs(a, b), result.done());
    assertEquals(refs(c), result.cancelled());
    ProvisionResult resumed = engine.sequential().apply(plan, journal(), ProvisionListener.NONE);
    assertEquals(Status.SUCCEEDED, resumed.status());
    assertEquals(Map.of(a.ref(), 1, b.ref(), 1, c.ref(), 1), cloud.counts());
  }

  @Test
  void cancel_duringAWait_stopsTheStepAtItsNextSleep_withTheResourceRecorded() throws Exception {
    Provisioner provisioner = engine.sequential();
    var polls = new AtomicInteger();
    var alb = FakeStep.create(cloud, "alb").afterCreate(ctx -> ctx.awaitUntil(() -> {
      if (polls.incrementAndGet() == 2) {
        provisioner.cancel();
      }
      return false;
    }, Duration.ofSeconds(15), Duration.ofMinutes(10), "the load balancer to become active"));

    ProvisionResult result = provisioner.apply(Plan.of(List.of(alb)), journal(), listener);

    assertEquals(Status.CANCELLED, result.status());
    assertEquals(2, polls.get());
    assertEquals(State.CREATED, journal().entry(alb.ref()).orElseThrow().state());
    assertTrue(listener.messages(alb.ref()).contains("stopped at a safe point"));
  }

  @Test
  void cancel_beforeTheCreateCall_recordsNoIntent() throws Exception {
    Provisioner provisioner = engine.sequential();
    var a = FakeStep.create(cloud, "a").onApply(ctx -> provisioner.cancel());

    ProvisionResult result = provisioner.apply(Plan.of(List.of(a)), journal(), listener);

    assertEquals(refs(a), result.cancelled());
    assertEquals(List.of(), journal().entries());
    assertEquals(Map.of(), cloud.counts());
  }

  @Test
  void apply_findingAResourceItDidNotCreate_recordsItAsReused() throws Exception {
    var a = FakeStep.create(cloud, "a");
    cloud.bring(a.ref());

    engine.sequential().apply(Plan.of(List.of(a)), journal(), listener);

    JournalEntry entry = journal().entry(a.ref()).orElseThrow();
    assertEquals(Origin.REUSE, entry.origin());
    assertEquals(State.DONE, entry.state());
    assertEquals("found one this setup did not create: it will be used, and kept at teardown",
        listener.messages(a.ref()).get(listener.messages(a.ref()).size() - 1));
  }

  @Test
  void apply_reuseStep_isRecordedAsReused_andMustNotCreate() throws Exception {
    var vpc = FakeStep.reuse(cloud, "vpc");
    cloud.bring(vpc.ref());
    var subnet = FakeStep.reuse(cloud, "subnet").onApply(StepContext::beforeCreate);

    ProvisionResult result = engine.sequential().apply(Plan.of(List.of(vpc, subnet)), journal(), listener);

    assertEquals(Origin.REUSE, journal().entry(vpc.ref()).orElseThrow().origin());
    assertTrue(result.failed().get(0).details().message().contains("must not create one"));
    assertTrue(journal().entry(subnet.ref()).isEmpty());
  }

  @Test
  void apply_readingOutputsOfAStepItDoesNotDependOn_fails() throws Exception {
    var a = FakeStep.create(cloud, "a");
    var b = FakeStep.create(cloud, "b", a);
    var c = FakeStep.create(cloud, "c", b).onApply(ctx -> ctx.output(a.ref(), "id"));

    ProvisionResult result = engine.sequential().apply(Plan.of(List.of(a, b, c)), journal(), listener);

    assertEquals("fake-thing/c reads the outputs of fake-thing/a but does not depend on it; add it to dependsOn()",
        result.failed().get(0).details().message());
  }

  @Test
  void events_followEachStep_andProgressEndsAtOne() throws Exception {
    var a = FakeStep.create(cloud, "a").onApply(ctx -> {
      ctx.progress("creating the thing");
      engine.clock.advance(Duration.ofSeconds(30));
    });
    var b = FakeStep.create(cloud, "b", a);

    engine.sequential().apply(Plan.of(List.of(a, b)), journal(), listener);

    assertEquals(List.of("waiting", "started", "creating the thing", "done"), listener.messages(a.ref()));
    StepEvent done = listener.events.stream().filter(e -> e.ref().equals(a.ref()) && e.state() == StepState.DONE)
        .findFirst().orElseThrow();
    assertEquals(Duration.ofSeconds(30), done.elapsed());
    Progress last = listener.progress.get(listener.progress.size() - 1);
    assertEquals(new Progress(2, 2, 0, 0, 1.0, Duration.ofSeconds(30)), last);
  }

  @Test
  void progress_weighsStepsByTheirExpectedDuration() throws Exception {
    var slow = new Slow(FakeStep.create(cloud, "alb"), Duration.ofMinutes(3));
    var quick = FakeStep.create(cloud, "role");

    engine.sequential().apply(Plan.of(List.of(slow, quick)), journal(), listener);

    Progress afterSlow = listener.progress.stream().filter(p -> p.done() == 1).findFirst().orElseThrow();
    assertEquals(180.0 / 185.0, afterSlow.fraction(), 1e-9);
  }

  @Test
  void apply_throttledCallsInsideAStep_areRetried() throws Exception {
    var calls = new AtomicInteger();
    var a = FakeStep.create(cloud, "a").onApply(ctx -> ctx.retrier().call("fake DescribeThing", () -> {
      if (calls.incrementAndGet() < 3) {
        throw new RetrierTest.Throttled();
      }
      return null;
    }));
    Provisioner provisioner = Provisioner.builder(Runnable::run).clock(engine.clock).sleeper(engine.sleeper)
        .classifier(RetrierTest.CLASSIFIER).random(new Random(1)).build();

    ProvisionResult result = provisioner.apply(Plan.of(List.of(a)), journal(), listener);

    assertEquals(Status.SUCCEEDED, result.status());
    assertEquals(2, engine.sleeps.size());
    assertTrue(listener.messages(a.ref()).stream().anyMatch(m -> m.startsWith("fake DescribeThing was throttled")));
  }

  /** A step with an expected duration. */
  private record Slow(FakeStep step, Duration expected) implements Step {
    @Override
    public ResourceRef ref() {
      return step.ref();
    }

    @Override
    public StepOutcome apply(StepContext ctx) throws Exception {
      return step.apply(ctx);
    }

    @Override
    public void delete(StepContext ctx, JournalEntry entry) throws Exception {
      step.delete(ctx, entry);
    }

    @Override
    public String cliEquivalent() {
      return step.cliEquivalent();
    }

    @Override
    public Optional<Duration> expectedDuration() {
      return Optional.of(expected);
    }
  }
}
