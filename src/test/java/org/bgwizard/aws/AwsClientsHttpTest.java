package org.bgwizard.aws;

import static org.bgwizard.aws.Fixtures.QUICK;
import static org.bgwizard.aws.Fixtures.read;
import static org.bgwizard.aws.Fixtures.stsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

  @Test
  void sdkEndpointSetting_isUsedLikeAnOverride_includingPathStyleS3() {
    server.xml(200, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bg-artifacts</Name>"
        + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>");
    try (AwsClients aws = AwsClients.real(Connection.profile(null, "eu-west-1"), QUICK,
        TestEnvironment.withFakeKeys(null).withConfiguredEndpoint(server.endpoint()))) {
      aws.s3().listObjectsV2(r -> r.bucket("bg-artifacts"));
    }
    assertEquals("/bg-artifacts", server.requests().get(0).path());
  }
}
