package org.bgwizard.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
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
  private final ElasticLoadBalancingV2Client elbv2;
  private final EcsClient ecs;
  private final EcrClient ecr;
  private final CloudWatchLogsClient logs;
  // Engines other services build on (CodeDeploy: task sets, listener weights, target health).
  final ElbEngine elbEngine;
  final EcsEngine ecsEngine;

  // What the engines ask of each other (see Ports). Engines read these at call time, never cache them, so a
  // test can replace one with a double right after construction.
  Ports.IamChecks iamChecks;
  Ports.Network network;
  Ports.Registry registry;
  Ports.LogSink logSink;
  Ports.Sources sources;
  Ports.Deployer deployer;

  private Sandbox(SandboxAccount account, boolean fresh) {
    this.account = account;
    this.sts = new SandboxStsClient(account);
    // Engines are constructed here, each registering its Simulated part with the account and assigning the
    // port it implements; a fresh account then gets its defaults (default VPC, …) from the engines.
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
    if (fresh) {
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
    if (Files.exists(store)) {
      SandboxState state = SandboxAccount.readState(store);
      return new Sandbox(new SandboxAccount(state, clockFrom.apply(state.simTime), sleeper, store), false);
    }
    Clock clock = clockFrom.apply(Clock.systemUTC().instant());
    return new Sandbox(new SandboxAccount(SandboxAccount.newState(ACCOUNT_ID, regionIfNew, DEFAULT_SEED,
        clock.instant()), clock, sleeper, store), true);
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
}
