package org.bgwizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.ConnectionState;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.deploy.Verdict;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Watches and steers the setup's blue/green deployment from a terminal (for ops working over SSH). */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Act on the setup's deployment (release, reroute, terminate, roll back, …), or show it.",
        "status --watch redraws it live, like `status FILE --watch`.",
        "ACTION: status, release, approve, reject, reroute, terminate, rollback, practice, promote.",
        "Each action says what it does to traffic and asks first (unless --yes); one AWS would not accept now is",
        "refused with the reason. practice (simulated account only) commits the next version of html/index.html",
        "to the setup's CodeCommit branch (--behaviour for a broken image) and starts the pipeline.",
        "For an ecs-native setup, approve continues a deployment paused before production traffic",
        "(ContinueServiceDeployment CONTINUE) and rollback rolls it back (ContinueServiceDeployment ROLLBACK at the",
        "pause, else StopServiceDeployment ROLLBACK); ECS has no reroute or terminate call.",
        "With environments, every action works on the environment named by --env (required when the setup has more",
        "than one): its deployment, its pipeline, its branch.",
        "promote --from A --to B moves what A has deployed to B, the environment right after A: it refuses when A's",
        "last pipeline run or deployment did not succeed, or when B's branch has commits A's lacks. CodeCommit: B's",
        "branch is fast-forwarded to A's (MergeBranchesByFastForward), which starts B's pipeline. S3: A's object is",
        "copied to B's key. GitHub, GitLab or Bitbucket: it says how to merge there and changes nothing."})
final class DeployCommand implements Callable<Integer> {
  enum Verb { status, release, approve, reject, reroute, terminate, rollback, practice, promote }

  /** The longest summary PutApprovalResult accepts (CodePipeline API Reference, ApprovalResult: summary 0-512). */
  static final int REASON_MAX = 512;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION")
  Verb verb;

  @Parameters(index = "1", paramLabel = "FILE", description = "The setup file.")
  Path file;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--behaviour", paramLabel = "B", defaultValue = "HEALTHY",
      description = "With practice: how the new image behaves (HEALTHY, UNHEALTHY, CRASHES).")
  Practice.Behaviour behaviour;

  @Option(names = "--from", paramLabel = "FROM", description = "With release: the folder whose files go into the"
      + " setup's source first (S3: uploaded as a zip; CodeCommit: committed; a connection: pushed, simulated account"
      + " only), then the pipeline starts. With promote: the environment whose deployed change moves on.")
  String from;

  @Option(names = "--to", paramLabel = "ENV", description = "With promote: the environment that receives the change;"
      + " it must be the one right after --from.")
  String to;

  @Option(names = "--env", paramLabel = "ENV", description = "The environment to act on, for a setup with"
      + " environments (required when it has more than one).")
  String env;

  @Option(names = "--reason", paramLabel = "TEXT", description = "With reject (or approve): the summary recorded with"
      + " the answer in the pipeline's history, at most 512 characters.")
  String reason;

  @Option(names = "--dry-run", description = "With promote: say what would be merged or copied, and change nothing.")
  boolean dryRun;

  @Mixin
  WatchOptions watching;

  @Mixin
  ConnectionOptions connection;

  private final Connector connector;

  DeployCommand(Connector connector) {
    this.connector = connector;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (watching.watch && verb != Verb.status) {
      err.println("error: --watch goes with status");
      return Cli.USAGE;
    }
    if (watching.watch && watching.problem() != null) {
      err.println("error: " + watching.problem());
      return Cli.USAGE;
    }
    if (from != null && verb != Verb.release && verb != Verb.promote) {
      err.println("error: --from goes with release or promote");
      return Cli.USAGE;
    }
    if ((to != null || dryRun) && verb != Verb.promote) {
      err.println("error: " + (to != null ? "--to" : "--dry-run") + " goes with promote");
      return Cli.USAGE;
    }
    if (verb == Verb.promote && (from == null || to == null)) {
      err.println("error: promote needs --from and --to, the environments the change moves from and to");
      return Cli.USAGE;
    }
    if (verb == Verb.promote && env != null) {
      err.println("error: promote takes --from and --to, not --env");
      return Cli.USAGE;
    }
    if (reason != null && verb != Verb.reject && verb != Verb.approve) {
      err.println("error: --reason goes with reject or approve");
      return Cli.USAGE;
    }
    if (reason != null && reason.length() > REASON_MAX) {
      err.println("error: --reason is " + reason.length() + " characters; a pipeline approval's summary is at most "
          + REASON_MAX);
      return Cli.USAGE;
    }
    if (verb == Verb.practice && !connection.simulated()) {
      err.println("refused: practice releases are for the simulated account (--sandbox)");
      return Cli.FINDINGS;
    }
    // watching and steering need only the names of the group and pipeline, not a setup fit to create
    return ProvisioningCommand.connected(file, false, connection, connector, err, this::run);
  }

  private int run(SetupSpec whole, Session session) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (verb == Verb.promote) {
      return Promotion.run(whole, from, to, dryRun, session, out, err);
    }
    EnvironmentSpec chosen = EnvironmentChoice.resolve(whole, env, err);
    if (chosen == null) {
      return Cli.USAGE;
    }
    SetupSpec setup = chosen.spec();
    String which = EnvironmentChoice.describe(whole, chosen);
    if (which != null) {
      err.println(which);
    }
    DeploymentTarget target = DeploymentTarget.of(setup);
    if (verb == Verb.practice) {
      return practice(target, session.practice().orElseThrow(), out, err);
    }
    if (from != null) {
      return SourceRelease.run(setup, session, Path.of(from), out, err);
    }
    try (var watch = DeploymentWatch.of(target, session)) {
      if (verb == Verb.status) {
        var shown = watching.run(watch, out);
        if (shown != null && shown.connection().kind() == ConnectionState.Kind.FAILED) {
          err.println("error: the deployment could not be read: " + shown.connection().message());
          if (shown.connection().message().matches("(?s).*(DoesNotExist|NotFound).*")) {
            err.println("  Is it created? `status " + file + "` lists what the setup has in the account, and `apply "
                + file + "` creates what is missing" + (which == null ? "" : " (a torn-down environment too)") + ".");
          }
          return Cli.FINDINGS;
        }
        return Cli.OK;
      }
      var snapshot = watch.monitor().refreshNow();
      Action action = Action.valueOf(verb.name().toUpperCase(Locale.ROOT));
      Verdict v = DeploymentActions.allowed(action, snapshot);
      if (!v.allowed()) {
        boolean approval = action == Action.APPROVE || action == Action.REJECT;
        err.println("refused: " + v.reason() + (approval && snapshot.pipeline() != null
            ? " in the pipeline " + snapshot.pipeline().name() : ""));
        return Cli.FINDINGS;
      }
      out.println(DeploymentActions.effect(action, snapshot));
      out.flush();
      if (!yes && !ProvisioningCommand.confirm(err, "Proceed?")) {
        err.println("not done");
        return Cli.FINDINGS;
      }
      session.actions().perform(action, snapshot, reason);
      out.println("done: " + verb);
      return Cli.OK;
    }
  }

  private int practice(DeploymentTarget target, Practice practice, PrintWriter out, PrintWriter err) {
    if (!target.practicable()) {
      err.println("refused: practice releases need the setup's pipeline and its CodeCommit source");
      return Cli.FINDINGS;
    }
    String run = practice.release(target.source().repository(),
        target.source().branch(), target.pipeline(), behaviour);
    out.println("released a new version (" + behaviour + "): pipeline run " + run);
    return Cli.OK;
  }
}
