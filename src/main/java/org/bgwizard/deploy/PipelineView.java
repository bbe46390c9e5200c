package org.bgwizard.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline: its stages, latest executions, the manual approval waiting (null when none), and the action whose
 * latest execution failed, with what the failure catalogue says of it (null when none failed).
 */
public record PipelineView(String name, List<Stage> stages, List<Execution> executions, Approval approval,
    Failure failure) {
  public PipelineView {
    stages = List.copyOf(stages);
    executions = List.copyOf(executions);
  }

  /** The run whose approval is waiting (the approval stage's latest execution), when listed. */
  public Optional<Execution> approvalRun() {
    return approval == null ? Optional.empty() : stages.stream().filter(s -> s.name().equals(approval.stage()))
        .map(Stage::executionId).filter(id -> id != null).findFirst()
        .flatMap(id -> executions.stream().filter(e -> e.id().equals(id)).findFirst());
  }

  /**
   * Newer runs still in progress than the one whose approval waits: in the default SUPERSEDED mode a newer run waits
   * outside the stage the older one holds, and enters it once that run leaves it, approved or rejected (CodePipeline
   * User Guide, "How pipeline executions are processed" and "Set or change the pipeline execution mode").
   */
  public List<Execution> waitingBehindApproval() {
    var run = approvalRun();
    if (run.isEmpty()) {
      return List.of();
    }
    return executions.stream().filter(e -> "InProgress".equals(e.status()) && !e.id().equals(run.get().id())
        && e.startedAt() != null && run.get().startedAt() != null && e.startedAt().isAfter(run.get().startedAt()))
        .toList();
  }

  /** A stage and its latest execution's status ("-" when no execution entered it). */
  public record Stage(String name, String status, String executionId) {}

  public record Execution(String id, String status, String revision, Instant startedAt) {}

  /** A manual approval action in progress; the token is what PutApprovalResult needs. */
  public record Approval(String stage, String action, String token) {}

  /**
   * An action whose latest execution failed: its error text, and what ran it ({@code externalId}: a CodeBuild build's
   * ID, a CodeDeploy deployment's); {@code diagnosis} matches the build's log lines, else the error text.
   */
  public record Failure(String stage, String action, String message, String externalId,
      Optional<Diagnosis> diagnosis) {
    public Failure withDiagnosis(Optional<Diagnosis> found) {
      return new Failure(stage, action, message, externalId, found);
    }
  }

  public record State(List<Stage> stages, Approval approval, Failure failure) {
    public State {
      stages = List.copyOf(stages);
    }
  }

  /**
   * The newest run has finished its stages so far and waits to enter a stage an older run still holds: in the
   * default SUPERSEDED mode one run at a time is in a stage, and a newer one waits at the stage's entry (CodePipeline
   * User Guide, "How pipeline executions are processed"). Executions are newest first, as ListPipelineExecutions
   * returns them.
   */
  public boolean newestWaitsForOlderRun() {
    if (executions.isEmpty() || !executions.get(0).status().equals("InProgress")) {
      return false;
    }
    String newest = executions.get(0).id();
    boolean newestRunsAStage = stages.stream()
        .anyMatch(s -> newest.equals(s.executionId()) && s.status().equals("InProgress"));
    boolean olderHoldsAStage = stages.stream()
        .anyMatch(s -> s.executionId() != null && !newest.equals(s.executionId()) && s.status().equals("InProgress"));
    return !newestRunsAStage && olderHoldsAStage;
  }

  public boolean active() {
    return executions.stream().anyMatch(e -> e.status().equals("InProgress") || e.status().equals("Stopping"));
  }
}
