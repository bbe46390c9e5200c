package org.bgwizard.cli;

import java.io.PrintWriter;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.session.Promotion.AlreadyThere;
import org.bgwizard.session.Promotion.ByHand;
import org.bgwizard.session.Promotion.Change;
import org.bgwizard.session.Promotion.Copy;
import org.bgwizard.session.Promotion.Merge;
import org.bgwizard.session.Promotion.Promoted;
import org.bgwizard.session.Promotion.Refused;
import org.bgwizard.session.Session;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;

/**
 * {@code deploy promote FILE --from A --to B}: what environment A has deployed moves to B, the environment right
 * after it, the way the setup's source moves changes: a CodeCommit fast-forward merge of A's branch into B's, an S3
 * object copied from A's key to B's, or, for a repository behind a connection, the merge the user makes there.
 * B's pipeline then starts from the change, as from any push. The promotion itself is the session's
 * ({@link org.bgwizard.session.Promotion}, shared with the overview); this words its outcome in English.
 */
final class Promotion {
  private Promotion() {}

  static int run(SetupSpec setup, String from, String to, boolean dryRun, Session session, PrintWriter out,
      PrintWriter err) throws Exception {
    if (!setup.hasEnvironments() || setup.environments().list().size() < 2) {
      err.println("error: promote moves a change from one environment to the next; the setup " + setup.name()
          + (setup.hasEnvironments() ? " has one environment only" : " has no environments")
          + " (environments are added with `init NAME --environments dev,qa,prod`)");
      return Cli.USAGE;
    }
    Environments envs = setup.environments();
    String names = String.join(", ", envs.names());
    for (String name : new String[] {from, to}) {
      if (envs.find(name).isEmpty()) {
        err.println("error: " + (name.equals(from) ? "--from " : "--to ") + name + ": the setup " + setup.name()
            + " has no environment " + name + "; its environments are " + names);
        return Cli.USAGE;
      }
    }
    var next = envs.next(from);
    if (next.isEmpty()) {
      err.println("error: --from " + from + " is the last environment (" + names + "): nothing comes after it");
      return Cli.USAGE;
    }
    if (!next.get().name().equals(to)) {
      err.println("error: --to " + to + ": a change moves from " + from + " to the environment right after it, "
          + next.get().name() + " (order: " + names + ")");
      return Cli.USAGE;
    }
    EnvironmentSpec a = Environments.expand(setup, from).orElseThrow();
    EnvironmentSpec b = Environments.expand(setup, to).orElseThrow();

    DeploymentSnapshot snapshot;
    try (var watch = DeploymentWatch.of(DeploymentTarget.of(a.spec()), session)) {
      snapshot = watch.monitor().refreshNow();
    }
    var outcome = org.bgwizard.session.Promotion.promote(a, b, snapshot, session.commits(), dryRun);
    if (outcome instanceof Refused r) {
      err.println("refused: " + r.refusal().english());
      return Cli.FINDINGS;
    }
    if (outcome instanceof AlreadyThere t) {
      out.println(b.name() + "'s branch " + t.branch() + " already holds " + a.name() + "'s commit "
          + shortId(t.commit()) + ": nothing to promote (`deploy release FILE --env " + b.name() + "` runs "
          + b.name() + "'s pipeline again)");
      return Cli.OK;
    }
    if (outcome instanceof ByHand h) {
      out.println(a.name() + "'s change reaches " + b.name() + " by a merge in " + h.provider() + ": open a "
          + (h.mergeRequest() ? "merge request" : "pull request") + " from the branch " + h.fromBranch() + " into "
          + h.toBranch() + " of " + h.repositoryId() + " and merge it (or in a clone: git fetch && git checkout "
          + h.toBranch() + " && git merge origin/" + h.fromBranch() + " && git push).");
      out.println("The connection then starts " + b.name() + "'s pipeline"
          + (h.pipeline() == null ? "" : " " + h.pipeline()) + ". Nothing was changed.");
      return Cli.OK;
    }
    var promoted = (Promoted) outcome;
    if (promoted.dryRun()) {
      out.println("Would " + what(a, b, promoted.change()) + (promoted.pipeline() == null ? ""
          : ", which starts the pipeline " + promoted.pipeline()) + ".");
      return Cli.OK;
    }
    if (promoted.change() instanceof Merge m) {
      out.println("promoted " + a.name() + " to " + b.name() + ": " + b.name() + "'s branch " + m.branch()
          + " is now at " + m.to() + m.from().map(f -> " (fast-forward from " + shortId(f) + ")")
          .orElse(" (new branch)"));
    } else {
      var c = (Copy) promoted.change();
      out.println("promoted " + a.name() + " to " + b.name() + ": copied s3://" + c.bucket() + "/" + c.fromKey()
          + " to s3://" + c.bucket() + "/" + c.toKey() + (c.version() == null ? "" : " (version " + c.version()
          + ")"));
    }
    if (promoted.pipeline() != null) {
      out.println(promoted.run() != null
          ? "pipeline " + promoted.pipeline() + " run " + promoted.run() + " (started by the change)"
          : "pipeline " + promoted.pipeline() + " starts when its trigger sees the change");
    }
    return Cli.OK;
  }

  /** What a dry run would change, after "Would ". */
  private static String what(EnvironmentSpec a, EnvironmentSpec b, Change change) {
    if (change instanceof Merge m) {
      return m.from().isPresent()
          ? "fast-forward " + b.name() + "'s branch " + m.branch() + " from " + shortId(m.from().get()) + " to "
              + a.name() + "'s commit " + shortId(m.to()) + " in the CodeCommit repository " + m.repository()
              + " (MergeBranchesByFastForward)"
          : "create " + b.name() + "'s branch " + m.branch() + " at " + a.name() + "'s commit " + shortId(m.to())
              + " in the CodeCommit repository " + m.repository() + " (CreateBranch)";
    }
    var c = (Copy) change;
    return "copy s3://" + c.bucket() + "/" + c.fromKey() + " to s3://" + c.bucket() + "/" + c.toKey()
        + " (S3 CopyObject)";
  }

  private static String shortId(String commit) {
    return org.bgwizard.session.Promotion.shortId(commit);
  }
}
