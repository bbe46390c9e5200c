package org.bgwizard.ui.services;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import javafx.stage.Window;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecFormatException;
import org.bgwizard.setup.SpecJson;
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
   * (after saying why) when there is no connection to open it over. The setup's file is the recent setup that holds
   * it as it is, if any (see {@link #open(SetupSpec, Path, Window)}).
   */
  public boolean open(SetupSpec spec, Window owner) {
    return open(spec, keptIn(spec), owner);
  }

  /**
   * The same, knowing the file that holds the setup (null when none does): a CodeDeploy setup's dashboard then
   * offers to move it to ECS blue/green, rewriting that file.
   */
  public boolean open(SetupSpec spec, Path file, Window owner) {
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
      Dashboards.openSetup(spec, file, workspace, messages, dialogs, session.executor(), this::browse,
          session.dashboards());
    }, error -> dialogs.error(owner, messages.get("launch.dashboard.title"), messages.get("launch.dashboard.failed"),
        String.valueOf(error.getMessage())));
    return true;
  }

  /**
   * Lets the user pick any CodeDeploy ECS deployment group or ECS blue/green service of the connected account, and
   * opens its dashboard.
   */
  public boolean pick(Window owner) {
    if (!connected(owner)) {
      return false;
    }
    Session workspace = session.workspace().get();
    Dashboards.pickAndOpen(owner, workspace, messages, dialogs, session.executor(), this::browse,
        session.dashboards());
    return true;
  }

  /** The recent setup whose file holds {@code spec} as it is; null when none does. */
  private Path keptIn(SetupSpec spec) {
    for (RecentSetups.Entry entry : session.recent().entries()) {
      try {
        if (entry.name().equals(spec.name()) && SpecJson.load(entry.file()).equals(spec)) {
          return entry.file();
        }
      } catch (IOException | SpecFormatException e) {
        // a file that cannot be read now holds nothing to migrate
      }
    }
    return null;
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
