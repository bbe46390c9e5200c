package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxBackgroundExecutor;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Move under CloudFormation…" on the Done page against the simulated account, and the window's Create and Teardown
 * once a stack manages the setup: they refuse, and the Review and Create pages say so before anything is pressed.
 */
@ExtendWith(ApplicationExtension.class)
class StackHandoverPageTest {
  private static final SetupSpec SPEC = SpecDefaults.tutorial("shop", "us-east-1");

  @TempDir Path dir;
  private final WizardModel model = new WizardModel(SPEC);
  private final FakeDialogs dialogs = new FakeDialogs();
  private FxBackgroundExecutor executor;
  private Session workspace;
  private WizardSession session;
  private Stage stage;
  private WizardDriver wizard;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() throws Exception {
    // the import dialog is not modal and outlives a test: the next test's lookups must not find it
    WaitForAsyncUtils.asyncFx(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
        .filter(w -> w != stage).forEach(javafx.stage.Window::hide)).get();
    if (executor != null) {
      executor.close();
    }
  }

  private Path journal() {
    return dir.resolve("sandbox").resolve("us-east-1").resolve("journals").resolve("shop.journal.json");
  }

  private void openWindow(FxRobot robot, Locale locale) throws Exception {
    var connector = TestWorkspaces.sandbox(dir.resolve("sandbox"));
    executor = new FxBackgroundExecutor(2);
    session = new WizardSession(connector, executor, List::of,
        new RecentSetups(dir.resolve("recent-setups.json"), dir.resolve("journals")), TestSessions.BROWSED::add);
    var connection = Connection.sandbox("us-east-1");
    workspace = connector.connect(connection);
    robot.interact(() -> {
      session.connected(connection, workspace);
      new WizardWindow(stage, model, new ViewSettings(locale, Theme.LIGHT), dialogs, session).show();
    });
    wizard = new WizardDriver(robot, model);
  }

  @Test
  void moveUnderCloudFormation_writesTheImportFiles_showsTheCommands_andImportedTheWindowRefusesCreateAndTeardown(
      FxRobot robot) throws Exception {
    openWindow(robot, Locale.ENGLISH);
    var journal = workspace.journal(SPEC);
    ProvisionResult created = workspace.operations().apply(workspace.operations().plan(SPEC, journal), journal,
        ProvisionListener.NONE);
    assertTrue(created.succeeded(), created.toString());
    wizard.goTo(Step.CREATE);
    waitFor(() -> !wizard.nextDisabled());
    assertFalse(robot.lookup("#teardownButton").queryButton().isDisabled(), "before the import, teardown may run");
    wizard.goTo(Step.DONE);
    Path folder = dir.resolve("import");
    dialogs.folder = folder;

    wizard.click("moveToStackButton");
    waitFor(() -> robot.lookup("#writeImportButton").tryQuery().isPresent());
    assertEquals("shop", robot.lookup("#stackNameField").queryAs(TextField.class).getText(), "the setup's name");
    assertTrue(robot.lookup("#recordImportButton").query().isDisabled(), "nothing to record before the files");
    writeImportFiles(robot);

    for (String name : List.of("import-template.yaml", "resources-to-import.json", "template.yaml", "README.md")) {
      assertTrue(Files.exists(folder.resolve(name)), name);
    }
    String toImport = Files.readString(folder.resolve("resources-to-import.json"));
    assertTrue(toImport.contains("\"ResourceType\": \"AWS::ECS::Service\""), toImport);
    String commands = robot.lookup("#importCommands").queryAs(TextArea.class).getText();
    assertTrue(commands.contains("aws cloudformation create-change-set --stack-name shop --change-set-name"
        + " bgwizard-import --region us-east-1 --change-set-type IMPORT"), commands);
    assertTrue(commands.contains("aws cloudformation execute-change-set --stack-name shop"), commands);
    assertTrue(commands.contains(session.recent().keptFile(SPEC) + " --format cloudformation-import --stack shop"
        + " --record-import"), commands);
    String leftOut = robot.lookup("#importLeftOut").queryAs(TextArea.class).getText();
    assertTrue(leftOut.contains("AWS::CodeBuild::Project shop-build: CloudFormation cannot import this type."
        + " It holds no data: delete it"), leftOut);
    assertTrue(StackMarker.read(journal()).isEmpty(), "nothing recorded before the user says so");

    robot.interact(() -> robot.lookup("#recordImportButton").queryButton().fire());
    waitFor(() -> robot.lookup("#stackStatus").queryLabeled().getText().startsWith("Recorded in"));

    assertEquals("shop", StackMarker.read(journal()).orElseThrow().stack());
    Files.writeString(folder.resolve("README.md"), "my notes");
    dialogs.confirmAnswer = false;
    wizard.click("moveToStackButton");
    waitFor(() -> robot.lookup("#writeImportButton").tryQuery().isPresent());
    wizard.click("writeImportButton");
    waitFor(() -> dialogs.questions.size() == 1);
    assertEquals("Replace 1 file(s) in " + folder + "?", dialogs.questions.get(0).header());
    assertEquals("my notes", Files.readString(folder.resolve("README.md")), "declined: the user's file stays");
    wizard.goTo(Step.CREATE);
    waitFor(() -> model.canGoNext().get() == false && !robot.lookup("#problemText").queryAs(TextArea.class)
        .getText().isEmpty());
    String problem = robot.lookup("#problemText").queryAs(TextArea.class).getText();
    assertTrue(problem.startsWith("The CloudFormation stack shop manages this setup (recorded "), problem);
    assertTrue(problem.contains("Change it with CloudFormation (aws cloudformation deploy --stack-name shop …)"),
        problem);
    assertTrue(robot.lookup("#createButton").queryButton().isDisabled());
    assertTrue(robot.lookup("#teardownButton").queryButton().isDisabled());
  }

