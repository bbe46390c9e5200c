package org.bgwizard.aws;

import static org.bgwizard.aws.Fixtures.QUICK;
import static org.bgwizard.aws.Fixtures.read;
import static org.bgwizard.aws.Fixtures.stsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

/** Real SDK clients against a loopback fake of STS (query/XML) and ECS (awsJson1_1), with fake keys. */
class AwsClientsHttpTest {
  private final FakeAwsServer server = FakeAwsServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private AwsClients clients(String region) {
    return clients(region, QUICK);
  }

  private AwsClients clients(String region, AwsClientSettings settings) {
    return AwsClients.real(Connection.endpoint(server.endpoint(), null, region), settings,
        TestEnvironment.withFakeKeys(null));
  }

  @Test
  void whoAmI_signsStsRequestForRegionAndService_andReturnsAccountAndArn() {
    server.xml(200, read("sts-get-caller-identity.xml"));
    try (AwsClients aws = clients("eu-west-1")) {
      Identity me = aws.whoAmI();

      assertEquals(new Identity("123456789012", "arn:aws:iam::123456789012:user/bg-learner", false), me);
    }
    String authorization = server.requests().get(0).authorization();
    assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"), authorization);
    assertTrue(authorization.contains("/eu-west-1/sts/aws4_request"), authorization);
    assertTrue(server.requests().get(0).body().contains("Action=GetCallerIdentity"));
  }

  @Test
  void ecs_signsRequestForRegionAndService() {
    server.json(200, read("ecs-list-clusters.json"));
    try (AwsClients aws = clients("ap-northeast-1")) {
      ListClustersResponse clusters = aws.ecs().listClusters();

      assertEquals(List.of("arn:aws:ecs:eu-west-1:123456789012:cluster/bg-demo"), clusters.clusterArns());
    }
    assertTrue(server.requests().get(0).authorization().contains("/ap-northeast-1/ecs/aws4_request"));
  }

  @Test
  void ecsThrottling_isRetried_thenSucceeds() {
    server.json(400, read("ecs-throttling.json")).json(200, read("ecs-list-clusters.json"));
    try (AwsClients aws = clients("eu-west-1")) {
      assertEquals(1, aws.ecs().listClusters().clusterArns().size());
    }
    assertEquals(2, server.requests().size());
  }

  @Test
  void stsThrottling_isRetried_thenSucceeds() {
    server.xml(400, stsError("Throttling", "Rate exceeded")).xml(200, read("sts-get-caller-identity.xml"));
    try (AwsClients aws = clients("eu-west-1")) {
      assertEquals("123456789012", aws.whoAmI().account());
    }
    assertEquals(2, server.requests().size());
  }

  @Test
  void throttling_stopsAfterTheConfiguredAttempts_andIsReportedAsThrottling() {
    server.json(400, read("ecs-throttling.json"));
    var twoAttempts = new AwsClientSettings(QUICK.apiCallTimeout(), QUICK.apiCallAttemptTimeout(), 2,
        QUICK.baseDelay(), QUICK.throttlingBaseDelay(), QUICK.maxBackoff());
    try (AwsClients aws = clients("eu-west-1", twoAttempts)) {
      EcsException e = assertThrows(EcsException.class, () -> aws.ecs().listClusters());

      AwsError error = AwsErrors.describe(e);
      assertTrue(error.throttling());
      assertTrue(error.retryable());
      assertEquals("ThrottlingException", error.code());
    }
    assertEquals(2, server.requests().size());
  }

  @Test
  void accessDenied_isNotRetried_andDescribedWithServiceOperationCodeAndRequestId() {
    server.json(400, read("ecs-access-denied.json"));
    try (AwsClients aws = clients("eu-west-1")) {
      EcsException e = assertThrows(EcsException.class, () -> aws.ecs().listClusters());

      AwsError error = AwsErrors.describe(e);
      assertEquals("Ecs", error.service());
      assertEquals("ListClusters", error.operation());
      assertEquals("AccessDeniedException", error.code());
      assertTrue(error.message().contains("not authorized to perform: ecs:ListClusters"));
      assertEquals("req-1", error.requestId());
      assertEquals(400, error.httpStatus());
      assertFalse(error.retryable());
      assertFalse(error.throttling());
    }
    assertEquals(1, server.requests().size());
  }

  @Test
  void serverError_isRetried() {
    server.json(503, "{\"__type\":\"ServerException\",\"message\":\"Service unavailable\"}")
        .json(200, read("ecs-list-clusters.json"));
    try (AwsClients aws = clients("eu-west-1")) {
      aws.ecs().listClusters();
    }
    assertEquals(2, server.requests().size());
  }

