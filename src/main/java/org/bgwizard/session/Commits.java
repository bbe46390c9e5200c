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
}
