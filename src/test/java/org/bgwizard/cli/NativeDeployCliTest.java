package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.NativeEcsFake;
import org.bgwizard.aws.RoutingAwsServer;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.aws.SdkServiceDeployments;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.session.Commits;
import org.bgwizard.session.Monitoring;
import org.bgwizard.session.Session;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.setup.Strategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy status|approve|rollback} of an ecs-native setup through the CLI entry point, the session's SDK clients
 * sending every call to a loopback fake of ECS and ELB with one deployment paused before production traffic.
 */
class NativeDeployCliTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1765000400), ZoneOffset.UTC);
  @TempDir
  Path dir;
  private Path setup;
  private final RoutingAwsServer server = RoutingAwsServer.start();
  private final NativeEcsFake ecs = new NativeEcsFake(server);
  private final AwsClients clients = server.clients("us-east-1");
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void writeSetup() throws Exception {
    var spec = SpecDefaults.tutorial("demo", "us-east-1").withStrategy(Strategy.ECS_NATIVE).withCodeDeploy(null)
        .withEcsNative(new EcsNative(EcsNative.Shift.BLUE_GREEN, null, null, 10, true, 60,
            EcsNative.TimeoutAction.ROLLBACK, new Roles.RoleRef("demo-ecs-infrastructure", null), 60));
    setup = dir.resolve("demo.json");
    Files.writeString(setup, SpecJson.write(spec));
  }

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  private int deploy(String verb, String... more) {
    out = new StringWriter();
    err = new StringWriter();
    var args = new java.util.ArrayList<>(List.of("deploy", verb, setup.toString(), "--endpoint",
        server.endpoint().toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
        connection -> new LoopbackSession());
  }

  @Test
  void status_showsTheTimelineThePauseCountdownWeightsAndHistory() {
    assertEquals(0, deploy("status"), err::toString);

    String text = out.toString();
    assertTrue(text.startsWith("Deployment of demo-cluster / demo-service"), text);
    assertTrue(text.contains("ECS blue/green: BLUE_GREEN, bake time 10 min, pause before production (times out"
        + " after 60 min: ROLLBACK)"), text);
    assertTrue(text.contains("Deployment Ab12Cd34  IN_PROGRESS"), text);
    assertTrue(text.contains("[x] POST_TEST_TRAFFIC_SHIFT"), text);
    assertTrue(text.contains("[||] PRE_PRODUCTION_TRAFFIC_SHIFT"), text);
    assertTrue(text.contains("[ ] BAKE_TIME"), text);
    assertTrue(text.contains("approve or roll back within 58m 20s, or ECS will ROLLBACK (hook "
        + NativeEcsFake.HOOK + ")"), text);
    assertTrue(text.contains("Production :80"), text);
    assertTrue(text.contains("-> demo-tg-1 100%"), text);
    assertTrue(text.contains(NativeText.NO_TERMINATE), text);
    assertTrue(text.contains("History\n  Zz98Yy76  SUCCESSFUL"), text);
  }

  @Test
  void approve_continuesThePause_andStatusThenCountsTheBakeDown() {
    assertEquals(0, deploy("approve", "--yes"), err::toString);

    assertTrue(out.toString().contains("Approve: the paused deployment continues and production traffic moves to"
        + " the new revision."), out.toString());
    assertTrue(out.toString().contains("done: approve"), out.toString());
    String call = server.calls("ContinueServiceDeployment").get(0).body();
    assertTrue(call.contains("\"action\":\"CONTINUE\"") && call.contains(NativeEcsFake.HOOK), call);

    assertEquals(0, deploy("status"), err::toString);
    assertTrue(out.toString().contains("[>] BAKE_TIME"), out.toString());
    assertTrue(out.toString().contains("Bake time: the original revision is removed in 13m 20s"), out.toString());
    assertTrue(out.toString().contains("-> demo-tg-2 100%"), out.toString());
  }

  @Test
  void approve_withNothingPaused_isRefusedWithTheReason_exitOne() {
    ecs.endedAs("ROLLBACK_SUCCESSFUL");

    assertEquals(1, deploy("approve", "--yes"));

    assertTrue(err.toString().contains("refused: Nothing is paused: Approve continues a deployment that waits at"
        + " its pause before production traffic (the latest deployment is ROLLBACK_SUCCESSFUL"), err.toString());
    assertTrue(server.calls("ContinueServiceDeployment").isEmpty());
  }

  @Test
  void rollback_atThePause_continuesWithRollback() {
    assertEquals(0, deploy("rollback", "--yes"), err::toString);

    assertTrue(out.toString().contains("Roll back: production traffic returns to the original revision"),
        out.toString());
    String call = server.calls("ContinueServiceDeployment").get(0).body();
    assertTrue(call.contains("\"action\":\"ROLLBACK\""), call);
  }

  @Test
  void terminate_isRefused_becauseEcsHasNoSuchCall() {
    assertEquals(1, deploy("terminate", "--yes"));

    assertTrue(err.toString().contains("refused: ECS built-in blue/green has no call to end the original revision"
        + " early: ECS removes it when the bake time ends"), err.toString());
    assertFalse(server.calls().stream().anyMatch(c -> c.operation().contains("Deployment")
        && !c.operation().startsWith("List") && !c.operation().startsWith("Describe")));
  }

  /** A session over the loopback clients, on the fixed clock; what deploy does not use is refused. */
  private final class LoopbackSession implements Session {
    @Override
    public Identity identity() {
      return new Identity("123456789012", "arn:aws:iam::123456789012:user/tester", false);
    }

    @Override
    public String region() {
      return "us-east-1";
    }

    @Override
    public SetupOperations operations() {
      throw new UnsupportedOperationException("deploy does not provision");
    }

    @Override
    public Journal journal(org.bgwizard.setup.SetupSpec spec) {
      throw new UnsupportedOperationException("deploy keeps no journal");
    }

    @Override
    public Clock clock() {
      return CLOCK;
    }

    @Override
    public Monitoring monitor(DeploymentTarget target, Locale locale) {
      return new Monitoring(new DeploymentMonitor(target, new SdkDeploymentReader(clients),
          new SdkServiceDeployments(clients), CLOCK, (delay, task) -> () -> { }, locale), () -> { });
    }

    @Override
    public DeploymentActions actions() {
      return new DeploymentActions(new SdkDeploymentCommands(clients), new SdkServiceDeployments(clients));
    }

    @Override
    public List<DeploymentTarget> deploymentGroups() {
      return List.of();
    }

    @Override
    public Optional<Practice> practice() {
      return Optional.empty();
    }

    @Override
    public Commits commits() {
      throw new UnsupportedOperationException("deploy status commits nothing");
    }

    @Override
    public Optional<SimulatedAccount> simulated() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "Endpoint " + server.endpoint();
    }

    @Override
    public void close() {}
  }
}
