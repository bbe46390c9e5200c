package org.bgwizard.ui.dashboard;

import java.util.Optional;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.PipelineView;
import org.bgwizard.deploy.PromotionCheck;
import org.bgwizard.session.Commits;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.ui.common.Messages;

/**
 * The overview's Promote button (issue 15): what {@code deploy promote FILE --from A --to B} does, in the window's
 * language. A CodeCommit source fast-forwards A's branch into B's (CodeCommit MergeBranchesByFastForward; CreateBranch
 * when B has no branch yet), an S3 source copies A's object to B's key (S3 CopyObject); either change starts B's
 * pipeline through its trigger. A repository behind a connection is merged there by the user: the wizard only says
 * how. Refused when A's latest change has not deployed successfully ({@link PromotionCheck}) or when B's branch has
 * commits A's lacks (ManualMergeRequiredException: "a fast-forward merge is not possible").
 */
final class OverviewPromotion {
  /** What the promotion did or why it did not: a header and details for a dialog; {@code done} when it changed B. */
  record Outcome(boolean done, String header, String details) {}

  private final EnvironmentSpec a;
  private final EnvironmentSpec b;
  private final Messages messages;

  OverviewPromotion(EnvironmentSpec a, EnvironmentSpec b, Messages messages) {
    this.a = a;
    this.b = b;
    this.messages = messages;
  }

  /** A repository behind a connection (GitHub, GitLab, Bitbucket): the wizard changes nothing there. */
  boolean byHand() {
    return a.spec().source().provider() == Source.Provider.GITHUB;
  }

  String title() {
    return messages.format("overview.promote.title", a.name(), b.name());
  }

  /** What will happen, for the confirmation (or, for a connection's repository, how to merge there). */
  String effect() {
    Source s = a.spec().source();
    Source t = b.spec().source();
    return switch (s.provider()) {
      case CODECOMMIT -> messages.format("overview.promote.codecommit", a.name(), b.name(), s.branch(), t.branch(),
          s.repository());
      case S3 -> messages.format("overview.promote.s3", a.name(), b.name(), s.s3Bucket(), s.s3ObjectKey(),
          t.s3ObjectKey());
      case GITHUB -> {
        String provider = s.connectionProvider() == null ? "GitHub" : s.connectionProvider();
        yield messages.format("overview.promote.connection", a.name(), b.name(), provider,
            messages.get(provider.equals("GitLab") ? "overview.promote.mergeRequest" : "overview.promote.pullRequest"),
            s.branch(), t.branch(), s.fullRepositoryId());
      }
    };
  }

  /** Runs the promotion on {@code snapshot}, A's freshly read state. Off the FX thread: it calls AWS. */
  Outcome run(DeploymentSnapshot snapshot, Commits commits) {
    Optional<String> refusal = PromotionCheck.refusal(a.name(), snapshot);
    if (refusal.isPresent()) {
      return refused(messages.format("overview.promote.refused.notDeployed", a.name(), b.name()), refusal.get());
    }
    String pipelineB = b.spec().pipeline() == null ? null : b.spec().pipeline().name();
    String before = pipelineB == null ? null : commits.latestRun(pipelineB);
    String done;
    if (a.spec().source().provider() == Source.Provider.S3) {
      Source s = a.spec().source();
      commits.copyObject(s.s3Bucket(), s.s3ObjectKey(), b.spec().source().s3ObjectKey());
      done = messages.format("overview.promote.done.s3", s.s3Bucket(), s.s3ObjectKey(),
          b.spec().source().s3ObjectKey());
    } else {
      String repo = a.spec().source().repository();
      String branchA = a.spec().source().branch();
      String branchB = b.spec().source().branch();
      Optional<String> headA = commits.branchHead(repo, branchA);
      if (headA.isEmpty()) {
        return refused(messages.format("overview.promote.refused.noBranch", a.name(), branchA, repo), "");
      }
      String deployed = deployedRevision(snapshot);
      if (deployed != null && !headA.get().startsWith(deployed)) {
        return refused(messages.format("overview.promote.refused.ahead", a.name(), branchA, shortId(headA.get()),
            deployed), "");
      }
      Optional<String> headB = commits.branchHead(repo, branchB);
      if (headB.isPresent() && headB.get().equals(headA.get())) {
        return new Outcome(false, messages.format("overview.promote.nothing", a.name(), b.name(), branchB,
            shortId(headA.get())), "");
      }
      if (headB.isPresent() && commits.reaches(repo, headA.get(), headB.get()).equals(Optional.of(false))) {
        return diverged(repo, branchA, branchB);
      }
      String head;
      if (headB.isPresent()) {
        Optional<String> merged = commits.fastForward(repo, branchA, branchB);
        if (merged.isEmpty()) {
          return diverged(repo, branchA, branchB);
        }
        head = merged.get();
      } else {
        commits.createBranch(repo, branchB, headA.get());
        head = headA.get();
      }
      done = messages.format("overview.promote.done.codecommit", b.name(), branchB, shortId(head));
    }
    String latest = pipelineB == null ? null : commits.latestRun(pipelineB);
    String started = pipelineB == null ? ""
        : latest != null && !latest.equals(before) ? messages.format("overview.promote.started", pipelineB, latest)
        : messages.format("overview.promote.trigger", pipelineB);
    return new Outcome(true, messages.format("overview.promote.done", a.name(), b.name()),
        started.isEmpty() ? done : done + "\n" + started);
  }

  private Outcome diverged(String repo, String branchA, String branchB) {
    return refused(messages.format("overview.promote.refused.diverged", a.name(), b.name(), branchA, branchB),
        messages.format("overview.promote.refused.diverged.how", repo, branchB, branchA, b.name()));
  }

  private Outcome refused(String header, String details) {
    return new Outcome(false, messages.get("overview.promote.refused") + " " + header, details);
  }

  /** The commit (its first characters) the newest pipeline run took; null when not known. As the CLI reads it. */
  private static String deployedRevision(DeploymentSnapshot s) {
    PipelineView p = s.pipeline();
    if (p == null || p.executions().isEmpty() || p.executions().get(0).revision() == null
        || p.executions().get(0).revision().isBlank()) {
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
