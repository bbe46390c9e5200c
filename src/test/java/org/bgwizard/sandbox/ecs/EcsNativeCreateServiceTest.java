package org.bgwizard.sandbox.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.bgwizard.sandbox.EcsFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

class EcsNativeCreateServiceTest {
  private final NativeFixture n = new NativeFixture();

  private static DeploymentLifecycleHook pause(String stage, int minutes, String action) {
    return DeploymentLifecycleHook.builder().targetType("PAUSE").lifecycleStagesWithStrings(stage)
        .timeoutConfiguration(t -> t.timeoutInMinutes(minutes).action(action)).build();
  }

  private String refused(Consumer<DeploymentConfiguration.Builder> config, Consumer<AdvancedConfiguration.Builder> lb) {
    var e = assertThrows(InvalidParameterException.class,
        () -> n.f.sandbox.ecs().createService(n.request(config, lb).build()));
    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
    return e.awsErrorDetails().errorMessage();
  }

  private List<Integer> weights(String rule) {
    return n.f.sandbox.elbv2().describeRules(r -> r.ruleArns(rule)).rules().get(0).actions().get(0).forwardConfig()
        .targetGroups().stream().map(TargetGroupTuple::weight).toList();
  }

  @Test
  void blueGreenService_isDescribedWithItsStrategyHooksAndAdvancedConfiguration() {
    n.create(c -> c.lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 30, "ROLLBACK")));

    Service s = n.f.service();

    assertEquals("ECS", s.deploymentController().typeAsString());
    assertEquals("BLUE_GREEN", s.deploymentConfiguration().strategyAsString());
    assertEquals(5, s.deploymentConfiguration().bakeTimeInMinutes());
    DeploymentLifecycleHook hook = s.deploymentConfiguration().lifecycleHooks().get(0);
    assertEquals("PAUSE", hook.targetTypeAsString());
    assertEquals(List.of("PRE_PRODUCTION_TRAFFIC_SHIFT"), hook.lifecycleStagesAsStrings());
    assertEquals(30, hook.timeoutConfiguration().timeoutInMinutes());
    assertEquals("ROLLBACK", hook.timeoutConfiguration().actionAsString());
    AdvancedConfiguration a = s.loadBalancers().get(0).advancedConfiguration();
    assertEquals(n.bg.targetGroup2(), a.alternateTargetGroupArn());
    assertEquals(n.productionRule, a.productionListenerRule());
    assertEquals(n.testRule, a.testListenerRule());
    assertEquals(n.infraRole, a.roleArn());
  }

  @Test
  void firstDeployment_runsOnThePrimaryTargetGroup_andBothRulesWeigh100To0() {
    n.create(c -> { });
    n.f.advance(240);

    assertEquals(List.of(100, 0), weights(n.productionRule));
    assertEquals(List.of(100, 0), weights(n.testRule));
    var rule = n.f.sandbox.elbv2().describeRules(r -> r.ruleArns(n.productionRule)).rules().get(0);
    assertEquals(ActionTypeEnum.FORWARD, rule.actions().get(0).type());
    assertEquals("healthy", n.f.sandbox.elbv2().describeTargetHealth(r -> r.targetGroupArn(n.bg.targetGroup1()))
        .targetHealthDescriptions().get(0).targetHealth().stateAsString());
    assertEquals(1, n.f.tasks("RUNNING").size());
  }

  @Test
  void linearAndCanary_getTheApiDefaults_andRangesAreChecked() {
    assertTrue(refused(c -> c.strategy("LINEAR").linearConfiguration(l -> l.stepPercent(2.0)), a -> { })
        .contains("linearConfiguration.stepPercent must be between 3 and 100"));
    assertTrue(refused(c -> c.strategy("CANARY").canaryConfiguration(l -> l.canaryPercent(0.05)), a -> { })
        .contains("canaryConfiguration.canaryPercent must be between 0.1 and 100"));
    assertTrue(refused(c -> c.bakeTimeInMinutes(1441), a -> { })
        .contains("bakeTimeInMinutes must be between 0 and 1440"));
    assertTrue(refused(c -> c.strategy("BLUE_GREEN").canaryConfiguration(l -> l.canaryPercent(5.0)), a -> { })
        .contains("canaryConfiguration can only be specified with the CANARY deployment strategy"));

    n.create(c -> c.strategy("LINEAR"));
    var linear = n.f.service().deploymentConfiguration().linearConfiguration();
    assertEquals(10.0, linear.stepPercent());
    assertEquals(6, linear.stepBakeTimeInMinutes());
  }

  @Test
  void pauseHooks_acceptPreProductionShift_butNotTheShiftStagesOrLongTimeouts() {
    assertTrue(refused(c -> c.lifecycleHooks(pause("PRODUCTION_TRAFFIC_SHIFT", 30, "ROLLBACK")), a -> { })
        .contains("PRODUCTION_TRAFFIC_SHIFT is not supported for PAUSE lifecycle hooks"));
    assertTrue(refused(c -> c.lifecycleHooks(pause("TEST_TRAFFIC_SHIFT", 30, "ROLLBACK")), a -> { })
        .contains("TEST_TRAFFIC_SHIFT is not supported for PAUSE lifecycle hooks"));
    assertTrue(refused(c -> c.lifecycleHooks(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 20161, "ROLLBACK")), a -> { })
        .contains("timeoutInMinutes must be between 1 and 20160"));

    n.create(c -> c.lifecycleHooks(DeploymentLifecycleHook.builder().targetType("PAUSE")
        .lifecycleStagesWithStrings("PRE_PRODUCTION_TRAFFIC_SHIFT").build()));
    var hook = n.f.service().deploymentConfiguration().lifecycleHooks().get(0);
    assertEquals(1440, hook.timeoutConfiguration().timeoutInMinutes());
    assertEquals("ROLLBACK", hook.timeoutConfiguration().actionAsString());
  }

  @Test
  void advancedConfiguration_needsRulesThatExistForwardOnly_andOnTheServicesLoadBalancer() {
    String missing = n.productionRule.replaceAll("[0-9a-f]{16}$", "0000000000000000");
    assertTrue(refused(c -> { }, a -> a.productionListenerRule(missing)).contains("does not exist"));

    String fixed = n.f.sandbox.elbv2().createRule(r -> r.listenerArn(n.bg.production()).priority(2)
        .conditions(NativeFixtureConditions.path("/maintenance"))
        .actions(x -> x.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(fr -> fr.statusCode("503"))))
        .rules().get(0).ruleArn();
    assertTrue(refused(c -> { }, a -> a.productionListenerRule(fixed)).contains("has a fixed-response action"));

    String otherLb = n.f.loadBalancer("other-alb");
    String otherTg = n.f.targetGroup("other-tg", "ip");
    String otherListener = n.f.listener(otherLb, 80, otherTg);
    String otherRule = n.f.sandbox.elbv2().createRule(r -> r.listenerArn(otherListener).priority(1)
        .conditions(NativeFixtureConditions.path("/*")).actions(x -> x.type(ActionTypeEnum.FORWARD)
            .targetGroupArn(otherTg))).rules().get(0).ruleArn();
    assertTrue(refused(c -> { }, a -> a.testListenerRule(otherRule)).contains("does not belong to a listener"));

    assertTrue(refused(c -> { }, a -> a.alternateTargetGroupArn(n.bg.targetGroup1()))
        .contains("alternate target group must be different"));
    assertTrue(refused(c -> { }, a -> a.alternateTargetGroupArn(null)).contains("alternateTargetGroupArn must be"));
  }

  @Test
  void infrastructureRole_mustBeAssumableByEcs_andHaveTheLoadBalancerPolicy() {
    String untrusted = n.role("demo-untrusted", NativeFixture.TRUST_ECS.replace("ecs.amazonaws.com",
        "codedeploy.amazonaws.com"), NativeFixture.INFRA_POLICY);
    String bare = n.role("demo-no-policy", NativeFixture.TRUST_ECS, null);
    n.f.advance(15);

    assertTrue(refused(c -> { }, a -> a.roleArn(untrusted)).startsWith("Unable to assume role and validate the "
        + "listeners configured on your load balancer."));
    assertTrue(refused(c -> { }, a -> a.roleArn("arn:aws:iam::123456789012:role/nope")).startsWith("Unable to assume"));
    String message = refused(c -> { }, a -> a.roleArn(bare));
    assertTrue(message.contains("not authorized to perform elasticloadbalancing:ModifyRule"), message);
    assertTrue(message.contains("AmazonECSInfrastructureRolePolicyForLoadBalancers"), message);
    assertTrue(refused(c -> { }, a -> a.roleArn(null)).contains("roleArn must be specified"));
  }

  @Test
  void blueGreenStrategy_withTheCodeDeployController_isRefused() {
    var e = assertThrows(InvalidParameterException.class, () -> n.f.sandbox.ecs().createService(
        n.request(c -> { }, a -> { }).deploymentController(d -> d.type("CODE_DEPLOY")).build()));

    assertTrue(e.getMessage().contains("only supported with the ECS deployment controller"), e.getMessage());
  }

  @Test
  void rollingService_isDescribedAsRolling_withoutAdvancedConfiguration() {
    n.f.sandbox.ecs().createService(EcsFixture.serviceRequest(n.bg.taskDefinition(), n.bg.targetGroup1())
        .deploymentController(d -> d.type("ECS")).build());

    Service s = n.f.service();
    assertEquals("ROLLING", s.deploymentConfiguration().strategyAsString());
    assertNull(s.loadBalancers().get(0).advancedConfiguration());
  }
}
