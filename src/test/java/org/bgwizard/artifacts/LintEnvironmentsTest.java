package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint of a setup with environments' repository: each environment's task definition and the unit tests. */
class LintEnvironmentsTest {
  static final SetupSpec THREE = EnvironmentPipelinesTest.THREE;

  @TempDir
  Path dir;

  private void writeGenerated() throws IOException {
    for (RepoFile f : RepoFiles.generate(THREE, Specs.TARGET)) {
      Files.createDirectories(dir.resolve(f.path()).getParent());
      Files.writeString(dir.resolve(f.path()), f.content());
    }
  }

  private List<String> findings() throws IOException {
    return Lint.lintDirectory(dir, THREE).stream().map(Finding::toString).toList();
  }

  @Test
  void theGeneratedFiles_haveNoFinding() throws Exception {
    writeGenerated();
    assertEquals(List.of(), findings());
  }

  @Test
  void aMissingEnvironmentTaskdef_andMissingUnitTests_areErrors_andAMissingScriptAWarning() throws Exception {
    writeGenerated();
    Files.delete(dir.resolve("taskdef-qa.json"));
    Files.delete(dir.resolve(UnitTests.PAGE_TEST));
    assertEquals(List.of("buildspec-test.yml: WARNING buildspec-test.yml runs tests/page-test.sh, which is not in the"
        + " folder; the Test stage would fail.",
        "taskdef-qa.json: ERROR There is no taskdef-qa.json, which the deploy action of environment qa reads from the"
        + " source."), findings());
    Files.delete(dir.resolve(FileNames.BUILDSPEC_TEST));
    var missing = Lint.lintDirectory(dir, THREE).stream().filter(f -> f.file().equals(FileNames.BUILDSPEC_TEST))
        .toList();
    assertEquals(1, missing.size());
    assertEquals("buildspec-test.yml がありません。単体テストのプロジェクト demo-test が、各環境のパイプラインの Test ステージでこのファイルを実行します。",
        missing.get(0).message(Locale.JAPANESE));
  }

  @Test
  void anEnvironmentsTaskdef_isCheckedAgainstThatEnvironment() throws Exception {
    writeGenerated();
    // prod's container on another port than the setup's: found in prod's file only
    Files.writeString(dir.resolve("taskdef-prod.json"),
        Files.readString(dir.resolve("taskdef-prod.json"))
            .replace("\"containerPort\": 80", "\"containerPort\": 8080").replace("\"hostPort\": 80", "\"hostPort\": 8080"));
    List<String> found = findings();
    assertEquals(1, found.stream().filter(f -> f.startsWith("taskdef-prod.json:")).count(), found.toString());
    assertEquals(0, found.stream().filter(f -> f.startsWith("taskdef-dev.json") || f.startsWith("taskdef.json")).count());
  }

  @Test
  void aTestBuildspecThatIsNotABuildspec_isAnError() throws Exception {
    writeGenerated();
    Files.writeString(dir.resolve(FileNames.BUILDSPEC_TEST), "version: 0.1\nphases: {}\n");
    List<String> found = findings();
    assertEquals(2, found.stream().filter(f -> f.startsWith("buildspec-test.yml") && f.contains("ERROR")).count(),
        found.toString());
  }
}
