package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command through the real entry point, {@link Main#run} (what {@code main} calls before it exits), with
 * stdout, stderr and the exit code as the user gets them: none may go silent. The simulated account is a file of the
 * test's on manual time. {@link MainProcessTest} runs {@code main} itself in a new JVM.
 */
class MainEntryPointTest {
  @TempDir
  Path dir;
  private Path setup;
  private Path state;

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  @BeforeEach
  void init() {
    setup = dir.resolve("demo.json");
    state = dir.resolve("sandbox").resolve("account.json");
  }

  static Run main(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, false, StandardCharsets.UTF_8),
        new PrintStream(err, false, StandardCharsets.UTF_8), TestWorkspaces.manualBackend());
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code command FILE --sandbox --sandbox-state STATE more…} */
  private Run sandbox(String command, String... more) {
    var args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of(setup.toString(), "--sandbox", "--sandbox-state", state.toString()));
    args.addAll(List.of(more));
    return main(args.toArray(String[]::new));
  }

  private void initDemo() {
    Run r = main("init", "demo", "--region", "us-east-1", "--out", setup.toString());
    assertEquals(0, r.exit(), r::toString);
  }

  @Test
  void init_writesTheSetup_andSaysWhatNext() {
    Run r = main("init", "demo", "--region", "us-east-1", "--out", setup.toString());

    assertEquals(0, r.exit(), r::toString);
    assertTrue(Files.exists(setup));
    assertTrue(r.err().contains("Wrote " + setup + " (setup 'demo' in us-east-1, strategy codedeploy)."), r::toString);
    assertTrue(r.err().contains("Next: edit it if you like"), r::toString);
  }

  @Test
  void validate_saysValid() {
    initDemo();

    Run r = main("validate", setup.toString());

    assertEquals(0, r.exit(), r::toString);
    assertEquals(setup + ": valid (setup 'demo' in us-east-1)" + System.lineSeparator(), r.err());
  }

  @Test
  void files_writesTheRepositoryFiles_andNamesEach() {
    initDemo();
    Path out = dir.resolve("repo");

    Run r = main("files", setup.toString(), "--out", out.toString(), "--account", "111122223333");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("wrote " + out.resolve("buildspec.yml")), r::toString);
    assertTrue(Files.exists(out.resolve("appspec.yaml")));
  }

  @Test
  void lint_ofGeneratedFiles_countsNoError() {
    initDemo();
    Path out = dir.resolve("repo");
    assertEquals(0, main("files", setup.toString(), "--out", out.toString()).exit());

    Run r = main("lint", out.toString(), "--setup", setup.toString());

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains(out + ": 0 errors"), r::toString);
  }

  @Test
  void plan_printsEveryStepOnStdout_andNamesTheSandboxOnStderr() {
    initDemo();

    Run r = sandbox("plan");

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("create   iam-role/demo-codebuild"), r::toString);
    assertTrue(r.out().contains("$ aws iam create-role --role-name demo-codebuild"), r::toString);
    assertTrue(r.err().startsWith("Sandbox (simulated account 123456789012, us-east-1)"), r::toString);
  }

  @Test
  void plan_withoutConnectionOptions_usesTheSandbox_andSaysSo() {
    initDemo();

    Run r = main("plan", setup.toString(), "--sandbox-state", state.toString());

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().startsWith("Sandbox (simulated account"), r::toString);
    assertFalse(r.out().isEmpty(), r::toString);
  }

  @Test
  void setupLifecycle_apply_status_deploy_teardown() throws Exception {
    initDemo();

    Run apply = sandbox("apply", "--yes");
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(apply.err().contains("Apply: "), apply::toString);
    assertTrue(apply.err().contains("Load balancer: http://demo-alb-"), apply::toString);

    Run status = sandbox("status");
    assertTrue(status.out().startsWith("Status of demo in account 123456789012, us-east-1:"), status::toString);
    assertTrue(status.out().contains("PRESENT     ecs-service/demo-service"), status::toString);

    Run json = sandbox("status", "--json");
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertEquals("demo", tree.path("setup").asText(), json::toString);
    assertEquals(25, tree.path("resources").size(), json::toString);

    Run deployStatus = sandbox("deploy status");
    assertEquals(0, deployStatus.exit(), deployStatus::toString);
    assertFalse(deployStatus.out().isBlank(), deployStatus::toString);

    Run practice = sandbox("deploy practice");
    assertEquals(0, practice.exit(), practice::toString);
    assertTrue(practice.out().startsWith("released a new version (HEALTHY): pipeline run "), practice::toString);

    Run terminate = sandbox("deploy terminate", "--yes");
    assertEquals(1, terminate.exit(), terminate::toString);
    assertTrue(terminate.err().contains("refused: "), terminate::toString);

    Run teardown = sandbox("teardown", "--yes");
    assertEquals(0, teardown.exit(), teardown::toString);
    assertTrue(teardown.err().contains("Teardown: 25 of 25 steps done"), teardown::toString);
  }

  @Nested
  class HelpAndVersion {
    @Test
    void help_listsEveryCommand_onStdout() {
      Run r = main("--help");

      assertEquals(0, r.exit(), r::toString);
      for (String command : List.of("init", "validate", "files", "lint", "plan", "apply", "status", "teardown",
          "deploy")) {
        assertTrue(r.out().contains("  " + command + " "), command + "\n" + r);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "apply", "status", "teardown", "deploy"})
    void commandHelp_documentsTheConnectionOptions(String command) {
      Run r = main(command, "--help");

      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().contains("--aws"), r::toString);
      assertTrue(r.out().contains("--profile=P"), r::toString);
      assertTrue(r.out().contains("AWS_ENDPOINT_URL"), r::toString);
    }

    @Test
    void version_isPrinted() {
      Run r = main("--version");

      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().startsWith("bluegreen-wizard "), r::toString);
    }
  }

  @Nested
  class BadInput {
    @Test
    void unknownCommand_isAUsageError_namingIt() {
      Run r = main("deploy-all", "demo.json");

      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("deploy-all"), r::toString);
    }

    @Test
    void missingSetupFile_saysHowToMakeOne() {
      Path missing = dir.resolve("nowhere.json");

      Run r = main("plan", missing.toString(), "--sandbox", "--sandbox-state", state.toString());

      assertEquals(1, r.exit(), r::toString);
      assertEquals("error: " + missing + ": no such file (create one with `init NAME --out " + missing + "`)"
          + System.lineSeparator(), r.err());
    }

    @Test
    void badOptionValue_namesTheOptionAndValue() {
      initDemo();

      Run r = sandbox("plan", "--sandbox-speed", "fast");

      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("--sandbox-speed"), r::toString);
      assertTrue(r.err().contains("fast"), r::toString);
    }

    @Test
    void badDeployAction_listsTheActions() {
      initDemo();

      Run r = sandbox("deploy launch");

      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("launch"), r::toString);
      assertTrue(r.err().contains("reroute"), r::toString);
    }

    @Test
    void invalidSetup_isNotConnectedFor() throws Exception {
      Files.writeString(setup, SpecJson.write(SpecDefaults.tutorial("demo", "us-east-1"))
          .replace("\"testPort\" : 8080", "\"testPort\" : 80"));

      Run r = sandbox("plan");

      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.err().contains("Fix the setup first"), r::toString);
      assertTrue(r.out().isEmpty(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--sandbox --aws", "--aws --profile dev", "--aws --endpoint http://localhost:4566",
        "--sandbox --profile dev"})
    void mixedConnectionModes_areAUsageError_namingTheOptions(String options) {
      initDemo();
      var args = new ArrayList<>(List.of("plan", setup.toString()));
      args.addAll(List.of(options.split(" ")));

      Run r = main(args.toArray(String[]::new));

      assertEquals(2, r.exit(), r::toString);
      for (String option : options.split(" ")) {
        assertTrue(r.err().contains(option), option + "\n" + r);
      }
    }

    @Test
    void sandboxOptions_withAws_areAUsageError() {
      initDemo();

      Run r = main("plan", setup.toString(), "--aws", "--sandbox-state", state.toString());

      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("--sandbox-state and --sandbox-speed only apply to the sandbox"), r::toString);
    }

    @Test
    void practice_withAws_isRefusedBeforeConnecting() {
      initDemo();

      Run r = main("deploy", "practice", setup.toString(), "--aws");

      assertEquals(1, r.exit(), r::toString);
      assertEquals("refused: practice releases are for the simulated account (--sandbox)" + System.lineSeparator(),
          r.err());
    }
  }
}
