package org.bgwizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StepSummaryTest {
  private static final Messages EN = Messages.of(Locale.ENGLISH);
  private static final Messages JA = Messages.of(Locale.JAPANESE);
  private final SetupSpec spec = SpecDefaults.tutorial("shop", "ap-northeast-1");

  @Test
  void loadBalancer_listsBothTargetGroups_withTheirListenerPorts_inBothLanguages() {
    for (var messages : List.of(EN, JA)) {
      String text = String.join("\n", StepSummary.items(Step.LOAD_BALANCER, spec, messages));

      assertTrue(text.contains("shop-alb"), text);
      assertTrue(text.matches("(?s).*\\b80\\b.*shop-tg-1.*"), text);
      assertTrue(text.matches("(?s).*\\b8080\\b.*shop-tg-2.*"), text);
      assertFalse(text.contains("8,080"), "ports are names, never grouped: " + text);
    }
  }

  @Test
  void existingRole_isShownAsUsed_notCreated() {
    var roles = spec.roles();
    var custom = spec.withRoles(new Roles(roles.taskExecution(),
        new Roles.RoleRef(null, "arn:aws:iam::111122223333:role/MyDeployRole"), roles.codeBuild(), roles.codePipeline()));

    var items = StepSummary.items(Step.IAM_ROLES, custom, EN);

    assertEquals(4, items.size());
    assertEquals("CodeDeploy role: your role arn:aws:iam::111122223333:role/MyDeployRole, used as it is", items.get(1));
    assertTrue(items.get(0).startsWith("ECS task execution role shop-ecs-task-execution"), items.get(0));
  }

  @Test
  void rerouteWait_showsTheMinutes_insteadOfImmediateReroute() {
    var cd = spec.codeDeploy();
    var waiting = spec.withCodeDeploy(new CodeDeploy(cd.application(), cd.deploymentGroup(), cd.deploymentConfig(),
        CodeDeploy.Reroute.WAIT, 30, cd.terminationWaitMinutes(), cd.autoRollback()));

    var items = StepSummary.items(Step.CODEDEPLOY, waiting, EN);

    assertTrue(items.contains("Production traffic waits up to 30 minutes for you to reroute it; then the deployment stops"),
        items.toString());
  }

  @Test
  void ecsService_countsTasksInWords() {
    var items = StepSummary.items(Step.ECS_SERVICE, spec, EN);

    assertTrue(items.contains("Service shop-service: one task, deployment controller CODE_DEPLOY"), items.toString());
  }

  @Test
  void aSectionMissingFromAnOpenedFile_isReportedAsNotSet() {
    var partial = spec.withLoadBalancer(null);

    assertEquals(List.of(EN.get("summary.notSet")), StepSummary.items(Step.LOAD_BALANCER, partial, EN));
  }

  @ParameterizedTest
  @EnumSource(value = Step.class, names = {"START", "REVIEW", "DONE"})
  void explainingSteps_createNothing(Step step) {
    assertTrue(StepSummary.items(step, spec, EN).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Step.class)
  void everyStep_rendersInBothLanguages_withEveryPlaceholderFilled(Step step) {
    for (var messages : List.of(EN, JA)) {
      for (String item : StepSummary.items(step, spec, messages)) {
        assertFalse(item.contains("{") || item.contains("null"), item);
      }
    }
  }
}
