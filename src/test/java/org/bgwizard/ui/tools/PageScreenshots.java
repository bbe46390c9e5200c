package org.bgwizard.ui.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.Strategy;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;

/**
 * Renders each setup page of the real window to {@code <dir>/page-<step>.png} (the README's screenshots), the
 * window made tall enough to show the whole page. Run under a display, e.g. {@code xvfb-run -a -s "-screen 0
 * 1280x800x24" java -cp … org.bgwizard.ui.tools.PageScreenshots DIR [ja] [dark] [denied]}. Every page is reached
 * with Next from the tutorial's defaults, as a user would. {@code denied}: the account refuses
 * codecommit:GetRepository to the caller, as for a user without CodeCommit rights (the Review page's unknown row).
 * {@code native}: the pages of an ecs-native setup that differ from a CodeDeploy setup's, to
 * {@code page-<step>-ecsnative.png} and {@code page-ecsbluegreen.png}, then exits. {@code environments}: the
 * Environments page with dev, qa and prod (prod gated, an e-mail for its approvals) to
 * {@code page-environments.png}, then exits. {@code environments-run}: the same setup created: the Create page after
 * the run to {@code page-create-environments.png} and the Done page to {@code page-done-environments.png}, then
 * exits.
 */
public final class PageScreenshots {
  private static final List<Step> PAGES = List.of(Step.START, Step.BASICS, Step.NETWORK, Step.IAM_ROLES,
      Step.IMAGE_REPOSITORY, Step.LOAD_BALANCER, Step.ECS_SERVICE, Step.CODEDEPLOY, Step.CODEBUILD_SOURCE, Step.PIPELINE,
      Step.REVIEW, Step.CREATE, Step.DONE);
  private static final List<Step> NATIVE_PAGES = List.of(Step.BASICS, Step.IAM_ROLES, Step.CODEDEPLOY);
  /** The run shoots the native scenes (one run per process: set once from the arguments). */
  private static boolean nativeScenes;
  /** The run shoots the Environments page with dev, qa and prod (one run per process). */
  private static boolean environmentScenes;
  /** The run creates the dev, qa, prod setup and shoots Create and Done (one run per process). */
  private static boolean environmentRun;

  private PageScreenshots() {}

  public static void main(String[] args) {
    Application.launch(Shooter.class, args);
  }

  /** The application the launcher starts; the main class may not be one, or Java asks for JavaFX modules. */
  public static final class Shooter extends Application {
    @Override
    public void start(Stage stage) {
      PageScreenshots.start(stage, getParameters().getRaw());
    }
  }

