package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.s3.model.S3Exception;

class LookupFailureTest {

  @Test
  void of_takesTheActionFromAwssSentence() {
    String message = "User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform:"
        + " elasticloadbalancing:DescribeListenerAttributes because no identity-based policy allows the"
        + " elasticloadbalancing:DescribeListenerAttributes action";
    var e = ElasticLoadBalancingV2Exception.builder().message(message).statusCode(403).awsErrorDetails(
        AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage(message).serviceName("ElasticLoadBalancingV2")
            .build()).build();

    var failure = LookupFailure.of(e);

    assertEquals(new LookupFailure("AccessDenied", "elasticloadbalancing:DescribeListenerAttributes", message), failure);
    assertEquals("could not look: AccessDenied on elasticloadbalancing:DescribeListenerAttributes", failure.reason());
  }

  @Test
  void of_withoutASentence_namesTheServiceByItsIamPrefix() {
    var e = S3Exception.builder().message("Access Denied").statusCode(403).awsErrorDetails(
        AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("Access Denied").serviceName("S3").build())
        .build();

    assertEquals("could not look: AccessDenied on s3", LookupFailure.of(e).reason());
  }

  @Test
  void of_anUnexpectedError_keepsItsType() {
    var failure = LookupFailure.of(new IllegalStateException("boom"));

    assertEquals("could not look: IllegalStateException: boom", failure.describe());
  }
}
