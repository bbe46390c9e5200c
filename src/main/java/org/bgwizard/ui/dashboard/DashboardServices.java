package org.bgwizard.ui.dashboard;

import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.Practice;

/**
 * What a dashboard window works with besides the UI's own services.
 *
 * @param practice practice releases, null where they are not offered (real accounts, targets without a CodeCommit
 *     source)
 * @param browser opens a listener's URL (the app's host services); unused on the simulated account, where no URL
 *     serves anything and the window says which task set would answer instead
 * @param clock the account's clock, for the countdowns
 * @param account the simulated account's own steps (its speed), null on AWS
 * @param migration set when the dashboard was opened for a CodeDeploy setup kept in a file: its "Move to ECS
 *     blue/green…" button; null otherwise (a group picked from the account, an ecs-native setup)
 */
public record DashboardServices(DeploymentMonitor monitor, DeploymentActions actions, Practice practice,
    Consumer<URI> browser, Clock clock, boolean simulated,
    SimulatedAccount account, SetupMigration migration) {
  /** Without a setup to migrate. */
  public DashboardServices(DeploymentMonitor monitor, DeploymentActions actions, Practice practice,
      Consumer<URI> browser, Clock clock, boolean simulated, SimulatedAccount account) {
    this(monitor, actions, practice, browser, clock, simulated, account, null);
  }
}
