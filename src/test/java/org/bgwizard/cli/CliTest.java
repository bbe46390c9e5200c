package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void init_writesAValidSetupWithTheTutorialDefaults() throws Exception {
    Path file = dir.resolve("demo.json");
    assertEquals(0, run("init", "demo", "--region", "ap-northeast-1", "--out", file.toString()));
    var spec = SpecJson.load(file);
    assertEquals("demo", spec.name());
    assertEquals("ap-northeast-1", spec.region());
    assertEquals("demo-tg-1", spec.loadBalancer().targetGroup1());
    assertEquals(0, run("validate", file.toString()), err.toString());
    assertTrue(err.toString().contains("valid"));
  }

  @Test
  void init_badName_isAUsageErrorNamingFieldAndValue() {
    assertEquals(2, run("init", "My_App", "--out", dir.resolve("x.json").toString()));
    assertTrue(err.toString().contains("name"), err.toString());
    assertTrue(err.toString().contains("My_App"), err.toString());
    assertFalse(Files.exists(dir.resolve("x.json")));
  }

  @Test
  void init_refusesToOverwriteWithoutForce() throws Exception {
    Path file = dir.resolve("demo.json");
    Files.writeString(file, "keep me");
    assertEquals(1, run("init", "demo", "--out", file.toString()));
    assertEquals("keep me", Files.readString(file));
    assertEquals(0, run("init", "demo", "--out", file.toString(), "--force"));
  }

  @Test
  void validate_reportsEveryProblemAndExitsOne() throws Exception {
    Path file = dir.resolve("bad.json");
    String json = SpecJson.write(org.bgwizard.setup.SpecDefaults.tutorial("demo", "us-east-1"))
        .replace("\"testPort\" : 8080", "\"testPort\" : 80")
        .replace("\"memory\" : 512", "\"memory\" : 4096");
    Files.writeString(file, json);
    assertEquals(1, run("validate", file.toString()));
    assertTrue(err.toString().contains("error: Test listener port (loadBalancer.testPort): 80 is also the port in"
        + " Production listener port (loadBalancer.productionPort);"), err.toString());
    assertTrue(err.toString().contains("container.memory"), err.toString());
    assertTrue(err.toString().contains("2 problems"), err.toString());
  }

  @Test
  void validate_unknownFieldIsExplained() throws Exception {
    Path file = dir.resolve("typo.json");
    Files.writeString(file, SpecJson.write(org.bgwizard.setup.SpecDefaults.tutorial("demo", "us-east-1"))
        .replace("\"desiredCount\"", "\"desiredCont\""));
    assertEquals(1, run("validate", file.toString()));
    assertTrue(err.toString().contains("desiredCont"), err.toString());
  }

  @Test
  void validate_missingFileSaysHowToCreateOne() {
    assertEquals(1, run("validate", dir.resolve("nope.json").toString()));
    assertTrue(err.toString().contains("init"), err.toString());
  }

  @Test
  void files_writesTheRepositoryFiles_andTheyPassLint() throws Exception {
    Path file = dir.resolve("demo.json");
    run("init", "demo", "--out", file.toString());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("files", file.toString(), "--out", repo.toString(), "--account", "111122223333"), err.toString());
    assertTrue(Files.readString(repo.resolve("taskdef.json")).contains("arn:aws:iam::111122223333:role/demo-ecs-task-execution"));
    assertTrue(Files.exists(repo.resolve("buildspec.yml")));
    assertTrue(Files.exists(repo.resolve("appspec.yaml")));
    assertTrue(Files.exists(repo.resolve("Dockerfile")));
    assertFalse(Files.exists(repo.resolve("pipeline.json")));
    assertEquals(0, run("lint", repo.toString(), "--setup", file.toString(), "--strict"), err.toString());
  }

  @Test
  void files_all_addsPipelineAndPolicies_andRefusesToClobber() throws Exception {
    Path file = dir.resolve("demo.json");
    run("init", "demo", "--out", file.toString());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("files", file.toString(), "--out", repo.toString(), "--all"));
    assertTrue(Files.exists(repo.resolve("pipeline.json")));
    try (var iam = Files.list(repo.resolve("iam"))) {
      assertEquals(10, iam.count()); // the four roles and the events role, trust and permissions each
    }
    Files.writeString(repo.resolve("appspec.yaml"), "edited");
    assertEquals(1, run("files", file.toString(), "--out", repo.toString()));
    assertEquals("edited", Files.readString(repo.resolve("appspec.yaml")));
  }

  @Test
  void files_badAccountIsAUsageError() throws Exception {
    Path file = dir.resolve("demo.json");
    run("init", "demo", "--out", file.toString());
    assertEquals(2, run("files", file.toString(), "--out", dir.toString(), "--account", "12345"));
    assertTrue(err.toString().contains("12345"));
  }

  @Test
  void lint_seedWithPlainDockerHubToken_isAnError() throws Exception {
    Path repo = dir.resolve("seed002");
    Files.createDirectories(repo);
    Files.copy(Path.of("src/test/resources/lint/seed002-buildspec.yml"), repo.resolve("buildspec.yml"));
    Files.copy(Path.of("src/test/resources/lint/seed002-appspec.yaml"), repo.resolve("appspec.yaml"));
    Files.copy(Path.of("src/test/resources/lint/seed002-taskdef.json"), repo.resolve("taskdef.json"));
    assertEquals(1, run("lint", repo.toString()));
    assertTrue(err.toString().contains("row 21"), err.toString());
    assertTrue(err.toString().contains("fix:"), err.toString());
  }

  @Test
  void lint_notAFolder_isAUsageError() {
    assertEquals(2, run("lint", dir.resolve("missing").toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"init", "validate", "files", "lint"})
  void everyCommand_hasHelp(String command) {
    assertEquals(0, run(command, "--help"));
    assertTrue(out.toString().contains("Usage: bluegreen-wizard " + command), out.toString());
  }

  @Test
  void help_listsEveryCommandWithAWholeSentence() {
    assertEquals(0, run("--help"));
    String help = out.toString();
    var summaries = new java.util.LinkedHashMap<String, String>();
    String current = null;
    boolean inCommands = false;
    for (String line : help.split("\\R")) {
      if (line.startsWith("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches("  \\S.*")) {
        String[] parts = line.strip().split("\\s{2,}", 2);
        current = parts[0];
        summaries.put(current, parts.length > 1 ? parts[1].strip() : "");
      } else if (inCommands && current != null && line.startsWith("   ")) {
        summaries.merge(current, " " + line.strip(), String::concat);
      } else if (inCommands && !line.isBlank()) {
        inCommands = false;
      }
    }
    assertTrue(summaries.keySet().containsAll(List.of("init", "validate", "files", "lint", "plan", "apply", "status",
        "teardown", "deploy")), help);
    summaries.forEach((command, summary) -> assertTrue(summary.endsWith(".") && !summary.endsWith(",."),
        command + ": '" + summary + "'"));
  }

  /** Each paragraph of a command's description is whole: picocli wraps it, so a source line must not stop mid-way. */
  @Test
  void commandDescriptions_areWholeParagraphs() {
    var cut = new java.util.ArrayList<String>();
    var commands = new java.util.ArrayDeque<picocli.CommandLine>(List.of(
        Cli.commandLine(org.bgwizard.session.Connector.NONE, Terminal.system())));
    while (!commands.isEmpty()) {
      var command = commands.pop();
      command.getSubcommands().values().forEach(commands::push);
      for (String paragraph : command.getCommandSpec().usageMessage().description()) {
        if (!(paragraph.isEmpty() || paragraph.endsWith(".") || paragraph.endsWith(":"))) {
          cut.add(command.getCommandSpec().qualifiedName() + ": '" + paragraph + "'");
        }
      }
    }
    assertEquals(List.of(), cut);
  }

  @Test
  void unknownCommand_isAUsageError() {
    assertEquals(2, run("deploy-everything"));
  }
}
