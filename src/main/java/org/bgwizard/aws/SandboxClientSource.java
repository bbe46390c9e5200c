package org.bgwizard.aws;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Sleeper;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The simulated account as a source of SDK clients, so everything above {@code aws} runs on it unchanged. */
public final class SandboxClientSource implements SdkClientSource {
  private final Sandbox sandbox;

  public SandboxClientSource(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** The account saved in {@code state} (or a new one there), on the clock {@code clockFrom} makes of its time. */
  public static AwsClients open(Path state, String region, Function<Instant, Clock> clockFrom) throws IOException {
    Sandbox sandbox = Sandbox.open(state, region, clockFrom, Sleeper.NONE);
    return AwsClients.sandbox(new SandboxClientSource(sandbox), region);
  }

  @Override
  public IamClient iam() {
    return sandbox.iam();
  }

  @Override
  public StsClient sts() {
    return sandbox.sts();
  }

  @Override
  public Ec2Client ec2() {
    return sandbox.ec2();
  }

  @Override
  public ElasticLoadBalancingV2Client elbv2() {
    return sandbox.elbv2();
  }

  @Override
  public EcrClient ecr() {
    return sandbox.ecr();
  }

  @Override
  public CloudWatchLogsClient logs() {
    return sandbox.logs();
  }

  @Override
  public EcsClient ecs() {
    return sandbox.ecs();
  }

  @Override
  public CodeDeployClient codeDeploy() {
    return sandbox.codeDeploy();
  }

  @Override
  public CodeBuildClient codeBuild() {
    return sandbox.codeBuild();
  }

  @Override
  public CodePipelineClient codePipeline() {
    return sandbox.codePipeline();
  }

  @Override
  public S3Client s3() {
    return sandbox.s3();
  }

  @Override
  public CodeCommitClient codeCommit() {
    return sandbox.codeCommit();
  }

  @Override
  public SnsClient sns() {
    return sandbox.sns();
  }

  @Override
  public SecretsManagerClient secretsManager() {
    return sandbox.secretsManager();
  }

  @Override
  public EventBridgeClient eventBridge() {
    return sandbox.eventBridge();
  }

  public CodeConnectionsClient codeConnections() {
    return sandbox.codeConnections();
  }
}
