package org.bgwizard.sandbox;

import org.bgwizard.sandbox.codebuild.CodeBuildState;
import org.bgwizard.sandbox.codecommit.CodeCommitState;
import org.bgwizard.sandbox.codedeploy.CodeDeployState;
import org.bgwizard.sandbox.codepipeline.CodePipelineState;
import org.bgwizard.sandbox.connections.ConnectionsState;
import org.bgwizard.sandbox.core.SandboxState;
import org.bgwizard.sandbox.ec2.Ec2State;
import org.bgwizard.sandbox.ecr.EcrState;
import org.bgwizard.sandbox.ecs.EcsState;
import org.bgwizard.sandbox.elb.ElbState;
import org.bgwizard.sandbox.eventbridge.EventBridgeState;
import org.bgwizard.sandbox.iam.IamState;
import org.bgwizard.sandbox.logs.LogsState;
import org.bgwizard.sandbox.s3.S3State;
import org.bgwizard.sandbox.secrets.SecretsState;
import org.bgwizard.sandbox.sns.SnsState;

/**
 * The simulated account as it is saved: the core's part ({@link SandboxState}) and every service's state, one
 * public field each. The field names are the saved file's keys (the account file format, version
 * {@link SandboxState#FORMAT_VERSION}): renaming one breaks the accounts already saved.
 */
public final class AccountState extends SandboxState {
  public IamState iam = new IamState();
  public Ec2State ec2 = new Ec2State();
  public ElbState elb = new ElbState();
  public EcrState ecr = new EcrState();
  public LogsState logs = new LogsState();
  public EcsState ecs = new EcsState();
  public CodeDeployState codeDeploy = new CodeDeployState();
  public CodeBuildState codeBuild = new CodeBuildState();
  public CodePipelineState codePipeline = new CodePipelineState();
  public S3State s3 = new S3State();
  public CodeCommitState codeCommit = new CodeCommitState();
  public SnsState sns = new SnsState();
  public SecretsState secrets = new SecretsState();
  public EventBridgeState eventBridge = new EventBridgeState();
  public ConnectionsState codeConnections = new ConnectionsState();

  @Override
  public <T> T service(Class<T> type) {
    for (Object s : new Object[] {iam, ec2, elb, ecr, logs, ecs, codeDeploy, codeBuild, codePipeline, s3, codeCommit,
        sns, secrets, eventBridge, codeConnections}) {
      if (s != null && s.getClass() == type) {
        return type.cast(s);
      }
    }
    throw new IllegalArgumentException("the simulated account holds no state of type " + type.getName());
  }
}
