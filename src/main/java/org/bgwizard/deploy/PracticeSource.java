package org.bgwizard.deploy;

import java.util.Map;

/** What {@link Practice} needs of the simulated account: the source repository and the pipeline. */
public interface PracticeSource {
  /** The file's content on the branch's head, null when it has none. */
  String readFile(String repository, String branch, String path);

  /** Commits {@code files} (added or changed) on top of the branch's head; returns the commit id. */
  String commit(String repository, String branch, Map<String, String> files, String message);

  /** StartPipelineExecution; returns the execution id. */
  String startPipeline(String pipeline);

  /** The id of the pipeline's newest execution, null when it has none. */
  String latestRun(String pipeline);
}
