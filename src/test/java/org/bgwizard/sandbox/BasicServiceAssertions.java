package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Shared checks for the IAM, EC2, S3, CodeCommit, SNS and Secrets Manager sandbox tests. */
public final class BasicServiceAssertions {
  public static final String START = "2026-01-05T09:00:00Z";

  private BasicServiceAssertions() {}

  /** The call fails as the SDK would surface the AWS error: modeled class, error code, message fragment. */
  public static <T extends AwsServiceException> T assertAwsError(Class<T> type, String code, String fragment, Executable call) {
    T e = assertThrows(type, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), "error code");
    if (fragment != null) {
      assertTrue(e.awsErrorDetails().errorMessage().contains(fragment),
          () -> "message '" + e.awsErrorDetails().errorMessage() + "' lacks '" + fragment + "'");
    }
    return e;
  }

  public static Sandbox fresh(ManualClock clock) {
    return Sandbox.inMemory("us-east-1", clock);
  }

  /** Opens (or reopens) an account stored in {@code file}, resuming simulated time where it stopped. */
  public static Sandbox reopen(Path file) throws java.io.IOException {
    return Sandbox.open(file, "us-east-1", t -> Clock.fixed(t, java.time.ZoneOffset.UTC), Sleeper.NONE);
  }
}
