package org.bgwizard.app;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.EcsDeploymentGroups;
import org.bgwizard.aws.EcsNativeServices;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.aws.SdkServiceDeployments;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PickableTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.deploy.Scheduler;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.session.Commits;
import org.bgwizard.session.Monitoring;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;

/** A session over built parts: the clients, the operations over them, the account's clock and speed. */
final class AppSession implements Session {
  interface Journals {
    Journal open(SetupSpec spec) throws IOException;
  }

  private final SetupOperations operations;
  private final AwsClients clients;
  private final Clock clock;
  private final DoubleSupplier pace;
  private final Journals journals;
  private final Optional<SimulatedAccount> simulated;
  private final Supplier<String> description;
  private final Runnable onClose;
  private Identity identity;

  /**
   * {@code pace}: how much faster than real time the clock runs now (1 for AWS; the window's speed control changes
   * it); the monitors' pauses follow it.
   */
  AppSession(SetupOperations operations, AwsClients clients, Clock clock, DoubleSupplier pace, Journals journals,
      Optional<SimulatedAccount> simulated, Supplier<String> description, Runnable onClose) {
    this.operations = operations;
    this.clients = clients;
    this.clock = clock;
    this.pace = pace;
    this.journals = journals;
    this.simulated = simulated;
    this.description = description;
    this.onClose = onClose;
  }

  /** Asks who the calls run as (the first call of a session). */
  void identify() {
    identity = operations.identity();
  }

  @Override
  public Identity identity() {
    return identity;
  }

  @Override
  public String region() {
    return clients.region();
  }

  @Override
  public SetupOperations operations() {
    return operations;
  }

  @Override
  public Journal journal(SetupSpec spec) throws IOException {
    return journals.open(spec);
  }

  /** The clients the session works with; for tests that look at the account directly. */
  AwsClients clients() {
    return clients;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** Polls on a daemon thread of its own, its pauses in the account's time (see {@link SandboxTime#pauses}). */
  @Override
  public Monitoring monitor(DeploymentTarget target, Locale locale) {
    var polling = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "deployment-monitor");
      t.setDaemon(true);
      return t;
    });
    var monitor = new DeploymentMonitor(target, new SdkDeploymentReader(clients), new SdkServiceDeployments(clients),
        clock, SandboxTime.pauses(Scheduler.of(polling), pace), locale);
    return new Monitoring(monitor, polling::shutdownNow);
  }

  @Override
  public DeploymentActions actions() {
    return new DeploymentActions(new SdkDeploymentCommands(clients), new SdkServiceDeployments(clients));
  }

  @Override
  public List<DeploymentTarget> deploymentGroups() {
    return new EcsDeploymentGroups(clients).targets();
  }

  @Override
  public List<PickableTarget> nativeServices() {
    return new EcsNativeServices(clients).targets();
  }

  @Override
  public Optional<Practice> practice() {
    return simulated.map(account -> new Practice(new SdkPracticeSource(clients)));
  }

  @Override
  public Commits commits() {
    return new ClientCommits(clients);
  }

  @Override
  public Optional<SimulatedAccount> simulated() {
    return simulated;
  }

  @Override
  public String describe() {
    return description.get();
  }

  @Override
  public void close() {
    onClose.run();
  }
}
