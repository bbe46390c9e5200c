package org.bgwizard.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;
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
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The one place the app gets SDK clients from: one instance per service, built on first use (creating this
 * object builds nothing, so the GUI starts without touching AWS), shared by all threads. A problem with the
 * profile, region or credentials surfaces as a {@link ConnectionProblem} from the first use.
 */
public final class AwsClients implements AutoCloseable {
  private final Connection connection;
  private final Supplier<String> region;
  private final Supplier<String> target;
  private final RealClientSource owner;
  private final Lazy<IamClient> iam;
  private final Lazy<StsClient> sts;
  private final Lazy<Ec2Client> ec2;
  private final Lazy<ElasticLoadBalancingV2Client> elbv2;
  private final Lazy<EcrClient> ecr;
  private final Lazy<CloudWatchLogsClient> logs;
  private final Lazy<EcsClient> ecs;
  private final Lazy<CodeDeployClient> codeDeploy;
  private final Lazy<CodeBuildClient> codeBuild;
  private final Lazy<CodePipelineClient> codePipeline;
  private final Lazy<S3Client> s3;
  private final Lazy<CodeCommitClient> codeCommit;
  private final Lazy<SnsClient> sns;
  private final Lazy<SecretsManagerClient> secretsManager;
  private final Lazy<EventBridgeClient> eventBridge;
  private final Lazy<CodeConnectionsClient> codeConnections;
  private volatile boolean closed;

  private AwsClients(Connection connection, SdkClientSource source, Supplier<String> region, Supplier<String> target,
      RealClientSource owner) {
    this.connection = connection;
    this.region = region;
    this.target = target;
    this.owner = owner;
    iam = new Lazy<>(source::iam);
    sts = new Lazy<>(source::sts);
    ec2 = new Lazy<>(source::ec2);
    elbv2 = new Lazy<>(source::elbv2);
    ecr = new Lazy<>(source::ecr);
    logs = new Lazy<>(source::logs);
    ecs = new Lazy<>(source::ecs);
    codeDeploy = new Lazy<>(source::codeDeploy);
    codeBuild = new Lazy<>(source::codeBuild);
    codePipeline = new Lazy<>(source::codePipeline);
    s3 = new Lazy<>(source::s3);
    codeCommit = new Lazy<>(source::codeCommit);
    sns = new Lazy<>(source::sns);
    secretsManager = new Lazy<>(source::secretsManager);
    eventBridge = new Lazy<>(source::eventBridge);
    codeConnections = new Lazy<>(source::codeConnections);
  }

  /** Real AWS (mode PROFILE) or an emulator (mode ENDPOINT), with the SDK's own credential and region chains. */
  public static AwsClients real(Connection connection, AwsClientSettings settings) {
    return real(connection, settings, AwsEnvironment.sdk());
  }

  static AwsClients real(Connection connection, AwsClientSettings settings, AwsEnvironment environment) {
    if (connection.mode() == Connection.Mode.SANDBOX) {
      throw new IllegalArgumentException("use AwsClients.sandbox for the simulated account");
    }
    var source = new RealClientSource(connection, settings, environment);
    return new AwsClients(connection, source, source::region, source::target, source);
  }

  /** The simulated account's clients; they belong to the sandbox, so {@link #close()} leaves them open. */
  public static AwsClients sandbox(SdkClientSource simulated, String region) {
    return new AwsClients(Connection.sandbox(region), simulated, () -> region, () -> "the Sandbox", null);
  }

  public Connection connection() {
    return connection;
  }

  public boolean simulated() {
    return connection.mode() == Connection.Mode.SANDBOX;
  }

  /** The region calls go to: the connection's, else the SDK chain's (resolving it may throw ConnectionProblem). */
  public String region() {
    return region.get();
  }

  /**
   * The endpoint calls go to when it is not AWS's own: the connection's, or the one the SDK found in
   * {@code AWS_ENDPOINT_URL} and the like (as STS, the first call, resolved it).
   */
  public Optional<URI> endpointOverride() {
    return simulated() ? Optional.empty() : sts().serviceClientConfiguration().endpointOverride();
  }

  /** The first call: STS GetCallerIdentity, with every failure turned into a ConnectionProblem that says what to do. */
  public Identity whoAmI() {
    try {
      GetCallerIdentityResponse me = sts().getCallerIdentity();
      return new Identity(me.account(), me.arn(), simulated());
    } catch (ConnectionProblem e) {
      throw e;
    } catch (RuntimeException e) {
      throw ConnectionProblems.from(e, connection, owner == null ? connection.profileForAdvice()
          : owner.profileForAdvice(), regionOrUnknown(), target.get());
    }
  }

  private String regionOrUnknown() {
    try {
      return region.get();
    } catch (RuntimeException e) {
      return String.valueOf(connection.region());
    }
  }

  public IamClient iam() {
    return open(iam);
  }

  public StsClient sts() {
    return open(sts);
  }

  public Ec2Client ec2() {
    return open(ec2);
  }

  public ElasticLoadBalancingV2Client elbv2() {
    return open(elbv2);
  }

  public EcrClient ecr() {
    return open(ecr);
  }

  public CloudWatchLogsClient logs() {
    return open(logs);
  }

  public EcsClient ecs() {
    return open(ecs);
  }

  public CodeDeployClient codeDeploy() {
    return open(codeDeploy);
  }

  public CodeBuildClient codeBuild() {
    return open(codeBuild);
  }

  public CodePipelineClient codePipeline() {
    return open(codePipeline);
  }

  public S3Client s3() {
    return open(s3);
  }

  public CodeCommitClient codeCommit() {
    return open(codeCommit);
  }

  public SnsClient sns() {
    return open(sns);
  }

  public SecretsManagerClient secretsManager() {
    return open(secretsManager);
  }

  public EventBridgeClient eventBridge() {
    return open(eventBridge);
  }

  public CodeConnectionsClient codeConnections() {
    return open(codeConnections);
  }

  private <T> T open(Lazy<T> client) {
    if (closed) {
      throw new IllegalStateException("AwsClients is closed");
    }
    return client.get();
  }

  /** Closes the clients this object built, then their shared credentials provider. */
  @Override
  public void close() {
    closed = true;
    if (owner == null) {
      return;
    }
    List.<Lazy<? extends SdkClient>>of(iam, sts, ec2, elbv2, ecr, logs, ecs, codeDeploy, codeBuild, codePipeline, s3,
        codeCommit, sns, secretsManager, eventBridge,
        codeConnections).forEach(client -> client.ifBuilt().ifPresent(SdkClient::close));
    owner.close();
  }
}
