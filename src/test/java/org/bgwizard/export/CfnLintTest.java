package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * AWS's CloudFormation linter (cfn-lint, a Python tool: no linter for templates is on Maven Central) on each exported
 * template, where it is installed; skipped elsewhere. Exit code 0 means no error, warning or informational finding.
 * The kept AWS::ECS::Service schema replaces cfn-lint's (1.51.0 bundles one without PAUSE hooks).
 */
class CfnLintTest {
  @TempDir
  Path dir;

  /** One run over every template: each run of cfn-lint takes its schemas in first, which is slow. */
  @Test
  void cfnLint_findsNothingInTheTemplates() throws Exception {
    assumeTrue(installed(), "cfn-lint is not installed");
    var command = new ArrayList<>(List.of("cfn-lint"));
    for (Arguments setup : TemplateStructureTest.setups().toList()) {
      Path template = dir.resolve(((String) setup.get()[0]).replace(' ', '-') + ".yaml");
      Files.writeString(template, SetupTemplate.yaml((SetupSpec) setup.get()[1]), StandardCharsets.UTF_8);
      command.add(template.toString());
    }
    command.addAll(List.of("--registry-schemas", newerSchemas().toString()));
    Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    lint.waitFor(2, TimeUnit.MINUTES);
    assertEquals(0, lint.exitValue(), output);
  }

  /**
   * The kept schemas cfn-lint's bundled ones lack (see the schemas' README): AWS::ECS::Service with PAUSE hooks. A
   * registry schema takes the place of the bundled one of its type.
   */
  private Path newerSchemas() throws IOException {
    Path schemas = Files.createDirectories(dir.resolve("schemas"));
    try (InputStream in = CfnLintTest.class.getResourceAsStream("/cloudformation/schemas/ecs-service.json")) {
      Files.copy(in, schemas.resolve("ecs-service.json"));
    }
    return schemas;
  }

  private static boolean installed() {
    try {
      Process p = new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
