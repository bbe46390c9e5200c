package org.bgwizard.session;

import java.util.Optional;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.PipelineView;
import org.bgwizard.deploy.PromotionCheck;
import org.bgwizard.deploy.PromotionRefusal;
import org.bgwizard.deploy.PromotionRefusal.Kind;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Source;

/**
 * Moving what environment A has deployed to B, the environment right after it, the same for
 * {@code deploy promote FILE --from A --to B} and the overview's Promote: the way the setup's source moves changes.
 * A CodeCommit source fast-forwards A's branch into B's (MergeBranchesByFastForward; CreateBranch when B has no
 * branch yet), an S3 source copies A's object to B's key (S3 CopyObject); either change starts B's pipeline through
 * its trigger. A repository behind a connection is merged there by the user: only how is said. Refused when A's
 * latest change has not deployed successfully ({@link PromotionCheck}) or when B's branch has commits A's lacks
 * (ManualMergeRequiredException: "a fast-forward merge is not possible"). The result is structured; each face words
 * it. Calls AWS: never on the FX thread.
 */
public final class Promotion {
  private Promotion() {}

  /** What the promotion did, would do, or why it did not. */
  public sealed interface Outcome permits Refused, AlreadyThere, Promoted, ByHand {}

  /** Nothing was changed, for {@code refusal}. */
  public record Refused(PromotionRefusal refusal) implements Outcome {}

  /** B's branch already holds A's commit (its full id): nothing to promote. */
  public record AlreadyThere(String branch, String commit) implements Outcome {}

  /**
   * B got A's change ({@code dryRun}: would get it).
   *
   * @param pipeline B's pipeline; null when the setup has none
   * @param run the run the change started; null when none was seen yet (its trigger starts it) or on a dry run
   */
  public record Promoted(Change change, boolean dryRun, String pipeline, String run) implements Outcome {}

  /**
   * A repository behind a connection: the user merges A's branch into B's there, and the connection starts B's
   * pipeline (null when none). Nothing was changed.
   */
  public record ByHand(String provider, boolean mergeRequest, String fromBranch, String toBranch,
      String repositoryId, String pipeline) implements Outcome {}

  /** How B's source changed. */
  public sealed interface Change permits Merge, Copy {}

  /**
   * B's CodeCommit branch moved to {@code to}: fast-forwarded from {@code from}, or created when {@code from} is
   * empty.
   */
  public record Merge(String repository, String branch, Optional<String> from, String to) implements Change {}

  /** A's S3 object copied to B's key; {@code version} is the copy's (null unversioned or on a dry run). */
  public record Copy(String bucket, String fromKey, String toKey, String version) implements Change {}

  /**
   * Promotes {@code a} to {@code b} (the environment right after it) on {@code snapshot}, A's freshly read state;
   * {@code dryRun} checks and says what would change, changing nothing.
   */
  public static Outcome promote(EnvironmentSpec a, EnvironmentSpec b, DeploymentSnapshot snapshot, Commits commits,
      boolean dryRun) {
    Optional<PromotionRefusal> refusal = PromotionCheck.refusal(a.name(), snapshot);
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    String pipelineB = b.spec().pipeline() == null ? null : b.spec().pipeline().name();
    return switch (a.spec().source().provider()) {
      case CODECOMMIT -> codeCommit(a, b, snapshot, pipelineB, dryRun, commits);
      case S3 -> s3(a, b, pipelineB, dryRun, commits);
      case GITHUB -> byHand(a, b);
    };
  }

  /** How a repository behind a connection (GitHub, GitLab, Bitbucket) gets A's change into B's branch. */
  public static ByHand byHand(EnvironmentSpec a, EnvironmentSpec b) {
    Source s = a.spec().source();
    String provider = s.connectionProvider() == null ? "GitHub" : s.connectionProvider();
    return new ByHand(provider, provider.equals("GitLab"), s.branch(), b.spec().source().branch(),
        s.fullRepositoryId(), b.spec().pipeline() == null ? null : b.spec().pipeline().name());
  }

  private static Outcome codeCommit(EnvironmentSpec a, EnvironmentSpec b, DeploymentSnapshot snapshot,
      String pipelineB, boolean dryRun, Commits commits) {
    String repo = a.spec().source().repository();
    String branchA = a.spec().source().branch();
    String branchB = b.spec().source().branch();
    Optional<String> headA = commits.branchHead(repo, branchA);
    if (headA.isEmpty()) {
      return new Refused(PromotionRefusal.of(Kind.NO_BRANCH, a.name(), branchA, repo));
    }
    String deployed = deployedRevision(snapshot);
    if (deployed != null && !headA.get().startsWith(deployed)) {
      return new Refused(PromotionRefusal.of(Kind.NOT_DEPLOYED_YET, a.name(), branchA, shortId(headA.get()),
          deployed));
    }
    Optional<String> headB = commits.branchHead(repo, branchB);
    if (headB.isPresent() && headB.get().equals(headA.get())) {
      return new AlreadyThere(branchB, headA.get());
    }
    if (headB.isPresent() && commits.reaches(repo, headA.get(), headB.get()).equals(Optional.of(false))) {
      return diverged(a, b, repo);
    }
    if (dryRun) {
      return new Promoted(new Merge(repo, branchB, headB, headA.get()), true, pipelineB, null);
    }
    String before = pipelineB == null ? null : commits.latestRun(pipelineB);
    String head;
    if (headB.isPresent()) {
      Optional<String> merged = commits.fastForward(repo, branchA, branchB);
      if (merged.isEmpty()) {
        return diverged(a, b, repo);
      }
      head = merged.get();
    } else {
      commits.createBranch(repo, branchB, headA.get());
      head = headA.get();
    }
    return new Promoted(new Merge(repo, branchB, headB, head), false, pipelineB,
        started(pipelineB, before, commits));
  }

  private static Refused diverged(EnvironmentSpec a, EnvironmentSpec b, String repo) {
    return new Refused(PromotionRefusal.of(Kind.DIVERGED, a.name(), b.name(), a.spec().source().branch(),
        b.spec().source().branch(), repo));
  }

  private static Outcome s3(EnvironmentSpec a, EnvironmentSpec b, String pipelineB, boolean dryRun,
      Commits commits) {
    Source s = a.spec().source();
    String keyB = b.spec().source().s3ObjectKey();
    if (dryRun) {
      return new Promoted(new Copy(s.s3Bucket(), s.s3ObjectKey(), keyB, null), true, pipelineB, null);
    }
    String before = pipelineB == null ? null : commits.latestRun(pipelineB);
    String version = commits.copyObject(s.s3Bucket(), s.s3ObjectKey(), keyB);
    return new Promoted(new Copy(s.s3Bucket(), s.s3ObjectKey(), keyB, version), false, pipelineB,
        started(pipelineB, before, commits));
  }

  /** The run the change started (an EventBridge rule starts it); null when none is seen yet. */
  private static String started(String pipeline, String before, Commits commits) {
    if (pipeline == null) {
      return null;
    }
    String latest = commits.latestRun(pipeline);
    return latest != null && !latest.equals(before) ? latest : null;
  }

  /** The commit (its first characters) the newest, succeeded pipeline run deployed; null when not known. */
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

  /** A commit's first 8 characters, as Git shortens it. */
  public static String shortId(String commit) {
    return commit.substring(0, Math.min(8, commit.length()));
  }
}
