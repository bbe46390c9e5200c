package org.bgwizard.ui.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.dashboard.DashboardServices;
import org.bgwizard.ui.dashboard.DashboardWindow;

/**
 * Renders the dashboard against the sandbox to {@code <dir>/dashboard-*.png}: waiting for reroute, canary shifting,
 * after a broken release's rollback. Run under a display like {@link PageScreenshots}.
 */
public final class DashboardScreenshots {
  private DashboardScreenshots() {}

  public static void main(String[] args) {
    Application.launch(Shooter.class, args);
  }

  public static final class Shooter extends Application {
    @Override
    public void start(Stage ignored) {
      Path dir = Path.of(getParameters().getRaw().get(0));
      Platform.setImplicitExit(false);
      Theme.LIGHT.apply();
      new Thread(() -> {
        try {
          shoot(dir, "dashboard-waiting-for-reroute", BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60),
              sim -> {
                sim.bg.deployGood();
                sim.until(s -> DashboardSim.status(s).equals("Ready"), Duration.ofMinutes(20));
                sim.advance(Duration.ofSeconds(20));
              });
          shoot(dir, "dashboard-canary-shifting", BlueGreenSandbox.create(BlueGreenSandbox.CANARY, null, 5), sim -> {
            sim.bg.deployGood();
            sim.until(weight("Green", 10.0), Duration.ofMinutes(20));
            sim.advance(Duration.ofSeconds(30));
          });
          shoot(dir, "dashboard-broken-release-rolled-back",
              BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5), sim -> {
                String id = sim.bg.deployBroken();
                sim.until(s -> !s.service().stoppedTasks().isEmpty(), Duration.ofMinutes(20));
                sim.perform(org.bgwizard.deploy.Action.ROLLBACK);
                sim.until(s -> !s.current().id().equals(id) && DashboardSim.status(s).equals("Succeeded"),
                    Duration.ofMinutes(20));
              });
        } catch (Throwable e) {
          e.printStackTrace();
          System.exit(1);
        }
        Platform.exit();
      }).start();
    }
  }

  private static Predicate<DeploymentSnapshot> weight(String label, double w) {
    return s -> s.current() != null && s.current().taskSets().stream()
        .anyMatch(t -> t.label().equals(label) && t.trafficWeight() == w);
  }

  private static void shoot(Path dir, String name, BlueGreenSandbox bg, java.util.function.Consumer<DashboardSim> drive)
      throws Exception {
    var sim = new DashboardSim(bg);
    var stage = onFx(() -> {
      var s = new Stage();
      var window = new DashboardWindow(s, Messages.of(Locale.ENGLISH), new FakeDialogs(), new CurrentThreadExecutor(),
          new DashboardServices(sim.monitor, sim.actions, null, uri -> { }, bg.clock(), true));
      window.show();
      s.setHeight(1000);
      return s;
    });
    sim.scheduler.runDue();
    drive.accept(sim);
    Thread.sleep(500);
    onFx(() -> {
      PageScreenshots.write(stage.getScene().snapshot(null), dir.resolve(name + ".png"));
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
