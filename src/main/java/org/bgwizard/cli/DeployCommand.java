package org.bgwizard.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.deploy.Scheduler;
import org.bgwizard.deploy.Verdict;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Watches and steers the setup's blue/green deployment from a terminal (for ops working over SSH). */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Acts on the setup's deployment, or shows it (status, --watch to redraw live).",
        "ACTION: status, release, approve, reject, reroute, terminate, rollback,",
        "practice (simulated account only: commit a new version, --behaviour for a broken one, and release it)."})
final class DeployCommand implements Callable<Integer> {
  enum Verb { status, release, approve, reject, reroute, terminate, rollback, practice }

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION")
  Verb verb;

  @Parameters(index = "1", paramLabel = "FILE", description = "The setup file.")
  Path file;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--watch", description = "With status: redraw the snapshot until interrupted.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "S", defaultValue = "1", description = "Seconds between redraws.")
  int interval;

  @Option(names = "--times", paramLabel = "N", defaultValue = "0", description = "Stop after N redraws (0: never).")
  int times;

  @Option(names = "--behaviour", paramLabel = "B", defaultValue = "HEALTHY",
      description = "With practice: how the new image behaves (HEALTHY, UNHEALTHY, CRASHES).")
  Practice.Behaviour behaviour;

  @Mixin
  ConnectionFlags connection;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    SetupSpec setup = SetupFiles.load(file, err);
    if (setup == null) {
      return Cli.FINDINGS;
    }
    var target = new DeploymentTarget(setup.codeDeploy().application(), setup.codeDeploy().deploymentGroup(),
        setup.pipeline() == null ? null : setup.pipeline().name());
    var executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "deployment-monitor");
      t.setDaemon(true);
      return t;
    });
    try (AwsClients clients = connection.open(setup.region())) {
      var monitor = new DeploymentMonitor(target, new SdkDeploymentReader(clients), connection.clock(),
          Scheduler.of(executor), Locale.getDefault());
      if (verb == Verb.practice) {
        return practice(setup, clients, out, err);
      }
      if (verb == Verb.status) {
        return status(monitor, connection.clock(), clients.simulated(), out);
      }
      var snapshot = monitor.refreshNow();
      Action action = Action.valueOf(verb.name().toUpperCase(Locale.ROOT));
      Verdict v = DeploymentActions.allowed(action, snapshot);
      if (!v.allowed()) {
        err.println("refused: " + v.reason());
        return Cli.FINDINGS;
      }
      out.println(action.effect());
      if (!yes && !confirmed(out)) {
        err.println("not done");
        return Cli.FINDINGS;
      }
      new DeploymentActions(new SdkDeploymentCommands(clients)).perform(action, snapshot);
      out.println("done: " + verb);
      return Cli.OK;
    } finally {
      executor.shutdownNow();
    }
  }

  private int practice(SetupSpec setup, AwsClients clients, java.io.PrintWriter out, java.io.PrintWriter err) {
    if (!clients.simulated()) {
      err.println("refused: practice releases are for the simulated account (--sandbox)");
      return Cli.FINDINGS;
    }
    String run = new Practice(new SdkPracticeSource(clients)).release(setup.source().repository(),
        setup.source().branch(), setup.pipeline().name(), behaviour);
    out.println("released a new version (" + behaviour + "): pipeline run " + run);
    return Cli.OK;
  }

  private int status(DeploymentMonitor monitor, Clock clock, boolean simulated, java.io.PrintWriter out)
      throws InterruptedException {
    if (!watch) {
      out.print(DeploymentText.render(monitor.refreshNow(), clock.instant(), simulated));
      out.flush();
      return Cli.OK;
    }
    boolean terminal = System.console() != null;
    monitor.refreshNow();
    monitor.start();
    for (int n = 0; times == 0 || n < times; n++) {
      var s = monitor.snapshot();
      if (s != null) {
        out.print((terminal ? "\033[H\033[2J" : "\n") + DeploymentText.render(s, clock.instant(),
            simulated));
        out.flush();
      }
      Thread.sleep(Duration.ofSeconds(Math.max(1, interval)).toMillis());
    }
    monitor.stop();
    return Cli.OK;
  }

  private static boolean confirmed(java.io.PrintWriter out) throws java.io.IOException {
    out.print("Proceed? [y/N] ");
    out.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
