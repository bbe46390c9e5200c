package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.sns.model.SnsException;

/** Errors that never reached the loopback server, or that a simulated service raised. */
class AwsErrorsTest {

  @Test
  void connectionFailure_hasNoCode_andIsRetryable() {
    var e = SdkClientException.create("Unable to execute HTTP request: Connection refused",
        new ConnectException("Connection refused"));

    AwsError error = AwsErrors.describe(e);

    assertNull(error.code());
    assertNull(error.requestId());
    assertEquals(0, error.httpStatus());
    assertTrue(error.retryable());
    assertEquals("Unable to execute HTTP request: Connection refused", error.message());
  }

  @Test
  void limitError_isNeitherRetryableNorThrottling() {
    AwsError error = AwsErrors.describe(service(CodeDeployException.builder(), "CodeDeploy", 400,
        "DeploymentLimitExceededException", "The Deployment Group already has an active Deployment."));

    assertEquals("CodeDeploy", error.service());
    assertNull(error.operation());
    assertFalse(error.retryable());
    assertFalse(error.throttling());
  }

  @Test
  void http429_isThrottling_whateverTheCode() {
    AwsError error = AwsErrors.describe(service(SnsException.builder(), "Sns", 429, "Throttled", "Rate exceeded"));

    assertTrue(error.throttling());
    assertTrue(error.retryable());
  }

  @Test
  void wrappedServiceError_isFoundAlongTheCauses() {
    var inner = service(SnsException.builder(), "Sns", 500, "InternalError", "try again");

    AwsError error = AwsErrors.describe(new IllegalStateException("step failed", inner));

    assertEquals("InternalError", error.code());
    assertTrue(error.retryable());
    assertEquals("Sns: InternalError try again (HTTP 500) [request id r-1]", error.toString());
  }

  private static Throwable service(software.amazon.awssdk.awscore.exception.AwsServiceException.Builder builder,
      String service, int status, String code, String message) {
    return builder.statusCode(status).requestId("r-1").message(message)
        .awsErrorDetails(AwsErrorDetails.builder().serviceName(service).errorCode(code).errorMessage(message)
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
        .build();
  }
}
