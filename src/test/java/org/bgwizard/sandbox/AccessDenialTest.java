package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Service;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codecommit.model.CodeCommitException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.s3.model.S3Exception;

class AccessDenialTest {
  private final Sandbox sandbox = Sandbox.inMemory("us-east-1", ManualClock.startingAt("2026-01-01T00:00:00Z"));

  @Test
  void deny_codeCommitGetRepository_answersAccessDeniedExceptionNamingTheAction_otherCallsStillWork() {
    sandbox.faults().deny(Service.CODECOMMIT, "GetRepository");

    var e = assertThrows(CodeCommitException.class, () -> sandbox.codeCommit().getRepository(r -> r.repositoryName("x")));

    assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertEquals("User: arn:aws:iam::123456789012:user/sandbox-learner is not authorized to perform:"
        + " codecommit:GetRepository because no identity-based policy allows the codecommit:GetRepository action",
        e.awsErrorDetails().errorMessage());
    assertFalse(e.isThrottlingException());
    sandbox.codeCommit().listRepositories(r -> { });
  }

  @Test
  void deny_lastsUntilCleared() {
    sandbox.faults().deny(Service.CODECOMMIT, null);
    assertThrows(CodeCommitException.class, () -> sandbox.codeCommit().listRepositories(r -> { }));
    assertThrows(CodeCommitException.class, () -> sandbox.codeCommit().listRepositories(r -> { }));

    sandbox.faults().clear();

    sandbox.codeCommit().listRepositories(r -> { });
  }

  @Test
  void deny_ec2AndS3_useTheirOwnCodes() {
    sandbox.faults().deny(Service.EC2, "DescribeVpcs").deny(Service.S3, null);

    var ec2 = assertThrows(Ec2Exception.class, () -> sandbox.ec2().describeVpcs(r -> { }));
    assertEquals("UnauthorizedOperation", ec2.awsErrorDetails().errorCode());
    assertEquals(403, ec2.statusCode());
    var s3 = assertThrows(S3Exception.class, () -> sandbox.s3().listBuckets());
    assertEquals("AccessDenied", s3.awsErrorDetails().errorCode());
    assertEquals("Access Denied", s3.awsErrorDetails().errorMessage());
  }
}
