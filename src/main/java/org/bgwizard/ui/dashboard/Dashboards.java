package org.bgwizard.ui.dashboard;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.EcsDeploymentGroups;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.deploy.Scheduler;
import org.bgwizard.sandbox.core.ScaledClock;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;

/** Opens a dashboard window for a target (the wizard's Done page, the Start page, or a picked group). */
public final class Dashboards {
  private Dashboards() {}

  /**
   * Opens and starts polling on a daemon thread; the window's closing stops it. Practice releases are offered on
   * the simulated account when the target has a pipeline and its CodeCommit branch
   * ({@link DeploymentTarget#of(org.bgwizard.setup.SetupSpec)} fills them in from a setup).
   *
   * @param clock the account's clock: the sandbox's simulated time, or the system clock for AWS
   * @param browser opens a listener's URL on a real account, e.g. {@code uri ->
   *     application.getHostServices().showDocument(uri.toString())}
   */
  public static DashboardWindow openDashboard(DeploymentTarget target, AwsClients clients, Clock clock,
      Messages messages, Dialogs dialogs, BackgroundExecutor background, Consumer<URI> browser) {
    ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "deployment-monitor");
      t.setDaemon(true);
      return t;
    });
    var monitor = new DeploymentMonitor(target, new SdkDeploymentReader(clients), clock,
        onAccountTime(Scheduler.of(polling), clock), messages.locale());
    Practice practice = clients.simulated() && target.practicable() ? new Practice(new SdkPracticeSource(clients))
        : null;
    var services = new DashboardServices(monitor, new DeploymentActions(new SdkDeploymentCommands(clients)), practice,
        browser, clock, clients.simulated());
    Stage stage = new Stage();
    var window = new DashboardWindow(stage, messages, dialogs, background, services);
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> polling.shutdownNow());
    window.show();
    return window;
  }

  /**
   * Lists the account's CodeDeploy ECS deployment groups (also those this app did not create) in a small window
   * owned by {@code owner} (may be null), reading them in the background; the one chosen opens in
   * {@link #openDashboard} (or comes to the front when {@code open} has it), with the pipeline deploying to it when one
   * is found.
   */
  public static DashboardPicker pickAndOpen(Window owner, AwsClients clients, Clock clock, Messages messages,
      Dialogs dialogs, BackgroundExecutor background, Consumer<URI> browser, OpenDashboards open) {
    var picker = new DashboardPicker(owner, messages, background, new EcsDeploymentGroups(clients)::targets,
        target -> open.open(target,
            () -> openDashboard(target, clients, clock, messages, dialogs, background, browser)));
    picker.show();
    return picker;
  }

  /**
   * The monitor's pauses in the account's time: the simulated account runs faster than real time (30× in the
   * app), so a pause of five seconds there is a sixth of a second here; never shorter than a second (or the
   * pause itself), which keeps a learner's deployment visible step by step without redrawing more often.
   */
  static Scheduler onAccountTime(Scheduler real, Clock clock) {
    double speed = clock instanceof ScaledClock scaled ? scaled.speed() : 1;
    if (speed <= 1) {
      return real;
    }
    return (delay, task) -> real.schedule(shrink(delay, speed), task);
  }

  static Duration shrink(Duration delay, double speed) {
    Duration scaled = Duration.ofNanos((long) (delay.toNanos() / speed));
    Duration floor = delay.compareTo(MIN_SIMULATED_PAUSE) < 0 ? delay : MIN_SIMULATED_PAUSE;
    return scaled.compareTo(floor) < 0 ? floor : scaled;
  }

  private static final Duration MIN_SIMULATED_PAUSE = Duration.ofSeconds(1);
}
