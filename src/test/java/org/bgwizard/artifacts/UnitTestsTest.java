package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The starter page's unit test, run by a real POSIX sh: it passes on the starter page and fails on a broken one. */
class UnitTestsTest {
  static final SetupSpec SPEC = SpecDefaults.withEnvironments(Specs.tutorial(), List.of("dev", "qa", "prod"));

  @TempDir
  Path dir;

  record Run(int status, String output) {}

  private Run runPageTest(String page) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Files.createDirectories(dir.resolve("html"));
    Files.createDirectories(dir.resolve("tests"));
    if (page != null) {
      Files.writeString(dir.resolve(RepoFiles.INDEX_HTML), page, StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve(UnitTests.PAGE_TEST), UnitTests.pageTestScript(), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("/bin/sh", UnitTests.PAGE_TEST).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), output);
  }

  @Test
  void theStarterPage_passes() throws Exception {
    Run run = runPageTest(StarterApp.indexHtml(SPEC));
    assertEquals(0, run.status(), run.output());
    assertTrue(run.output().startsWith("PASS: html/index.html"), run.output());
  }

  static Stream<Arguments> brokenPages() {
    return Stream.of(
        Arguments.of("version line removed", (UnaryOperator<String>) p -> p.replaceAll(".*class=\"version\".*\n", ""),
            " version-line"),
        Arguments.of("version without a number", (UnaryOperator<String>) p -> p.replace("Version 1", "Version"),
            " version-line"),
        Arguments.of("cut off after the heading", (UnaryOperator<String>) p -> p.substring(0, p.indexOf("</h1>") + 5),
            " version-line closing-html-tag"),
        Arguments.of("empty title and heading", (UnaryOperator<String>) p -> p.replaceAll("<title>.*</title>",
            "<title></title>").replaceAll("<h1>.*</h1>", "<h1></h1>"), " title heading"),
        Arguments.of("no doctype", (UnaryOperator<String>) p -> p.replace("<!DOCTYPE html>", ""), " doctype"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenPages")
  void aBrokenPage_failsWithStatus1_namingWhatIsMissing(String what, UnaryOperator<String> breakIt, String missing)
      throws Exception {
    Run run = runPageTest(breakIt.apply(StarterApp.indexHtml(SPEC)));
    assertEquals(1, run.status(), run.output());
    assertEquals("FAIL: html/index.html is missing:" + missing + "\n", run.output());
  }

  @Test
  void noPageAtAll_fails() throws Exception {
    Run run = runPageTest(null);
    assertEquals(1, run.status(), run.output());
    assertTrue(run.output().contains("FAIL: html/index.html is missing: doctype title heading version-line"),
        run.output());
  }

  @Test
  void theTestBuildspec_runsTheScript_withTheStarterApp_andSaysWhereTestsGo_without() {
    assertEquals("version: 0.2\nphases:\n  build:\n    commands:\n      - echo Running the unit tests...\n"
        + "      - sh tests/page-test.sh\n", UnitTests.buildspecYaml(SPEC));
    assertEquals(List.of(FileNames.BUILDSPEC_TEST, UnitTests.PAGE_TEST),
        UnitTests.files(SPEC).stream().map(RepoFile::path).toList());
    SetupSpec own = Specs.withStarterApp(SPEC, false);
    assertEquals(List.of(FileNames.BUILDSPEC_TEST), UnitTests.files(own).stream().map(RepoFile::path).toList());
    assertTrue(UnitTests.buildspecYaml(own).contains("No unit tests yet"));
    assertEquals("demo-test", UnitTests.projectName(SPEC));
  }
}
