package org.bgwizard.sandbox.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.SandboxInternals;
import org.bgwizard.sandbox.core.Ports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

class EcsNativeLifecycleTest {
  private static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo";
  private final NativeFixture n = new NativeFixture();

  private static DeploymentLifecycleHook pause(String stage, int minutes, String action) {
    return DeploymentLifecycleHook.builder().targetType("PAUSE").lifecycleStagesWithStrings(stage)
        .timeoutConfiguration(t -> t.timeoutInMinutes(minutes).action(action)).build();
  }

  private String release(String image) {
    String td = n.f.taskDefinition(image);
    n.f.sandbox.ecs().updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).taskDefinition(td));
    return td;
  }

  private String brokenImage(Ports.ImageBehaviour behaviour) {
    n.f.sandbox.ecr().createRepository(r -> r.repositoryName("demo"));
    SandboxInternals.ports(n.f.sandbox).registry.push("demo", List.of("broken"), "X86_64", behaviour);
    return REPO + ":broken";
  }

  private ServiceDeployment latest() {
    var list = n.f.sandbox.ecs().listServiceDeployments(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE))
        .serviceDeployments();
    String arn = list.get(0).serviceDeploymentArn();
    return n.f.sandbox.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
  }

  private List<Integer> weights(String rule) {
    return n.f.sandbox.elbv2().describeRules(r -> r.ruleArns(rule)).rules().get(0).actions().get(0).forwardConfig()
        .targetGroups().stream().map(TargetGroupTuple::weight).toList();
  }

  private void advanceUntil(String stage, int maxSeconds) {
    for (int i = 0; i < maxSeconds && !stage.equals(latest().lifecycleStageAsString()); i++) {
      n.f.advance(1);
    }
    assertEquals(stage, latest().lifecycleStageAsString());
  }

  @Test
  void goodRelease_pausesBeforeProductionTraffic_thenApproved_shiftsBakesAndCleansUp() {
    n.create(c -> c.bakeTimeInMinutes(5).lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 30, "ROLLBACK")));
    n.f.advance(240);
    String td2 = release(EcsFixture.NGINX);

    ServiceDeployment started = latest();
    assertEquals("IN_PROGRESS", started.statusAsString());
    assertEquals("SCALE_UP", started.lifecycleStageAsString());
    assertTrue(started.serviceDeploymentArn().matches(
        "arn:aws:ecs:us-east-1:123456789012:service-deployment/demo-cluster/demo-service/[0-9A-Za-z]{21}"));
    assertEquals(1, started.sourceServiceRevisions().size());

    advanceUntil("PRE_PRODUCTION_TRAFFIC_SHIFT", 600);
    ServiceDeployment paused = latest();
    DeploymentLifecycleHookDetail hook = paused.lifecycleHookDetails().get(0);
    assertEquals("AWAITING_ACTION", hook.statusAsString());
    assertEquals("PAUSE", hook.targetTypeAsString());
    assertEquals("ROLLBACK", hook.timeoutActionAsString());
    assertTrue(hook.hookId().matches("ecs-pause-[A-Za-z0-9_-]{43}"), hook.hookId());
    assertEquals(Duration.ofMinutes(30), Duration.between(n.f.clock.instant(), hook.expiresAt()));
    assertEquals(List.of(0, 100), weights(n.testRule));
    assertEquals(List.of(100, 0), weights(n.productionRule));
    assertEquals(100.0, paused.targetServiceRevision().requestedTestTrafficWeight());
    assertEquals(0.0, paused.targetServiceRevision().requestedProductionTrafficWeight());
    assertEquals(1, paused.targetServiceRevision().runningTaskCount());

    var wrong = assertThrows(InvalidParameterException.class, () -> n.f.sandbox.ecs().continueServiceDeployment(
        r -> r.serviceDeploymentArn(paused.serviceDeploymentArn()).hookId("ecs-pause-nope").action("CONTINUE")));
    assertTrue(wrong.getMessage().contains("is not awaiting action"), wrong.getMessage());
    n.f.sandbox.ecs().continueServiceDeployment(r -> r.serviceDeploymentArn(paused.serviceDeploymentArn())
        .hookId(hook.hookId()).action("CONTINUE"));

    assertEquals("BAKE_TIME", latest().lifecycleStageAsString());
    assertEquals("SUCCEEDED", latest().lifecycleHookDetails().get(0).statusAsString());
    assertEquals(List.of(0, 100), weights(n.productionRule));
    assertEquals(2, n.f.tasks("RUNNING").size());
    n.f.advance(299);
    assertEquals("BAKE_TIME", latest().lifecycleStageAsString());
    n.f.advance(1);
    assertEquals("SUCCESSFUL", latest().statusAsString());
    assertEquals("CLEAN_UP", latest().lifecycleStageAsString());
    n.f.advance(120);
    assertEquals(1, n.f.tasks("RUNNING").size());
    assertEquals(td2, n.f.service().taskDefinition());
    var notInProgress = assertThrows(InvalidParameterException.class, () -> n.f.sandbox.ecs()
        .continueServiceDeployment(r -> r.serviceDeploymentArn(paused.serviceDeploymentArn()).hookId(hook.hookId())));
    assertTrue(notInProgress.getMessage().contains("is not IN_PROGRESS"), notInProgress.getMessage());
  }

  @Test
  void pause_putsAnEcsHookStateChangeEventOnEventBridge() {
    var seen = new java.util.ArrayList<String>();
    SandboxInternals.ports(n.f.sandbox).events = (source, type, resources, detail) -> seen.add(source + "|" + type
        + "|" + resources + "|" + detail.get("eventName").asText() + "|" + detail.get("hookId").asText());
    n.create(c -> c.lifecycleHooks(pause("POST_SCALE_UP", 30, "ROLLBACK")));
    n.f.advance(240);
    release(EcsFixture.NGINX);

    advanceUntil("POST_SCALE_UP", 600);

    String hookId = latest().lifecycleHookDetails().get(0).hookId();
    assertEquals(List.of("aws.ecs|ECS Hook State Change|[" + n.f.service().serviceArn() + "]|HOOK_AWAITING_ACTION|"
        + hookId), seen);
  }

  @Test
  void nextRelease_goesBackToTheFirstTargetGroup() {
    n.create(c -> c.bakeTimeInMinutes(0));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    n.f.advance(600);
    assertEquals("SUCCESSFUL", latest().statusAsString());
    assertEquals(List.of(0, 100), weights(n.productionRule));

    release(EcsFixture.NGINX);
    n.f.advance(600);

    assertEquals("SUCCESSFUL", latest().statusAsString());
    var tuples = n.f.sandbox.elbv2().describeRules(r -> r.ruleArns(n.productionRule)).rules().get(0).actions().get(0)
        .forwardConfig().targetGroups();
    assertEquals(100, tuples.stream().filter(t -> t.targetGroupArn().equals(n.bg.targetGroup1())).findFirst()
        .orElseThrow().weight());
    assertEquals(2, n.f.sandbox.ecs().listServiceDeployments(r -> r.cluster(EcsFixture.CLUSTER)
        .service(EcsFixture.SERVICE)).serviceDeployments().size());
  }

  @Test
  void pauseTimeout_withRollbackAction_rollsBackToBlue() {
    n.create(c -> c.lifecycleHooks(pause("POST_TEST_TRAFFIC_SHIFT", 1, "ROLLBACK")));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    advanceUntil("POST_TEST_TRAFFIC_SHIFT", 600);
    assertEquals(List.of(0, 100), weights(n.testRule));

    n.f.advance(60);

    ServiceDeployment d = latest();
    assertEquals("TIMED_OUT", d.lifecycleHookDetails().get(0).statusAsString());
    assertTrue(d.statusAsString().startsWith("ROLLBACK_"), d.statusAsString());
    assertEquals(List.of(100, 0), weights(n.testRule));
    n.f.advance(120);
    assertEquals("ROLLBACK_SUCCESSFUL", latest().statusAsString());
    assertTrue(latest().rollback().reason().contains("timed out"));
    assertEquals(1, n.f.tasks("RUNNING").size());
  }

  @Test
  void pauseTimeout_withContinueAction_goesOn() {
    n.create(c -> c.bakeTimeInMinutes(0).lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 2, "CONTINUE")));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    advanceUntil("PRE_PRODUCTION_TRAFFIC_SHIFT", 600);

    n.f.advance(120);

    assertEquals("SUCCESSFUL", latest().statusAsString());
    assertEquals(List.of(0, 100), weights(n.productionRule));
  }

  @Test
  void continueWithRollback_atThePause_rollsBack() {
    n.create(c -> c.lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 30, "CONTINUE")));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    advanceUntil("PRE_PRODUCTION_TRAFFIC_SHIFT", 600);
    ServiceDeployment paused = latest();

    n.f.sandbox.ecs().continueServiceDeployment(r -> r.serviceDeploymentArn(paused.serviceDeploymentArn())
        .hookId(paused.lifecycleHookDetails().get(0).hookId()).action("ROLLBACK"));
    n.f.advance(120);

    assertEquals("ROLLBACK_SUCCESSFUL", latest().statusAsString());
    assertEquals(List.of(100, 0), weights(n.productionRule));
    assertEquals(List.of(100, 0), weights(n.testRule));
  }

  @Test
  void stopServiceDeployment_rollsBack_andUnknownArnsAreNotFound() {
    n.create(c -> c.bakeTimeInMinutes(30));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    advanceUntil("BAKE_TIME", 600);
    assertEquals(List.of(0, 100), weights(n.productionRule));

    n.f.sandbox.ecs().stopServiceDeployment(r -> r.serviceDeploymentArn(latest().serviceDeploymentArn())
        .stopType("ROLLBACK"));
    assertEquals(List.of(100, 0), weights(n.productionRule));
    n.f.advance(120);

    assertEquals("ROLLBACK_SUCCESSFUL", latest().statusAsString());
    assertEquals(1, n.f.tasks("RUNNING").size());
    String missing = latest().serviceDeploymentArn().replaceAll("[^/]+$", "AAAAAAAAAAAAAAAAAAAAA");
    assertThrows(ServiceDeploymentNotFoundException.class,
        () -> n.f.sandbox.ecs().stopServiceDeployment(r -> r.serviceDeploymentArn(missing).stopType("ROLLBACK")));
    assertEquals(missing, n.f.sandbox.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(missing))
        .failures().get(0).arn());
  }

  @Test
  void brokenRelease_failingHealthChecks_rollsBackByItself() {
    n.create(c -> c.lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 30, "ROLLBACK"))
        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)));
    n.f.advance(240);
    release(brokenImage(Ports.ImageBehaviour.UNHEALTHY));

    n.f.advance(1800);

    ServiceDeployment d = latest();
    assertEquals("ROLLBACK_SUCCESSFUL", d.statusAsString());
    assertTrue(d.statusReason().startsWith("ECS deployment circuit breaker"), d.statusReason());
    assertEquals("TRIGGERED", d.deploymentCircuitBreaker().statusAsString());
    assertEquals(3, d.deploymentCircuitBreaker().threshold());
    assertEquals(List.of(100, 0), weights(n.productionRule));
    assertEquals(List.of(100, 0), weights(n.testRule));
    assertEquals(EcsFixture.NGINX, n.f.tasks("RUNNING").get(0).containers().get(0).image());
  }

  @Test
  void brokenRelease_whoseContainerExits_rollsBackByItselfBeforeAnyTraffic() {
    n.create(c -> c.deploymentCircuitBreaker(b -> b.enable(true).rollback(true)));
    n.f.advance(240);
    release(brokenImage(Ports.ImageBehaviour.CRASHES));

    n.f.advance(900);

    ServiceDeployment d = latest();
    assertEquals("ROLLBACK_SUCCESSFUL", d.statusAsString());
    assertEquals("SCALE_UP", d.lifecycleStageAsString());
    assertEquals(3, d.deploymentCircuitBreaker().failureCount());
    assertEquals(List.of(100, 0), weights(n.productionRule));
    assertEquals(List.of(100, 0), weights(n.testRule));
  }

  @Test
  void brokenRelease_withoutTheCircuitBreaker_isNotRolledBack_andEcsKeepsTrying() {
    n.create(c -> { });
    n.f.advance(240);
    release(brokenImage(Ports.ImageBehaviour.CRASHES));

    n.f.advance(900);

    ServiceDeployment d = latest();
    assertEquals("IN_PROGRESS", d.statusAsString());
    assertEquals(List.of(100, 0), weights(n.productionRule));
  }

  @Test
  void linearStrategy_movesProductionTrafficInSteps() {
    n.create(c -> c.strategy("LINEAR").bakeTimeInMinutes(0)
        .linearConfiguration(l -> l.stepPercent(50.0).stepBakeTimeInMinutes(2)));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    advanceUntil("PRODUCTION_TRAFFIC_SHIFT", 600);
    assertEquals(List.of(50, 50), weights(n.productionRule));

    n.f.advance(119);
    assertEquals(List.of(50, 50), weights(n.productionRule));
    n.f.advance(1);
    assertEquals(List.of(0, 100), weights(n.productionRule));
    assertEquals("SUCCESSFUL", latest().statusAsString());
  }

  @Test
  void canaryStrategy_shiftsTheCanary_thenTheRest() {
    n.create(c -> c.strategy("CANARY").bakeTimeInMinutes(0)
        .canaryConfiguration(l -> l.canaryPercent(10.0).canaryBakeTimeInMinutes(3)));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    advanceUntil("PRODUCTION_TRAFFIC_SHIFT", 600);
    assertEquals(List.of(90, 10), weights(n.productionRule));

    n.f.advance(180);

    assertEquals(List.of(0, 100), weights(n.productionRule));
  }

  @Test
  void teardownDuringAPause_stopsTheDeployment_andTheAccountKeepsAnswering() {
    n.create(c -> c.lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 5, "ROLLBACK")));
    n.f.advance(240);
    release(EcsFixture.NGINX);
    advanceUntil("PRE_PRODUCTION_TRAFFIC_SHIFT", 600);
    String arn = latest().serviceDeploymentArn();

    n.f.sandbox.ecs().deleteService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).force(true));
    n.f.sandbox.elbv2().deleteListener(r -> r.listenerArn(n.bg.production()));
    n.f.sandbox.elbv2().deleteListener(r -> r.listenerArn(n.bg.test()));
    n.f.advance(600);

    var d = n.f.sandbox.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments();
    assertEquals("STOPPED", d.get(0).statusAsString());
    assertTrue(n.f.sandbox.ecs().listTasks(r -> r.cluster(EcsFixture.CLUSTER)).taskArns().isEmpty());
  }

  @Test
  void newRevisionWhileADeploymentRuns_isRefused() {
    n.create(c -> c.lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 30, "ROLLBACK")));
    n.f.advance(240);
    release(EcsFixture.NGINX);

    var e = assertThrows(InvalidParameterException.class, () -> release(EcsFixture.NGINX));
    assertTrue(e.getMessage().contains("is in progress"), e.getMessage());
  }
}
