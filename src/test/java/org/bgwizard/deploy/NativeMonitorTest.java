package org.bgwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.NativeEcsFake;
import org.bgwizard.aws.RoutingAwsServer;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.aws.SdkServiceDeployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor and actions on an ECS built-in blue/green service, through the SDK against a loopback fake of ECS/ELB. */
class NativeMonitorTest {
  private static final DeploymentTarget TARGET = DeploymentTarget.ecsNative(NativeEcsFake.CLUSTER,
      NativeEcsFake.SERVICE, null, null);
  private final RoutingAwsServer server = RoutingAwsServer.start();
  private final NativeEcsFake ecs = new NativeEcsFake(server);
  private final AwsClients clients = server.clients("us-east-1");
  private final DeploymentMonitor monitor = new DeploymentMonitor(TARGET, new SdkDeploymentReader(clients),
      new SdkServiceDeployments(clients), Clock.fixed(Instant.ofEpochSecond(1765000400), ZoneOffset.UTC),
      (delay, task) -> () -> { }, Locale.ENGLISH);
  private final DeploymentActions actions = new DeploymentActions(new SdkDeploymentCommands(clients),
      new SdkServiceDeployments(clients));

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  private static Map<String, NativeView.StageState> states(DeploymentSnapshot s) {
    Map<String, NativeView.StageState> out = new java.util.LinkedHashMap<>();
    s.ecsNative().timeline(s.nativeCurrent()).forEach(st -> out.put(st.name(), st.state()));
    return out;
  }

  @Test
  void pausedDeployment_showsTimelineWeightsPauseAndHistory() {
    DeploymentSnapshot s = monitor.refreshNow();

    assertEquals(ConnectionState.Kind.OK, s.connection().kind(), s.connection().message());
    assertTrue(s.active());
    NativeDeployment d = s.nativeCurrent();
    assertEquals(NativeEcsFake.HOOK, d.pausedAt().orElseThrow().hookId());
    assertEquals(ecs.expiresAt(), d.pausedAt().get().expiresAt());
    assertEquals("ROLLBACK", d.pausedAt().get().timeoutAction());
    var states = states(s);
    assertEquals(NativeView.StageState.PAUSED, states.get("PRE_PRODUCTION_TRAFFIC_SHIFT"));
    assertEquals(NativeView.StageState.DONE, states.get("POST_TEST_TRAFFIC_SHIFT"));
    assertEquals(NativeView.StageState.PENDING, states.get("BAKE_TIME"));
    assertEquals(Map.of("demo-tg-1", 100, "demo-tg-2", 0), s.traffic().route("Production").weights());
    assertEquals(Map.of("demo-tg-1", 0, "demo-tg-2", 100), s.traffic().route("Test").weights());
    assertEquals("http://demo-alb-123.us-east-1.elb.amazonaws.com:80/", s.traffic().route("Production").url()
        .toString());
    assertEquals(List.of(NativeEcsFake.OLDER), s.ecsNative().history().stream().map(NativeDeployment::arn).toList());
    assertEquals(10, s.ecsNative().config().bakeTimeMinutes());
  }

  @Test
  void approve_continuesThePausedHook_thenTrafficMovesAndTheBakeCountsDown() {
    DeploymentSnapshot paused = monitor.refreshNow();
    assertTrue(DeploymentActions.allowed(Action.APPROVE, paused).allowed());

    actions.perform(Action.APPROVE, paused);

    var call = server.calls("ContinueServiceDeployment").get(0).body();
    assertTrue(call.contains("\"hookId\":\"" + NativeEcsFake.HOOK + "\""), call);
    assertTrue(call.contains("\"action\":\"CONTINUE\""), call);
    DeploymentSnapshot baking = monitor.refreshNow();
    assertEquals(Map.of("demo-tg-1", 0, "demo-tg-2", 100), baking.traffic().route("Production").weights());
    assertEquals(Instant.ofEpochSecond(1765000600).plusSeconds(600), baking.nativeCurrent().bakeEndsAt());
    assertEquals(NativeView.StageState.CURRENT, states(baking).get("BAKE_TIME"));
    Verdict again = DeploymentActions.allowed(Action.APPROVE, baking);
    assertEquals(Verdict.Why.NOT_PAUSED, again.why());
    assertTrue(again.reason().contains("IN_PROGRESS at BAKE_TIME"), again.reason());
  }

  @Test
  void rollback_atThePause_isContinueWithRollback() {
    actions.perform(Action.ROLLBACK, monitor.refreshNow());

    var call = server.calls("ContinueServiceDeployment").get(0).body();
    assertTrue(call.contains("\"action\":\"ROLLBACK\""), call);
    assertTrue(server.calls("StopServiceDeployment").isEmpty());
    Verdict v = DeploymentActions.allowed(Action.ROLLBACK, monitor.refreshNow());
    assertEquals(Verdict.Why.ROLLING_BACK, v.why());
  }

  @Test
  void rollback_whileBaking_isStopServiceDeploymentRollback() {
    actions.perform(Action.APPROVE, monitor.refreshNow());

    actions.perform(Action.ROLLBACK, monitor.refreshNow());

    var call = server.calls("StopServiceDeployment").get(0).body();
    assertTrue(call.contains("\"stopType\":\"ROLLBACK\""), call);
    assertTrue(call.contains(NativeEcsFake.DEPLOYMENT), call);
  }

  @Test
  void rerouteAndTerminate_areRefused_becauseEcsHasNoSuchCall() {
    DeploymentSnapshot s = monitor.refreshNow();

    for (Action a : List.of(Action.REROUTE, Action.TERMINATE)) {
      Verdict v = DeploymentActions.allowed(a, s);
      assertFalse(v.allowed());
      assertEquals(Verdict.Why.NO_SUCH_CALL, v.why());
    }
    assertTrue(DeploymentActions.allowed(Action.TERMINATE, s).reason().contains("bake time"));
  }

  @Test
  void aFinishedDeployment_isDescribedOnce() {
    monitor.refreshNow();
    ecs.endedAs("ROLLBACK_SUCCESSFUL");
    DeploymentSnapshot ended = monitor.refreshNow();
    monitor.refreshNow();

    assertFalse(ended.active());
    assertNull(ended.nativeCurrent().bakeEndsAt());
    assertEquals(NativeView.StageState.ENDED, states(ended).get("PRE_PRODUCTION_TRAFFIC_SHIFT"));
    long olderReads = server.calls("DescribeServiceDeployments").stream()
        .filter(c -> c.body().contains(NativeEcsFake.OLDER)).count();
    assertEquals(1, olderReads);
  }
}
