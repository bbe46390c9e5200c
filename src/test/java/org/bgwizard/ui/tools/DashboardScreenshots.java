package org.bgwizard.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.NativeSandbox;
import org.bgwizard.deploy.Practice;
import org.bgwizard.deploy.TutorialSandbox;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FxDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.dashboard.DashboardServices;
import org.bgwizard.ui.dashboard.SpeedOnlyAccount;
import org.bgwizard.sandbox.core.ScaledClock;
import org.bgwizard.ui.dashboard.DashboardWindow;

/**
 * Renders the dashboard against the sandbox to {@code <dir>/dashboard-*.png}: waiting for reroute (and what its test
 * URL would show), canary shifting, after a broken release's rollback, and a broken practice release on the
 * provisioned tutorial setup; an ECS built-in blue/green service paused before production traffic, then baking.
 * Run under a display like {@link PageScreenshots}; {@code DIR ja} draws them in Japanese, {@code DIR native} only
 * the ECS built-in ones.
 */
public final class DashboardScreenshots {
  private static final String TEST_URL = "#testUrlButton";
  private static Locale locale = Locale.ENGLISH;

  private DashboardScreenshots() {}

  public static void main(String[] args) {
    Application.launch(Shooter.class, args);
  }

  public static final class Shooter extends Application {
    @Override
    public void start(Stage ignored) {
      Path dir = Path.of(getParameters().getRaw().get(0));
      locale = getParameters().getRaw().contains("ja") ? Locale.JAPANESE : Locale.ENGLISH;
      Platform.setImplicitExit(false);
      Theme.LIGHT.apply();
      boolean onlyNative = getParameters().getRaw().contains("native");
      new Thread(() -> {
        try {
          shootNative(dir);
          if (onlyNative) {
            Platform.exit();
            return;
          }
          shoot(dir, "dashboard-waiting-for-reroute", blueGreen(BlueGreenSandbox.ALL_AT_ONCE, 30, 60), null,
              sim -> {
                sim.bg.deployGood();
                sim.until(s -> DashboardSim.status(s).equals("Ready"), Duration.ofMinutes(20));
                sim.advance(Duration.ofSeconds(20));
              }, TEST_URL);
          shoot(dir, "dashboard-canary-shifting", blueGreen(BlueGreenSandbox.CANARY, null, 5), null, sim -> {
            sim.bg.deployGood();
            sim.until(weight("Green", 10.0), Duration.ofMinutes(20));
            sim.advance(Duration.ofSeconds(30));
          }, null);
          shoot(dir, "dashboard-broken-release-rolled-back", blueGreen(BlueGreenSandbox.ALL_AT_ONCE, null, 5), null,
              sim -> {
                String id = sim.bg.deployBroken();
                sim.until(s -> !s.service().stoppedTasks().isEmpty(), Duration.ofMinutes(20));
                sim.perform(Action.ROLLBACK);
                sim.until(s -> !s.current().id().equals(id) && DashboardSim.status(s).equals("Succeeded"),
                    Duration.ofMinutes(20));
              }, null);
          var tutorial = TutorialSandbox.applied(Files.createTempDirectory("dashboard-screenshots"));
          shoot(dir, "dashboard-practice-broken-release", tutorial.dashboard(),
              new Practice(new SdkPracticeSource(tutorial.clients)), sim -> {
                sim.until(s -> s.current() != null && s.current().waitingForTermination(), Duration.ofMinutes(30));
                sim.perform(Action.TERMINATE);
                sim.until(s -> DashboardSim.status(s).equals("Succeeded") && !s.pipeline().active(),
                    Duration.ofMinutes(10));
                var t = tutorial.target();
                new Practice(new SdkPracticeSource(tutorial.clients)).release(t.source().repository(),
                    t.source().branch(), t.pipeline(), Practice.Behaviour.UNHEALTHY);
                sim.monitor.refreshNow();
                sim.until(s -> s.service().stoppedTasks().stream().anyMatch(x -> x.stoppedAt() != null
                    && x.reason().contains("ELB health checks")), Duration.ofMinutes(30));
              }, null);
        } catch (Throwable e) {
          e.printStackTrace();
          System.exit(1);
        }
        Platform.exit();
      }).start();
    }
  }

