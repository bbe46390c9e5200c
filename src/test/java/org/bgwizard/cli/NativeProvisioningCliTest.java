package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        + "bakeTimeInMinutes=15,lifecycleHooks=[{targetType=PAUSE,lifecycleStages=[PRE_PRODUCTION_TRAFFIC_SHIFT],"
        + "timeoutConfiguration={timeoutInMinutes=30,action=ROLLBACK}}]'"), plan);
    assertFalse(plan.contains("codedeploy"), plan);
    assertFalse(plan.contains("demo-codedeploy"), plan);
  }
}
