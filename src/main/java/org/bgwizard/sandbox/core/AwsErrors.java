package org.bgwizard.sandbox.core;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Builds exceptions exactly as the SDK would surface them from a real response. */
final class AwsErrors {
  private AwsErrors() {}

  static AwsServiceException build(AwsServiceException.Builder builder, Service service, int status, String code,
      String message, String requestId) {
    return builder
        .message(message)
        .statusCode(status)
        .requestId(requestId)
        .awsErrorDetails(AwsErrorDetails.builder()
            .errorCode(code)
            .errorMessage(message)
            .serviceName(service.sdkName())
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
            .build())
        .build();
  }
}
