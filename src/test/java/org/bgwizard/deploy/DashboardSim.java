package org.bgwizard.deploy;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;

/** A monitor on a sandbox, driven second by second on the sandbox's manual clock. */
public final class DashboardSim {
  public static final DeploymentTarget TARGET =
      new DeploymentTarget(BlueGreenSandbox.APPLICATION, BlueGreenSandbox.GROUP, null);
  /** The blue/green fixture, null for a {@link TutorialSandbox}. */
  public final BlueGreenSandbox bg;
  public final Sandbox sandbox;
  public final ManualClock clock;
  public final AwsClients clients;
  public final ManualScheduler scheduler;
  public final DeploymentMonitor monitor;
  public final DeploymentActions actions;
  private final Consumer<Duration> advancer;

  public DashboardSim(BlueGreenSandbox bg) {
    this(bg, bg.sandbox(), bg.clock(), TARGET, bg::advance);
  }

  DashboardSim(Sandbox sandbox, ManualClock clock, DeploymentTarget target, Consumer<Duration> advancer) {
    this(null, sandbox, clock, target, advancer);
  }

  private DashboardSim(BlueGreenSandbox bg, Sandbox sandbox, ManualClock clock, DeploymentTarget target,
      Consumer<Duration> advancer) {
    this.bg = bg;
    this.sandbox = sandbox;
    this.clock = clock;
    this.advancer = advancer;
    this.scheduler = new ManualScheduler(clock);
    this.clients = AwsClients.sandbox(new SandboxClientSource(sandbox), "us-east-1");
    this.monitor = new DeploymentMonitor(target, new SdkDeploymentReader(clients), clock, scheduler,
        Locale.ENGLISH);
    this.actions = new DeploymentActions(new SdkDeploymentCommands(clients));
  }

  public DashboardSim started() {
    monitor.start();
    scheduler.runDue();
    return this;
  }

  /** Advances {@code d} a second at a time, letting the sandbox and the monitor run. */
  public void advance(Duration d) {
    for (long s = 0; s < d.toSeconds(); s++) {
      advancer.accept(Duration.ofSeconds(1));
      scheduler.runDue();
    }
  }

  /** Advances until the monitor's snapshot matches, at most {@code limit}; returns the time it took. */
  public Duration until(Predicate<DeploymentSnapshot> condition, Duration limit) {
    Duration waited = Duration.ZERO;
    while (!condition.test(monitor.snapshot())) {
      if (waited.compareTo(limit) >= 0) {
        throw new AssertionError("not within " + limit + ": " + monitor.snapshot());
      }
      advance(Duration.ofSeconds(1));
      waited = waited.plusSeconds(1);
    }
    return waited;
  }

  public DeploymentSnapshot snapshot() {
    return monitor.snapshot();
  }

  /** Performs {@code action} on the latest snapshot, then refreshes as the UI does. */
  public DeploymentSnapshot perform(Action action) {
    actions.perform(action, monitor.snapshot());
    return monitor.refreshNow();
  }

  public static String status(DeploymentSnapshot s) {
    return s.current() == null ? "-" : s.current().status();
  }
}
