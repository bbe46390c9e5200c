package org.bgwizard.aws;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import software.amazon.awssdk.services.codecommit.model.Commit;
import software.amazon.awssdk.services.codecommit.model.ManualMergeRequiredException;

/**
 * Moving a change from one environment's source to the next one's: a CodeCommit fast-forward merge of one branch
 * into another, or an S3 object copied to the next environment's key.
 */
public final class SourcePromotions {
  /** How many commits {@link #reaches} reads before it gives up deciding. */
  public static final int ANCESTRY_LIMIT = 1000;

  private final AwsClients clients;

  public SourcePromotions(AwsClients clients) {
    this.clients = clients;
  }

  /** The commit at the tip of {@code branch}, empty when there is no such branch (CodeCommit GetBranch). */
  public Optional<String> branchHead(String repository, String branch) {
    return new CodeCommitRepos(clients).branchHead(repository, branch);
  }

  /**
   * Whether {@code ancestor} is {@code commit} or one of its ancestors, following each commit's parents (CodeCommit
   * API Reference, GetCommit: {@code Commit.parents}, "a list of parent commits for the specified commit"): true
   * means a branch at {@code ancestor} can be fast-forwarded to {@code commit}. Empty when {@link #ANCESTRY_LIMIT}
   * commits were read without reaching either {@code ancestor} or the first commit.
   */
  public Optional<Boolean> reaches(String repository, String commit, String ancestor) {
    var seen = new HashSet<String>();
    var queue = new ArrayDeque<String>();
    queue.add(commit);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      if (id.equals(ancestor)) {
        return Optional.of(true);
      }
      if (!seen.add(id)) {
        continue;
      }
      if (seen.size() > ANCESTRY_LIMIT) {
        return Optional.empty();
      }
      Commit c = clients.codeCommit().getCommit(r -> r.repositoryName(repository).commitId(id)).commit();
      queue.addAll(c.parents());
    }
    return Optional.of(false);
  }

  /**
   * Fast-forwards {@code targetBranch} to the tip of {@code sourceBranch} (CodeCommit MergeBranchesByFastForward,
   * source and destination given by branch name); returns the target's new tip. Empty when CodeCommit refuses
   * because the target has commits the source lacks (ManualMergeRequiredException: "a fast-forward merge is not
   * possible").
   */
  public Optional<String> fastForward(String repository, String sourceBranch, String targetBranch) {
    try {
      return Optional.of(clients.codeCommit().mergeBranchesByFastForward(r -> r.repositoryName(repository)
          .sourceCommitSpecifier(sourceBranch).destinationCommitSpecifier(targetBranch).targetBranch(targetBranch))
          .commitId());
    } catch (ManualMergeRequiredException e) {
      return Optional.empty();
    }
  }

  /** A new branch at {@code commitId} (CodeCommit CreateBranch). */
  public void createBranch(String repository, String branch, String commitId) {
    clients.codeCommit().createBranch(r -> r.repositoryName(repository).branchName(branch).commitId(commitId));
  }

  /**
   * Copies {@code fromKey} to {@code toKey} in the same bucket (S3 CopyObject); returns the copy's version id in a
   * versioned bucket (CopyObject response {@code x-amz-version-id}), null otherwise.
   */
  public String copyObject(String bucket, String fromKey, String toKey) {
    return clients.s3().copyObject(r -> r.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket)
        .destinationKey(toKey)).versionId();
  }
}