  @Test
  void moveUnderCloudFormation_inJapanese_explainsTheCommandsAndWhatIsLeftOutInJapanese(FxRobot robot)
      throws Exception {
    createdAndImportDialogOpen(robot, Locale.JAPANESE);

    writeImportFiles(robot);

    String commands = robot.lookup("#importCommands").queryAs(TextArea.class).getText();
    assertTrue(commands.startsWith("# 1. CloudFormation がインポートできるリソースと、それぞれに必要な識別子を確認する\n"
        + "aws cloudformation get-template-summary"), commands);
    assertTrue(commands.contains("# 2. インポート用の変更セット: スタック shop を作成し、何も作り直さない\n"
        + "aws cloudformation create-change-set --stack-name shop --change-set-name bgwizard-import"), commands);
    assertFalse(commands.contains("# 3. Run it"), commands);
    String leftOut = robot.lookup("#importLeftOut").queryAs(TextArea.class).getText();
    assertTrue(leftOut.contains("• AWS::CodeBuild::Project shop-build: CloudFormation はこの種類をインポートできません。"
        + "データは持ちません。"), leftOut);
    assertFalse(leftOut.contains("cannot import"), leftOut);
    String readme = Files.readString(dir.resolve("import").resolve("README.md"));
    assertTrue(readme.startsWith("# 構成 shop を CloudFormation スタック shop の管理下に移す\n"), readme);
    assertTrue(readme.contains("\n```sh\n" + commands), "the commands the dialog shows: " + readme);
    assertTrue(readme.contains("CloudFormation はこの種類をインポートできません。") && !readme.contains("cannot import"),
        "the README in the folder follows the window's language: " + readme);
  }

