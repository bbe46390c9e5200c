package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** plan, apply, status and teardown of an ecs-native setup against a sandbox file on manual time. */
class NativeProvisioningCliTest extends SandboxCliTest {

  @BeforeEach
  void nativeSetup() {
    assertEquals(0, run("init", "demo", "--strategy", "ecs-native", "--out", setup.toString(), "--force"),
        () -> err.toString());
  }

  @Test
  void plan_hasTheInfrastructureRoleRulesAndNativeService_andNothingOfCodeDeploy() {
    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    assertTrue(plan.contains("create   iam-role/demo-ecs-infrastructure"), plan);
    assertTrue(plan.contains("--policy-arn arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"),
        plan);
    assertTrue(plan.contains("create   elbv2-listener-rule/demo-alb:80:rule-1"), plan);
    assertTrue(plan.contains("create   elbv2-listener-rule/demo-alb:8080:rule-1"), plan);
    assertTrue(plan.contains("--conditions Field=path-pattern,Values='/*'"), plan);
    assertTrue(plan.contains("--deployment-controller type=ECS --deployment-configuration 'strategy=BLUE_GREEN,"
        + "bakeTimeInMinutes=15,deploymentCircuitBreaker={enable=true,rollback=true},"
        + "lifecycleHooks=[{targetType=PAUSE,lifecycleStages=[PRE_PRODUCTION_TRAFFIC_SHIFT],"
        + "timeoutConfiguration={timeoutInMinutes=30,action=ROLLBACK}}]'"), plan);
    assertFalse(plan.contains("codedeploy"), plan);
    assertFalse(plan.contains("demo-codedeploy"), plan);
  }

  @Test
  void apply_createsTheNativeSetup_thenTeardownRemovesEverything() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertTrue(err.toString().contains("ok ecs-service/demo-service: done"), err.toString());
    assertTrue(err.toString().contains("ok elbv2-listener-rule/demo-alb:80:rule-1: done"), err.toString());
    assertTrue(err.toString().contains("ok iam-role/demo-ecs-infrastructure: done"), err.toString());
    assertTrue(Files.exists(state.resolveSibling("journals").resolve("demo.journal.json")));