  private static void start(Stage stage, List<String> args) {
    Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
      error.printStackTrace();
      System.exit(1);
    });
    Path dir = Path.of(args.get(0));
    var locale = args.contains("ja") ? Locale.JAPANESE : Locale.ENGLISH;
    var theme = args.contains("dark") ? Theme.DARK : Theme.LIGHT;
    nativeScenes = args.contains("native");
    environmentRun = args.contains("environments-run");
    environmentScenes = args.contains("environments") || environmentRun;
    var tutorial = SpecDefaults.tutorial("bluegreen-demo", "ap-northeast-1",
        nativeScenes ? Strategy.ECS_NATIVE : Strategy.CODEDEPLOY);
    if (environmentScenes) {
      tutorial = SpecDefaults.withEnvironments(tutorial, List.of("dev", "qa", "prod"));
      var envs = tutorial.environments();
      tutorial = tutorial.withEnvironments(new org.bgwizard.setup.Environments(envs.list(), false,
          new org.bgwizard.setup.Environments.ApprovalTopic(envs.approvalTopic().name(), null, "ops@example.com")));
    }
    var model = new WizardModel(tutorial);
    var session = TestSessions.offline();
    try {
      Path account = Files.createTempDirectory("bgwizard-screenshots");
      var connection = Connection.sandbox("ap-northeast-1");
      // the first CreateService fails as in catalogue row 13, to show a failure's diagnosis; Retry goes on
      boolean denied = args.contains("denied");
      session.connected(connection, TestWorkspaces.sandbox(account, sandbox -> {
        if (!environmentRun) {
          sandbox.faults().failNth(Service.ECS, "CreateService", 1, PageScreenshots::noLoadBalancer);
        }
        if (denied) {
          sandbox.faults().deny(Service.CODECOMMIT, "GetRepository");
        }
      }).connect(connection));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    var dialogs = new FakeDialogs();
    try {
      dialogs.folder = Files.createTempDirectory("bgwizard-stack-import");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new WizardWindow(stage, model, new ViewSettings(locale, theme), dialogs, session).show();
    double height = stage.getHeight();
    var todo = new ArrayDeque<>(nativeScenes ? NATIVE_PAGES : environmentRun ? List.of(Step.CREATE, Step.DONE)
        : environmentScenes ? List.of(Step.ENVIRONMENTS) : PAGES);
    Platform.runLater(() -> next(stage, height, model, dir, todo));
  }

  private static void next(Stage stage, double height, WizardModel model, Path dir, ArrayDeque<Step> todo) {
    if (todo.isEmpty() && (nativeScenes || environmentScenes)) {
      Platform.exit();
      return;
    }
    if (todo.isEmpty()) {
      stackImport(stage, dir, () -> picker(stage, dir));
      return;
    }
    Step step = todo.peek();
    stage.setHeight(height);
    if (model.currentStep().get() != step) {
      if (!model.next()) {
        throw new IllegalStateException("Next is disabled on " + model.currentStep().get());
      }
      Platform.runLater(() -> next(stage, height, model, dir, todo));
      return;
    }
    if (step == Step.CREATE && environmentRun) {
      createEnvironments(stage, dir, () -> next(stage, height, model, dir, todo), todo);
      return;
    }
    if (step == Step.CREATE) {
      create(stage, model, dir, () -> next(stage, height, model, dir, todo), todo);
      return;
    }
    var page = (ScrollPane) stage.getScene().lookup(".page");
    var viewport = page.getViewportBounds();
    if (viewport.getHeight() <= 0) {
      Platform.runLater(() -> next(stage, height, model, dir, todo));
      return;
    }
    todo.pop();
    double hidden = page.getContent().prefHeight(viewport.getWidth()) - viewport.getHeight();
    double sceneHeight = stage.getScene().getHeight() + Math.max(0, Math.ceil(hidden));
    stage.setHeight(height + Math.max(0, Math.ceil(hidden)));
    shootWhenResized(stage, sceneHeight, 100, dir.resolve(fileName(step)),
        () -> next(stage, height, model, dir, todo));
  }

  private static String fileName(Step step) {
    if (environmentRun) {
      return "page-" + step.key() + "-environments.png";
    }
    if (!nativeScenes) {
      return "page-" + step.key() + ".png";
    }
    return step == Step.CODEDEPLOY ? "page-" + Step.ECS_BLUE_GREEN + ".png" : "page-" + step.key() + "-ecsnative.png";
  }

  /**
   * The Done page's Move under CloudFormation…: the dialog with the stack's name, Write the import files… pressed, the
   * commands and what is left out, then closed.
   */
  private static void stackImport(Stage stage, Path dir, Runnable then) {
    ((Button) stage.getScene().lookup("#moveToStackButton")).fire();
    Platform.runLater(() -> Platform.runLater(() -> {
      var dialog = javafx.stage.Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
      ((Button) dialog.getScene().lookup("#writeImportButton")).fire();
      shootDialog(stage, dir, 300, then);
    }));
  }

  /**
   * The window manager sizes the dialog asynchronously, and the files are made in the background: waits (a bounded
   * number of tenths of a second) for its width and the commands.
   */
  private static void shootDialog(Stage stage, Path dir, int tries, Runnable then) {
    var dialog = javafx.stage.Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
    double wanted = dialog.getScene().getRoot().prefWidth(-1);
    var commands = (javafx.scene.control.TextArea) dialog.getScene().lookup("#importCommands");
    if ((dialog.getScene().getWidth() < wanted - 1 || commands.getText().isEmpty()) && tries > 0) {
      var wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(100));
      wait.setOnFinished(e -> shootDialog(stage, dir, tries - 1, then));
      wait.play();
      return;
    }
    System.out.println("dialog " + dialog.getScene().getWidth() + " of " + wanted);
    write(dialog.getScene().snapshot(null), dir.resolve("done-stack-import.png"));
    dialog.hide();
    Platform.runLater(then);
  }

  private static void picker(Stage stage, Path dir) {
    var bar = (javafx.scene.control.MenuBar) stage.getScene().lookup("#menuBar");
    bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "pickDashboardItem".equals(i.getId()))
        .findFirst().orElseThrow().fire();
    Platform.runLater(() -> Platform.runLater(() -> {
      var picker = javafx.stage.Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
      write(picker.getScene().snapshot(null), dir.resolve("dashboard-picker.png"));
      Platform.exit();
    }));
  }

  /** The plan before Create, then the finished run (the executor runs it at once on this thread). */
  private static void create(Stage stage, WizardModel model, Path dir, Runnable then, ArrayDeque<Step> todo) {
    var create = (Button) stage.getScene().lookup("#createButton");
    if (create.isDisabled() || stage.getScene().getHeight() > 721) {
      Platform.runLater(() -> create(stage, model, dir, then, todo));
      return;
    }
    write(stage.getScene().snapshot(null), dir.resolve("page-create.png"));
    create.fire();
    Platform.runLater(() -> {
      write(stage.getScene().snapshot(null), dir.resolve("page-create-failed.png"));
      create.fire();
      Platform.runLater(() -> {
        write(stage.getScene().snapshot(null), dir.resolve("page-create-done.png"));
        todo.pop();
        Platform.runLater(then);
      });
    });
  }

  /** The finished run of every environment (the executor runs it at once on this thread). */
  private static void createEnvironments(Stage stage, Path dir, Runnable then, ArrayDeque<Step> todo) {
    var create = (Button) stage.getScene().lookup("#createButton");
    if (create.isDisabled()) {
      Platform.runLater(() -> createEnvironments(stage, dir, then, todo));
      return;
    }
    create.fire();
    // taller than the other pages' shots: a screenful of the rows, shared and each environment's
    double height = stage.getHeight();
    double sceneHeight = stage.getScene().getHeight() + 400;
    stage.setHeight(height + 400);
    shootWhenResized(stage, sceneHeight, 100, dir.resolve("page-create-environments.png"), () -> {
      stage.setHeight(height);
      todo.pop();
      Platform.runLater(then);
    });
  }

  private static RuntimeException noLoadBalancer() {
    String message = "The target group with targetGroupArn arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:"
        + "targetgroup/bluegreen-demo-tg-1/0123456789abcdef does not have an associated load balancer.";
    return InvalidParameterException.builder().message(message).statusCode(400).awsErrorDetails(
        AwsErrorDetails.builder().errorCode("InvalidParameterException").errorMessage(message).build()).build();
  }

  /** The window manager resizes asynchronously: waits (a bounded number of pulses) for the new size. */
  private static void shootWhenResized(Stage stage, double sceneHeight, int pulses, Path file, Runnable then) {
    if (stage.getScene().getHeight() < sceneHeight - 1 && pulses > 0) {
      Platform.runLater(() -> shootWhenResized(stage, sceneHeight, pulses - 1, file, then));
      return;
    }
    write(stage.getScene().snapshot(null), file);
    Platform.runLater(then);
  }

  static void write(WritableImage image, Path file) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    var pixels = new int[width * height];
    image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
    var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, width, height, pixels, 0, width);
    try {
      Files.createDirectories(file.getParent());
      ImageIO.write(out, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
