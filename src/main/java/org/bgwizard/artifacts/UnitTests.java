package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.SetupSpec;

/**
 * The unit tests of a setup with environments: every environment's pipeline runs them in its Test stage, on the
 * shared CodeBuild project {@code <setup>-test} with {@link FileNames#BUILDSPEC_TEST}, before any image is built; a
 * failing command fails the build and stops the run there ("Build specification reference for CodeBuild": a command
 * that exits non-zero fails its phase). For the starter app the test is a POSIX shell script that checks the page
 * has the markup it must have; without the starter app the buildspec holds one line saying where the user's own
 * tests go.
 */
public final class UnitTests {
  /** The starter page's test, a POSIX shell script (sh) the user can extend with a check per line. */
  public static final String PAGE_TEST = "tests/page-test.sh";

  private UnitTests() {}

  /** {@code <setup>-test}: one project for every environment (the test does not depend on the environment). */
  public static String projectName(SetupSpec spec) {
    return spec.name() + "-test";
  }

  /** The files the source repository of a setup with environments gets for its Test stage. */
  public static List<RepoFile> files(SetupSpec spec) {
    List<RepoFile> files = new ArrayList<>();
    files.add(new RepoFile(FileNames.BUILDSPEC_TEST, buildspecYaml(spec)));
    if (spec.source().commitStarterApp()) {
      files.add(new RepoFile(PAGE_TEST, pageTestScript()));
    }
    return List.copyOf(files);
  }

  public static ObjectNode buildspec(SetupSpec spec) {
    ObjectNode doc = Json.object();
    doc.put("version", 0.2);
    List<String> commands = spec.source().commitStarterApp()
        ? List.of("echo Running the unit tests...", "sh " + PAGE_TEST)
        : List.of("echo No unit tests yet. Add the commands that run yours to " + FileNames.BUILDSPEC_TEST
            + " - a command that fails stops the pipeline before the image is built");
    doc.putObject("phases").putObject("build").set("commands", Json.array(commands));
    return doc;
  }

  public static String buildspecYaml(SetupSpec spec) {
    return Yaml.write(buildspec(spec));
  }

  /**
   * Checks html/index.html for the markup the starter page must have. Plain POSIX sh without functions or
   * {@code if}, so the sandbox's build shell runs it as CodeBuild's image would: each check adds what is missing to
   * MISSING; the script exits 1 naming all of it, else prints PASS.
   */
  public static String pageTestScript() {
    return String.join("\n",
        "#!/bin/sh",
        "# Unit test of the starter page, run by " + FileNames.BUILDSPEC_TEST + " in the Test stage of every",
        "# environment's pipeline, before the image is built. It fails (exit status 1) when the page lacks the",
        "# markup it must have. Add a check: one grep line that appends what is missing to MISSING.",
        "PAGE=" + RepoFiles.INDEX_HTML,
        "MISSING=",
        "grep -qi '<!DOCTYPE html>' \"$PAGE\" || MISSING=\"$MISSING doctype\"",
        "grep -q '<title>..*</title>' \"$PAGE\" || MISSING=\"$MISSING title\"",
        "grep -q '<h1>..*</h1>' \"$PAGE\" || MISSING=\"$MISSING heading\"",
        "grep -q 'class=\"version\">[^<]*[0-9]' \"$PAGE\" || MISSING=\"$MISSING version-line\"",
        "grep -q '</html>' \"$PAGE\" || MISSING=\"$MISSING closing-html-tag\"",
        "echo \"$MISSING\" | grep -q . && echo \"FAIL: $PAGE is missing:$MISSING\" && exit 1",
        "echo \"PASS: $PAGE has its doctype, title, heading, version line and closing tag\"",
        "");
  }
}