  @Test
  void moveUnderCloudFormation_withAnotherStackName_checksIt_andUsesItInTheCommandsAndTheRecord(FxRobot robot)
      throws Exception {
    createdAndImportDialogOpen(robot, Locale.JAPANESE);

    robot.interact(() -> robot.lookup("#stackNameField").queryAs(TextField.class).setText("1shop_prod"));

    assertEquals("スタック名: 「1shop_prod」はスタック名に使えません。英字で始まり、英数字とハイフンだけの 128 文字以内にしてください。",
        robot.lookup("#stackNameProblem").queryLabeled().getText());
    assertTrue(robot.lookup("#writeImportButton").queryButton().isDisabled());

    robot.interact(() -> robot.lookup("#stackNameField").queryAs(TextField.class).setText("shop-prod"));
    assertEquals("", robot.lookup("#stackNameProblem").queryLabeled().getText());
    writeImportFiles(robot);

    String commands = robot.lookup("#importCommands").queryAs(TextArea.class).getText();
    assertTrue(commands.contains("aws cloudformation create-change-set --stack-name shop-prod --change-set-name"),
        commands);
    assertTrue(commands.contains("--format cloudformation-import --stack shop-prod --record-import"), commands);
    assertTrue(Files.readString(dir.resolve("import").resolve("README.md")).startsWith("# 構成 shop を CloudFormation"
        + " スタック shop-prod の管理下に移す\n"));
    robot.interact(() -> robot.lookup("#stackNameField").queryAs(TextField.class).setText("shop-other"));
    assertTrue(robot.lookup("#recordImportButton").query().isDisabled(), "the files were written for shop-prod");
    robot.interact(() -> robot.lookup("#stackNameField").queryAs(TextField.class).setText("shop-prod"));

    robot.interact(() -> robot.lookup("#recordImportButton").queryButton().fire());
    waitFor(() -> Files.exists(StackMarker.fileFor(journal())));

    assertEquals("shop-prod", StackMarker.read(journal()).orElseThrow().stack());
  }

  @Test
  void reviewAndCreatePages_ofAStackManagedSetup_sayInJapaneseThatCloudFormationManagesIt(FxRobot robot)
      throws Exception {
    new StackMarker("shop-stack", Instant.parse("2026-12-01T09:00:00Z")).write(journal());
    openWindow(robot, Locale.JAPANESE);

    wizard.goTo(Step.REVIEW);
    waitFor(() -> robot.lookup("#planStatus").queryLabeled().getText().contains("shop-stack"));
    String review = robot.lookup("#planStatus").queryLabeled().getText();
    assertTrue(review.startsWith("CloudFormation スタック shop-stack がこの構成を管理しているため"), review);

    wizard.goTo(Step.CREATE);
    waitFor(() -> !robot.lookup("#problemText").queryAs(TextArea.class).getText().isEmpty());
    String problem = robot.lookup("#problemText").queryAs(TextArea.class).getText();
    assertTrue(problem.contains("「作成」と「削除」は実行しません"), problem);
    assertTrue(problem.contains("2026-12-01T09:00:00Z"), problem);
    assertTrue(robot.lookup("#createButton").queryButton().isDisabled());
    assertTrue(robot.lookup("#teardownButton").queryButton().isDisabled());
  }

  /** The setup created in the simulated account, the window on the Done page, and Move under CloudFormation… open. */
  private void createdAndImportDialogOpen(FxRobot robot, Locale locale) throws Exception {
    openWindow(robot, locale);
    var journal = workspace.journal(SPEC);
    assertTrue(workspace.operations().apply(workspace.operations().plan(SPEC, journal), journal,
        ProvisionListener.NONE).succeeded());
    wizard.goTo(Step.CREATE);
    waitFor(() -> !wizard.nextDisabled());
    wizard.goTo(Step.DONE);
    dialogs.folder = dir.resolve("import");
    wizard.click("moveToStackButton");
    waitFor(() -> robot.lookup("#writeImportButton").tryQuery().isPresent());
  }

  /** Write the import files… pressed, and the commands and what is left out shown. */
  private void writeImportFiles(FxRobot robot) throws Exception {
    wizard.click("writeImportButton");
    waitFor(() -> !robot.lookup("#importCommands").queryAs(TextArea.class).getText().isEmpty()
        && !robot.lookup("#importLeftOut").queryAs(TextArea.class).getText().isEmpty());
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
