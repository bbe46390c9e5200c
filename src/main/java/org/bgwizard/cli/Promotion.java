package org.bgwizard.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PipelineView;
import org.bgwizard.deploy.PromotionCheck;
import org.bgwizard.session.Commits;
import org.bgwizard.session.Session;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * {@code deploy promote FILE --from A --to B}: what environment A has deployed moves to B, the environment right
 * after it, the way the setup's source moves changes: a CodeCommit fast-forward merge of A's branch into B's, an S3
 * object copied from A's key to B's, or, for a repository behind a connection, the merge the user makes there.
 * B's pipeline then starts from the change, as from any push.
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
    Optional<String> refusal = PromotionCheck.refusal(from, snapshot);
    if (refusal.isPresent()) {
      err.println("refused: " + refusal.get());
      return Cli.FINDINGS;
    }
    Source source = a.spec().source();
    String pipelineB = b.spec().pipeline() == null ? null : b.spec().pipeline().name();
    return switch (source.provider()) {
      case CODECOMMIT -> codeCommit(a, b, snapshot, pipelineB, dryRun, session.commits(), out, err);
      case S3 -> s3(a, b, pipelineB, dryRun, session.commits(), out);
      case GITHUB -> connection(a, b, pipelineB, out);
    };
  }

  private static int codeCommit(EnvironmentSpec a, EnvironmentSpec b, DeploymentSnapshot snapshot, String pipelineB,
      boolean dryRun, Commits commits, PrintWriter out, PrintWriter err) {
    String repo = a.spec().source().repository();
    String branchA = a.spec().source().branch();
    String branchB = b.spec().source().branch();
    Optional<String> headA = commits.branchHead(repo, branchA);
    if (headA.isEmpty()) {
      err.println("refused: " + a.name() + "'s branch " + branchA + " does not exist in the repository " + repo);
      return Cli.FINDINGS;
    }
    String deployed = deployedRevision(snapshot);
    if (deployed != null && !headA.get().startsWith(deployed)) {
      err.println("refused: " + a.name() + "'s branch " + branchA + " is at " + shortId(headA.get()) + ", but its"
          + " last successful run deployed " + deployed + ": wait until " + a.name() + " has deployed "
          + shortId(headA.get()));
      return Cli.FINDINGS;
    }
    Optional<String> headB = commits.branchHead(repo, branchB);
    if (headB.isPresent() && headB.get().equals(headA.get())) {
      out.println(b.name() + "'s branch " + branchB + " already holds " + a.name() + "'s commit "
          + shortId(headA.get()) + ": nothing to promote (`deploy release FILE --env " + b.name() + "` runs "
          + b.name() + "'s pipeline again)");
      return Cli.OK;
    }
    if (headB.isPresent() && commits.reaches(repo, headA.get(), headB.get()).equals(Optional.of(false))) {
      return diverged(a, b, repo, err);
    }
    String what = headB.isPresent()
        ? "fast-forward " + b.name() + "'s branch " + branchB + " from " + shortId(headB.get()) + " to " + a.name()
            + "'s commit " + shortId(headA.get()) + " in the CodeCommit repository " + repo
            + " (MergeBranchesByFastForward)"
        : "create " + b.name() + "'s branch " + branchB + " at " + a.name() + "'s commit " + shortId(headA.get())
            + " in the CodeCommit repository " + repo + " (CreateBranch)";
    if (dryRun) {
      out.println("Would " + what + (pipelineB == null ? "" : ", which starts the pipeline " + pipelineB) + ".");
      return Cli.OK;
    }
    String before = pipelineB == null ? null : commits.latestRun(pipelineB);
    String head;
    if (headB.isPresent()) {
      Optional<String> merged = commits.fastForward(repo, branchA, branchB);
      if (merged.isEmpty()) {
        return diverged(a, b, repo, err);
      }
      head = merged.get();
    } else {
      commits.createBranch(repo, branchB, headA.get());
      head = headA.get();
    }
    out.println("promoted " + a.name() + " to " + b.name() + ": " + b.name() + "'s branch " + branchB + " is now at "
        + head + (headB.isPresent() ? " (fast-forward from " + shortId(headB.get()) + ")" : " (new branch)"));
    pipelineStarted(pipelineB, before, commits, out);
    return Cli.OK;
  }

  private static int diverged(EnvironmentSpec a, EnvironmentSpec b, String repo, PrintWriter err) {
    String branchA = a.spec().source().branch();
    String branchB = b.spec().source().branch();
    err.println("refused: " + b.name() + "'s branch " + branchB + " has commits " + a.name() + "'s branch " + branchA
        + " lacks (the branches have diverged), so it cannot be fast-forwarded. Merge by hand in a clone of " + repo
        + ": git fetch && git checkout " + branchB + " && git merge origin/" + branchA + " && git push"
        + " (the push starts " + b.name() + "'s pipeline)");
    return Cli.FINDINGS;
  }

  private static int s3(EnvironmentSpec a, EnvironmentSpec b, String pipelineB, boolean dryRun, Commits commits,
      PrintWriter out) {
    String bucket = a.spec().source().s3Bucket();
    String keyA = a.spec().source().s3ObjectKey();
    String keyB = b.spec().source().s3ObjectKey();
    String what = "copy s3://" + bucket + "/" + keyA + " to s3://" + bucket + "/" + keyB + " (S3 CopyObject)";
    if (dryRun) {
      out.println("Would " + what + (pipelineB == null ? "" : ", which starts the pipeline " + pipelineB) + ".");
      return Cli.OK;
    }
    String before = pipelineB == null ? null : commits.latestRun(pipelineB);
    String version = commits.copyObject(bucket, keyA, keyB);
    out.println("promoted " + a.name() + " to " + b.name() + ": copied s3://" + bucket + "/" + keyA + " to s3://"
        + bucket + "/" + keyB + (version == null ? "" : " (version " + version + ")"));
    pipelineStarted(pipelineB, before, commits, out);
    return Cli.OK;
  }

  /** A repository behind a connection: the wizard does not write there; the user merges, the connection starts B. */
  private static int connection(EnvironmentSpec a, EnvironmentSpec b, String pipelineB, PrintWriter out) {
    Source s = a.spec().source();
    String provider = s.connectionProvider() == null ? "GitHub" : s.connectionProvider();
    String request = provider.equals("GitLab") ? "merge request" : "pull request";
    String branchA = s.branch();
    String branchB = b.spec().source().branch();
    out.println(a.name() + "'s change reaches " + b.name() + " by a merge in " + provider + ": open a " + request
        + " from the branch " + branchA + " into " + branchB + " of " + s.fullRepositoryId() + " and merge it (or"
        + " in a clone: git fetch && git checkout " + branchB + " && git merge origin/" + branchA + " && git push).");
    out.println("The connection then starts " + b.name() + "'s pipeline"
        + (pipelineB == null ? "" : " " + pipelineB) + ". Nothing was changed.");
    return Cli.OK;
  }

  /** The run the change started (an EventBridge rule starts it), else that the trigger starts it. */
  private static void pipelineStarted(String pipeline, String before, Commits commits, PrintWriter out) {
    if (pipeline == null) {
      return;
    }
    String latest = commits.latestRun(pipeline);
    out.println(latest != null && !latest.equals(before)
        ? "pipeline " + pipeline + " run " + latest + " (started by the change)"
        : "pipeline " + pipeline + " starts when its trigger sees the change");
  }

  /** The commit (its first 8 characters) the newest, succeeded pipeline run deployed; null when not known. */
  private static String deployedRevision(DeploymentSnapshot s) {
    PipelineView p = s.pipeline();
    if (p == null || p.executions().isEmpty() || p.executions().get(0).revision().isBlank()) {
      return null;
    }
    String revision = p.executions().get(0).revision();
    int space = revision.indexOf(' ');
    return space < 0 ? revision : revision.substring(0, space);
  }

  private static String shortId(String commit) {
    return commit.substring(0, Math.min(8, commit.length()));
  }
}
