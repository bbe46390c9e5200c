package org.bgwizard.sandbox.codepipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ActionRun;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Execution;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Pipeline;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Stage;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.StageRun;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.services.codepipeline.model.ActionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.ApprovalAlreadyCompletedException;
import software.amazon.awssdk.services.codepipeline.model.DuplicatedStopRequestException;
import software.amazon.awssdk.services.codepipeline.model.InvalidApprovalTokenException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotStoppableException;
import software.amazon.awssdk.services.codepipeline.model.StageNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/** StopPipelineExecution and PutApprovalResult on a running execution (CodePipeline API Reference). */
final class PipelineControl {
  private final SandboxAccount account;
  private final CodePipelineEngine engine;

  PipelineControl(SandboxAccount account, CodePipelineEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  Execution stop(String pipelineName, String id, boolean abandon, String reason) {
    Execution e = engine.execution(pipelineName, id);
    if (e.status.equals("Stopping") && !abandon) {
      throw engine.error(DuplicatedStopRequestException.builder(), "DuplicatedStopRequestException",
          "Pipeline execution " + id + " is already being stopped"); // (unv)
    }
    if (!e.status.equals("InProgress") && !e.status.equals("Stopping")) {
      throw engine.error(PipelineExecutionNotStoppableException.builder(), "PipelineExecutionNotStoppableException",
          "Pipeline execution " + id + " cannot be stopped because its status is " + e.status); // (unv)
    }
    e.stopReason = reason;
    e.abandon = abandon;
    e.status = "Stopping";
    e.lastUpdateTime = account.now();
    StageRun run = e.waiting ? null : e.stages.get(engine.stageName(e));
    if (run != null) {
      for (ActionRun a : run.actions) {
        boolean approval = a.token != null;
        if (a.status.equals("InProgress") && (abandon || approval)) {
          abandonAction(a);
        }
      }
    }
    engine.settle(engine.pipeline(pipelineName), e);
    return e;
  }

  static void abandonAction(ActionRun a) {
    a.status = "Abandoned";
    a.dueAt = null;
    a.token = null;
  }

  /** PutApprovalResult; returns when it was answered. */
  Instant approve(String pipelineName, String stageName, String actionName, String token, String status,
      String summary) {
    Pipeline p = engine.pipeline(pipelineName);
    Stage stage = p.stages.stream().filter(s -> s.name.equals(stageName)).findFirst().orElseThrow(() -> engine.error(
        StageNotFoundException.builder(), "StageNotFoundException", "Stage '" + stageName
            + "' does not exist in pipeline '" + pipelineName + "'"));
    stage.actions.stream().filter(a -> a.name.equals(actionName) && a.provider.equals("Manual")).findFirst()
        .orElseThrow(() -> engine.error(ActionNotFoundException.builder(), "ActionNotFoundException",
            "Approval action '" + actionName + "' does not exist in stage '" + stageName + "'")); // (unv)
    if (summary != null && summary.length() > 512 || !List.of("Approved", "Rejected").contains(status)) {
      throw engine.error(ValidationException.builder(), "ValidationException", "1 validation error detected: the result"
          + " needs a status of Approved or Rejected and a summary of at most 512 characters");
    }
    for (Execution e : engine.executions(pipelineName)) {
      StageRun run = e.stages.get(stageName);
      Optional<ActionRun> action = run == null ? Optional.empty()
          : run.actions.stream().filter(a -> a.actionName.equals(actionName)).findFirst();
      if (action.isEmpty() || token == null) {
        continue;
      }
      ActionRun a = action.get();
      if (token.equals(a.token) && a.status.equals("InProgress")) {
        a.status = status.equals("Approved") ? "Succeeded" : "Failed";
        a.summary = summary;
        a.updatedBy = engine.callerArn();
        a.token = null;
        a.dueAt = null;
        a.lastUpdateTime = account.now();
        engine.settle(p, e);
        return account.now();
      }
      if (token.equals(a.externalExecutionId)) {
        throw engine.error(ApprovalAlreadyCompletedException.builder(), "ApprovalAlreadyCompletedException",
            "The approval request has already been answered or has expired"); // (unv)
      }
    }
    throw engine.error(InvalidApprovalTokenException.builder(), "InvalidApprovalTokenException",
        "The approval token " + token + " is not valid for action '" + actionName + "'"); // (unv)
  }
}
