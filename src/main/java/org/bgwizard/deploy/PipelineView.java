package org.bgwizard.deploy;

import java.time.Instant;
import java.util.List;

/** The pipeline: its stages, latest executions, and the manual approval waiting (null when none). */
public record PipelineView(String name, List<Stage> stages, List<Execution> executions, Approval approval) {
  public PipelineView {
    stages = List.copyOf(stages);
    executions = List.copyOf(executions);
  }

  /** A stage and its latest execution's status ("-" when no execution entered it). */
  public record Stage(String name, String status, String executionId) {}

  public record Execution(String id, String status, String revision, Instant startedAt) {}

  /** A manual approval action in progress; the token is what PutApprovalResult needs. */
  public record Approval(String stage, String action, String token) {}

  public record State(List<Stage> stages, Approval approval) {
    public State {
      stages = List.copyOf(stages);
    }
  }

  public boolean active() {
    return executions.stream().anyMatch(e -> e.status().equals("InProgress") || e.status().equals("Stopping"));
  }
}
