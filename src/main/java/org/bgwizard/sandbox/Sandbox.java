package org.bgwizard.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bgwizard.sandbox.codebuild.CodeBuildEngine;
import org.bgwizard.sandbox.codebuild.CodeBuildPipelineBuilds;
import org.bgwizard.sandbox.codebuild.SandboxCodeBuildClient;
import org.bgwizard.sandbox.codecommit.CodeCommitEngine;
import org.bgwizard.sandbox.codecommit.SandboxCodeCommitClient;
import org.bgwizard.sandbox.codedeploy.CodeDeployEngine;
import org.bgwizard.sandbox.codedeploy.SandboxCodeDeployClient;
import org.bgwizard.sandbox.codedeploy.SandboxDeployer;
import org.bgwizard.sandbox.codepipeline.CodePipelineEngine;
import org.bgwizard.sandbox.codepipeline.SandboxCodePipelineClient;
import org.bgwizard.sandbox.connections.ConnectionsEngine;
import org.bgwizard.sandbox.connections.SandboxCodeConnectionsClient;
import org.bgwizard.sandbox.core.Faults;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.SandboxSettings;
import org.bgwizard.sandbox.core.SandboxState;
import org.bgwizard.sandbox.core.Sleeper;
import org.bgwizard.sandbox.core.StoreLock;
import org.bgwizard.sandbox.ec2.Ec2Engine;
import org.bgwizard.sandbox.ec2.SandboxEc2Client;
import org.bgwizard.sandbox.ecr.EcrEngine;
import org.bgwizard.sandbox.ecr.SandboxEcrClient;
import org.bgwizard.sandbox.ecs.EcsCodeDeployTaskSets;
import org.bgwizard.sandbox.ecs.EcsEngine;
import org.bgwizard.sandbox.ecs.EcsPipelineTaskDefinitions;
import org.bgwizard.sandbox.ecs.SandboxEcsClient;
import org.bgwizard.sandbox.elb.ElbEngine;
import org.bgwizard.sandbox.elb.ElbLoadBalancing;
import org.bgwizard.sandbox.elb.SandboxElbClient;
import org.bgwizard.sandbox.eventbridge.EventBridgeEngine;
import org.bgwizard.sandbox.eventbridge.SandboxEventBridgeClient;
import org.bgwizard.sandbox.iam.IamEngine;
import org.bgwizard.sandbox.iam.SandboxIamClient;
import org.bgwizard.sandbox.logs.LogsEngine;
import org.bgwizard.sandbox.logs.SandboxLogsClient;
import org.bgwizard.sandbox.s3.S3Engine;
import org.bgwizard.sandbox.s3.SandboxS3Client;
import org.bgwizard.sandbox.secrets.SandboxSecretsManagerClient;
import org.bgwizard.sandbox.secrets.SecretsEngine;
import org.bgwizard.sandbox.secrets.SecretsValues;
import org.bgwizard.sandbox.sns.SandboxSnsClient;
import org.bgwizard.sandbox.sns.SnsEngine;
import org.bgwizard.sandbox.sns.SnsNotifier;
import org.bgwizard.sandbox.sns.SnsState;
import org.bgwizard.sandbox.sts.SandboxStsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
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
  private final SnsEngine snsEngine;
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
  // Engines the tests look into (SandboxInternals); the services reach each other through the ports.
  final ElbEngine elbEngine;
  final EcsEngine ecsEngine;
  final CodeDeployEngine codeDeployEngine;

  /** What the engines ask of each other. */
  final Ports ports = new Ports();

  private Sandbox(SandboxAccount account, boolean fresh) {
    this.account = account;
    this.sts = new SandboxStsClient(account);
    // Engines are constructed here, each registering its Simulated part with the account and assigning the
    // port it implements; a fresh account then gets its defaults (default VPC, …) from the engines.
    this.iamEngine = new IamEngine(account);
    this.iam = new SandboxIamClient(account, iamEngine);
    ports.iamChecks = iamEngine;
    Ec2Engine ec2Engine = new Ec2Engine(account);
    this.ec2 = new SandboxEc2Client(account, ec2Engine);
    ports.network = ec2Engine;
    EventBridgeEngine eventBridgeEngine = new EventBridgeEngine(account, ports);
    this.eventBridge = new SandboxEventBridgeClient(account, eventBridgeEngine);
    ports.events = eventBridgeEngine;
    S3Engine s3Engine = new S3Engine(account, ports);
    this.s3 = new SandboxS3Client(account, s3Engine);
    CodeCommitEngine codeCommitEngine = new CodeCommitEngine(account, ports);
    this.codeCommit = new SandboxCodeCommitClient(account, codeCommitEngine);
    this.connectionsEngine = new ConnectionsEngine(account);
    this.codeConnections = new SandboxCodeConnectionsClient(account, connectionsEngine);
    ports.sources = new S3CodeCommitSources(codeCommitEngine, s3Engine, connectionsEngine);
    this.snsEngine = new SnsEngine(account);
    this.sns = new SandboxSnsClient(account, snsEngine);
    ports.notifier = new SnsNotifier(snsEngine);
    SecretsEngine secretsEngine = new SecretsEngine(account);
    this.secretsManager = new SandboxSecretsManagerClient(account, secretsEngine);
    ports.secrets = new SecretsValues(secretsEngine);
    this.elbEngine = new ElbEngine(account, ports);
    ports.loadBalancing = new ElbLoadBalancing(elbEngine);
    this.ecsEngine = new EcsEngine(account, ports);
    var ecrEngine = new EcrEngine(account);
    var logsEngine = new LogsEngine(account);
    ports.registry = ecrEngine;
    ports.logSink = logsEngine;
    this.elbv2 = new SandboxElbClient(account, elbEngine);
    this.ecs = new SandboxEcsClient(account, ecsEngine);
    this.ecr = new SandboxEcrClient(account, ecrEngine);
    this.logs = new SandboxLogsClient(account, logsEngine);
    ports.taskSets = new EcsCodeDeployTaskSets(ecsEngine);
    ports.taskDefinitions = new EcsPipelineTaskDefinitions(account, ports, ecsEngine);
    this.codeDeployEngine = new CodeDeployEngine(account, ports);
    this.codeDeploy = new SandboxCodeDeployClient(account, codeDeployEngine);
    ports.deployer = new SandboxDeployer(ports, codeDeployEngine);
    // CodeBuild registers before CodePipeline, so a pipeline sees a build's last phase at the instant it ends
    CodeBuildEngine codeBuildEngine = new CodeBuildEngine(account, ports);
    this.codeBuild = new SandboxCodeBuildClient(account, codeBuildEngine);
    ports.builds = new CodeBuildPipelineBuilds(codeBuildEngine);
    CodePipelineEngine codePipelineEngine = new CodePipelineEngine(account, ports);
    this.codePipeline = new SandboxCodePipelineClient(account, codePipelineEngine);
    ports.pipelineStarter = codePipelineEngine;
    ports.ecsServiceDeploys = new org.bgwizard.sandbox.ecs.EcsPipelineDeploys(ecsEngine);
    if (fresh) {
      ec2Engine.seedDefaultNetwork();
      account.save();
    }
  }

  /** A new account kept in memory only. */
  public static Sandbox inMemory(String region, Clock clock) {
    return new Sandbox(new SandboxAccount(SandboxAccount.newState(new AccountState(), ACCOUNT_ID, region,
        DEFAULT_SEED, clock.instant()), clock, Sleeper.NONE, null), true);
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
        SandboxState state = SandboxAccount.readState(store, AccountState.class);
        return new Sandbox(new SandboxAccount(state, clockFrom.apply(state.simTime), sleeper, store), false);
      }
      Clock clock = clockFrom.apply(Clock.systemUTC().instant());
      return new Sandbox(new SandboxAccount(SandboxAccount.newState(new AccountState(), ACCOUNT_ID, regionIfNew,
          DEFAULT_SEED, clock.instant()), clock, sleeper, store), true);
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
   * Simulated, not an API call: the simulated inbox, every e-mail SNS sent to subscribed addresses (subscription
   * confirmations, published messages such as approval requests), oldest first.
   */
  public List<SnsState.Mail> inbox() {
    return account.outsideApi(() -> snsEngine.inbox().all());
  }

  /**
   * Simulated, not an API call: the recipients follow the link of every pending subscription confirmation mail, and
   * the subscriptions become confirmed. Returns their ARNs.
   */
  public List<String> confirmEmailSubscriptions() {
    return account.outsideApi(snsEngine::confirmPendingSubscriptions);
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
