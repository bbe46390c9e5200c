package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `status` and `deploy` on the tutorial setup, applied in a simulated account on manual time. */
class AppliedSetupCliTest extends SandboxCliTest {
  /**
   * {@code command} (with {@code deploy}, its verb first in {@code more}) on the setup, in the account file, without
   * {@code --sandbox}: the account file alone chooses the simulated account.
   */
  @Override
  int sandbox(String command, String... more) {
    var args = new ArrayList<>(List.of(command));
    if (command.equals("deploy")) {
      args.add(more[0]);
      more = java.util.Arrays.copyOfRange(more, 1, more.length);
    }
    args.addAll(List.of(setup.toString(), "--sandbox-state", state.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void status_beforeTheSetupExists_listsTheResources_andNoDeployment() {
    assertEquals(0, sandbox("status"), err::toString);
    assertTrue(out.toString().contains("NOT_CREATED codedeploy-deployment-group/DgpECS-demo-cluster-demo-service"),
        out.toString());
    assertFalse(out.toString().contains("Deployment of"), out.toString());
  }

  @Test
  void status_afterApply_listsTheResources_thenTheLiveDeployment() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("status"), err::toString);

    String text = out.toString();
    assertTrue(text.startsWith("Status of demo"), text);
    int deployment = text.indexOf("Deployment of AppECS-demo-cluster-demo-service / DgpECS-demo-cluster-demo-service"
        + "   [Simulated account]");
    assertTrue(deployment > text.indexOf("PRESENT     codedeploy-deployment-group/"), text);
    assertTrue(text.contains("Pipeline demo-pipeline: Source "), text);
    assertTrue(text.matches("(?s).*Production :80 +http://demo-alb-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com:80/\\n.*"),
        text);
  }

  @Test
  void statusWatch_redrawsOnlyTheDeployment() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("status", "--watch", "--times", "1"), err::toString);

    assertTrue(out.toString().startsWith("Deployment of AppECS-demo-cluster-demo-service"), out.toString());
    assertFalse(out.toString().contains("Status of demo"), out.toString());
  }

  @Test
  void deployPractice_commitsABrokenVersion_andStartsThePipeline() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("deploy", "practice", "--behaviour", "UNHEALTHY"), err::toString);

    assertTrue(out.toString().startsWith("released a new version (UNHEALTHY): pipeline run "), out.toString());
    assertEquals(0, sandbox("status", "--watch", "--times", "1"), err::toString);
    assertTrue(out.toString().matches("(?s).*run \\S+  InProgress.*"), out.toString());
  }

  @Test
  void statusWatch_withJsonOrAnIntervalBelowASecond_isAUsageError() {
    assertEquals(2, sandbox("status", "--watch", "--json"));
    assertTrue(err.toString().contains("--watch cannot be combined with --json"), err.toString());
    assertEquals(2, sandbox("status", "--watch", "--interval", "0"));
    assertTrue(err.toString().contains("--interval is whole seconds, at least 1, not 0"), err.toString());
    assertEquals(2, sandbox("deploy", "status", "--watch", "--times", "-1"));
    assertTrue(err.toString().contains("--times is a count, 0 (never stop) or more, not -1"), err.toString());
  }

  @Test
  void statusHelp_documentsWatchIntervalAndTimes() {
    assertEquals(0, run("status", "--help"));
    assertTrue(out.toString().contains("--watch"), out.toString());
    assertTrue(out.toString().contains("--interval=S"), out.toString());
    assertTrue(out.toString().contains("--times=N"), out.toString());
    assertTrue(out.toString().contains("the live deployment"), out.toString());
  }
}
