package org.bgwizard.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A simulated AWS account in-process: SDK client implementations sharing one {@link SandboxAccount}.
 * Practice without an AWS bill, and the backbone of the tests. Always labelled as simulated where used.
 */
public final class Sandbox {
  /** The account id AWS's own documentation uses in examples: recognisably not a real account. */
  public static final String ACCOUNT_ID = "123456789012";
  public static final String DEFAULT_REGION = "us-east-1";
  private static final long DEFAULT_SEED = 20261122L;

  private final SandboxAccount account;
  private final StsClient sts;
  final IamEngine iamEngine;
  private final IamClient iam;
  private final Ec2Client ec2;
  private final S3Client s3;
  private final CodeCommitClient codeCommit;
  private final SnsClient sns;
  private final SecretsManagerClient secretsManager;
  private final ElasticLoadBalancingV2Client elbv2;
  private final EcsClient ecs;
  private final EcrClient ecr;
  private final CloudWatchLogsClient logs;
  private final CodeDeployClient codeDeploy;
  private final CodeBuildClient codeBuild;
  private final CodePipelineClient codePipeline;
  private final EventBridgeClient eventBridge;
  private final ConnectionsEngine connectionsEngine;
  private final CodeConnectionsClient codeConnections;
  // Engines other services build on (CodeDeploy: task sets, listener weights, target health).
  final ElbEngine elbEngine;
  final EcsEngine ecsEngine;
  final CodeDeployEngine codeDeployEngine;

  // What the engines ask of each other (see Ports). Engines read these at call time, never cache them, so a
  // test can replace one with a double right after construction.
  Ports.IamChecks iamChecks;
  Ports.Network network;
  Ports.Registry registry;
  Ports.LogSink logSink;
  Ports.Sources sources;
  Ports.Deployer deployer;
  Ports.Secrets secrets;
  Ports.Events events;
  Ports.PipelineStarter pipelineStarter;

  private Sandbox(SandboxAccount account, boolean fresh) {
    this.account = account;
    this.sts = new SandboxStsClient(account);
    // Engines are constructed here, each registering its Simulated part with the account and assigning the
    // port it implements; a fresh account then gets its defaults (default VPC, …) from the engines.
    this.iamEngine = new IamEngine(account);
    this.iam = new SandboxIamClient(account, iamEngine);
    this.iamChecks = iamEngine;
    Ec2Engine ec2Engine = new Ec2Engine(account);
    this.ec2 = new SandboxEc2Client(account, ec2Engine);
    this.network = ec2Engine;
    EventBridgeEngine eventBridgeEngine = new EventBridgeEngine(account, this);
    this.eventBridge = new SandboxEventBridgeClient(account, eventBridgeEngine);
    this.events = eventBridgeEngine;
    S3Engine s3Engine = new S3Engine(account, this);
    this.s3 = new SandboxS3Client(account, s3Engine);
    CodeCommitEngine codeCommitEngine = new CodeCommitEngine(account, this);
    this.codeCommit = new SandboxCodeCommitClient(account, codeCommitEngine);
    this.connectionsEngine = new ConnectionsEngine(account);
    this.codeConnections = new SandboxCodeConnectionsClient(account, connectionsEngine);
    this.sources = new S3CodeCommitSources(codeCommitEngine, s3Engine, connectionsEngine);
    this.sns = new SandboxSnsClient(account, new SnsEngine(account));
    SecretsEngine secretsEngine = new SecretsEngine(account);
    this.secretsManager = new SandboxSecretsManagerClient(account, secretsEngine);
    this.secrets = new SecretsValues(secretsEngine);
    this.elbEngine = new ElbEngine(account, this);
    this.ecsEngine = new EcsEngine(account, this, elbEngine);
    var ecrEngine = new EcrEngine(account);
    var logsEngine = new LogsEngine(account);
    this.registry = ecrEngine;
    this.logSink = logsEngine;
    this.elbv2 = new SandboxElbClient(account, elbEngine);
    this.ecs = new SandboxEcsClient(account, ecsEngine);
    this.ecr = new SandboxEcrClient(account, ecrEngine);
    this.logs = new SandboxLogsClient(account, logsEngine);
    this.codeDeployEngine = new CodeDeployEngine(account, this, ecsEngine, elbEngine);
    this.codeDeploy = new SandboxCodeDeployClient(account, codeDeployEngine, ecsEngine);
    this.deployer = new SandboxDeployer(account, this, ecsEngine, codeDeployEngine);
    // CodeBuild registers before CodePipeline, so a pipeline sees a build's last phase at the instant it ends
    CodeBuildEngine codeBuildEngine = new CodeBuildEngine(account, this);
    this.codeBuild = new SandboxCodeBuildClient(account, codeBuildEngine);
    CodePipelineEngine codePipelineEngine = new CodePipelineEngine(account, this, codeBuildEngine);
    this.codePipeline = new SandboxCodePipelineClient(account, codePipelineEngine);
    this.pipelineStarter = codePipelineEngine;
    if (fresh) {
      ec2Engine.seedDefaultNetwork();
      account.save();
    }
  }

