package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.Fixtures.errors;
import static org.bgwizard.artifacts.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintTest {
  @TempDir
  Path dir;

  private void put(String fixture, String as) throws IOException {
    Files.writeString(dir.resolve(as), read(fixture), StandardCharsets.UTF_8);
  }

  private List<Finding> lint() throws IOException {
    List<Finding> findings = Lint.lintDirectory(dir, null);
    findings.forEach(Fixtures::render);
    return findings;
  }

  private static List<String> keys(List<Finding> findings) {
    return findings.stream().map(Finding::key).toList();
  }

  @Test
  void seed000Repository_asFinallyFixed_hasNoErrors_onlyTheDockerHubWarning() throws IOException {
    put("seed000-buildspec.yml", "buildspec.yml");
    put("seed000-appspec.yml", "appspec.yaml");
    put("seed000-taskdef.json", "taskdef.json");
    put("seed000-Dockerfile", "Dockerfile");
    assertEquals(List.of("dockerfile.dockerHubBase"), keys(lint()));
  }

  @Test
  void seed000Repository_withTheAppspecNamedYml_saysWhereTheDeployActionLooks() throws IOException {
    put("seed000-buildspec.yml", "buildspec.yml");
    put("seed000-appspec-wrong-container.yml", "appspec.yml");
    put("seed000-taskdef.json", "taskdef.json");
    List<Finding> findings = lint();
    assertEquals(List.of("lint.appspecPath", "appspec.containerNotInTaskdef"), keys(findings));
    assertEquals(List.of("appspec.yml", "appspec.yml"), findings.stream().map(Finding::file).toList());
    assertEquals(Severity.INFO, findings.get(0).severity());
  }

  @Test
  void seed002Repository_reportsTheTokenAndTheWildcard() throws IOException {
    put("seed002-buildspec.yml", "buildspec.yml");
    put("seed002-appspec.yaml", "appspec.yaml");
    put("seed002-taskdef.json", "taskdef.json");
    List<Finding> findings = lint();
    assertEquals(List.of("buildspec.plainSecret", "buildspec.imageDetailWildcard"), keys(findings));
    assertEquals(List.of(21), errors(findings).stream().map(Finding::catalogueRow).toList());
  }

  @Test
  void seed002Repository_withTheSetup_isConsistent() throws IOException {
    put("seed002-appspec.yaml", "appspec.yaml");
    put("seed002-taskdef.json", "taskdef.json");
    put("seed000-buildspec.yml", "buildspec.yml");
    assertEquals(List.of(), Lint.lintDirectory(dir, Fixtures.seed002Spec()));
  }

  @Test
  void emptyDirectory_missesBuildspecAppspecAndTaskdef() throws IOException {
    List<Finding> findings = lint();
    assertEquals(List.of("lint.noAppspec", "lint.noBuildspec", "lint.noTaskdef"), keys(findings));
    assertEquals(List.of(7, 27, 0), findings.stream().map(Finding::catalogueRow).toList());
  }

  @Test
  void buildspecYaml_isLinted_andNamedInItsFindings() throws IOException {
    put("seed000-error4-buildspec.yml", "buildspec.yaml");
    put("seed000-appspec.yml", "appspec.yaml");
    put("seed000-taskdef.json", "taskdef.json");
    List<Finding> findings = lint();
    assertEquals(List.of("lint.buildspecName", "buildspec.imageUriNotQualified"), keys(findings));
    assertEquals(List.of("buildspec.yaml", "buildspec.yaml"), findings.stream().map(Finding::file).toList());
  }

  @Test
  void buildThatGeneratesTheTaskdef_needsNoTaskdefInTheRepository() throws IOException {
    put("seed001-buildspec.yml", "buildspec.yml");
    put("seed002-appspec.yaml", "appspec.yaml");
    assertEquals(List.of(), lint());
  }

  @Test
  void brokenYamlAndArmOnX86_areReportedWithTheirRows() throws IOException {
    put("broken-buildspec.yml", "buildspec.yml");
    put("seed000-appspec.yml", "appspec.yaml");
    put("seed000-taskdef.json", "taskdef.json");
    assertEquals(List.of(27), lint().stream().map(Finding::catalogueRow).toList());
    put("arm64-buildspec.yml", "buildspec.yml");
    assertEquals(List.of(20), lint().stream().map(Finding::catalogueRow).toList());
  }

  @Test
  void aFileInsteadOfADirectory_isRejected() throws IOException {
    put("seed000-buildspec.yml", "buildspec.yml");
    assertThrows(IOException.class, () -> Lint.lintDirectory(dir.resolve("buildspec.yml"), null));
  }
}
