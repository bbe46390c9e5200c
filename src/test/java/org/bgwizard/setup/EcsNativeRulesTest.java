package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.bgwizard.setup.EcsNative.Shift;
import org.bgwizard.setup.EcsNative.TimeoutAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcsNativeRulesTest {
  private static final SetupSpec NATIVE = SpecDefaults.tutorial("demo", "us-east-1", Strategy.ECS_NATIVE);

  private static SetupSpec with(Shift shift, Integer step, Integer stepBake, int bake, boolean pause, Integer timeout,
      TimeoutAction action, int deploymentTimeout) {
    var n = NATIVE.ecsNative();
    return NATIVE.withEcsNative(new EcsNative(shift, step, stepBake, bake, pause, timeout, action,
        n.infrastructureRole(), deploymentTimeout));
  }

  private static List<String> fieldsAndKeys(SetupSpec spec) {
    return SpecValidator.validate(spec).stream().map(p -> p.field() + " " + p.key()).toList();
  }

  @Test
  void nativeDefaults_validateClean_withoutCodeDeployOrItsRole_andWithoutWarnings() {
    assertEquals(List.of(), SpecValidator.validate(NATIVE));
    assertEquals(List.of(), SpecValidator.warnings(NATIVE));
    assertEquals(null, NATIVE.codeDeploy());
    assertEquals(null, NATIVE.roles().codeDeploy());
    assertEquals("demo-ecs-infrastructure", NATIVE.ecsNative().infrastructureRole().name());
    assertEquals(Shift.BLUE_GREEN, NATIVE.ecsNative().shift());
    assertEquals(TimeoutAction.ROLLBACK, NATIVE.ecsNative().onPauseTimeout());
    assertEquals(60, NATIVE.ecsNative().deploymentTimeoutMinutes());
  }

  @ParameterizedTest(name = "{0} {1}% every {2} min")
  @CsvSource({"LINEAR, 3, 0", "LINEAR, 100, 1440", "CANARY, 1, 10", "CANARY, 100, 0"})
  void stepsAtTheirLimits_areAccepted(Shift shift, int step, int stepBake) {
    assertEquals(List.of(), fieldsAndKeys(with(shift, step, stepBake, 0, false, null, null, 60)));
  }

  @ParameterizedTest(name = "{0} {1}% every {2} min: {3}")
  @CsvSource({"LINEAR, 2, 6, ecsNative.stepPercent stepPercent.range",
      "LINEAR, 101, 6, ecsNative.stepPercent stepPercent.range",
      "CANARY, 0, 10, ecsNative.stepPercent stepPercent.range",
      "LINEAR, 10, 1441, ecsNative.stepBakeMinutes stepBake.range",
      "CANARY, 5, -1, ecsNative.stepBakeMinutes stepBake.range"})
  void stepsOutOfRange_areRefusedByField(Shift shift, int step, int stepBake, String expected) {
    assertEquals(List.of(expected), fieldsAndKeys(with(shift, step, stepBake, 0, false, null, null, 60)));
  }

  @Test
  void blueGreenWithStepFields_refusesEach() {
    assertEquals(List.of("ecsNative.stepPercent shift.fieldUnused", "ecsNative.stepBakeMinutes shift.fieldUnused"),
        fieldsAndKeys(with(Shift.BLUE_GREEN, 10, 5, 5, false, null, null, 60)));
  }

  @Test
  void bakePauseAndDeploymentTimeout_outOfRange_areRefused() {
    assertEquals(List.of("ecsNative.bakeTimeMinutes bakeTime.range", "ecsNative.pauseTimeoutMinutes pauseTimeout.range",
        "ecsNative.deploymentTimeoutMinutes deploymentTimeout.range"),
        fieldsAndKeys(with(Shift.BLUE_GREEN, null, null, 1441, true, 20161, TimeoutAction.ROLLBACK, 61)));
    assertEquals(List.of("ecsNative.pauseTimeoutMinutes pauseTimeout.range", "ecsNative.onPauseTimeout missing",
        "ecsNative.deploymentTimeoutMinutes deploymentTimeout.range"),
        fieldsAndKeys(with(Shift.BLUE_GREEN, null, null, 0, true, 0, null, 0)));
  }

  @Test
  void pauseSettingsWithoutThePause_areRefused() {
    assertEquals(List.of("ecsNative.pauseTimeoutMinutes pause.fieldUnused", "ecsNative.onPauseTimeout pause.fieldUnused"),
        fieldsAndKeys(with(Shift.BLUE_GREEN, null, null, 0, false, 30, TimeoutAction.CONTINUE, 60)));
  }

  @Test
  void eachStrategy_refusesTheOthersSections() {
    var codeDeploy = SpecDefaults.tutorial("demo", "us-east-1");
    assertEquals(List.of("codeDeploy strategy.sectionUnused", "roles.codeDeploy strategy.sectionUnused"),
        fieldsAndKeys(NATIVE.withCodeDeploy(codeDeploy.codeDeploy()).withRoles(codeDeploy.roles())));
    assertEquals(List.of("ecsNative strategy.sectionUnused"),
        fieldsAndKeys(codeDeploy.withEcsNative(NATIVE.ecsNative())));
    assertEquals(List.of("ecsNative missing"), fieldsAndKeys(NATIVE.withEcsNative(null)));
  }

  @Test
  void infrastructureRole_isCheckedLikeTheOtherRoles() {
    var n = NATIVE.ecsNative();
    var clash = NATIVE.withEcsNative(new EcsNative(n.shift(), null, null, 15, true, 30, TimeoutAction.ROLLBACK,
        new Roles.RoleRef("demo-codebuild", null), 60));
    assertEquals(List.of("ecsNative.infrastructureRole.name roleName.duplicate"), fieldsAndKeys(clash));
  }

  /** Linear 10%: 9 waits of 5 min, the pause 30, the bake 15 = 90 minutes against an action that stops at 60. */
  static SetupSpec outlastingTheAction() {
    return with(Shift.LINEAR, 10, 5, 15, true, 30, TimeoutAction.ROLLBACK, 60);
  }

  @Test
  void deploymentThatCanOutlastTheAction_isAWarningNamingBothDurations() {
    var spec = outlastingTheAction();
    assertEquals(List.of(), SpecValidator.validate(spec));
    var warnings = SpecValidator.warnings(spec);
    assertEquals(1, warnings.size());
    String text = warnings.get(0).message(Locale.ROOT);
    assertTrue(text.startsWith("Deploy action timeout (minutes) (ecsNative.deploymentTimeoutMinutes): a deployment"
        + " can take 90 minutes"), text);
    assertTrue(text.contains("gives up after 60"), text);
    assertTrue(warnings.get(0).message(Locale.JAPANESE).contains("90 分"), warnings.get(0).message(Locale.JAPANESE));
  }
}