  /** A new account kept in memory only. */
  public static Sandbox inMemory(String region, Clock clock) {
    return new Sandbox(new SandboxAccount(SandboxAccount.newState(ACCOUNT_ID, region, DEFAULT_SEED, clock.instant()),
        clock, Sleeper.NONE, null), true);
  }

  /**
   * The account saved in {@code store}, or a new one there. {@code clockFrom} gets the simulated instant the
   * account had reached, so simulated time resumes where it stopped (the account pauses while the app is
   * closed).
   */
  public static Sandbox open(Path store, String regionIfNew, Function<Instant, Clock> clockFrom, Sleeper sleeper)
      throws IOException {
    // held while reading, so that the account knows which saved version it has (another process may save)
    try (var held = StoreLock.of(store).lock()) {
      if (Files.exists(store)) {
        SandboxState state = SandboxAccount.readState(store);
        return new Sandbox(new SandboxAccount(state, clockFrom.apply(state.simTime), sleeper, store), false);
      }
      Clock clock = clockFrom.apply(Clock.systemUTC().instant());
      return new Sandbox(new SandboxAccount(SandboxAccount.newState(ACCOUNT_ID, regionIfNew, DEFAULT_SEED,
          clock.instant()), clock, sleeper, store), true);
    }
  }

  public SandboxAccount account() {
    return account;
  }

  public Faults faults() {
    return account.faults();
  }

  public StsClient sts() {
    return sts;
  }

  public IamClient iam() {
    return iam;
  }

  public Ec2Client ec2() {
    return ec2;
  }

  public S3Client s3() {
    return s3;
  }

  public CodeCommitClient codeCommit() {
    return codeCommit;
  }

  public SnsClient sns() {
    return sns;
  }

  public SecretsManagerClient secretsManager() {
    return secretsManager;
  }

  public ElasticLoadBalancingV2Client elbv2() {
    return elbv2;
  }

  public EcsClient ecs() {
    return ecs;
  }

  public EcrClient ecr() {
    return ecr;
  }

  public CloudWatchLogsClient logs() {
    return logs;
  }

  public CodeDeployClient codeDeploy() {
    return codeDeploy;
  }

  public CodeBuildClient codeBuild() {
    return codeBuild;
  }

  public CodePipelineClient codePipeline() {
    return codePipeline;
  }

  public EventBridgeClient eventBridge() {
    return eventBridge;
  }

  public CodeConnectionsClient codeConnections() {
    return codeConnections;
  }

  /**
   * Simulated, not an API call: the AWS console's part of a connection handshake (authorising the provider's app in
   * the browser) for every PENDING connection, which become AVAILABLE. Returns their ARNs.
   */
  public List<String> completeConnectionHandshakes() {
    return account.outsideApi(() -> {
      List<String> pending = connectionsEngine.pendingArns();
      pending.forEach(connectionsEngine::completeHandshake);
      return pending;
    });
  }

  /** Simulated, not an API call: a {@code git push} to {@code branch} of {@code owner/repo} at the provider. */
  public String pushToProvider(String fullRepositoryId, String branch, Map<String, String> files, String message) {
    return account.outsideApi(() -> connectionsEngine.push(fullRepositoryId, branch, files, message));
  }

  /**
   * Makes the account a new AWS customer (or not): CodeCommit then refuses to create a first repository
   * ({@link SandboxSettings#codeCommitClosed}). Kept with the account.
   */
  public void newCustomer(boolean closed) {
    account.outsideApi(() -> account.settings().codeCommitClosed = closed);
  }

  public boolean isNewCustomer() {
    return account.outsideApi(() -> account.settings().codeCommitClosed);
  }
}
