package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bgwizard.cli.Terminal;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply converges (issue 13): a plan that replaces resources is applied only when someone says so, through the
 * real entry point ({@link Main#run}) with a terminal that a person answers, or none (a pipe, a CI job).
 */
class ApplyReplaceConfirmationTest {
  @TempDir
  Path dir;
  private Path setup;
  private Path state;

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** A terminal with a person typing {@code answers}, or (interactive false) none at all. */
  private static Terminal terminal(boolean interactive, String... answers) {
    Deque<String> lines = new ArrayDeque<>(List.of(answers));
    return new Terminal() {
      @Override
      public boolean interactive() {
        return interactive;
      }

      @Override
      public String readLine() {
        return lines.poll();
      }
    };
  }

  private Run main(Terminal terminal, String command, String... more) {
    var args = new ArrayList<>(List.of(command));
    if (!command.equals("init")) {
      args.addAll(List.of(setup.toString(), "--sandbox", "--sandbox-state", state.toString()));
    }
    args.addAll(List.of(more));
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit = Main.run(args.toArray(String[]::new), terminal, new PrintStream(out, false, StandardCharsets.UTF_8),
        new PrintStream(err, false, StandardCharsets.UTF_8), TestWorkspaces.manualBackend());
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The tutorial setup applied, then its container port changed: the target groups and the service must be replaced. */
  @BeforeEach
  void appliedThenPortChanged() throws Exception {
    setup = dir.resolve("demo.json");
    state = dir.resolve("sandbox").resolve("account.json");
    Run init = main(terminal(false), "init", "demo", "--region", "us-east-1", "--out", setup.toString());
    assertEquals(0, init.exit(), init::toString);
    Run applied = main(terminal(false), "apply", "--yes");
    assertEquals(0, applied.exit(), applied::toString);
    assertTrue(applied.err().contains("The pipeline demo-pipeline starts its first run now."), applied::toString);
    String text = Files.readString(setup);
    String changed = text.replaceFirst("\"port\" : 80,", "\"port\" : 8081,");
    assertFalse(text.equals(changed), text);
    Files.writeString(setup, changed);
  }

  private int targetGroupPort() throws Exception {
    Sandbox account = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    return account.elbv2().describeTargetGroups(r -> r.names("demo-tg-1")).targetGroups().get(0).port();
  }

  @Test
  void plan_showsEachReplace_withWhyCostAndCommands_asTextAndAsJson() throws Exception {
    Run text = main(terminal(false), "plan");

    assertEquals(0, text.exit(), text::toString);
    assertTrue(text.out().contains("  replace  ecs-service/demo-service"), text::toString);
    assertTrue(text.out().contains("~ load balancer container port: 80 → 8081"), text::toString);
    assertTrue(text.out().contains("! why: AWS cannot change these on a service with the CODE_DEPLOY deployment"
        + " controller"), text::toString);
    assertTrue(text.out().contains("! cost: the service is deleted and created again"), text::toString);
    // a replace that follows another says why once, with the grammar of its causes
    assertTrue(text.out().contains("  replace  elbv2-listener/demo-alb:80"), text::toString);
    assertEquals(1, text.out().split("it refers to elbv2-target-group/demo-tg-1, which is replaced", -1).length - 1,
        text::toString);
    assertTrue(text.out().contains("! why: it refers to elbv2-listener/demo-alb:80 and elbv2-listener/demo-alb:8080"
        + " and elbv2-target-group/demo-tg-1 and elbv2-target-group/demo-tg-2, which are replaced"), text::toString);
    assertTrue(text.out().contains("$ aws ecs delete-service --cluster demo-cluster --service demo-service --force"
        + " && aws ecs create-service"), text::toString);

    Run json = main(terminal(false), "plan", "--json");

    assertEquals(0, json.exit(), json::toString);
    var steps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).path("steps");
    var tg = java.util.stream.StreamSupport.stream(steps.spliterator(), false)
        .filter(n -> n.path("name").asText().equals("demo-tg-1")).findFirst().orElseThrow();
    assertEquals("replace", tg.path("action").asText());
    assertEquals("port", tg.path("changes").get(0).path("field").asText());
    assertEquals("8081", tg.path("changes").get(0).path("to").asText());
    assertTrue(tg.path("differences").get(0).asText().contains("ModifyTargetGroup changes only its health check"),
        tg::toString);
    assertTrue(tg.path("replaceCost").asText().startsWith("a new target group"), tg::toString);
    assertTrue(tg.path("command").asText().startsWith("aws elbv2 delete-target-group"), tg::toString);
  }

  @Test
  void apply_withoutATerminal_andWithoutYes_saysToPassYes_andChangesNothing() throws Exception {
    Run r = main(terminal(false, "y"), "apply");

    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("This plan replaces 6 resources: each is deleted, then created again."), r::toString);
    assertTrue(r.err().contains("  - elbv2-target-group/demo-tg-1: a new target group"), r::toString);
    assertTrue(r.err().contains("error: apply replaces resources only when asked on a terminal, and there is none:"
        + " pass --yes to accept replacing these 6. Nothing was changed."), r::toString);
    assertFalse(r.err().contains("[y/N]"), r::toString);
    assertEquals(80, targetGroupPort());
  }

  @Test
  void apply_onATerminal_answeredNo_changesNothing() throws Exception {
    Run r = main(terminal(true, "n"), "apply");

    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("Replace 6 resources (and apply the rest of the plan)? [y/N] Nothing was changed."),
        r::toString);
    assertEquals(80, targetGroupPort());
  }

  @Test
  void apply_onATerminal_answeredYes_replaces() throws Exception {
    Run r = main(terminal(true, "y"), "apply");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("Replace 6 resources (and apply the rest of the plan)? [y/N] "), r::toString);
    assertTrue(r.err().contains("ok elbv2-target-group/demo-tg-1: deleted"), r::toString);
    assertTrue(r.err().contains("ok elbv2-target-group/demo-tg-1: replaced: port: 80 → 8081"), r::toString);
    assertTrue(r.err().contains("ok elbv2-listener/demo-alb:80: replaced: it refers to elbv2-target-group/demo-tg-1,"
        + " which is replaced"), r::toString);
    assertEquals(8081, targetGroupPort());
  }

  @Test
  void apply_withYes_andNoTerminal_replacesWithoutAsking() throws Exception {
    Run r = main(terminal(false), "apply", "--yes");

    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.err().contains("[y/N]"), r::toString);
    assertFalse(r.err().contains("starts its first run"), "the pipeline was there before: " + r);
    assertTrue(r.err().contains("ok ecs-service/demo-service: replaced: load balancer container port: 80 → 8081"),
        r::toString);
    assertEquals(8081, targetGroupPort());
  }
}
