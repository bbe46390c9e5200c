package org.bgwizard.sandbox.core;

import java.time.Instant;
import org.bgwizard.sandbox.codebuild.CodeBuildState;
import org.bgwizard.sandbox.codecommit.CodeCommitState;
import org.bgwizard.sandbox.codedeploy.CodeDeployState;
import org.bgwizard.sandbox.codepipeline.CodePipelineState;
import org.bgwizard.sandbox.connections.ConnectionsState;
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
 * The whole simulated account as plain data. Everything a restart must keep lives here (and nothing else
 * does): the engines are stateless views over it, so saving this object saves the account.
 */
public final class SandboxState {
  public static final int FORMAT_VERSION = 1;

  public int formatVersion = FORMAT_VERSION;
  public String accountId;
  public String region;
  public long seed;
  public long idCounter;
  /** The simulated instant the account has been advanced to. */
  public Instant simTime;
  public SandboxSettings settings = new SandboxSettings();

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
}
