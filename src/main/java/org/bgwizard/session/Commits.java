package org.bgwizard.session;

import java.util.Map;
import java.util.Optional;

/** Changes to a setup's source and runs of its pipeline. */
public interface Commits {
  /** Whether the CodeCommit repository exists. */
  boolean repositoryExists(String repository);

  /** Commits {@code files} on top of {@code branch}; empty when the branch already holds them. */
  Optional<String> commitFiles(String repository, String branch, Map<String, String> files, String message,
      String author);

  /** Puts {@code content} at {@code bucket}/{@code key}; returns the object's version. */
  String upload(String bucket, String key, byte[] content);

  /** The latest run of the pipeline, null when it never ran. */
  String latestRun(String pipeline);

  /** Starts a run of the pipeline; returns its id. */
  String startPipeline(String pipeline);

  /** The commit at the tip of the CodeCommit branch; empty when the branch does not exist. */
  default Optional<String> branchHead(String repository, String branch) {
    throw new UnsupportedOperationException("branchHead");
  }

  /**
   * Whether {@code ancestor} is {@code commit} or one of its ancestors in the CodeCommit repository; empty when it
   * could not be told within a bounded walk.
   */
  default Optional<Boolean> reaches(String repository, String commit, String ancestor) {
    throw new UnsupportedOperationException("reaches");
  }

  /**
   * Fast-forwards {@code targetBranch} to {@code sourceBranch}'s tip; returns the new tip, or empty when the target
   * has commits the source lacks (not a fast-forward).
   */
  default Optional<String> fastForward(String repository, String sourceBranch, String targetBranch) {
    throw new UnsupportedOperationException("fastForward");
  }

  /** Creates {@code branch} at {@code commitId}. */
  default void createBranch(String repository, String branch, String commitId) {
    throw new UnsupportedOperationException("createBranch");
  }

  /** Copies {@code fromKey} to {@code toKey} within {@code bucket}; returns the copy's version (null unversioned). */
  default String copyObject(String bucket, String fromKey, String toKey) {
    throw new UnsupportedOperationException("copyObject");
  }
}