  @Test
  void s3_withEndpointOverride_usesPathStyleBucketAddresses() {
    server.xml(200, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bg-artifacts</Name>"
        + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>");
    try (AwsClients aws = clients("eu-west-1")) {
      aws.s3().listObjectsV2(r -> r.bucket("bg-artifacts"));
    }
    assertEquals("/bg-artifacts", server.requests().get(0).path());
  }

  /**
   * The SDK's own endpoint settings: {@code aws.endpointUrl} / {@code AWS_ENDPOINT_URL} for every service,
   * {@code aws.endpointUrlS3} / {@code AWS_ENDPOINT_URL_S3} for one, the service's first (SDK 2.40.2
   * AwsClientEndpointProvider). System properties stand in for the environment variables here; MainEntryPointTest
   * sets AWS_ENDPOINT_URL itself.
   */
  @Test
  void endpointSetting_sendsEveryCallThere_withPathStyleS3_andMessagesNameIt() {
    server.xml(200, read("sts-get-caller-identity.xml")).xml(200, EMPTY_BUCKET);
    withProperty("aws.endpointUrl", server.endpoint().toString(), () -> {
      try (AwsClients aws = AwsClients.real(Connection.defaultChain("eu-west-1"), QUICK,
          TestEnvironment.withFakeKeys(null))) {
        aws.whoAmI();
        aws.s3().listObjectsV2(r -> r.bucket("bg-artifacts"));

        assertEquals(Optional.of(server.endpoint()), aws.endpointOverride());
      }
    });
    assertEquals("/bg-artifacts", server.requests().get(1).path());
  }

  @Test
  void serviceEndpointSetting_outranksTheGlobalOne_asInTheSdk() throws Exception {
    server.xml(200, EMPTY_BUCKET);
    URI closed = closedPort();
    withProperty("aws.endpointUrl", closed.toString(), () -> withProperty("aws.endpointUrlS3",
        server.endpoint().toString(), () -> {
          try (AwsClients aws = AwsClients.real(Connection.defaultChain("eu-west-1"), QUICK,
              TestEnvironment.withFakeKeys(null))) {
            aws.s3().listObjectsV2(r -> r.bucket("bg-artifacts"));

            assertEquals(Optional.of(closed), aws.endpointOverride());
          }
        }));
    assertEquals("/bg-artifacts", server.requests().get(0).path());
  }

  @Test
  void unreachableEndpointSetting_isNamedInTheProblem() throws Exception {
    URI closed = closedPort();
    withProperty("aws.endpointUrl", closed.toString(), () -> {
      try (AwsClients aws = AwsClients.real(Connection.defaultChain("eu-west-1"), QUICK,
          TestEnvironment.withFakeKeys(null))) {
        ConnectionProblem p = assertThrows(ConnectionProblem.class, aws::whoAmI);

        assertTrue(p.getMessage().startsWith("Could not reach " + closed + " ("), p.getMessage());
      }
    });
  }

  @Test
  void profilesEndpointUrl_isUsed_forThatProfileOnly() {
    server.xml(200, read("sts-get-caller-identity.xml"));
    ProfileFile profiles = ProfileFile.builder().content(new ByteArrayInputStream(("[default]\nregion = eu-west-1\n"
        + "[profile emulator]\nendpoint_url = " + server.endpoint() + "\n").getBytes(StandardCharsets.UTF_8)))
        .type(ProfileFile.Type.CONFIGURATION).build();
    var environment = TestEnvironment.withFakeKeys(null).withProfiles(profiles);
    try (AwsClients aws = AwsClients.real(Connection.profile("emulator", "eu-west-1"), QUICK, environment)) {
      assertEquals("123456789012", aws.whoAmI().account());
    }
    try (AwsClients aws = AwsClients.real(Connection.profile("default", "eu-west-1"), QUICK, environment)) {
      assertEquals(Optional.empty(), aws.endpointOverride());
    }
    assertEquals(1, server.requests().size());
  }

  @Test
  void withoutEndpointSettings_callsGoToAws() {
    try (AwsClients aws = AwsClients.real(Connection.defaultChain("eu-west-1"), QUICK,
        TestEnvironment.withFakeKeys(null))) {
      assertEquals(Optional.empty(), aws.endpointOverride());
    }
  }

  private static final String EMPTY_BUCKET = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
      + "<Name>bg-artifacts</Name><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
      + "</ListBucketResult>";

  private static URI closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  /** Tests run one at a time in this JVM, so a system property set here is seen by no other test. */
  private static void withProperty(String name, String value, Runnable body) {
    String before = System.getProperty(name);
    System.setProperty(name, value);
    try {
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, before);
      }
    }
  }
}
