package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bgwizard.provision.FakeStep.Point;
import org.bgwizard.provision.JournalEntry.State;
import org.bgwizard.provision.ProvisionResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeardownTest {
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

  private Plan applied(FakeStep... steps) throws Exception {
    Plan plan = Plan.of(List.of(steps));
    assertEquals(Status.SUCCEEDED, engine.sequential().apply(plan, journal(), ProvisionListener.NONE).status());
    return plan;
  }

  private static List<ResourceRef> refs(FakeStep... steps) {
    return Arrays.stream(steps).map(FakeStep::ref).toList();
  }

  @Test
  void teardown_deletesInReverseDependencyOrder_andNeverTouchesWhatTheUserBrought() throws Exception {
    var vpc = FakeStep.reuse(cloud, "vpc");
    cloud.bring(vpc.ref());
    var sg = FakeStep.create(cloud, "sg", vpc);
    var alb = FakeStep.create(cloud, "alb", sg);
    var role = FakeStep.create(cloud, "role");
    var service = FakeStep.create(cloud, "service", alb, role);
    Plan plan = applied(vpc, sg, alb, role, service);

    TeardownPlan teardown = Teardown.plan(journal(), plan);
    assertEquals(refs(service, role, alb, sg), teardown.refs());
    assertEquals(List.of(vpc.ref()), teardown.kept().stream().map(JournalEntry::ref).toList());

    ProvisionResult result = engine.sequential().teardown(teardown, journal(), listener);

    assertEquals(Status.SUCCEEDED, result.status());
    assertEquals(List.of("delete fake-thing/service", "delete fake-thing/role", "delete fake-thing/alb",
        "delete fake-thing/sg"), cloud.calls().stream().filter(c -> c.startsWith("delete")).toList());
    assertEquals(Set.of(vpc.ref()), cloud.existing());
    assertEquals(State.DONE, journal().entry(vpc.ref()).orElseThrow().state());
    assertEquals(State.DELETED, journal().entry(alb.ref()).orElseThrow().state());
  }

  @Test
  void teardown_stopsWorkInFlightFirst_honoursDeleteAfter_andDeletesTheLastOnesLast() throws Exception {
    var order = new CopyOnWriteArrayList<String>();
    var logs = FakeStep.create(cloud, "logs").lastToGo();
    var tg2 = FakeStep.create(cloud, "tg2");
    var lb = FakeStep.create(cloud, "lb");
    var production = FakeStep.create(cloud, "production", lb);
    var build = FakeStep.create(cloud, "build", logs).inFlight(ctx -> order.add("stop build"));
    var role = FakeStep.create(cloud, "role");
    tg2.deleteAfter(production, lb);
    for (FakeStep step : List.of(logs, tg2, lb, production, build, role)) {
      step.onDelete(ctx -> order.add("delete " + step.ref().name()));
    }
    Plan plan = applied(lb, logs, production, tg2, role, build);

    TeardownPlan teardown = Teardown.plan(journal(), plan);
    assertEquals(refs(build, role, production, lb, tg2, logs), teardown.refs());
    ProvisionResult result = engine.sequential().teardown(teardown, journal(), listener);

    assertEquals(Status.SUCCEEDED, result.status());
    assertEquals(List.of("stop build", "delete build", "delete role", "delete production", "delete lb",
        "delete tg2", "delete logs"), order);
    assertEquals(Set.of(), cloud.existing());
  }

  @Test
  void teardownPlan_dependentsComeFirst_evenThroughAStepThatIsKept() throws Exception {
    var lb = FakeStep.create(cloud, "lb");
    var listenerStep = FakeStep.reuse(cloud, "listener", lb);
    cloud.bring(listenerStep.ref());
    var service = FakeStep.create(cloud, "service", listenerStep);
    Plan plan = applied(lb, listenerStep, service);

    TeardownPlan teardown = Teardown.plan(journal(), plan);

    assertEquals(refs(service, lb), teardown.refs());
    assertEquals(Set.of(service.ref()), teardown.items().get(1).after());
  }

  @Test
  void teardown_independentDeletes_runInParallel_andTheSharedDependencyGoesLast() throws Exception {
    var bStarted = new CountDownLatch(1);
    var cStarted = new CountDownLatch(1);
    var a = FakeStep.create(cloud, "a").onDelete(ctx -> assertEquals(Set.of(ctx.ref()), cloud.existing()));
    var b = FakeStep.create(cloud, "b", a).onDelete(ctx -> {
      bStarted.countDown();
      assertTrue(cStarted.await(10, TimeUnit.SECONDS), "c is deleted while b is");
    });
    var c = FakeStep.create(cloud, "c", a).onDelete(ctx -> {
      cStarted.countDown();
      assertTrue(bStarted.await(10, TimeUnit.SECONDS), "b is deleted while c is");
    });
    Plan plan = applied(a, b, c);

    ProvisionResult result = engine.provisioner(pool).teardown(Teardown.plan(journal(), plan), journal(), listener);

    assertEquals(Status.SUCCEEDED, result.status(), () -> result.failed().toString());
    assertEquals(Set.of(), cloud.existing());
  }

  @Test
  void teardown_resourceAlreadyGone_countsAsDeleted() throws Exception {
    var a = FakeStep.create(cloud, "a");
    Plan plan = applied(a);
    cloud.delete(a.ref());

    ProvisionResult result = engine.sequential().teardown(Teardown.plan(journal(), plan), journal(), listener);

    assertEquals(Status.SUCCEEDED, result.status());
    assertEquals(State.DELETED, journal().entry(a.ref()).orElseThrow().state());
    assertTrue(listener.messages(a.ref()).contains("already gone"));
  }

  @Test
  void teardown_failedDelete_keepsTheEntry_skipsWhatItDependsOn_andALaterTeardownFinishes() throws Exception {
    var a = FakeStep.create(cloud, "a");
    var b = FakeStep.create(cloud, "b", a);
    var c = FakeStep.create(cloud, "c", a).failOnce(Point.DELETE);
    Plan plan = applied(a, b, c);

    ProvisionResult first = engine.sequential().teardown(Teardown.plan(journal(), plan), journal(), listener);

    assertEquals(Status.FAILED, first.status());
    assertEquals(refs(b), first.done());
    assertEquals(refs(c), first.failed().stream().map(ProvisionError::resource).toList());
    assertEquals(ProvisionError.Action.DELETE, first.failed().get(0).action());
    assertEquals(refs(a), first.skipped());
    assertEquals(State.DELETING, journal().entry(c.ref()).orElseThrow().state());

    TeardownPlan again = Teardown.plan(journal(), plan);
    assertEquals(refs(c, a), again.refs());
    assertEquals(Status.SUCCEEDED, engine.sequential().teardown(again, journal(), listener).status());
    assertEquals(Set.of(), cloud.existing());
  }

  @Test
  void teardown_afterARunKilledAroundTheCreateCall_removesWhatItMayHaveMade() throws Exception {
    var made = FakeStep.create(cloud, "made").failOnce(Point.AFTER_CALL);
    var notMade = FakeStep.create(cloud, "not-made").failOnce(Point.BEFORE_CALL);
    Plan plan = Plan.of(List.of(made, notMade));
    engine.provisioner(pool).apply(plan, journal(), ProvisionListener.NONE);

    TeardownPlan teardown = Teardown.plan(journal(), plan);
    assertTrue(teardown.describe().contains("fake-thing/made (a create call was made; deleted if it exists)"));
    ProvisionResult result = engine.sequential().teardown(teardown, journal(), listener);

    assertEquals(Status.SUCCEEDED, result.status());
    assertEquals(Set.of(), cloud.existing());
    assertTrue(journal().entries().stream().allMatch(e -> e.state() == State.DELETED));
  }

  @Test
  void teardown_entryNoStepKnows_isReportedAsFailed_notForgotten() throws Exception {
    var a = FakeStep.create(cloud, "a");
    var gone = FakeStep.create(cloud, "renamed");
    applied(a, gone);
    Plan today = Plan.of(List.of(a));

    TeardownPlan teardown = Teardown.plan(journal(), today);
    ProvisionResult result = engine.sequential().teardown(teardown, journal(), listener);

    assertEquals(List.of(gone.ref()), teardown.unknown().stream().map(JournalEntry::ref).toList());
    assertTrue(teardown.describe().contains("No step knows how to delete fake-thing/renamed: delete them by hand"));
    assertEquals(refs(a), result.done());
    assertEquals(refs(gone), result.failed().stream().map(ProvisionError::resource).toList());
    assertTrue(result.failed().get(0).details().message().contains("delete it by hand"));
  }

  @Test
  void teardownPlan_describe_listsWhatWillBeDeletedAndWhatIsKept() throws Exception {
    var vpc = FakeStep.reuse(cloud, "vpc");
    cloud.bring(vpc.ref());
    var sg = FakeStep.create(cloud, "sg", vpc);
    Plan plan = applied(vpc, sg);

    assertEquals("""
        Teardown: 1 to delete
          - fake-thing/sg
          = fake-thing/vpc (yours: kept)
        """, Teardown.plan(journal(), plan).describe());
  }

  @Test
  void teardown_cancelled_leavesTheRestForALaterTeardown() throws Exception {
    Provisioner provisioner = engine.sequential();
    var a = FakeStep.create(cloud, "a");
    var b = FakeStep.create(cloud, "b", a).onDelete(ctx -> provisioner.cancel());
    Plan plan = applied(a, b);

    ProvisionResult result = provisioner.teardown(Teardown.plan(journal(), plan), journal(), listener);

    assertEquals(Status.CANCELLED, result.status());
    assertEquals(refs(b), result.done());
    assertEquals(refs(a), result.cancelled());
    assertFalse(cloud.existing().contains(b.ref()));
    assertEquals(refs(a), Teardown.plan(journal(), plan).refs());
  }
}
