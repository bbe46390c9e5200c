package org.bgwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Practice failures, as the simulated account and AWS word them, each diagnosed by its catalogue row. */
class DiagnosisTest {
  private static int row(String text) {
    return Diagnosis.of(text, Locale.ENGLISH).map(Diagnosis::row).orElse(0);
  }

  @Test
  void everyPracticeFailureText_hasItsRow() {
    assertEquals(33, row("Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:"
        + "123456789012:targetgroup/demo-tg-2/0123456789abcdef)"));
    assertEquals(34, row("Essential container in task exited"));
    assertEquals(41, row("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve"
        + " ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/demo:abc1234: 123456789012.dkr.ecr.us-east-1.amazonaws"
        + ".com/demo:abc1234: not found"));
    assertEquals(18, row("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve"
        + " ref docker.io/library/private:latest: pull access denied, repository does not exist or may require"
        + " authorization: server message: insufficient_scope: authorization failed"));
    assertEquals(42, row("Error response from daemon: login attempt to https://123456789012.dkr.ecr.us-east-1"
        + ".amazonaws.com/v2/ failed with status: 400 Bad Request"));
    assertEquals(42, row("Error: Cannot perform an interactive login from a non TTY device"));
    assertEquals(43, row("no basic auth credentials"));
    assertEquals(44, row("denied: requested access to the resource is denied"));
    assertEquals(23, row("denied: User: arn:aws:sts::123456789012:assumed-role/demo-build/x is not authorized to"
        + " perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/demo"));
    assertEquals(21, row("ERROR: failed to solve: nginx:1.27: failed to resolve source metadata for docker.io/library/"
        + "nginx:1.27: toomanyrequests: You have reached your pull rate limit. You may increase the limit by"
        + " authenticating and upgrading: https://www.docker.com/increase-rate-limit"));
    assertEquals(27, row("Phase context status code: YAML_FILE_ERROR Message: did not find expected key"));
    assertEquals(45, row("Phase context status code: CLIENT_ERROR Message: no matching artifact paths found"));
    assertEquals(46, row("ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or"
        + " directory"));
  }

  @Test
  void buildLog_isDiagnosedByItsFirstError_notByThePhasesThatFailedAfterIt() {
    var log = List.of(
        "[Container] 2026/12/07 01:43:48 Running command docker build -t $REPOSITORY_URI:$IMAGE_TAG .",
        "ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory",
        "[Container] 2026/12/07 01:43:48 Phase complete: BUILD State: FAILED",
        "An image does not exist locally with the tag: 123456789012.dkr.ecr.us-east-1.amazonaws.com/demo",
        "[Container] 2026/12/07 01:44:13 Phase context status code: CLIENT_ERROR Message: no matching artifact paths"
            + " found");

    assertEquals(46, Diagnosis.ofLog(log, Locale.ENGLISH).orElseThrow().row());
    assertEquals(Optional.empty(), Diagnosis.ofLog(List.of("Login Succeeded", "Phase complete: BUILD State: SUCCEEDED"),
        Locale.ENGLISH));
  }

  @Test
  void diagnosis_isInJapanese() {
    assertEquals("ソースのルートに Dockerfile をコミットするか、docker build -f PATH でそのパスを渡してください。",
        Diagnosis.of("failed to read dockerfile", Locale.JAPANESE).orElseThrow().fix());
  }
}
