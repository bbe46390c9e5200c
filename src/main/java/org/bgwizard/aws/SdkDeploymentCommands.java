package org.bgwizard.aws;

import org.bgwizard.deploy.DeploymentCommands;
import org.bgwizard.deploy.PipelineView;

/** The dashboard's writes through the SDK clients. */
public final class SdkDeploymentCommands implements DeploymentCommands {
  private final AwsClients clients;

  public SdkDeploymentCommands(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public String startPipeline(String pipeline) {
    return clients.codePipeline().startPipelineExecution(r -> r.name(pipeline)).pipelineExecutionId();
  }

  @Override
  public void answerApproval(String pipeline, PipelineView.Approval approval, boolean approve, String summary) {
    clients.codePipeline().putApprovalResult(r -> r.pipelineName(pipeline).stageName(approval.stage())
        .actionName(approval.action()).token(approval.token())
        .result(x -> x.status(approve ? "Approved" : "Rejected").summary(summary)));
  }

  @Override
  public void continueDeployment(String deploymentId, String waitType) {
    clients.codeDeploy().continueDeployment(r -> r.deploymentId(deploymentId).deploymentWaitType(waitType));
  }

  @Override
  public void stopDeployment(String deploymentId, boolean autoRollback) {
    clients.codeDeploy().stopDeployment(r -> r.deploymentId(deploymentId).autoRollbackEnabled(autoRollback));
  }
}
