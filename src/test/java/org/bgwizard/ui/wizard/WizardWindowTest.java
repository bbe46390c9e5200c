package org.bgwizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {
  private final FakeDialogs dialogs = new FakeDialogs();
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final ViewSettings settings = new ViewSettings(Locale.ENGLISH, Theme.LIGHT);
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    new WizardWindow(stage, model, settings, dialogs, TestSessions.offline()).show();
  }

  @Test
  void window_isTitledWithTheProductName_andKeepsAUsableMinimumSize() {
    assertEquals("Blue/Green Pipeline Wizard", stage.getTitle());
    assertEquals(900, stage.getMinWidth());
    assertEquals(600, stage.getMinHeight());
    assertEquals(1100, stage.getScene().getWidth());
    assertEquals(720, stage.getScene().getHeight());
  }

  @Test
  void stepList_showsTheFourteenSteps_startingAtStart(FxRobot robot) {
    ListView<Step> steps = robot.lookup("#stepList").queryListView();

    assertEquals(List.of(Step.values()), steps.getItems());
    assertEquals(14, steps.getItems().size());
    assertEquals(Step.START, steps.getSelectionModel().getSelectedItem());
    assertEquals("Start", text(robot, "#stepTitle"));
    assertEquals("Step 1 of 14", text(robot, "#stepCounter"));
  }

  @Test
  void next_thenBack_movesBetweenSteps_andKeepsTheSpec(FxRobot robot) {
    var spec = model.spec().get();

    robot.clickOn("#nextButton").clickOn("#nextButton");
    assertEquals("Environments", text(robot, "#stepTitle"));
    assertEquals("Step 3 of 14", text(robot, "#stepCounter"));
    robot.clickOn("#backButton");

    assertEquals(Step.BASICS, model.currentStep().get());
    assertEquals("Basics", text(robot, "#stepTitle"));
    assertSame(spec, model.spec().get());
  }

  @Test
  void stepList_neverScrollsSideways_onAnyStep_inEitherLanguage(FxRobot robot) {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
      robot.interact(() -> settings.locale().set(locale));
      for (Step step : Step.values()) {
        robot.interact(() -> {
          model.next();
          stage.getScene().getRoot().applyCss();
          stage.getScene().getRoot().layout();
        });
        ListView<Step> steps = robot.lookup("#stepList").queryListView();
        boolean sideways = steps.lookupAll(".scroll-bar").stream()
            .map(n -> (javafx.scene.control.ScrollBar) n)
            .anyMatch(bar -> bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible());
        assertFalse(sideways, "a horizontal scroll bar on " + model.currentStep().get() + " in " + locale);
      }
    }
  }

  @Test
  void back_isDisabledOnTheFirstStep_andNextStopsAtCreate_untilSomethingIsCreated(FxRobot robot) {
    assertTrue(button(robot, "#backButton").isDisabled());
    assertFalse(button(robot, "#nextButton").isDisabled());

    robot.interact(() -> {
      while (model.next()) {
        // walk to the last step
      }
    });

    assertEquals("Create", text(robot, "#stepTitle"));
    assertTrue(button(robot, "#nextButton").isDisabled());
    assertFalse(button(robot, "#backButton").isDisabled());
    assertTrue(robot.lookup("#problemText").queryAs(javafx.scene.control.TextArea.class).getText()
        .startsWith("Connect on the Start page first"), "without a connection Create says where to go");
  }

  @Test
  void processing_disablesBackAndNext(FxRobot robot) {
    robot.clickOn("#nextButton");
    robot.interact(() -> model.processing().set(true));

    assertTrue(button(robot, "#backButton").isDisabled());
    assertTrue(button(robot, "#nextButton").isDisabled());
    robot.type(KeyCode.ENTER);
    assertEquals(Step.BASICS, model.currentStep().get());
  }

  @Test
  void pageVeto_disablesNext(FxRobot robot) {
    robot.interact(() -> model.canGoNext().set(false));

    assertTrue(button(robot, "#nextButton").isDisabled());
  }

  @Test
  void enterKey_pressesNext_everyTime(FxRobot robot) {
    robot.type(KeyCode.ENTER).type(KeyCode.ENTER).type(KeyCode.ENTER);

    assertEquals(Step.NETWORK, model.currentStep().get());
  }

  @Test
  void enterKey_pressesNext_afterAClickOnThePage(FxRobot robot) {
    robot.clickOn(".page-intro");
    robot.type(KeyCode.ENTER).type(KeyCode.ENTER).type(KeyCode.ENTER);

    assertEquals(Step.NETWORK, model.currentStep().get());
    assertSame(button(robot, "#nextButton"), stage.getScene().getFocusOwner());
  }

  @Test
  void mnemonics_pressNextAndBack(FxRobot robot) {
    robot.push(KeyCode.ALT, KeyCode.N).push(KeyCode.ALT, KeyCode.N).push(KeyCode.ALT, KeyCode.B);

    assertEquals(Step.BASICS, model.currentStep().get());
  }

  @Test
  void tab_reachesTheStepListEveryButtonAndThePagesFields(FxRobot robot) {
    robot.clickOn("#nextButton");
    var reached = new java.util.HashSet<String>();
    for (int i = 0; i < 12; i++) {
      robot.type(KeyCode.TAB);
      Node focused = stage.getScene().getFocusOwner();
      reached.add(focused == null ? "none" : focused.getId());
    }

    assertTrue(reached.containsAll(List.of("stepList", "cancelButton", "backButton", "nextButton", "setupName",
        "initialImage")), reached.toString());
  }

  @Test
  void stepList_goesBackToVisitedSteps_butNotToStepsNotReached(FxRobot robot) {
    robot.clickOn("#nextButton").clickOn("#nextButton");
    ListView<Step> steps = robot.lookup("#stepList").queryListView();

    robot.interact(() -> steps.getSelectionModel().select(Step.START));
    assertEquals(Step.START, model.currentStep().get());
    robot.interact(() -> steps.getSelectionModel().select(Step.PIPELINE));

    assertEquals(Step.START, model.currentStep().get());
    assertEquals(Step.START, steps.getSelectionModel().getSelectedItem());
    robot.interact(() -> steps.getSelectionModel().select(Step.ENVIRONMENTS));
    assertEquals("Environments", text(robot, "#stepTitle"));
  }

  @Test
  void loadBalancerStep_showsTheListenerPortsAndTargetGroups(FxRobot robot) {
    robot.interact(() -> {
      while (model.currentStep().get() != Step.LOAD_BALANCER) {
        model.next();
      }
    });

    assertEquals("80", robot.lookup("#productionPort").queryTextInputControl().getText());
    assertEquals("8080", robot.lookup("#testPort").queryTextInputControl().getText());
    assertEquals("shop-tg-1", robot.lookup("#targetGroup1").queryTextInputControl().getText());
    assertEquals("shop-tg-2", robot.lookup("#targetGroup2").queryTextInputControl().getText());
  }

  @Test
  void japanese_changesEveryText_andKeepsTheStepAndTheSpec(FxRobot robot) {
    robot.clickOn("#nextButton").clickOn("#nextButton");
    var spec = model.spec().get();

    robot.interact(() -> menuItem(robot, "japaneseItem").fire());

    assertEquals(Step.ENVIRONMENTS, model.currentStep().get());
    assertSame(spec, model.spec().get());
    assertEquals("環境", text(robot, "#stepTitle"));
    assertEquals("ステップ 3 / 14", text(robot, "#stepCounter"));
    assertEquals("次へ(_N)", button(robot, "#nextButton").getText());
    assertEquals(Step.ENVIRONMENTS, robot.lookup("#stepList").<Step>queryListView().getSelectionModel().getSelectedItem());
    assertFalse(button(robot, "#backButton").isDisabled());

    robot.interact(() -> menuItem(robot, "englishItem").fire());
    assertEquals("Environments", text(robot, "#stepTitle"));
  }

  @Test
  void darkTheme_appliesPrimerDark(FxRobot robot) {
    robot.interact(() -> menuItem(robot, "darkItem").fire());

    assertEquals(new PrimerDark().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
    robot.interact(() -> menuItem(robot, "lightItem").fire());
  }

  @Test
  void newSetup_asksBeforeDiscardingUnsavedChoices_thenStartsOverOnTheStartPage(FxRobot robot) throws Exception {
    robot.interact(() -> menuItem(robot, "newItem").fire());
    assertEquals(0, dialogs.questions.size(), "nothing to lose: no question");
    robot.clickOn("#nextButton");
    robot.interact(() -> robot.lookup("#setupName").queryTextInputControl().setText("mine"));
    assertEquals("mine", model.spec().get().name());

    dialogs.confirmAnswer = false;
    robot.interact(() -> menuItem(robot, "newItem").fire());
    assertEquals("Discard the choices made for mine?", dialogs.questions.get(0).header());
    assertEquals("mine", model.spec().get().name());
    assertEquals(Step.BASICS, model.currentStep().get());

    dialogs.confirmAnswer = true;
    robot.interact(() -> menuItem(robot, "newItem").fire());
    assertEquals("shop", model.spec().get().name());
    assertEquals(Step.START, model.currentStep().get());
    assertFalse(model.isReached(Step.BASICS), "the steps start over");
  }

  @Test
  void openSetup_replacesTheSpec_andShowsIt(FxRobot robot) throws Exception {
    dialogs.fileToOpen = Path.of(WizardWindowTest.class.getResource("other-setup.json").toURI());
    robot.clickOn("#nextButton");

    robot.interact(() -> menuItem(robot, "openItem").fire());

    assertEquals(List.of(), dialogs.errors);
    assertEquals("other", model.spec().get().name());
    assertEquals(Step.BASICS, model.currentStep().get());
    assertEquals("eu-west-1", robot.lookup("#region").<String>queryComboBox().getEditor().getText());
    assertEquals("other", robot.lookup("#setupName").queryTextInputControl().getText());
  }

  @Test
  void openSetup_ofABrokenFile_saysWhy_andKeepsTheSpec(FxRobot robot, @TempDir Path dir) throws Exception {
    dialogs.fileToOpen = dir.resolve("broken.json");
    Files.writeString(dialogs.fileToOpen, "{\"formatVersion\": 1, \"nmae\": \"typo\"}");
    var spec = model.spec().get();

    robot.interact(() -> menuItem(robot, "openItem").fire());

    assertSame(spec, model.spec().get());
    assertEquals(1, dialogs.errors.size());
    assertTrue(dialogs.errors.get(0).contains("Unknown field 'nmae'"), dialogs.errors.get(0));
    assertTrue(dialogs.errors.get(0).contains("broken.json"), dialogs.errors.get(0));
  }

  @Test
  void saveSetupAs_writesTheSpecAsJson_offeringItsName(FxRobot robot, @TempDir Path dir) throws Exception {
    dialogs.fileToSave = dir.resolve("saved.json");

    robot.interact(() -> menuItem(robot, "saveItem").fire());

    assertEquals(SpecJson.write(model.spec().get()), Files.readString(dialogs.fileToSave));
    assertEquals("shop.json", dialogs.fileRequests.get(0).initialName());
  }

  @Test
  void saveSetupAs_whereNoFileCanBe_saysWhy(FxRobot robot, @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("plain-file"), "not a folder");
    dialogs.fileToSave = dir.resolve("plain-file").resolve("saved.json");

    robot.interact(() -> menuItem(robot, "saveItem").fire());

    assertEquals(1, dialogs.errors.size());
    assertTrue(dialogs.errors.get(0).startsWith("This setup could not be saved"), dialogs.errors.get(0));
    assertTrue(dialogs.errors.get(0).contains("Exception"), dialogs.errors.get(0));
  }

  @Test
  void cancel_confirmed_closesTheWindow(FxRobot robot) {
    dialogs.confirmAnswer = true;

    robot.clickOn("#cancelButton");

    assertEquals("Close the wizard?", dialogs.questions.get(0).header());
    assertFalse(stage.isShowing());
  }

  @Test
  void closingTheWindow_asksFirst(FxRobot robot) {
    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

    assertEquals(1, dialogs.questions.size());
    assertTrue(stage.isShowing());
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private static Button button(FxRobot robot, String query) {
    return robot.lookup(query).queryButton();
  }

  private static MenuItem menuItem(FxRobot robot, String id) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
        .flatMap(item -> item instanceof javafx.scene.control.Menu sub ? sub.getItems().stream() : java.util.stream.Stream.of(item))
        .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
  }
}
