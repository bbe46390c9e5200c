package org.bgwizard.aws;

import java.net.URI;
import java.util.Optional;
import java.util.TreeSet;
import org.bgwizard.aws.ConnectionProblem.Kind;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
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
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds real SDK clients, all alike: one credentials provider, the checked region, the URLConnection HTTP
 * client (the only one on the classpath), STANDARD retries, call and attempt timeouts, and the endpoint
 * override when one is set. The profile and region are checked on the first build, never before.
 */
final class RealClientSource implements SdkClientSource, AutoCloseable {
  private final Connection connection;
  private final AwsClientSettings settings;
  private final AwsEnvironment environment;
  private final Lazy<Setup> setup = new Lazy<>(this::prepare);

  private record Setup(Region region, AwsCredentialsProvider credentials, ClientOverrideConfiguration override,
      URI endpoint) {}

  RealClientSource(Connection connection, AwsClientSettings settings, AwsEnvironment environment) {
    this.connection = connection;
    this.settings = settings;
    this.environment = environment;
  }

  String region() {
    return setup.get().region().id();
  }

  /** Where calls go, for messages: the endpoint override, else AWS in the region. */
  String target() {
    return setup.ifBuilt()
        .map(s -> s.endpoint() == null ? "AWS (" + s.region().id() + ")" : s.endpoint().toString())
        .orElseGet(() -> connection.endpoint() == null ? "AWS" : connection.endpoint().toString());
  }

  private Setup prepare() {
    if (connection.profile() != null) {
      var profiles = ConnectionProblems.readProfiles(environment::profileFile).profiles().keySet();
      if (!profiles.contains(connection.profile())) {
        throw new ConnectionProblem(Kind.UNKNOWN_PROFILE, null, connection.profile(),
            profiles.isEmpty() ? "none" : String.join(", ", new TreeSet<>(profiles)));
      }
    }
    String region = Optional.ofNullable(connection.region())
        .or(() -> environment.defaultRegion(connection.profile()))
        .orElseThrow(() -> new ConnectionProblem(Kind.NO_REGION, null, connection.profileForAdvice()));
    if (!Regions.isKnown(region)) {
      throw new ConnectionProblem(Kind.UNKNOWN_REGION, null, region, String.join(", ", Regions.nearest(region, 3)));
    }
    ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
        .retryStrategy(retryStrategy(settings))
        .apiCallTimeout(settings.apiCallTimeout())
        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
        .addExecutionInterceptor(new CallSiteInterceptor())
        .build();
    // AWS_ENDPOINT_URL is applied here rather than left to the SDK, so S3 also gets path-style addresses and
    // messages can name the endpoint. (It then also outranks AWS_ENDPOINT_URL_<SERVICE>, unlike in the SDK.)
    URI endpoint = Optional.ofNullable(connection.endpoint()).or(environment::configuredEndpoint).orElse(null);
    return new Setup(Region.of(region), environment.credentials(connection.profile()), override, endpoint);
  }

  static RetryStrategy retryStrategy(AwsClientSettings s) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(s.maxAttempts())
        .backoffStrategy(BackoffStrategy.exponentialDelay(s.baseDelay(), s.maxBackoff()))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(s.throttlingBaseDelay(), s.maxBackoff()))
        .build();
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    Setup s = setup.get();
    builder.region(s.region())
        .credentialsProvider(s.credentials())
        .overrideConfiguration(s.override())
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (s.endpoint() != null) {
      builder.endpointOverride(s.endpoint());
    }
    return builder.build();
  }

  @Override
  public IamClient iam() {
    return build(IamClient.builder());
  }

  @Override
  public StsClient sts() {
    return build(StsClient.builder());
  }

  @Override
  public Ec2Client ec2() {
    return build(Ec2Client.builder());
  }

  @Override
  public ElasticLoadBalancingV2Client elbv2() {
    return build(ElasticLoadBalancingV2Client.builder());
  }

  @Override
  public EcrClient ecr() {
    return build(EcrClient.builder());
  }

  @Override
  public CloudWatchLogsClient logs() {
    return build(CloudWatchLogsClient.builder());
  }

  @Override
  public EcsClient ecs() {
    return build(EcsClient.builder());
  }

  @Override
  public CodeDeployClient codeDeploy() {
    return build(CodeDeployClient.builder());
  }

  @Override
  public CodeBuildClient codeBuild() {
    return build(CodeBuildClient.builder());
  }

  @Override
  public CodePipelineClient codePipeline() {
    return build(CodePipelineClient.builder());
  }

  /** Emulators serve every bucket from one host, so an overridden endpoint needs path-style bucket URLs. */
  @Override
  public S3Client s3() {
    return build(S3Client.builder().forcePathStyle(setup.get().endpoint() != null));
  }

  @Override
  public CodeCommitClient codeCommit() {
    return build(CodeCommitClient.builder());
  }

  @Override
  public SnsClient sns() {
    return build(SnsClient.builder());
  }

  @Override
  public SecretsManagerClient secretsManager() {
    return build(SecretsManagerClient.builder());
  }

  /** The clients do not own the shared credentials provider (an SSO one holds its own clients): close it here. */
  @Override
  public void close() {
    setup.ifBuilt().map(Setup::credentials).ifPresent(c -> {
      if (c instanceof SdkAutoCloseable closeable) {
        closeable.close();
      }
    });
  }

  @Override
  public CodeConnectionsClient codeConnections() {
    return build(CodeConnectionsClient.builder());
  }
}
