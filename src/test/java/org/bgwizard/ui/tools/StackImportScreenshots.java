package org.bgwizard.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;

/**
 * The Done page's "Move under CloudFormation…" of a setup with dev, qa and prod (prod gated, approvals mailed to a
 * topic the setup creates), created in a simulated account: Write the import files… pressed, the dialog shot to
 * {@code done-stack-import-environments.png} ({@code -ja} in Japanese), then exits. Run under a display:
 * {@code xvfb-run -a -s "-screen 0 1280x1100x24" java -cp … org.bgwizard.ui.tools.StackImportScreenshots DIR [ja]}.
 */
public final class StackImportScreenshots {
  private StackImportScreenshots() {}

  public static void main(String[] args) {
    Application.launch(Shooter.class, args);
  }

  /** The application the launcher starts; the main class may not be one, or Java asks for JavaFX modules. */
  public static final class Shooter extends Application {
    @Override
    public void start(Stage stage) throws Exception {
      StackImportScreenshots.start(stage, getParameters().getRaw());
    }
  }

  private static void start(Stage stage, List<String> args) throws Exception {
    Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
      error.printStackTrace();
      System.exit(1);
    });
    Path dir = Path.of(args.get(0));
    boolean japanese = args.contains("ja");
    SetupSpec spec = SpecDefaults.withEnvironments(SpecDefaults.tutorial("bluegreen-demo", "ap-northeast-1"),
        List.of("dev", "qa", "prod"));
    var envs = spec.environments();
    spec = spec.withEnvironments(new Environments(envs.list(), false,
        new Environments.ApprovalTopic(envs.approvalTopic().name(), null, "ops@example.com")));
    var connection = Connection.sandbox("ap-northeast-1");
    var workspace = TestWorkspaces.sandbox(Files.createTempDirectory("bgwizard-screenshots")).connect(connection);
    var journal = workspace.journal(spec);
    var created = workspace.operations().apply(workspace.operations().plan(spec, journal), journal,
        ProvisionListener.NONE);
    if (!created.succeeded()) {
      throw new IllegalStateException(created.toString());
    }
    var session = TestSessions.offline();
    session.connected(connection, workspace);
    var dialogs = new FakeDialogs();
    dialogs.folder = Files.createTempDirectory("bgwizard-stack-import");
    var model = new WizardModel(spec);
    new WizardWindow(stage, model, new ViewSettings(japanese ? Locale.JAPANESE : Locale.ENGLISH, Theme.LIGHT),
        dialogs, session).show();
    Path file = dir.resolve("done-stack-import-environments" + (japanese ? "-ja" : "") + ".png");
    Platform.runLater(() -> toDone(stage, model, file, 600));
  }

  /** Next until the Done page; the Create page enables Next once it has read that the setup is created. */
  private static void toDone(Stage stage, WizardModel model, Path file, int tries) {
    if (model.currentStep().get() == Step.DONE) {
      ((Button) stage.getScene().lookup("#moveToStackButton")).fire();
      Platform.runLater(() -> Platform.runLater(() -> {
        ((Button) dialog(stage).getScene().lookup("#writeImportButton")).fire();
        shoot(stage, file, 300);
      }));
      return;
    }
    if (tries == 0) {
      throw new IllegalStateException("Next stays disabled on " + model.currentStep().get());
    }
    model.next();
    var wait = new PauseTransition(Duration.millis(100));
    wait.setOnFinished(e -> toDone(stage, model, file, tries - 1));
    wait.play();
  }

  private static Window dialog(Stage stage) {
    return Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
  }

  /** Waits for the dialog's width and the commands (the files are made in the background), then shoots it. */
  private static void shoot(Stage stage, Path file, int tries) {
    var dialog = dialog(stage);
    double wanted = dialog.getScene().getRoot().prefWidth(-1);
    var commands = (TextArea) dialog.getScene().lookup("#importCommands");
    if ((dialog.getScene().getWidth() < wanted - 1 || commands.getText().isEmpty()) && tries > 0) {
      var wait = new PauseTransition(Duration.millis(100));
      wait.setOnFinished(e -> shoot(stage, file, tries - 1));
      wait.play();
      return;
    }
    PageScreenshots.write(dialog.getScene().snapshot(null), file);
    System.out.println("wrote " + file);
    Platform.exit();
  }
}
