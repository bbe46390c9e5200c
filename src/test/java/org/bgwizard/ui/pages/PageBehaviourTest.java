package org.bgwizard.ui.pages;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bgwizard.setup.Fargate;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PageBehaviourTest {
  /** One field per page and a valid value for it that differs from the tutorial's. */
  private static final Map<Step, List<String>> EDITS = Map.of(
      Step.BASICS, List.of("initialImage", "public.ecr.aws/docker/library/httpd:2.4"),
      Step.ENVIRONMENTS, List.of("environmentBranch0", "develop"),
      Step.NETWORK, List.of("ingressCidr", "203.0.113.0/24"),
      Step.IAM_ROLES, List.of("codedeployName", "shop-deployer"),
      Step.IMAGE_REPOSITORY, List.of("keepImages", "25"),
      Step.LOAD_BALANCER, List.of("testPort", "9090"),
      Step.ECS_SERVICE, List.of("logGroup", "/ecs/shop-web"),
      Step.CODEDEPLOY, List.of("terminationWaitMinutes", "5"),
      Step.CODEBUILD_SOURCE, List.of("branch", "release"),
      Step.PIPELINE, List.of("pipelineName", "shop-release"));

  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final ViewSettings settings = new ViewSettings(Locale.ENGLISH, Theme.LIGHT);
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    new WizardWindow(stage, model, settings, new FakeDialogs(), TestSessions.offline()).show();
  }

  @Test
  void backAndNext_keepWhatWasTyped_onEveryPage(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    List<Step> pages = List.of(Step.BASICS, Step.ENVIRONMENTS, Step.NETWORK, Step.IAM_ROLES, Step.IMAGE_REPOSITORY, Step.LOAD_BALANCER,
        Step.ECS_SERVICE, Step.CODEDEPLOY, Step.CODEBUILD_SOURCE, Step.PIPELINE);
    for (Step page : pages) {
      wizard.goTo(page);
      if (page == Step.ENVIRONMENTS) {
        wizard.click("severalEnvironments");
      }
      wizard.type(EDITS.get(page).get(0), EDITS.get(page).get(1));
      robot.clickOn("#nextButton");
    }
    assertEquals(Step.REVIEW, model.currentStep().get());

    for (Step page : reversed(pages)) {
      robot.clickOn("#backButton");
      assertEquals(page, model.currentStep().get());
      assertEquals(EDITS.get(page).get(1), wizard.text(EDITS.get(page).get(0)), page.name());
    }
    for (Step page : pages) {
      assertEquals(EDITS.get(page).get(1), wizard.text(EDITS.get(page).get(0)), page.name());
      robot.clickOn("#nextButton");
    }
    assertEquals(9090, model.spec().get().loadBalancer().testPort());
  }

  @Test
  void renamingOnBasics_renamesTheDerivedNames_butNotEditedOnes(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.BASICS);
    wizard.type("containerName", "web");

    wizard.type("setupName", "cafe");

    assertEquals("web", wizard.text("containerName"));
    wizard.goTo(Step.IMAGE_REPOSITORY);
    assertEquals("cafe", wizard.text("repositoryName"));
    wizard.goTo(Step.LOAD_BALANCER);
    assertEquals("cafe-alb", wizard.text("lbName"));
    assertEquals("cafe-tg-2", wizard.text("targetGroup2"));
    wizard.goTo(Step.ECS_SERVICE);
    assertEquals("cafe-cluster", wizard.text("cluster"));
    wizard.goTo(Step.PIPELINE);
    assertEquals("cafe-pipeline", wizard.text("pipelineName"));
  }

  @Test
  void memoryChoice_offersOnlyTheSizesOfTheChosenCpu_andFollowsIt(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.ECS_SERVICE);
    ComboBox<Integer> cpu = robot.lookup("#cpu").queryComboBox();
    ComboBox<Integer> memory = robot.lookup("#memory").queryComboBox();
    assertEquals(List.of(512, 1024, 2048), memory.getItems());

    robot.interact(() -> cpu.getSelectionModel().select(Integer.valueOf(4096)));

    assertEquals(Fargate.memoryValues(4096), memory.getItems());
    assertTrue(Fargate.isValid(4096, memory.getValue()), String.valueOf(memory.getValue()));
    assertEquals(memory.getValue(), model.spec().get().container().memory());
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void cpuAndMemory_readAsPeopleSayThem(FxRobot robot) {
    new WizardDriver(robot, model).goTo(Step.ECS_SERVICE);
    ComboBox<Integer> cpu = robot.lookup("#cpu").queryComboBox();
    ComboBox<Integer> memory = robot.lookup("#memory").queryComboBox();

    assertEquals("256 CPU units (0.25 vCPU)", cpu.getConverter().toString(cpu.getValue()));
    assertEquals("512 MiB (0.5 GB)", memory.getConverter().toString(memory.getValue()));
  }

  @Test
  void rerouteWaitMinutes_canBeTypedOnlyWhenWaitingForAPerson(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.CODEDEPLOY);
    assertTrue(wizard.field("rerouteWaitMinutesField").isDisabled());

    wizard.click("rerouteWait");
    assertFalse(wizard.field("rerouteWaitMinutesField").isDisabled());
    assertTrue(wizard.nextDisabled());
    wizard.type("rerouteWaitMinutes", "30");
    assertFalse(wizard.nextDisabled());

    wizard.click("rerouteNow");
    assertTrue(wizard.field("rerouteWaitMinutesField").isDisabled());
    assertEquals(null, model.spec().get().codeDeploy().rerouteWaitMinutes());
  }

  @Test
  void deploymentConfiguration_isExplainedInOneLine(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.CODEDEPLOY);
    ComboBox<String> config = robot.lookup("#deploymentConfig").queryComboBox();
    assertEquals(5, config.getItems().size());

    robot.interact(() -> config.getSelectionModel().select("CodeDeployDefault.ECSCanary10Percent5Minutes"));

    assertEquals("Moves 10% of the traffic first and the other 90% five minutes later.",
        wizard.field("deploymentConfigField").getHint());
  }

  @Test
  void providerFields_appearOnlyForTheirProvider(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.CODEBUILD_SOURCE);
    assertTrue(wizard.shown("repository"));
    assertFalse(wizard.shown("s3Bucket"));
    assertFalse(wizard.shown("connectionArn"));
    assertTrue(wizard.shown("branch"));

    wizard.click("s3Provider");
    assertFalse(wizard.shown("repository"));
    assertTrue(wizard.shown("s3Bucket"));
    assertTrue(wizard.shown("s3ObjectKey"));
    assertFalse(wizard.shown("branch"));
    assertTrue(wizard.nextDisabled());

    wizard.click("gitHubProvider");
    assertFalse(wizard.shown("s3Bucket"));
    assertTrue(wizard.shown("connectionArn"));
    assertTrue(wizard.shown("fullRepositoryId"));
    assertTrue(wizard.shown("branch"));
  }

  @Test
  void privilegedMode_isLockedOn(FxRobot robot) {
    new WizardDriver(robot, model).goTo(Step.CODEBUILD_SOURCE);
    var privileged = robot.lookup("#privileged").queryAs(CheckBox.class);

    assertTrue(privileged.isSelected());
    assertTrue(privileged.isDisabled());
  }

  @Test
  void arm64_switchesTheBuildImageToTheArmDefault(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.BASICS);

    wizard.click("arm");
    wizard.goTo(Step.CODEBUILD_SOURCE);

    assertEquals(SpecDefaults.BUILD_IMAGE_ARM, wizard.text("image"));
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void useTheDefault_restoresTheBuildImageForTheArchitecture(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.CODEBUILD_SOURCE);
    wizard.type("image", "aws/codebuild/amazonlinux-aarch64-standard:3.0");

    wizard.click("defaultImageButton");

    assertEquals(SpecDefaults.BUILD_IMAGE_X86, wizard.text("image"));
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void existingRole_asksForItsArn_andShowsWhatItNeeds(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.IAM_ROLES);
    assertTrue(wizard.shown("codebuildName"));
    assertFalse(wizard.shown("codebuildArn"));

    wizard.click("codebuildExisting");

    assertFalse(wizard.shown("codebuildName"));
    assertTrue(wizard.shown("codebuildArn"));
    assertTrue(wizard.nextDisabled());
    assertEquals("Policies your role needs", robot.lookup("#codebuildPolicies").queryAs(TitledPane.class).getText());
    wizard.type("codebuildArn", "arn:aws:iam::111122223333:role/builder");
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void policies_areShownReadOnly_forTheExampleAccount(FxRobot robot) {
    new WizardDriver(robot, model).goTo(Step.IAM_ROLES);
    TextArea permissions = robot.lookup("#codepipelinePermissions").queryAs(TextArea.class);
    TextArea trust = robot.lookup("#codepipelineTrust").queryAs(TextArea.class);

    assertFalse(permissions.isEditable());
    assertTrue(permissions.getText().contains("\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\""));
    assertTrue(permissions.getText().contains("123456789012"));
    assertTrue(trust.getText().contains("codepipeline.amazonaws.com"));
    assertTrue(robot.lookup("#policiesNote").queryLabeled().getText().contains("example account 123456789012"));
  }

  @Test
  void tab_leavesAPolicyText_insteadOfTypingIntoIt(FxRobot robot) {
    new WizardDriver(robot, model).goTo(Step.IAM_ROLES);
    robot.interact(() -> robot.lookup("#codepipelinePolicies").queryAs(TitledPane.class).setExpanded(true));
    TextArea permissions = robot.lookup("#codepipelinePermissions").queryAs(TextArea.class);
    String text = permissions.getText();
    robot.interact(permissions::requestFocus);

    robot.type(KeyCode.TAB);

    assertFalse(permissions.isFocused());
    assertEquals(text, permissions.getText());
  }

  @Test
  void subnets_canBeAddedAndRemoved_eachWithItsOwnMessage(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.NETWORK);

    wizard.click("addSubnetButton");
    robot.write("subnet-nope");

    assertEquals(1, model.spec().get().network().subnets().size());
    var rows = robot.lookup(".subnet-row").queryAll();
    assertEquals(1, rows.size());
    String errors = String.join("\n", robot.lookup("#subnetRows .field-error").queryAllAs(Label.class)
        .stream().map(Label::getText).toList());
    assertTrue(errors.contains("'subnet-nope' is not a subnet id"), errors);
    assertTrue(wizard.shownError("subnetsField").contains("at least 2 subnets"), wizard.shownError("subnetsField"));
    assertTrue(wizard.nextDisabled());

    robot.interact(() -> robot.lookup("#subnetRows .button").queryButton().fire());

    assertEquals(0, model.spec().get().network().subnets().size());
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void securityGroupSentence_followsTheCidr(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.NETWORK);

    wizard.type("ingressCidr", "198.51.100.0/24");

    assertTrue(robot.lookup("#securityGroups").queryLabeled().getText()
        .contains("allows ports 80 (production) and 8080 (test) from 198.51.100.0/24"));
  }

  @Test
  void existingLoadBalancer_asksForItsArn(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.LOAD_BALANCER);

    wizard.click("existingLb");

    assertFalse(wizard.shown("lbName"));
    assertTrue(wizard.shown("lbArn"));
    assertTrue(wizard.nextDisabled());
    wizard.type("lbArn", "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/shop/0123abcd");
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void tab_visitsTheBasicsFieldsInReadingOrder(FxRobot robot) {
    new WizardDriver(robot, model).goTo(Step.BASICS);
    robot.interact(() -> robot.lookup("#setupName").query().requestFocus());
    var order = new ArrayList<String>();
    for (int i = 0; i < 6; i++) {
      robot.type(KeyCode.TAB);
      order.add(focusedId());
    }

    assertEquals(List.of("region", "strategyCodeDeploy", "containerName", "containerPort", "x86", "initialImage"),
        order);
  }

  @Test
  void mnemonics_focusTheirFields(FxRobot robot) {
    new WizardDriver(robot, model).goTo(Step.LOAD_BALANCER);

    robot.push(KeyCode.ALT, KeyCode.T);
    assertEquals("testPort", focusedId());
    robot.push(KeyCode.ALT, KeyCode.DIGIT2);
    assertEquals("targetGroup2", focusedId());
  }

  @Test
  void mnemonics_areUniqueOnEveryPage_inBothLanguages_andLeaveTheWindowsOwnAlone(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
      robot.interact(() -> settings.locale().set(locale));
      for (Step page : EDITS.keySet()) {
        wizard.goTo(page);
        var reserved = List.of('B', 'N', 'F', 'V', 'H');
        var used = new ArrayList<Character>();
        for (Labeled labeled : labeledIn(robot.lookup("#pageArea").queryParent())) {
          String text = labeled.getText();
          int mark = text == null ? -1 : text.indexOf('_');
          if (!labeled.isMnemonicParsing() || mark < 0 || !wizard.treeVisible(labeled)) {
            continue;
          }
          char key = Character.toUpperCase(text.charAt(mark + 1));
          assertFalse(used.contains(key) || reserved.contains(key), page + " " + locale + ": " + text + " reuses " + key);
          used.add(key);
        }
        assertTrue(used.size() >= 2, page + " " + locale + " has mnemonics " + used);
      }
    }
  }

  @Test
  void fileOpen_showsTheOpenedSetupOnTheCurrentPage(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.PIPELINE);
    var other = SpecDefaults.tutorial("other", "eu-west-1");

    robot.interact(() -> {
      model.spec().set(other);
      model.back();
      model.next();
    });

    assertEquals("other-pipeline", wizard.text("pipelineName"));
    assertSame(other, model.spec().get());
  }

  private static List<Labeled> labeledIn(Parent parent) {
    var found = new ArrayList<Labeled>();
    for (Node child : parent.getChildrenUnmodifiable()) {
      if (child instanceof Labeled labeled) {
        found.add(labeled);
      }
      if (child instanceof Parent inner) {
        found.addAll(labeledIn(inner));
      }
    }
    return found;
  }

  private static List<Step> reversed(List<Step> steps) {
    var copy = new ArrayList<>(steps);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private String focusedId() {
    Node focused = stage.getScene().getFocusOwner();
    return focused == null ? "none" : focused.getId();
  }
}
