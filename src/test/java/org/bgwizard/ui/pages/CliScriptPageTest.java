package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.Connection;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.wizard.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Save as AWS CLI script…" on the Review page (issue 16: the third export format from the wizard): the plan looked up
 * in the simulated account, for a setup with environments, written as {@code export --format cli} writes it.
 */
@ExtendWith(ApplicationExtension.class)
class CliScriptPageTest {
  private final FakeDialogs dialogs = new FakeDialogs();
  private PlanPreview preview;
  private Path dir;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("bgwizard-cli-script");
    var connector = TestWorkspaces.sandbox(dir.resolve("sandbox"), sandbox -> { });
    var session = TestSessions.with(List.of(), connector, dir);
    var connection = Connection.sandbox("us-east-1");
    session.connected(connection, connector.connect(connection));
    var spec = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"), List.of("dev", "qa", "prod"));
    var model = new ReviewViewModel(spec, new Target("123456789012", "us-east-1"), List.of(), List.of());
    var loader = new FxmlLoaderFactory(Messages.of(Locale.ENGLISH));
    preview = new PlanPreview(spec, session, loader.messages());
    var view = loader.load("/fxml/wizard_review.fxml", ReviewController.class,
        () -> new ReviewController(model, preview, dialogs, new CurrentThreadExecutor(), loader.messages()));
    stage.setScene(new Scene(view.root(), 1000, 800));
    stage.show();
  }

  @Test
  void saveAsCliScript_writesThePlansCommands_inOrder_forEveryEnvironment(FxRobot robot) throws Exception {
    Button button = robot.lookup("#cliScriptButton").queryButton();
    assertFalse(button.isDisabled(), "the plan was looked up: the script can be saved");
    dialogs.fileToSave = dir.resolve("shop-setup.sh");

    robot.clickOn(button);

    String script = Files.readString(dialogs.fileToSave);
    assertEquals(preview.cliScript().orElseThrow(), script);
    assertEquals("shop-setup.sh", dialogs.fileRequests.get(0).initialName());
    assertEquals("*.sh", dialogs.fileRequests.get(0).filterPattern());
    for (String env : List.of("dev", "qa", "prod")) {
      assertTrue(script.contains("aws ecs create-service --cluster shop-cluster --service-name shop-service-" + env),
          script);
    }
    assertTrue(script.indexOf("aws iam create-role --role-name shop-codepipeline")
        < script.indexOf("aws codepipeline create-pipeline"), "roles before the pipelines that use them");
    assertTrue(script.contains("aws ecs wait services-stable"), script);
    assertTrue(robot.lookup("#exportStatus").queryLabeled().getText().startsWith("Wrote the plan as AWS CLI commands,"
        + " in order and with the waits between them, to " + dialogs.fileToSave), "the page says where it went");
  }
}
