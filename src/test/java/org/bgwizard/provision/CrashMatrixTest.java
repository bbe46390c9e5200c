package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.bgwizard.provision.FakeStep.Point;
import org.bgwizard.provision.JournalEntry.State;
import org.bgwizard.provision.ProvisionResult.Status;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every step of a 6-step plan, a failure just before and just after its create call, then a resume from the
 * journal as read back from disk (what a killed process leaves), must end like a clean run: the same resources,
 * each exactly once, every entry DONE. Every journal write is checked against the file as it happens.
 */
class CrashMatrixTest {
  @TempDir
  Path dir;

  /** role, repo, policy(role), alb(repo, policy), service(alb), logs(role). */
  private static List<FakeStep> sixSteps(FakeCloud cloud) {
    var role = FakeStep.create(cloud, "role");
    var repo = FakeStep.create(cloud, "repo");
    var policy = FakeStep.create(cloud, "policy", role);
    var alb = FakeStep.create(cloud, "alb", repo, policy);
    var service = FakeStep.create(cloud, "service", alb);
    var logs = FakeStep.create(cloud, "logs", role);
    return List.of(role, repo, policy, alb, service, logs);
  }

  static Stream<Arguments> failures() {
    return Stream.of(false, true).flatMap(parallel -> Stream.of(Point.BEFORE_CALL, Point.AFTER_CALL)
        .flatMap(point -> Stream.iterate(0, k -> k < 6, k -> k + 1).map(k -> Arguments.of(k, point, parallel))));
  }

  @ParameterizedTest(name = "step {0}, {1}, parallel {2}")
  @MethodSource("failures")
  void failureAroundAnyCreateCall_thenResume_endsLikeACleanRun(int k, Point point, boolean parallel) throws Exception {
    var clean = new FakeCloud();
    new TestEngine().sequential().apply(Plan.of(sixSteps(clean)), Journal.open(dir.resolve("clean.json")),
        ProvisionListener.NONE);

    var engine = new TestEngine();
    var cloud = new FakeCloud();
    List<FakeStep> steps = sixSteps(cloud);
    Plan plan = Plan.of(steps);
    Path file = dir.resolve("run.json");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Journal first = engine.journal(file);
      steps.forEach(s -> s.watch(first));
      steps.get(k).failOnce(point);
      ProvisionResult failed = engine.provisioner(parallel ? pool : Runnable::run).apply(plan, first,
          ProvisionListener.NONE);
      assertEquals(Status.FAILED, failed.status());
      JournalEntry intent = engine.journal(file).entry(steps.get(k).ref()).orElseThrow();
      assertEquals(State.INTENT, intent.state());

      Journal reread = engine.journal(file);
      steps.forEach(s -> s.watch(reread));
      ProvisionResult resumed = engine.provisioner(parallel ? pool : Runnable::run).apply(plan, reread,
          ProvisionListener.NONE);

      assertEquals(Status.SUCCEEDED, resumed.status(), () -> resumed.failed().toString());
      assertEquals(clean.existing(), cloud.existing());
      assertTrue(cloud.counts().values().stream().allMatch(n -> n == 1), () -> "duplicates: " + cloud.counts());
      List<JournalEntry> entries = engine.journal(file).entries();
      assertEquals(6, entries.size());
      assertEquals(Set.of(State.DONE), Set.copyOf(entries.stream().map(JournalEntry::state).toList()));
      assertEquals(Set.of(Origin.CREATE), Set.copyOf(entries.stream().map(JournalEntry::origin).toList()));
      for (JournalEntry e : entries) {
        FakeCloud.Resource made = cloud.find(e.ref()).orElseThrow();
        assertEquals(Map.of("arn", "arn:fake:" + e.ref().name(), "id", made.id()), e.outputs());
        assertEquals(made.token(), e.clientToken());
      }
      assertEquals(intent.clientToken(), engine.journal(file).entry(intent.ref()).orElseThrow().clientToken(),
          "the resumed create reuses the token recorded before the failure");
    } finally {
      pool.shutdownNow();
    }
  }
}
