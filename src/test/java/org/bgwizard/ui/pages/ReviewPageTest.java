package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.SetupSpec;
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
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReviewPageTest {
  @TempDir Path dir;
  private final FakeDialogs dialogs = new FakeDialogs();
  private Stage stage;
  private WizardModel model;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private WizardDriver review(FxRobot robot, SetupSpec spec) {
    return review(robot, spec, "bluegreen-wizard");
  }

  private WizardDriver review(FxRobot robot, SetupSpec spec, String command) {
    model = new WizardModel(spec);
    var session = TestSessions.offline();
    session.command(command);
    robot.interact(() -> new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs,
        session).show());
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.REVIEW);
    return wizard;
  }

  @Test
  void tutorial_showsItsFilesHighlighted_andNextIsOpen(FxRobot robot) {
    var wizard = review(robot, SpecDefaults.tutorial("shop", "us-east-1"));

    var tabs = robot.lookup("#fileTabs").queryAs(TabPane.class).getTabs().stream().map(t -> t.getText()).toList();
    assertTrue(tabs.containsAll(List.of("buildspec.yml", "appspec.yaml")), tabs.toString());
    var keys = robot.lookup(".code-key").queryAllAs(Text.class).stream().map(Text::getText).toList();
    assertTrue(keys.contains("version"), keys.toString());
    assertTrue(wizard.shown("noFindings"));
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void preflightError_isListedWithItsIcon_andBlocksNext(FxRobot robot) {
    var wizard = review(robot, SpecDefaults.tutorial("shop", "us-east-1"));
    // The CodeBuild page locks privileged mode on; an opened setup file may still have it off.
    var cb = model.spec().get().codeBuild();
    robot.interact(() -> {
      model.back();
      model.spec().set(model.spec().get().withCodeBuild(new CodeBuild(cb.project(), cb.image(), cb.computeType(),
          false, cb.taskDefinitionMode(), cb.dockerHubSecretArn(), cb.timeoutMinutes())));
      model.next();
    });

    var icons = robot.lookup(".finding-error").queryAllAs(Label.class);
    assertEquals(1, icons.size());
    assertTrue(wizard.shown("errorsBlock"));
    assertFalse(wizard.shown("acceptWarnings"));
    assertTrue(wizard.nextDisabled());
  }

  @Test
  void export_writesTheFilesIntoTheChosenFolder(FxRobot robot) throws Exception {
    var wizard = review(robot, SpecDefaults.tutorial("shop", "us-east-1"));
    dialogs.folder = dir;

    wizard.click("exportButton");

    assertTrue(Files.readString(dir.resolve("buildspec.yml")).startsWith("version: 0.2"));
    assertTrue(robot.lookup("#exportStatus").queryAs(Label.class).getText().startsWith("Wrote "));
  }

  @Test
  void cliCommands_nameTheSetupFile(FxRobot robot) {
    review(robot, SpecDefaults.tutorial("shop", "us-east-1"));

    assertEquals("bluegreen-wizard validate shop.json\n"
        + "bluegreen-wizard files shop.json --out shop-files --account 123456789012\n"
        + "bluegreen-wizard plan shop.json --sandbox\n"
        + "bluegreen-wizard apply shop.json --sandbox",
        robot.lookup("#cliCommands").queryAs(Label.class).getText());
  }

  @Test
  void planTable_withNoDifferencesFound_hidesThatColumn_andGivesTheResourceNamesTheWidth(FxRobot robot)
      throws Exception {
    model = new WizardModel(SpecDefaults.tutorial("bluegreen-demo", "us-east-1"));
    var session = TestSessions.offline();
    var connection = org.bgwizard.aws.Connection.sandbox("us-east-1");
    var workspace = session.connector().connect(connection);
    robot.interact(() -> {
      session.connected(connection, workspace);
      new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs, session).show();
    });
    new WizardDriver(robot, model).goTo(Step.REVIEW);
    javafx.scene.control.TableView<?> table = robot.lookup("#planTable").queryTableView();
    org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
        () -> !table.getItems().isEmpty());
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

    var columns = table.getVisibleLeafColumns();
    assertEquals(List.of("Resource", "Create will"), columns.stream().map(c -> c.getText()).toList());
    assertTrue(columns.get(0).getWidth() > columns.get(1).getWidth() * 1.5,
        columns.get(0).getWidth() + " vs " + columns.get(1).getWidth());
  }

  @Test
  void cliCommands_startedFromTheJar_runTheJar(FxRobot robot) {
    review(robot, SpecDefaults.tutorial("shop", "us-east-1"), "java -jar /opt/tools/bluegreen-wizard.jar");

    assertTrue(robot.lookup("#cliCommands").queryAs(Label.class).getText()
        .startsWith("java -jar /opt/tools/bluegreen-wizard.jar validate shop.json\n"
            + "java -jar /opt/tools/bluegreen-wizard.jar files shop.json"),
        robot.lookup("#cliCommands").queryAs(Label.class).getText());
  }
}
