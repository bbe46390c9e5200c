package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply on a simulated new account: ECS's service-linked role is created by the run and propagates for a while
 * (catalogue row 14), and each new security group stays invisible to other calls for a few seconds (row 32).
 */
class NewAccountCliTest {

  @TempDir
  Path dir;
  private Path setup;
  private Path state;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void init() throws Exception {
    setup = dir.resolve("demo.json");
    state = dir.resolve("sandbox").resolve("account.json");
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--out", setup.toString()));
    Sandbox account = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    account.account().settings().ecsServiceLinkedRoleMissing = true;
    account.account().settings().securityGroupVisibilitySeconds = 5;
    account.account().save();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), TestWorkspaces.manualBackend());
  }

  private int sandbox(String command, String... more) {
    var args = new ArrayList<>(List.of(command, setup.toString(), "--sandbox", "--sandbox-state", state.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void apply_onANewAccount_succeedsInOneRun_andSaysWhatItWaitedFor() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    String log = err.toString();
    assertTrue(log.contains("ok ecs-service/demo-service: done"), log);
    assertTrue(log.contains("ecs-cluster/demo-cluster: ecs CreateCluster demo-cluster failed while a new IAM role"
        + " propagates; retrying in"), log);
    assertTrue(log.contains("ec2-security-group/demo-alb: ec2 AuthorizeSecurityGroupIngress demo-alb 80 failed: a"
        + " resource created moments ago is not visible to other calls yet; retrying in"), log);
    assertEquals(0, sandbox("status"), err::toString);
  }
}
