package org.bgwizard.ui.dashboard;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PickableTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.session.Monitoring;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Strategy;
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
   * @param session the account's: its clock (the sandbox's simulated time, or the system clock for AWS), monitor
   *     and actions
   * @param browser opens a listener's URL on a real account, e.g. {@code uri ->
   *     application.getHostServices().showDocument(uri.toString())}
   */
  public static DashboardWindow openDashboard(DeploymentTarget target, Session session, Messages messages,
      Dialogs dialogs, BackgroundExecutor background, Consumer<URI> browser) {
    return openDashboard(target, session, messages, dialogs, background, browser, null);
  }

  /**
   * The dashboard of {@code setup} kept in {@code file} (null when no file holds it), in {@code open}'s window for
   * it. A CodeDeploy setup with its file offers "Move to ECS blue/green…", after which the dashboard of the
   * migrated setup takes the window's place.
   */
  public static DashboardWindow openSetup(SetupSpec setup, Path file, Session session, Messages messages,
      Dialogs dialogs, BackgroundExecutor background, Consumer<URI> browser, OpenDashboards open) {
    DeploymentTarget target = DeploymentTarget.of(setup);
    SetupMigration migration = setup.strategy() == Strategy.CODEDEPLOY && file != null
        ? new SetupMigration(session, setup, file, migrated -> openSetup(migrated, file, session, messages, dialogs,
            background, browser, open))
        : null;
    return open.open(target, () -> openDashboard(target, session, messages, dialogs, background, browser,
        migration));
  }

  private static DashboardWindow openDashboard(DeploymentTarget target, Session session, Messages messages,
      Dialogs dialogs, BackgroundExecutor background, Consumer<URI> browser, SetupMigration migration) {
    Monitoring monitoring = session.monitor(target, messages.locale());
    Practice practice = target.practicable() ? session.practice().orElse(null) : null;
    var services = new DashboardServices(monitoring.monitor(), session.actions(), practice, browser, session.clock(),
        session.simulated().isPresent(), session.simulated().orElse(null), migration);
    Stage stage = new Stage();
    var window = new DashboardWindow(stage, messages, dialogs, background, services);
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> monitoring.close());
    window.show();
    return window;
  }

  /** The account's CodeDeploy ECS deployment groups, then its ECS blue/green services. */
  private static List<PickableTarget> targets(Session session) {
    var all = new ArrayList<PickableTarget>();
    session.deploymentGroups().forEach(t -> all.add(PickableTarget.codeDeploy(t)));
    all.addAll(session.nativeServices());
    return all;
  }

  /**
   * Lists the account's CodeDeploy ECS deployment groups and its ECS services that deploy blue/green themselves
   * (also those this app did not create) in a small window
   * owned by {@code owner} (may be null), reading them in the background; the one chosen opens in
   * {@link #openDashboard} (or comes to the front when {@code open} has it), with the pipeline deploying to it when one
   * is found.
   */
  public static DashboardPicker pickAndOpen(Window owner, Session session, Messages messages, Dialogs dialogs,
      BackgroundExecutor background, Consumer<URI> browser, OpenDashboards open) {
    var picker = new DashboardPicker(owner, messages, background, () -> targets(session),
        target -> open.open(target, () -> openDashboard(target, session, messages, dialogs, background, browser)));
    picker.show();
    return picker;
  }
}
