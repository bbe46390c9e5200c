package org.bgwizard.ui.wizard;

import javafx.stage.Window;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.dashboard.Dashboards;

/**
 * Opens the deployment dashboard of a setup over the wizard's connection (the Done page, the Start page's recent
 * setups, and Window › Dashboard), connecting to the setup's region first when the connection is elsewhere.
 */
public final class DashboardLauncher {
  private final WizardSession session;
  private final Dialogs dialogs;
  private final Messages messages;

  public DashboardLauncher(WizardSession session, Dialogs dialogs, Messages messages) {
    this.session = session;
    this.dialogs = dialogs;
    this.messages = messages;
  }

  /** False (after saying why) when there is no connection to open it over. */
  public boolean open(SetupSpec spec, Window owner) {
    if (session.workspace().get() == null) {
      dialogs.info(owner, messages.get("launch.dashboard.title"), messages.get("launch.dashboard.notConnected"), "");
      return false;
    }
    session.ensureRegion(spec.region(), () -> {
      Workspace workspace = session.workspace().get();
      Dashboards.openDashboard(target(spec), workspace.clients(), workspace.clock(), messages, dialogs,
          session.executor());
    }, error -> dialogs.error(owner, messages.get("launch.dashboard.title"), messages.get("launch.dashboard.failed"),
        String.valueOf(error.getMessage())));
    return true;
  }

  static DeploymentTarget target(SetupSpec spec) {
    return new DeploymentTarget(spec.codeDeploy().application(), spec.codeDeploy().deploymentGroup(),
        spec.pipeline() == null ? null : spec.pipeline().name());
  }
}
