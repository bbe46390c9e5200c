package org.bgwizard.ui.services;

import java.net.URI;
import javafx.stage.Window;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.dashboard.Dashboards;
import org.bgwizard.ui.dashboard.EnvironmentsOverview;

/**
 * Opens deployment dashboards over the wizard's connection: a setup's (the Done page, the Start page's recent
 * setups, Window › Dashboard), connecting to the setup's region first when the connection is elsewhere, or any
 * ECS deployment group of the account the user picks.
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

  /**
   * A setup with environments opens its overview (a row per environment, each opening its own dashboard). False
   * (after saying why) when there is no connection to open it over.
   */
  public boolean open(SetupSpec spec, Window owner) {
    if (!connected(owner)) {
      return false;
    }
    session.ensureRegion(spec.region(), () -> {
      Session workspace = session.workspace().get();
      if (spec.hasEnvironments()) {
        EnvironmentsOverview.open(spec, workspace, messages, dialogs, session.executor(), session.dashboards(),
            this::browse);
        return;
      }
      DeploymentTarget target = DeploymentTarget.of(spec);
      session.dashboards().open(target, () -> Dashboards.openDashboard(target, workspace, messages, dialogs,
          session.executor(), this::browse));
    }, error -> dialogs.error(owner, messages.get("launch.dashboard.title"), messages.get("launch.dashboard.failed"),
        String.valueOf(error.getMessage())));
    return true;
  }

  /** Lets the user pick any CodeDeploy ECS deployment group of the connected account, and opens its dashboard. */
  public boolean pick(Window owner) {
    if (!connected(owner)) {
      return false;
    }
    Session workspace = session.workspace().get();
    Dashboards.pickAndOpen(owner, workspace, messages, dialogs, session.executor(), this::browse,
        session.dashboards());
    return true;
  }

  private boolean connected(Window owner) {
    if (session.workspace().get() != null) {
      return true;
    }
    dialogs.info(owner, messages.get("launch.dashboard.title"), messages.get("launch.dashboard.notConnected"), "");
    return false;
  }

  private void browse(URI page) {
    session.browse(page.toString());
  }
}
