package org.bgwizard.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.steps.MigrationSpec;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.dashboard.Dashboards;
import org.bgwizard.ui.dashboard.OpenDashboards;

/**
 * Renders, against a sandbox holding the tutorial setup (CodeDeploy) and an ecs-native one, to {@code <dir>}:
 * the CodeDeploy setup's dashboard with "Move to ECS blue/green…" ({@code dashboard-migrate.png}), its dialog
 * refusing while the first CodeDeploy deployment runs ({@code dashboard-migrate-refused.png}) and showing the plan
 * once it ended ({@code dashboard-migrate-dialog.png}), and Window › Dashboard's picker listing both kinds
 * ({@code dashboard-picker-both.png}). {@code DIR ja} draws them in Japanese, with {@code -ja} names. Run under a
 * display like {@link PageScreenshots}.
 */
public final class MigrationScreenshots {
  private static final String REGION = "us-east-1";

  private MigrationScreenshots() {}

  public static void main(String[] args) {
    Application.launch(Shooter.class, args);
  }

  public static final class Shooter extends Application {
    @Override
    public void start(Stage ignored) {
      Path dir = Path.of(getParameters().getRaw().get(0));
      Locale locale = getParameters().getRaw().contains("ja") ? Locale.JAPANESE : Locale.ENGLISH;
      String suffix = locale == Locale.JAPANESE ? "-ja" : "";
      Platform.setImplicitExit(false);
      Theme.LIGHT.apply();
      new Thread(() -> {
        try {
          shoot(dir, locale, suffix);
        } catch (Throwable e) {
          e.printStackTrace();
          System.exit(1);
        }
        Platform.exit();
        System.exit(0); // the session's provisioning thread is not a daemon
      }).start();
    }
  }

  private static void shoot(Path dir, Locale locale, String suffix) throws Exception {
    var clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
    var sandbox = Sandbox.inMemory(REGION, clock);
    Path work = Files.createTempDirectory("migration-screenshots");
    Session session = TestWorkspaces.over(sandbox, clock, work.resolve("journals"));
    SetupSpec demo = SpecDefaults.tutorial("demo", REGION);
    SetupSpec web = MigrationSpec.toNative(SpecDefaults.tutorial("web", REGION));
    for (SetupSpec spec : List.of(demo, web)) {
      var ops = session.operations();
      if (!ops.apply(ops.plan(spec), session.journal(spec), ProvisionListener.NONE).succeeded()) {
        throw new IllegalStateException("apply of " + spec.name() + " failed");
      }
    }
    Path file = work.resolve("demo.json");
    SpecJson.save(demo, file);
    BooleanSupplier codeDeployRuns = () -> !sandbox.codeDeploy().listDeployments(r -> r
        .includeOnlyStatusesWithStrings("Created", "Queued", "InProgress", "Baking", "Ready")).deployments().isEmpty();
    advanceUntil(clock, sandbox, Duration.ofSeconds(10), codeDeployRuns);
    var messages = Messages.of(locale);
    var dashboard = onFx(() -> {
      var w = Dashboards.openSetup(demo, file, session, messages, new FakeDialogs(), new CurrentThreadExecutor(),
          uri -> { }, new OpenDashboards());
      w.stage().setHeight(900);
      return w;
    });
    for (int i = 0; i < 600 && dashboard.model().snapshotProperty().get() == null; i++) {
      Thread.sleep(100);
    }
    Thread.sleep(500);
    Stage stage = dashboard.stage();
    onFx(() -> {
      PageScreenshots.write(stage.getScene().snapshot(null), dir.resolve("dashboard-migrate" + suffix + ".png"));
      return null;
    });
    dialog(stage, dir.resolve("dashboard-migrate-refused" + suffix + ".png"));
    advanceUntil(clock, sandbox, Duration.ofMinutes(1), () -> !codeDeployRuns.getAsBoolean());
    dialog(stage, dir.resolve("dashboard-migrate-dialog" + suffix + ".png"));
    onFx(() -> {
      stage.close();
      return null;
    });
    onFx(() -> Dashboards.pickAndOpen(null, session, messages, new FakeDialogs(), new CurrentThreadExecutor(),
        uri -> { }, new OpenDashboards()));
    Thread.sleep(1000);
    onFx(() -> {
      Window picker = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
      PageScreenshots.write(picker.getScene().snapshot(null), dir.resolve("dashboard-picker-both" + suffix + ".png"));
      picker.hide();
      return null;
    });
  }

  /** Clicks "Move to ECS blue/green…" (the dialog plans at once on this thread), shoots the dialog, closes it. */
  private static void dialog(Stage dashboard, Path png) throws Exception {
    onFx(() -> {
      ((Button) dashboard.getScene().lookup("#migrateButton")).fire();
      return null;
    });
    Thread.sleep(1000);
    onFx(() -> {
      Window dialog = Window.getWindows().stream().filter(w -> w != dashboard && w.isShowing()).findFirst()
          .orElseThrow();
      PageScreenshots.write(dialog.getScene().snapshot(null), png);
      dialog.hide();
      return null;
    });
  }

  private static void advanceUntil(ManualClock clock, Sandbox sandbox, Duration step, BooleanSupplier done) {
    for (int i = 0; i < 2000 && !done.getAsBoolean(); i++) {
      clock.advance(step);
      sandbox.account().advanceToNow();
    }
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    var result = new CompletableFuture<T>();
    Platform.runLater(() -> {
      try {
        result.complete(work.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result.get();
  }
}
