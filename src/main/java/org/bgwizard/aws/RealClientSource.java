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
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds real SDK clients, all alike: one credentials provider, the checked region, the URLConnection HTTP
 * client (the only one on the classpath), STANDARD retries, call and attempt timeouts, and the connection's
 * endpoint when it has one. Without one the SDK finds the endpoint as every AWS tool does ({@code aws.endpointUrl*},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}; SDK 2.40.2
 * AwsClientEndpointProvider), and the built client says which it chose. The profile and region are checked on the
 * first build, never before.
 */
final class RealClientSource implements SdkClientSource, AutoCloseable {
  private final Connection connection;
  private final AwsClientSettings settings;
  private final AwsEnvironment environment;
  private final Lazy<Setup> setup = new Lazy<>(this::prepare);

  private record Setup(Region region, AwsCredentialsProvider credentials, ClientOverrideConfiguration override) {}

  /** Where STS, the first call, went when it is not AWS's own endpoint. */
  private volatile URI stsEndpoint;

  RealClientSource(Connection connection, AwsClientSettings settings, AwsEnvironment environment) {
    this.connection = connection;
    this.settings = settings;
    this.environment = environment;
  }

  String region() {
    return setup.get().region().id();
  }

  /** Where calls go, for messages: the endpoint STS was sent to, else AWS in the region. */
  String target() {
    return Optional.ofNullable(stsEndpoint).or(() -> Optional.ofNullable(connection.endpoint())).map(URI::toString)
        .orElseGet(() -> setup.ifBuilt().map(s -> "AWS (" + s.region().id() + ")").orElse("AWS"));
  }

  /** The profile to name in advice: the connection's, else the one the SDK's chain reads ({@code AWS_PROFILE}). */
  String profileForAdvice() {
    return connection.profile() != null ? connection.profile() : environment.defaultProfileName();
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
        .orElseThrow(() -> new ConnectionProblem(Kind.NO_REGION, null, profileForAdvice()));
    if (!Regions.isKnown(region)) {
      throw new ConnectionProblem(Kind.UNKNOWN_REGION, null, region, String.join(", ", Regions.nearest(region, 3)));
    }
    ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
        .retryStrategy(retryStrategy(settings))
        .apiCallTimeout(settings.apiCallTimeout())
        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
        .addExecutionInterceptor(new CallSiteInterceptor())
        // the files and profile the SDK reads its other settings from (endpoint_url among them): the connection's,
        // as `aws --profile P` reads P's
        .defaultProfileFileSupplier(environment::profileFile)
        .defaultProfileName(connection.profile())
        .build();
    return new Setup(Region.of(region), environment.credentials(connection.profile()), override);
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
    if (connection.endpoint() != null) {
      builder.endpointOverride(connection.endpoint());
    }
    return builder.build();
  }

  @Override
  public IamClient iam() {
    return build(IamClient.builder());
  }

  @Override
  public StsClient sts() {
    StsClient sts = build(StsClient.builder());
    stsEndpoint = sts.serviceClientConfiguration().endpointOverride().orElse(null);
    return sts;
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

  /** Emulators serve every bucket from one host, so an endpoint other than AWS's needs path-style bucket URLs. */
  @Override
  public S3Client s3() {
    S3Client s3 = build(S3Client.builder());
    if (s3.serviceClientConfiguration().endpointOverride().isEmpty()) {
      return s3;
    }
    s3.close();
    return build(S3Client.builder().forcePathStyle(true));
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

  @Override
  public EventBridgeClient eventBridge() {
    return build(EventBridgeClient.builder());
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