    assertEquals(0, sandbox("status"), err::toString);
    assertFalse(out.toString().contains("MISSING"), out.toString());
    assertFalse(out.toString().contains("DRIFTED"), out.toString());

    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertFalse(err.toString().contains(": started"), err.toString());

    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    assertTrue(err.toString().contains("- elbv2-listener-rule/demo-alb:80:rule-1"), err.toString());
    assertEquals(0, sandbox("status"), err::toString);
    assertFalse(out.toString().contains("PRESENT"), out.toString());
  }

  @Test
  void aListenerDeletedByHand_isPlannedAsRecreate_andApplyRecreatesIt() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Sandbox account = account();
    String lb = account.elbv2().describeLoadBalancers(r -> r.names("demo-alb")).loadBalancers().get(0)
        .loadBalancerArn();
    String test = account.elbv2().describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream()
        .filter(l -> l.port() == 8080).findFirst().orElseThrow().listenerArn();
    account.elbv2().deleteListener(r -> r.listenerArn(test));

    assertEquals(0, sandbox("plan"), err::toString);
    assertTrue(out.toString().contains("elbv2-listener/demo-alb:8080"), out.toString());
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(1, account().elbv2().describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream()
        .filter(l -> l.port() == 8080).count());
  }

  private static void advance(Sandbox account, Duration d) {
    for (long m = 0; m < d.toMinutes(); m++) {
      ((ManualClock) account.account().clock()).advance(Duration.ofMinutes(1));
      account.account().advanceToNow();
    }
  }

  private static String deployStatus(Sandbox account) {
    var run = account.codePipeline().listPipelineExecutions(r -> r.pipelineName("demo-pipeline"))
        .pipelineExecutionSummaries().get(0);
    return account.codePipeline().listActionExecutions(r -> r.pipelineName("demo-pipeline")
        .filter(f -> f.pipelineExecutionId(run.pipelineExecutionId()))).actionExecutionDetails().stream()
        .filter(a -> a.actionName().equals("Deploy")).map(a -> a.statusAsString() + " "
            + (a.output() == null || a.output().executionResult() == null ? ""
            : a.output().executionResult().externalExecutionSummary())).findFirst().orElse("not started");
  }

  private static Map<String, Integer> productionWeights(Sandbox account) {
    String lb = account.elbv2().describeLoadBalancers(r -> r.names("demo-alb")).loadBalancers().get(0)
        .loadBalancerArn();
    String listener = account.elbv2().describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream()
        .filter(l -> l.port() == 80).findFirst().orElseThrow().listenerArn();
    var rule = account.elbv2().describeRules(r -> r.listenerArn(listener)).rules().stream()
        .filter(x -> "1".equals(x.priority())).findFirst().orElseThrow();
    var weights = new TreeMap<String, Integer>();
    rule.actions().get(0).forwardConfig().targetGroups().forEach(t -> weights.put(
        t.targetGroupArn().replaceAll(".*targetgroup/([^/]+)/.*", "$1"), t.weight()));
    return weights;
  }

  @Test
  void firstRun_withoutPause_reachesProductionThroughTheEcsAction_afterTheBakeTime() throws Exception {
    Files.writeString(setup, Files.readString(setup).replace("\"pauseBeforeProduction\" : true",
        "\"pauseBeforeProduction\" : false").replaceAll(",\\s*\"pauseTimeoutMinutes\" : 30", "")
        .replaceAll(",\\s*\"onPauseTimeout\" : \"ROLLBACK\"", ""));
    assertEquals(0, run("validate", setup.toString()), err::toString);
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Sandbox account = account();
    assertEquals(Map.of("demo-tg-1", 100, "demo-tg-2", 0), productionWeights(account));

    advance(account, Duration.ofMinutes(12));
    assertTrue(deployStatus(account).startsWith("InProgress"), deployStatus(account));
    assertEquals(Map.of("demo-tg-1", 0, "demo-tg-2", 100), productionWeights(account));

    advance(account, Duration.ofMinutes(20));
    assertTrue(deployStatus(account).startsWith("Succeeded"), deployStatus(account));
    assertEquals(Map.of("demo-tg-1", 0, "demo-tg-2", 100), productionWeights(account));

    assertEquals(0, sandbox("status"), out + "\n" + err);
    assertFalse(out.toString().contains("DRIFTED"), out.toString());
  }

  @Test
  void firstRun_pausedAndNeverApproved_failsTheActionAtItsTimeout_whileEcsRollsBack() throws Exception {
    Files.writeString(setup, Files.readString(setup).replace("\"deploymentTimeoutMinutes\" : 60",
        "\"deploymentTimeoutMinutes\" : 20"));
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Sandbox account = account();

    advance(account, Duration.ofMinutes(30));
    String status = deployStatus(account);
    assertTrue(status.startsWith("Failed"), status);
    assertTrue(status.contains("did not complete within the action's DeploymentTimeout of 20 minutes"), status);
    assertEquals(Map.of("demo-tg-1", 100, "demo-tg-2", 0), productionWeights(account));
  }

  @Test
  void changedBakeTime_isPlannedAsAnUpdate_andAppliedInPlaceWithUpdateService() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Files.writeString(setup, Files.readString(setup).replace("\"bakeTimeInMinutes\" : 15", "\"bakeTimeInMinutes\" : 5")
        .replace("\"bakeTimeMinutes\" : 15", "\"bakeTimeMinutes\" : 5"));

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    assertTrue(plan.contains("update   ecs-service/demo-service"), plan);
    assertTrue(plan.contains("deployment configuration: BLUE_GREEN, bake 15 min, pause 30 min then ROLLBACK"
        + " → BLUE_GREEN, bake 5 min, pause 30 min then ROLLBACK"), plan);
    assertTrue(plan.contains("aws ecs update-service --cluster demo-cluster --service demo-service --desired-count 1"
        + " --deployment-configuration 'strategy=BLUE_GREEN,bakeTimeInMinutes=5,"), plan);

    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(5, account().ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service"))
        .services().get(0).deploymentConfiguration().bakeTimeInMinutes());
    assertEquals(0, sandbox("plan"), err::toString);
    assertFalse(out.toString().contains("update   ecs-service/demo-service"), out.toString());
  }

  @Test
  void firstRun_pausedThenApproved_reachesProduction_andTheActionSucceeds() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Sandbox account = account();
    advance(account, Duration.ofMinutes(8));
    var ecs = account.ecs();
    String deployment = ecs.listServiceDeployments(r -> r.cluster("demo-cluster").service("demo-service"))
        .serviceDeployments().get(0).serviceDeploymentArn();
    var paused = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(deployment)).serviceDeployments().get(0);
    assertEquals("PRE_PRODUCTION_TRAFFIC_SHIFT", paused.lifecycleStageAsString());
    assertTrue(deployStatus(account).startsWith("InProgress"), deployStatus(account));
    assertEquals(Map.of("demo-tg-1", 100, "demo-tg-2", 0), productionWeights(account));

    String hook = paused.lifecycleHookDetails().get(0).hookId();
    ecs.continueServiceDeployment(r -> r.serviceDeploymentArn(deployment).hookId(hook).action("CONTINUE"));
    advance(account, Duration.ofMinutes(20));

    assertTrue(deployStatus(account).startsWith("Succeeded"), deployStatus(account));
    assertEquals(Map.of("demo-tg-1", 0, "demo-tg-2", 100), productionWeights(account));
  }

  @Test
  void statusOrphans_listsARuleTaggedForTheSetupThatTheJournalDoesNotKnow() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(0, sandbox("status", "--orphans"), err::toString);
    assertTrue(out.toString().contains("No orphans"), out.toString());
    Sandbox account = account();
    String lb = account.elbv2().describeLoadBalancers(r -> r.names("demo-alb")).loadBalancers().get(0)
        .loadBalancerArn();
    String listener = account.elbv2().describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream()
        .filter(l -> l.port() == 80).findFirst().orElseThrow().listenerArn();
    String tg1 = account.elbv2().describeTargetGroups(r -> r.names("demo-tg-1")).targetGroups().get(0)
        .targetGroupArn();
    account.elbv2().createRule(r -> r.listenerArn(listener).priority(2)
        .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/old/*")))
        .actions(a -> a.type("forward").targetGroupArn(tg1)).tags(t -> t.key("bgwizard:setup").value("demo")));

    assertEquals(1, sandbox("status", "--orphans"));
    assertTrue(out.toString().contains("elbv2-listener-rule/demo-alb:80:rule-2"), out.toString());
  }
}
