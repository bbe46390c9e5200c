package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.app.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `deploy ACTION FILE` on a simulated account saved mid-deployment, waiting for reroute. */
class DeployCommandTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path setup;
  private Path state;
  private BlueGreenSandbox bg;

  @BeforeEach
  void waitingForReroute() throws Exception {
    state = dir.resolve("sandbox.json");
    bg = BlueGreenSandbox.createIn(state, BlueGreenSandbox.ALL_AT_ONCE, 30, 60);
    bg.deployGood();
    bg.advance(Duration.ofMinutes(5));
    bg.sandbox().account().save();
    setup = dir.resolve("demo.json");
    var spec = SpecDefaults.tutorial("demo", "us-east-1");
    var cd = spec.codeDeploy();
    spec = spec.withPipeline(null).withCodeDeploy(new CodeDeploy(BlueGreenSandbox.APPLICATION, BlueGreenSandbox.GROUP,
        cd.deploymentConfig(), cd.reroute(), cd.rerouteWaitMinutes(), cd.terminationWaitMinutes(), cd.autoRollback()));
    Files.writeString(setup, SpecJson.write(spec));
  }

  private int run(String... args) {
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), TestWorkspaces.manualBackend());
  }

  @Test
  void status_printsTheSnapshot_labelledSimulated() {
    assertEquals(0, run("deploy", "status", setup.toString(), "--sandbox-state", state.toString()), err.toString());
    String text = out.toString();
    assertTrue(text.contains("[Simulated account]"), text);
    assertTrue(text.contains("Ready"), text);
    assertTrue(text.contains("Reroute within 2"), text);
    assertTrue(text.contains("Production :80"), text);
  }

  @Test
  void terminate_whileWaitingForReroute_isRefusedWithTheReason() {
    assertEquals(1, run("deploy", "terminate", setup.toString(), "--sandbox-state", state.toString(), "--yes"));
    assertTrue(err.toString().contains("refused: The original task set can be terminated only"), err.toString());
  }

  @Test
  void reroute_withYes_startsMovingProductionTraffic() {
    assertEquals(0, run("deploy", "reroute", setup.toString(), "--sandbox-state", state.toString(), "--yes"),
        err.toString());
    assertTrue(out.toString().contains("production traffic moves"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("deploy", "status", setup.toString(), "--sandbox-state", state.toString()));
    assertTrue(out.toString().matches("(?s).*BeforeAllowTraffic +(InProgress|Succeeded).*"), out.toString());
    assertEquals(1, run("deploy", "reroute", setup.toString(), "--sandbox-state", state.toString(), "--yes"));
    assertTrue(err.toString().contains("refused: Traffic can be rerouted only while"), err.toString());
  }

  @Test
  void status_showsWhereEachListenerAnswers_andWhichTaskSetAndImageServeIt() {
    assertEquals(0, run("deploy", "status", setup.toString(), "--sandbox-state", state.toString()), err.toString());
    String text = out.toString();
    assertTrue(text.matches("(?s).*Production :80 +http://demo-alb-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com:80/\n"
        + "    -> demo-tg-1 100%  Blue  demo-task:1  public.ecr.aws/nginx/nginx:stable\n.*"), text);
    assertTrue(text.matches("(?s).*Test +:8080 +http://\\S+:8080/\n    -> demo-tg-2 100%  Green  demo-task:2 .*"), text);
  }

  @Test
  void statusWatch_oneRedraw_printsOneBlock() {
    assertEquals(0, run("deploy", "status", setup.toString(), "--sandbox-state", state.toString(), "--watch",
        "--times", "1"), err.toString());
    assertEquals(1, out.toString().split("Deployment of AppECS-demo", -1).length - 1, out.toString());
  }

  @Test
  void watch_withAnAction_isAUsageError() {
    assertEquals(2, run("deploy", "reroute", setup.toString(), "--sandbox-state", state.toString(), "--watch"));
    assertTrue(err.toString().contains("--watch goes with status"), err.toString());
  }

  @Test
  void practice_onARealConnection_isRefused() {
    assertEquals(1, run("deploy", "practice", setup.toString(), "--endpoint", "http://127.0.0.1:9", "--behaviour",
        "UNHEALTHY"));
    assertTrue(err.toString().contains("refused: practice releases are for the simulated account"), err.toString());
  }
}
