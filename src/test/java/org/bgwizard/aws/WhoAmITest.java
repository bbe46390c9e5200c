package org.bgwizard.aws;

import static org.bgwizard.aws.Fixtures.QUICK;
import static org.bgwizard.aws.Fixtures.stsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bgwizard.aws.ConnectionProblem.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;

/** The first call's failures, each mapped to its own ConnectionProblem with what to do. */
class WhoAmITest {
  private final FakeAwsServer server = FakeAwsServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private ConnectionProblem problem(Connection connection, AwsEnvironment environment) {
    return problem(connection, QUICK, environment);
  }

  private ConnectionProblem problem(Connection connection, AwsClientSettings settings, AwsEnvironment environment) {
    try (AwsClients aws = AwsClients.real(connection, settings, environment)) {
      return assertThrows(ConnectionProblem.class, aws::whoAmI);
    }
  }

  private Connection viaServer(String profile) {
    return Connection.endpoint(server.endpoint(), profile, "eu-west-1");
  }

  @Test
  void noCredentials_saysHowToGetThem_andSendsNothing(@TempDir Path dir) throws Exception {
    ConnectionProblem p = problem(viaServer(null), TestEnvironment.withoutCredentials(dir));

    assertEquals(Kind.NO_CREDENTIALS, p.kind());
    assertEquals("No AWS credentials found. Run `aws configure`, or `aws sso login --profile default`, "
        + "or choose the Sandbox.", p.getMessage());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void expiredSsoSession_saysToLogInAgain() {
    AwsCredentialsProvider expired = () -> {
      throw ExpiredTokenException.builder().message("The SSO session associated with this profile has expired or is "
          + "otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.").build();
    };
    ProfileFile profiles = profiles("[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\n");
    ConnectionProblem p = problem(viaServer("dev"),
        TestEnvironment.withFakeKeys(null).withCredentials(expired).withProfiles(profiles));

    assertEquals(Kind.SSO_EXPIRED, p.kind());
    assertTrue(p.getMessage().contains("`aws sso login --profile dev`"), p.getMessage());
  }

  /**
   * A profile of the legacy form (sso_start_url in the profile, no sso_session) whose start URL has never been signed
   * in to: the SDK looks for ~/.aws/sso/cache/<sha1 of the URL>.json and finds no file. The URL is made up, so no
   * cache of this machine has it.
   */
  @Test
  void legacySsoProfile_neverSignedIn_saysToRunSsoLogin(@TempDir Path dir) throws Exception {
    ConnectionProblem p = ssoProblem(dir, "[profile legacy]\nsso_start_url = https://bgwizard-test-never-signed-in"
        + ".awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Dev\n",
        "legacy");

    assertEquals(Kind.SSO_NOT_SIGNED_IN, p.kind());
    assertEquals("Profile legacy signs in with IAM Identity Center (SSO), and this computer has not signed in to it "
        + "yet. Run `aws sso login --profile legacy`, then try again.", p.getMessage());
    assertTrue(p.message(java.util.Locale.JAPANESE).contains("`aws sso login --profile legacy`"));
    assertTrue(server.requests().isEmpty());
  }

  /** --aws with AWS_PROFILE naming such a profile: the advice names it too, not "default". */
  @Test
  void legacySsoProfile_fromAwsProfile_neverSignedIn_isNamedInTheAdvice(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("config"), "[profile legacy]\nsso_start_url = https://bgwizard-test-"
        + "never-signed-in.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111122223333\n"
        + "sso_role_name = Dev\n");
    ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CONFIGURATION).build();
    AwsEnvironment fake = TestEnvironment.withFakeKeys("eu-west-1").withProfiles(profiles).withCredentials(
        ProfileCredentialsProvider.builder().profileFile(profiles).profileName("legacy").build());
    AwsEnvironment awsProfileLegacy = new AwsEnvironment() {
      @Override
      public ProfileFile profileFile() {
        return fake.profileFile();
      }

      @Override
      public AwsCredentialsProvider credentials(String profile) {
        return fake.credentials(profile);
      }

      @Override
      public String defaultProfileName() {
        return "legacy";
      }

      @Override
      public java.util.Optional<String> defaultRegion(String profile) {
        return fake.defaultRegion(profile);
      }
    };

    ConnectionProblem p = problem(Connection.defaultChain(null), awsProfileLegacy);

