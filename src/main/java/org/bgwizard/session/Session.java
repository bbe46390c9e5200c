package org.bgwizard.session;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PickableTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.setup.SetupSpec;

/**
 * One connection to an account, with everything the wizard and the commands do there. Every method but
 * {@link #identity()}, {@link #region()}, {@link #clock()} and {@link #simulated()} may call AWS: use them off the
 * FX thread.
 */
public interface Session extends AutoCloseable {
  /** Who the calls run as, found when the session opened. */
  Identity identity();

  /** The region every call goes to. */
  String region();

  /** Plan, apply, status and teardown of setups. */
  SetupOperations operations();

  /** The setup's journal on this connection (the simulated account keeps its own, next to its file). */
  Journal journal(SetupSpec spec) throws IOException;

  /** The account's clock: the simulated account's own time, or the system clock for AWS. */
  Clock clock();

  /** A monitor of {@code target}'s deployment, polling in the account's time once started. */
  Monitoring monitor(DeploymentTarget target, Locale locale);

  /** The actions on a deployment (approve, reroute, terminate, roll back, …). */
  DeploymentActions actions();

  /** The account's CodeDeploy ECS deployment groups, also those this app did not create. */
  List<DeploymentTarget> deploymentGroups();

  /**
   * The account's ECS services that deploy blue/green themselves (ECS controller, strategy BLUE_GREEN, LINEAR or
   * CANARY), also those this app did not create.
   */
  default List<PickableTarget> nativeServices() {
    return List.of();
  }

  /** Practice releases: on the simulated account only. */
  Optional<Practice> practice();

  Commits commits();

  /** The simulated account's own steps (a new customer, a connection handshake); empty for AWS. */
  Optional<SimulatedAccount> simulated();

  /** Where calls go, e.g. "Sandbox (simulated account 123456789012, us-east-1), time 30× real". */
  String describe();

  @Override
  void close();
}
