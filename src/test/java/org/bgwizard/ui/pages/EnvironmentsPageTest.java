package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bgwizard.setup.Environment;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Environments page (issue 15): one environment by default, or several, validated as the user types. */
@ExtendWith(ApplicationExtension.class)
class EnvironmentsPageTest {
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final ViewSettings settings = new ViewSettings(Locale.ENGLISH, Theme.LIGHT);
  private WizardDriver wizard;

  @Start
  void start(Stage stage) {
    new WizardWindow(stage, model, settings, new FakeDialogs(), TestSessions.offline()).show();
  }

  @BeforeEach
  void open(FxRobot robot) {
    wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.ENVIRONMENTS);
  }

  @Test
  void oneEnvironment_isTheDefault_andLeavesTheSetupAsItWas(FxRobot robot) {
    assertTrue(robot.lookup("#oneEnvironment").queryAs(javafx.scene.control.RadioButton.class).isSelected());
    assertFalse(wizard.shown("listSection"));
    assertFalse(wizard.shown("topicSection"));
    assertNull(model.spec().get().environments());
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void severalEnvironments_proposesDevQaProd_theLastOneGated(FxRobot robot) {
    wizard.click("severalEnvironments");

    var envs = model.spec().get().environments();
    assertEquals(List.of("dev", "qa", "prod"), envs.names());
    assertEquals(List.of("main", "qa", "prod"), envs.list().stream().map(Environment::branch).toList());
    assertEquals(List.of(false, false, true), envs.list().stream().map(Environment::approval).toList());
    assertEquals("shop-approvals", envs.approvalTopic().name());
    assertFalse(envs.sharedLoadBalancer());
    assertEquals("dev", wizard.text("environmentName0"));
    assertEquals("1", robot.lookup("#environmentCount0").queryTextInputControl().getPromptText());
    assertTrue(wizard.shown("topicSection"));
    assertFalse(wizard.nextDisabled());

    wizard.click("oneEnvironment");
    assertNull(model.spec().get().environments(), "back to one environment: no environments section");
  }

  @Test
  void everyProblem_isShownAtOnce_underItsRow_namingTheColumn(FxRobot robot) {
    wizard.click("severalEnvironments");

    wizard.type("environmentName0", "Dev");
    wizard.type("environmentBranch1", "main");
    wizard.type("environmentCpu2", "300");

    assertTrue(error(robot, 0).startsWith("Name: 'Dev' "), error(robot, 0));
    assertTrue(error(robot, 1).startsWith("Branch: 'main' is the branch of an earlier environment too"),
        error(robot, 1));
    assertTrue(error(robot, 2).startsWith("CPU units: "), error(robot, 2));
    assertTrue(error(robot, 2).contains("256"), "says which CPU units are accepted: " + error(robot, 2));
    assertTrue(wizard.nextDisabled());

    wizard.type("environmentName0", "dev");
    wizard.type("environmentBranch1", "qa");
    wizard.type("environmentCpu2", "256");
    assertEquals("", error(robot, 0) + error(robot, 1) + error(robot, 2));
    assertFalse(wizard.nextDisabled());
    assertEquals(256, model.spec().get().environments().list().get(2).cpu());
  }

  @Test
  void addRemoveAndReorder_changeThePromotionOrder_withinOneToFive(FxRobot robot) {
    wizard.click("severalEnvironments");
    wizard.type("environmentCount0", "2");

    wizard.click("addEnvironmentButton");
    assertEquals(List.of("dev", "qa", "prod", "test"), model.spec().get().environments().names());
    assertEquals(2, model.spec().get().environments().list().get(3).desiredCount(),
        "an added environment has the first one's sizes");
    wizard.click("addEnvironmentButton");
    assertEquals(5, model.spec().get().environments().list().size());
    var add = robot.lookup("#addEnvironmentButton").queryAs(Button.class);
    assertTrue(add.isDisabled());
    assertEquals("A setup has at most 5 environments: remove one to add another.",
        robot.lookup("#addEnvironmentButtonHolder").queryAs(Label.class).getTooltip().getText());

    wizard.click("environmentDown3");
    assertEquals(List.of("dev", "qa", "prod", "staging", "test"), model.spec().get().environments().names());
    wizard.click("environmentUp1");
    assertEquals(List.of("qa", "dev", "prod", "staging", "test"), model.spec().get().environments().names());
    assertTrue(robot.lookup("#environmentUp0").queryAs(Button.class).isDisabled());
    assertEquals("This is the first environment: changes reach it first.",
        robot.lookup("#environmentUp0Holder").queryAs(Label.class).getTooltip().getText());

    for (int i = 0; i < 4; i++) {
      wizard.click("environmentRemove0");
    }
    assertEquals(List.of("test"), model.spec().get().environments().names());
    assertTrue(robot.lookup("#environmentRemove0").queryAs(Button.class).isDisabled(), "one is left");
    assertFalse(add.isDisabled());
  }

  @Test
  void sharedLoadBalancer_explainsTheCostInWords(FxRobot robot) {
    wizard.click("severalEnvironments");
    var note = robot.lookup("#sharedNote").queryAs(Label.class);
    assertTrue(note.getText().contains("Each of the 3 environments gets its own Application Load Balancer"),
        note.getText());

    wizard.click("sharedLoadBalancer");

    assertTrue(model.spec().get().environments().sharedLoadBalancer());
    assertTrue(note.getText().contains("one load balancer’s hourly charge instead of 3"), note.getText());
    assertFalse(note.getText().matches(".*[$€¥].*"), "no prices: " + note.getText());
  }

  @Test
  void approvalTopic_createdOrExisting_withAnOptionalEmail(FxRobot robot) {
    wizard.click("severalEnvironments");
    assertTrue(robot.lookup("#emailField").queryAs(org.bgwizard.ui.common.FormField.class).getHint()
        .contains("AWS first sends it a confirmation mail"));

    wizard.type("email", "ops@");
    assertTrue(wizard.shownError("emailField").contains("ops@"), wizard.shownError("emailField"));
    assertTrue(wizard.nextDisabled());
    wizard.type("email", "ops@example.com");
    assertEquals("ops@example.com", model.spec().get().environments().approvalTopic().email());

    wizard.click("existingTopic");
    assertFalse(wizard.shown("topicNameField"));
    assertEquals("Required: enter a value.", wizard.shownError("topicArnField"));
    assertTrue(wizard.nextDisabled());
    wizard.type("topicArn", "arn:aws:sns:us-east-1:123456789012");
    assertFalse(wizard.shownError("topicArnField").isEmpty());
    wizard.type("topicArn", "arn:aws:sns:us-east-1:123456789012:approvals");
    assertEquals("", wizard.shownError("topicArnField"));
    var topic = model.spec().get().environments().approvalTopic();
    assertTrue(topic.isExisting());
    assertNull(topic.name());
    assertFalse(wizard.nextDisabled());

    wizard.click("environmentApproval2");
    assertNull(model.spec().get().environments().approvalTopic(), "no gate: no topic");
    assertTrue(robot.lookup("#topicInputs").query().isDisabled());
    assertTrue(robot.lookup("#topicIntro").queryAs(Label.class).getText().startsWith("No environment waits"));
  }

  @Test
  void tab_movesAlongARow_thenToTheNextRow(FxRobot robot) {
    wizard.click("severalEnvironments");
    robot.interact(() -> robot.lookup("#environmentName0").query().requestFocus());
    var reached = new java.util.ArrayList<String>();
    for (int i = 0; i < 9; i++) {
      robot.push(KeyCode.TAB);
      Node focused = robot.lookup("#environmentName0").query().getScene().getFocusOwner();
      reached.add(focused == null ? "none" : focused.getId());
    }
    assertEquals(List.of("environmentBranch0", "environmentCount0", "environmentCpu0", "environmentMemory0",
        "environmentApproval0", "environmentDown0", "environmentRemove0", "environmentName1", "environmentBranch1"),
        reached);
  }

  @Test
  void inJapanese_theProblemsAndTheCostNoteAreJapanese(FxRobot robot) {
    robot.interact(() -> settings.locale().set(Locale.JAPANESE));
    wizard.click("severalEnvironments");
    wizard.type("environmentBranch1", "main");

    assertTrue(error(robot, 1).startsWith("ブランチ: 「main」は前の環境のブランチでもあります"), error(robot, 1));
    assertTrue(robot.lookup("#sharedNote").queryAs(Label.class).getText().contains("3 個の環境それぞれ"));
  }

  private static String error(FxRobot robot, int row) {
    var label = robot.lookup("#environmentError" + row).queryAs(Label.class);
    return label.isVisible() ? label.getText() : "";
  }
}
