package org.bgwizard.deploy;

import static org.bgwizard.deploy.DashboardSim.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.sandbox.core.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor against the sandbox on a manual clock: call budget, phases, traffic, diagnosis, reattaching. */
class DeploymentMonitorTest {
  private static final Duration LIMIT = Duration.ofMinutes(20);

  static TaskSetView set(DeploymentSnapshot s, String label) {
    return s.current().taskSets().stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
  }

  static Map<String, Integer> production(DeploymentSnapshot s) {
    return s.traffic().routes().stream().filter(r -> r.role().equals("Production")).findFirst().orElseThrow()
        .weights();
  }

  private static double perMinute(DashboardSim sim, Duration span) {
    Instant from = sim.bg.clock().instant();
    sim.advance(span);
    return sim.monitor.calls().between(from, sim.bg.clock().instant()) / (double) span.toMinutes();
  }

  @Test
  void callsPerMinute_idleAreFew_activeStayWithinOnePerSecond() {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)).started();
    double idle = perMinute(sim, Duration.ofMinutes(10));
    sim.bg.deployGood();
    double active = perMinute(sim, Duration.ofMinutes(10));

    assertTrue(idle > 0 && idle <= 20, "idle " + idle);
    assertTrue(active > idle && active <= 60, "active " + active);
    assertTrue(sim.snapshot().active(), "still waiting for reroute");
  }

  @Test
  void fullDeployment_manualReroute_thenEarlyTermination() {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)).started();
    assertNull(sim.snapshot().current());
    String id = sim.bg.deployGood();

    Duration seen = sim.until(s -> s.current() != null && s.current().id().equals(id), LIMIT);
    assertTrue(seen.compareTo(Duration.ofSeconds(30)) <= 0, "an idle monitor sees a new deployment within 30 s");
    var ready = sim.until(s -> status(s).equals("Ready"), LIMIT);
    var s = sim.snapshot();
    assertEquals("user", s.current().creator());
    assertEquals(Map.of("demo-tg-1", 1), production(s));
    assertEquals(1L, set(s, "Green").running());
    assertEquals("demo-tg-2", set(s, "Green").targetGroup());
    assertNotNull(s.current().rerouteDeadline());
    assertTrue(DeploymentActions.allowed(Action.REROUTE, s).allowed());
    assertFalse(DeploymentActions.allowed(Action.TERMINATE, s).allowed());
    assertTrue(DeploymentActions.allowed(Action.ROLLBACK, s).allowed());
    assertTrue(ready.toSeconds() >= 0);

    sim.perform(Action.REROUTE);
    sim.until(x -> x.current().waitingForTermination(), LIMIT);
    s = sim.snapshot();
    assertEquals(100, production(s).get("demo-tg-2"));
    assertEquals(s.current().events().get(7).end().plus(Duration.ofMinutes(60)), s.current().terminationDeadline());
    assertFalse(DeploymentActions.allowed(Action.REROUTE, s).allowed());
    assertTrue(DeploymentActions.allowed(Action.TERMINATE, s).allowed());

    sim.perform(Action.TERMINATE);
    sim.until(x -> status(x).equals("Succeeded"), Duration.ofMinutes(5));
    s = sim.snapshot();
    assertFalse(s.active());
    assertFalse(DeploymentActions.allowed(Action.ROLLBACK, s).allowed());
    assertEquals("The deployment has already ended (Succeeded)", DeploymentActions.allowed(Action.ROLLBACK, s).reason());
  }

  @Test
  void routes_carryTheLoadBalancersUrls_readOnce() {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)).started();
    sim.advance(Duration.ofMinutes(5));
    long describeLoadBalancers = sim.bg.sandbox().account().calls().stream()
        .filter(c -> c.operation().equals("DescribeLoadBalancers")).count();
    var traffic = sim.snapshot().traffic();
    String dns = sim.bg.sandbox().elbv2().describeLoadBalancers().loadBalancers().get(0).dnsName();

    assertEquals(URI.create("http://" + dns + ":80/"), traffic.route("Production").url());
    assertEquals(URI.create("http://" + dns + ":8080/"), traffic.route("Test").url());
    assertEquals(1, describeLoadBalancers, "a load balancer keeps its DNS name");
  }

  @Test
  void whileWaitingForReroute_eachListenerNamesTheTaskSetAndImageThatAnswerIt() {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60)).started();
    sim.bg.deployGood();
    sim.until(s -> status(s).equals("Ready") && s.service().taskSets().size() == 2
        && s.service().taskSets().stream().allMatch(t -> !t.images().isEmpty()), LIMIT);
    var s = sim.snapshot();

    var production = ListenerTargets.of(s, s.traffic().route("Production"));
    var test = ListenerTargets.of(s, s.traffic().route("Test"));

    assertEquals(1, production.size());
    assertEquals("Blue", production.get(0).label());
    assertEquals("demo-tg-1", production.get(0).targetGroup());
    assertEquals(100, production.get(0).percent());
    assertEquals(List.of("public.ecr.aws/nginx/nginx:stable"), production.get(0).taskSet().images());
    assertEquals("Green", test.get(0).label());
    assertEquals("demo-tg-2", test.get(0).targetGroup());
    assertTrue(test.get(0).taskSet().taskDefinitionName().matches("demo-task:\\d+"), test.get(0).taskSet().toString());
    assertTrue(test.get(0).health().stream().allMatch(h -> h.state().equals("healthy")), test.toString());
  }

  @Test
  void canary_theSnapshotsWeightsMove() {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.CANARY, null, 5)).started();
    sim.bg.deployGood();
    sim.until(s -> s.current() != null && !s.current().taskSets().isEmpty()
        && set(s, "Green").trafficWeight() == 10.0, LIMIT);
    assertEquals(Map.of("demo-tg-1", 90, "demo-tg-2", 10), production(sim.snapshot()));
    sim.until(s -> set(s, "Green").trafficWeight() == 100.0, Duration.ofMinutes(6));
    assertEquals(100, production(sim.snapshot()).get("demo-tg-2"));
  }

  @Test
  void brokenRelease_showsTheDiagnosis_andRollbackRestoresBlue() {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5)).started();
    String id = sim.bg.deployBroken();
    sim.until(s -> !s.service().stoppedTasks().isEmpty(), LIMIT);
    var task = sim.snapshot().service().stoppedTasks().get(0);
    assertTrue(task.reason().startsWith("CannotPullContainerError"), task.reason());
    assertEquals(18, task.diagnosis().orElseThrow().row());
    assertFalse(task.diagnosis().get().fix().isBlank());

    sim.perform(Action.ROLLBACK);
    sim.until(s -> !s.current().id().equals(id), Duration.ofMinutes(1));
    assertEquals("codeDeployRollback", sim.snapshot().current().creator());
    assertEquals(id, sim.snapshot().history().get(0).id());
    assertEquals("Stopped", sim.snapshot().history().get(0).status());
    sim.until(s -> status(s).equals("Succeeded"), LIMIT);
    assertEquals(100, production(sim.snapshot()).get("demo-tg-1"));
  }

  @Test
  void throttling_isShown_backsOff_andRecovers() {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5));
    sim.bg.sandbox().faults().throttle(Service.CODEDEPLOY, "GetDeploymentGroup", 3);
    sim.started();
    assertEquals(ConnectionState.Kind.THROTTLED, sim.snapshot().connection().kind());
    Instant first = sim.snapshot().refreshedAt();
    sim.advance(Duration.ofSeconds(9));
    assertEquals(first, sim.snapshot().refreshedAt(), "waits 10 s after throttling");
    sim.advance(Duration.ofSeconds(1));
    assertEquals(first.plusSeconds(10), sim.snapshot().refreshedAt());
    sim.advance(Duration.ofSeconds(19));
    assertEquals(first.plusSeconds(10), sim.snapshot().refreshedAt(), "then 20 s");
    sim.advance(Duration.ofSeconds(1));
    assertEquals(first.plusSeconds(30), sim.snapshot().refreshedAt());
    sim.advance(Duration.ofSeconds(40));
    assertEquals(ConnectionState.Kind.OK, sim.snapshot().connection().kind());
  }

  @Test
  void restartMidDeployment_reattachesToTheDeploymentInProgress(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    var before = BlueGreenSandbox.createIn(file, BlueGreenSandbox.ALL_AT_ONCE, 30, 60);
    var first = new DashboardSim(before).started();
    String id = before.deployGood();
    first.until(s -> status(s).equals("Ready"), LIMIT);
    first.monitor.stop();
    before.sandbox().account().save();

    var after = new DashboardSim(BlueGreenSandbox.reopen(file, before)).started();
    assertEquals(id, after.snapshot().current().id());
    assertEquals("Ready", status(after.snapshot()));
    assertTrue(DeploymentActions.allowed(Action.REROUTE, after.snapshot()).allowed());
  }
}
