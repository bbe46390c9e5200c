package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `files` and `lint` of a setup with environments, through the CLI. */
class EnvironmentFilesCliTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void files_writeEachEnvironmentsTaskdefPipelineAndTheUnitTests_andTheyPassLint() throws Exception {
    Path file = dir.resolve("demo.json");
    assertEquals(0, run("init", "demo", "--environments", "dev,qa,prod", "--out", file.toString()), err.toString());
    Path repo = dir.resolve("repo");
    assertEquals(0, run("files", file.toString(), "--out", repo.toString(), "--all"), err.toString());
    for (String env : new String[] {"dev", "qa", "prod"}) {
      assertTrue(Files.readString(repo.resolve("taskdef-" + env + ".json")).contains("\"family\": \"demo-task-" + env + "\""));
      assertTrue(Files.readString(repo.resolve("pipeline-" + env + ".json")).contains("\"ProjectName\": \"demo-test\""));
    }
    assertFalse(Files.exists(repo.resolve("taskdef.json")));
    assertFalse(Files.exists(repo.resolve("pipeline.json")));
    assertTrue(Files.readString(repo.resolve("buildspec-test.yml")).contains("sh tests/page-test.sh"));
    assertTrue(Files.exists(repo.resolve("tests/page-test.sh")));
    assertEquals(0, run("lint", repo.toString(), "--setup", file.toString(), "--strict"), err.toString());

    Files.delete(repo.resolve("taskdef-qa.json"));
    assertEquals(1, run("lint", repo.toString(), "--setup", file.toString()));
    assertTrue(err.toString().contains("taskdef-qa.json: ERROR There is no taskdef-qa.json, which the deploy action of"
        + " environment qa reads from the source."), err.toString());
  }
}
