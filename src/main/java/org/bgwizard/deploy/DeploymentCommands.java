package org.bgwizard.deploy;

/** The writes behind the dashboard's buttons, one AWS API call each. */
public interface DeploymentCommands {
  /** CodePipeline StartPipelineExecution; returns the execution id. */
  String startPipeline(String pipeline);

  /** CodePipeline PutApprovalResult. */
  void answerApproval(String pipeline, PipelineView.Approval approval, boolean approve, String summary);

  /** CodeDeploy ContinueDeployment with READY_WAIT or TERMINATION_WAIT. */
  void continueDeployment(String deploymentId, String waitType);

  /** CodeDeploy StopDeployment. */
  void stopDeployment(String deploymentId, boolean autoRollback);
}
