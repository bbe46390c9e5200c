package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.setup.Strategy;
import org.junit.jupiter.api.Test;

class MigrationSpecTest {

  @Test
  void toNative_ofTheTutorial_hasTheNativeDefaults_andNoCodeDeploySectionOrRole() {
    var spec = MigrationSpec.toNative(SpecDefaults.tutorial("demo", "us-east-1"));

    assertEquals(SpecDefaults.tutorial("demo", "us-east-1", Strategy.ECS_NATIVE).ecsNative(), spec.ecsNative());
    assertEquals(Strategy.ECS_NATIVE, spec.strategy());
    assertNull(spec.codeDeploy());
    assertNull(spec.roles().codeDeploy());
    assertEquals("demo-ecs-infrastructure", spec.ecsNative().infrastructureRole().name());
    assertTrue(SpecValidator.validate(spec).isEmpty(), () -> SpecValidator.validate(spec).toString());
  }

  @Test
  void toNative_keepsTheRerouteWaitAsThePauseTimeout_andNoAutoRollbackAsContinue() {
    var tutorial = SpecDefaults.tutorial("demo", "us-east-1");
    var cd = tutorial.codeDeploy();
    var waiting = tutorial.withCodeDeploy(new CodeDeploy(cd.application(), cd.deploymentGroup(),
        cd.deploymentConfig(), CodeDeploy.Reroute.WAIT, 45, cd.terminationWaitMinutes(), false));

    EcsNative n = MigrationSpec.toNative(waiting).ecsNative();

    assertTrue(n.pauseBeforeProduction());
    assertEquals(45, n.pauseTimeoutMinutes());
    assertEquals(EcsNative.TimeoutAction.CONTINUE, n.onPauseTimeout());
  }

  @Test
  void toNative_ofAnEcsNativeSetup_isRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> MigrationSpec.toNative(
        SpecDefaults.tutorial("demo", "us-east-1", Strategy.ECS_NATIVE)));
    assertTrue(e.getMessage().contains("already has the strategy ecs-native"), e.getMessage());
  }
}