    assertEquals(Kind.SSO_NOT_SIGNED_IN, p.kind());
    assertTrue(p.getMessage().contains("`aws sso login --profile legacy`"), p.getMessage());
  }

  @Test
  void ssoSessionProfile_neverSignedIn_saysToRunSsoLogin(@TempDir Path dir) throws Exception {
    ConnectionProblem p = ssoProblem(dir, "[profile work]\nsso_session = corp\nsso_account_id = 111122223333\n"
        + "sso_role_name = Dev\n[sso-session corp]\nsso_start_url = https://bgwizard-test-never-signed-in.awsapps.com"
        + "/start\nsso_region = us-east-1\n", "work");

    assertEquals(Kind.SSO_NOT_SIGNED_IN, p.kind());
    assertTrue(p.getMessage().contains("`aws sso login --profile work`"), p.getMessage());
  }

  /** The profile's credentials as the SDK resolves them from a config file of the test's. */
  private ConnectionProblem ssoProblem(Path dir, String config, String profile) throws Exception {
    Path file = Files.writeString(dir.resolve("config"), config);
    ProfileFile profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CONFIGURATION).build();
    AwsCredentialsProvider sso = ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile)
        .build();
    return problem(viaServer(profile), TestEnvironment.withFakeKeys(null).withProfiles(profiles).withCredentials(sso));
  }

  @Test
  void defaultChain_withoutCredentials_saysWhereTheChainLooks(@TempDir Path dir) throws Exception {
    ConnectionProblem p = problem(Connection.defaultChain("eu-west-1"), TestEnvironment.withoutCredentials(dir));

    assertEquals(Kind.NO_DEFAULT_CREDENTIALS, p.kind());
    assertTrue(p.getMessage().contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"), p.getMessage());
  }

  static Stream<Arguments> credentialFailures() {
    return Stream.of(
        Arguments.of(SdkClientException.create("Token is expired"), Kind.SSO_EXPIRED),
        Arguments.of(UnauthorizedException.builder().message("Session token not found or invalid").build(),
            Kind.SSO_EXPIRED),
        Arguments.of(SdkClientException.create("Profile file contained no credentials for profile 'dev': "
            + "ProfileFile(sections=[profiles])"), Kind.NO_CREDENTIALS),
        Arguments.of(SdkClientException.create("Unable to load credentials from system settings. Access key must be "
            + "specified either via environment variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId)."),
            Kind.NO_CREDENTIALS),
        Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers in the chain "
            + "AwsCredentialsProviderChain(credentialsProviders=[EnvironmentVariableCredentialsProvider(), "
            + "ProfileCredentialsProvider(profileName=legacy)]) : [EnvironmentVariableCredentialsProvider(): Unable to "
            + "load credentials from system settings. Access key must be specified either via environment variable "
            + "(AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId)., ProfileCredentialsProvider(profileName=legacy"
            + "): java.nio.file.NoSuchFileException: /home/u/.aws/sso/cache/924d77dcec3de0e0d4622d9c9b5cd47d67600ada"
            + ".json]"), Kind.SSO_NOT_SIGNED_IN),
        Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers in the chain "
            + "… ProfileCredentialsProvider(profileName=legacy): java.nio.file.NoSuchFileException: C:\\Users\\u\\.aws"
            + "\\sso\\cache\\924d77dcec3de0e0d4622d9c9b5cd47d67600ada.json]"), Kind.SSO_NOT_SIGNED_IN),
        Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers in the chain "
            + "… ProfileCredentialsProvider(profileName=ops): java.nio.file.NoSuchFileException: /home/u/.aws/"
            + "credentials-helper.json]"), Kind.NO_CREDENTIALS),
        Arguments.of(new IllegalStateException("Source profile 'base' could not be loaded"), Kind.OTHER));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("credentialFailures")
  void credentialsFailure_isMappedToItsKind_andSendsNothing(RuntimeException failure, Kind kind) {
    AwsCredentialsProvider failing = () -> {
      throw failure;
    };

    ConnectionProblem p = problem(viaServer(null), TestEnvironment.withFakeKeys(null).withCredentials(failing));

    assertEquals(kind, p.kind(), p.getMessage());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void unknownProfile_listsTheKnownOnes_beforeBuildingAnything() {
    ProfileFile profiles = profiles("[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-1\n");
    ConnectionProblem p = problem(Connection.profile("prod", "eu-west-1"),
        TestEnvironment.withFakeKeys(null).withProfiles(profiles));

    assertEquals(Kind.UNKNOWN_PROFILE, p.kind());
    assertTrue(p.getMessage().startsWith("There is no AWS profile named prod (known: default, dev)."), p.getMessage());
  }

  @Test
  void malformedConfigFile_namesTheLine() {
    ConnectionProblem p = problem(Connection.profile("dev", "eu-west-1"),
        TestEnvironment.withFakeKeys(null).withProfiles(() -> profiles("region = eu-west-1\n")));

    assertEquals(Kind.PROFILE_FILE_INVALID, p.kind());
    assertTrue(p.getMessage().startsWith("The AWS config or credentials file cannot be read: Expected a profile "
        + "definition on line 1."), p.getMessage());
  }

  @Test
  void malformedFile_foundByTheSdksCredentialsChain_isAProfileFileProblem() {
    AwsCredentialsProvider parsing = () -> {
      profiles("[default\n"); // the SDK's parser throws here, as in the default chain reading such a file
      throw new AssertionError("the profile file parsed");
    };
    ConnectionProblem p = problem(viaServer(null), TestEnvironment.withFakeKeys(null).withCredentials(parsing));

    assertEquals(Kind.PROFILE_FILE_INVALID, p.kind());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void unknownRegion_namesTheNearestRealOnes() {
    ConnectionProblem p = problem(Connection.profile(null, "eu-west-9"), TestEnvironment.withFakeKeys(null));

    assertEquals(Kind.UNKNOWN_REGION, p.kind());
    assertEquals("eu-west-9 is not a region this version of the AWS SDK knows. Did you mean eu-west-1, eu-west-2, "
        + "eu-west-3?", p.getMessage());
  }

  @Test
  void noRegionAnywhere_saysWhereToSetOne() {
    ConnectionProblem p = problem(Connection.profile(null, null), TestEnvironment.withFakeKeys(null));

    assertEquals(Kind.NO_REGION, p.kind());
  }

  @Test
  void regionFromTheChain_isUsedWhenTheConnectionHasNone() {
    server.xml(200, Fixtures.read("sts-get-caller-identity.xml"));
    try (AwsClients aws = AwsClients.real(Connection.endpoint(server.endpoint(), null, null), QUICK,
        TestEnvironment.withFakeKeys("ca-central-1"))) {
      aws.whoAmI();
      assertEquals("ca-central-1", aws.region());
    }
    assertTrue(server.requests().get(0).authorization().contains("/ca-central-1/sts/aws4_request"));
  }

  @Test
  void closedPort_isAnUnreachableEndpoint_namingTheUrl() throws Exception {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    ConnectionProblem p = problem(Connection.endpoint(closed, null, "eu-west-1"), TestEnvironment.withFakeKeys(null));

    assertEquals(Kind.ENDPOINT_UNREACHABLE, p.kind());
    assertTrue(p.getMessage().startsWith("Could not reach " + closed + " (ConnectException"), p.getMessage());
  }

  @Test
  void noAnswerWithinTheCallTimeout_isAnUnreachableEndpoint() {
    CountDownLatch release = new CountDownLatch(1);
    server.beforeAnswer(() -> await(release));
    server.xml(200, Fixtures.read("sts-get-caller-identity.xml"));
    var impatient = new AwsClientSettings(Duration.ofMillis(400), Duration.ofMillis(150), 3,
        Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5));
    try {
      ConnectionProblem p = problem(viaServer(null), impatient, TestEnvironment.withFakeKeys(null));

      assertEquals(Kind.ENDPOINT_UNREACHABLE, p.kind());
    } finally {
      release.countDown();
    }
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(400, "ExpiredToken", "The security token included in the request is expired", Kind.TOKEN_EXPIRED),
        Arguments.of(400, "ExpiredTokenException", "Token expired", Kind.TOKEN_EXPIRED),
        Arguments.of(403, "InvalidClientTokenId", "The security token included in the request is invalid.",
            Kind.INVALID_CLIENT_TOKEN),
        Arguments.of(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method.", Kind.SIGNATURE_MISMATCH),
        Arguments.of(403, "SignatureDoesNotMatch", "Signature expired: 20240101T000000Z is now earlier than "
            + "20240101T001000Z (20240101T001500Z - 5 min.)", Kind.CLOCK_SKEW),
        Arguments.of(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/x is not authorized to perform: "
            + "sts:GetCallerIdentity with an explicit deny in a service control policy", Kind.ACCESS_DENIED),
        Arguments.of(403, "RegionDisabledException", "STS is not activated in this region for account:123456789012.",
            Kind.REGION_DISABLED),
        Arguments.of(400, "ValidationError", "1 validation error detected", Kind.OTHER));
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @MethodSource("answers")
  void awsAnswer_isMappedToItsKind(int status, String code, String message, Kind kind) {
    server.xml(status, stsError(code, message));

    ConnectionProblem p = problem(viaServer("dev"), TestEnvironment.withFakeKeys(null)
        .withProfiles(profiles("[profile dev]\nregion = eu-west-1\n")));

    assertEquals(kind, p.kind(), p.getMessage());
  }

  @Test
  void expiredToken_pointsAtSsoLoginForTheProfile() {
    server.xml(400, stsError("ExpiredToken", "The security token included in the request is expired"));

    ConnectionProblem p = problem(viaServer("dev"), TestEnvironment.withFakeKeys(null)
        .withProfiles(profiles("[profile dev]\nregion = eu-west-1\n")));

    assertTrue(p.getMessage().contains("`aws sso login --profile dev`"), p.getMessage());
  }

  @Test
  void otherAnswer_keepsAwsCodeMessageAndRequestId() {
    server.xml(400, stsError("ValidationError", "1 validation error detected"));

    ConnectionProblem p = problem(viaServer(null), TestEnvironment.withFakeKeys(null));

    assertEquals("AWS answered ValidationError: 1 validation error detected "
        + "(request id c6104cbe-af31-11e0-8154-cbc7ccf896c7).", p.getMessage());
  }

  private static ProfileFile profiles(String config) {
    return ProfileFile.builder().content(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)))
        .type(ProfileFile.Type.CONFIGURATION).build();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
