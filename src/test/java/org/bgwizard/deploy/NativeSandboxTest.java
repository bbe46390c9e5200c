package org.bgwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.core.Ports;
import org.junit.jupiter.api.Test;

/** The monitor and actions on ECS built-in blue/green deployments run by the simulated account, on a manual clock. */
class NativeSandboxTest {
  private final NativeSandbox n = new NativeSandbox(5, 30);

  private static boolean paused(DeploymentSnapshot s) {
    return s.nativeCurrent() != null && s.nativeCurrent().pausedAt().isPresent();
  }

  private static NativeView.StageState state(DeploymentSnapshot s, String stage) {
    return s.ecsNative().timeline(s.nativeCurrent()).stream().filter(st -> st.name().equals(stage)).findFirst()
        .orElseThrow().state();
  }

  @Test
  void goodRelease_pausesBeforeProduction_approveShiftsTraffic_bakesAndSucceeds() {
    n.release(EcsFixture.NGINX);

    DeploymentSnapshot atPause = n.until(NativeSandboxTest::paused, 900);
    assertEquals(NativeView.StageState.PAUSED, state(atPause, "PRE_PRODUCTION_TRAFFIC_SHIFT"));
    assertEquals(NativeView.StageState.DONE, state(atPause, "TEST_TRAFFIC_SHIFT"));
    assertEquals(Duration.ofMinutes(30), Duration.between(n.f.clock.instant(),
        atPause.nativeCurrent().pausedAt().get().expiresAt()));
    assertEquals(Map.of("demo-tg-1", 100, "demo-tg-2", 0), atPause.traffic().route("Production").weights());
    assertEquals(100, atPause.traffic().route("Test").weights().get("demo-tg-2"));

    n.actions.perform(Action.APPROVE, atPause);
    DeploymentSnapshot baking = n.until(s -> s.nativeCurrent().bakeEndsAt() != null, 600);
    assertEquals(Map.of("demo-tg-1", 0, "demo-tg-2", 100), baking.traffic().route("Production").weights());
    Duration left = Duration.between(n.f.clock.instant(), baking.nativeCurrent().bakeEndsAt());
    assertTrue(left.compareTo(Duration.ofMinutes(5)) <= 0 && left.compareTo(Duration.ofMinutes(4)) > 0,
        left.toString());
    assertEquals(Verdict.Why.NO_SUCH_CALL, DeploymentActions.allowed(Action.TERMINATE, baking).why());

    DeploymentSnapshot done = n.until(s -> s.nativeCurrent().terminal(), 900);
    assertEquals("SUCCESSFUL", done.nativeCurrent().status());
    assertTrue(done.ecsNative().timeline(done.nativeCurrent()).stream()
        .allMatch(st -> st.state() == NativeView.StageState.DONE));
    assertFalse(done.active());
  }

  @Test
  void rollbackAtThePause_returnsToTheOriginal() {
    n.release(EcsFixture.NGINX);
    DeploymentSnapshot atPause = n.until(NativeSandboxTest::paused, 900);

    n.actions.perform(Action.ROLLBACK, atPause);

    DeploymentSnapshot ended = n.until(s -> s.nativeCurrent().terminal(), 900);
    assertEquals("ROLLBACK_SUCCESSFUL", ended.nativeCurrent().status());
    assertEquals(100, ended.traffic().route("Production").weights().get("demo-tg-1"));
    assertEquals(Verdict.Why.NOT_PAUSED, DeploymentActions.allowed(Action.APPROVE, ended).why());
  }

  @Test
  void brokenRelease_rollsBackByItself_andTheTimelineShowsWhereItEnded() {
    n.release(n.image(Ports.ImageBehaviour.UNHEALTHY));

    DeploymentSnapshot ended = n.until(s -> s.nativeCurrent() != null && s.nativeCurrent().terminal(), 3600);

    assertTrue(ended.nativeCurrent().status().startsWith("ROLLBACK"), ended.nativeCurrent().status());
    assertTrue(ended.nativeCurrent().statusReason().contains("circuit breaker"), ended.nativeCurrent().statusReason());
    assertTrue(ended.ecsNative().timeline(ended.nativeCurrent()).stream()
        .anyMatch(st -> st.state() == NativeView.StageState.ENDED), ended.nativeCurrent().toString());
    assertEquals(100, ended.traffic().route("Production").weights().get("demo-tg-1"));
  }

  @Test
  void nobodyApproves_thePauseTimesOut_andTheTimelineEndsAtThePause() {
    n.release(EcsFixture.NGINX);
    n.until(NativeSandboxTest::paused, 900);

    n.f.advance(30 * 60);
    DeploymentSnapshot ended = n.until(s -> s.nativeCurrent().terminal(), 900);

    assertEquals("ROLLBACK_SUCCESSFUL", ended.nativeCurrent().status());
    assertEquals("TIMED_OUT", ended.nativeCurrent().hooks().get(0).status());
    assertEquals(NativeView.StageState.ENDED, state(ended, "PRE_PRODUCTION_TRAFFIC_SHIFT"));
    assertEquals(NativeView.StageState.PENDING, state(ended, "PRODUCTION_TRAFFIC_SHIFT"));
  }
}