  /** ECS built-in blue/green: paused before production traffic, and after Approve, baking. */
  private static void shootNative(Path dir) throws Exception {
    var paused = new NativeSandbox(15, 30);
    paused.release("public.ecr.aws/nginx/nginx:stable");
    shoot(dir, "dashboard-native-paused", paused, n -> {
      n.until(s -> s.nativeCurrent() != null && s.nativeCurrent().pausedAt().isPresent(), 900);
      pass(n, 125);
    });
    var baking = new NativeSandbox(15, 30);
    baking.release("public.ecr.aws/nginx/nginx:stable");
    shoot(dir, "dashboard-native-baking", baking, n -> {
      var s = n.until(x -> x.nativeCurrent() != null && x.nativeCurrent().pausedAt().isPresent(), 900);
      n.actions.perform(Action.APPROVE, s);
      n.until(x -> x.nativeCurrent().bakeEndsAt() != null, 600);
      pass(n, 95);
    });
  }

  /** Time passes while the dashboard polls every 5 s, as it does while a deployment moves. */
  private static void pass(NativeSandbox n, int seconds) {
    for (int i = 0; i < seconds; i += 5) {
      n.f.advance(5);
      n.monitor.refreshNow();
    }
  }

  private static void shoot(Path dir, String name, NativeSandbox n, Consumer<NativeSandbox> drive) throws Exception {
    var stage = onFx(() -> {
      var s = new Stage();
      var window = new DashboardWindow(s, Messages.of(locale), new FxDialogs(), new CurrentThreadExecutor(),
          new DashboardServices(n.monitor, n.actions, null, uri -> { }, n.f.clock, true, null));
      window.show();
      s.setHeight(1040);
      return s;
    });
    drive.accept(n);
    Thread.sleep(500);
    onFx(() -> {
      PageScreenshots.write(stage.getScene().snapshot(null), dir.resolve(name + ".png"));
      stage.close();
      return null;
    });
  }

  private static Predicate<DeploymentSnapshot> weight(String label, double w) {
    return s -> s.current() != null && s.current().taskSets().stream()
        .anyMatch(t -> t.label().equals(label) && t.trafficWeight() == w);
  }

  private static DashboardSim blueGreen(String config, Integer readyWait, int terminationWait) {
    return new DashboardSim(BlueGreenSandbox.create(config, readyWait, terminationWait));
  }

  /**
   * Opens the window on {@code sim}, drives it, and writes {@code name}.png; when {@code dialogButton} is given,
   * clicks it and writes the dialog it opens to {@code name}-dialog.png.
   */
  private static void shoot(Path dir, String name, DashboardSim sim, Practice practice, Consumer<DashboardSim> drive,
      String dialogButton) throws Exception {
    var stage = onFx(() -> {
      var s = new Stage();
      var window = new DashboardWindow(s, Messages.of(locale), new FxDialogs(), new CurrentThreadExecutor(),
          new DashboardServices(sim.monitor, sim.actions, practice, uri -> { }, sim.clock, true,
              new SpeedOnlyAccount(new ScaledClock(Clock.systemUTC(), Instant.now(), 30))));
      window.show();
      s.setHeight(1040);
      return s;
    });
    sim.scheduler.runDue();
    drive.accept(sim);
    Thread.sleep(500);
    onFx(() -> {
      PageScreenshots.write(stage.getScene().snapshot(null), dir.resolve(name + ".png"));
      return null;
    });
    if (dialogButton != null) {
      // the dialog waits in a nested event loop: click without waiting, then shoot and close it from the queue
      Platform.runLater(() -> ((Button) stage.getScene().lookup(dialogButton)).fire());
      Thread.sleep(1000);
      onFx(() -> {
        Window dialog = Window.getWindows().stream().filter(w -> w.getScene().getRoot() instanceof DialogPane)
            .findFirst().orElseThrow();
        PageScreenshots.write(dialog.getScene().snapshot(null), dir.resolve(name + "-dialog.png"));
        dialog.hide();
        return null;
      });
    }
    onFx(() -> {
      stage.close();
      return null;
    });
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
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
