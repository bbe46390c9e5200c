package org.bgwizard.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgwizard.setup.SetupSpec;

/** Preflight for a directory holding a user's own buildspec, appspec, task definition and Dockerfile. */
public final class Lint {
  private Lint() {}

  public static List<Finding> lintDirectory(Path dir, SetupSpec specOrNull) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    Optional<Path> buildspec = first(dir, Preflight.BUILDSPEC, "buildspec.yaml");
    Optional<Path> appspec = first(dir, Preflight.APPSPEC, "appspec.yml");
    Optional<Path> taskdef = first(dir, Preflight.TASKDEF);
    var input = PreflightInput.files(specOrNull, read(buildspec), read(appspec), read(taskdef),
        read(first(dir, Preflight.DOCKERFILE)));
    var findings = new ArrayList<Finding>();
    for (Finding f : Preflight.check(input)) {
      findings.add(f.file().equals(Preflight.BUILDSPEC) ? f.inFile(name(buildspec))
          : f.file().equals(Preflight.APPSPEC) ? f.inFile(name(appspec)) : f);
    }
    if (buildspec.isEmpty()) {
      findings.add(Finding.error(Preflight.BUILDSPEC, null, 27, "lint.noBuildspec"));
    } else if (!name(buildspec).equals(Preflight.BUILDSPEC)) {
      findings.add(Finding.info(name(buildspec), null, 27, "lint.buildspecName", name(buildspec)));
    }
    if (Preflight.deploysWithEcsAction(input)) {
      appspec.ifPresent(a -> findings.add(Finding.info(name(appspec), null, 0, "lint.appspecUnused")));
    } else if (appspec.isEmpty()) {
      findings.add(Finding.error(Preflight.APPSPEC, null, 7, "lint.noAppspec"));
    } else if (!name(appspec).equals(Preflight.APPSPEC)) {
      findings.add(Finding.info(name(appspec), null, 7, "lint.appspecPath", name(appspec)));
    }
    boolean environments = specOrNull != null && specOrNull.hasEnvironments();
    if (environments) {
      environmentFiles(dir, specOrNull, Preflight.expectsTaskdefInRepo(input), findings);
    } else if (taskdef.isEmpty() && Preflight.expectsTaskdefInRepo(input)) {
      findings.add(Finding.error(Preflight.TASKDEF, null, 0, "lint.noTaskdef"));
    }
    findings.sort(Finding.BY_PLACE);
    return List.copyOf(findings);
  }

  /**
   * A setup with environments: each environment's {@code taskdef-<env>.json}, checked against that environment's
   * setup, and the unit tests' {@code buildspec-test.yml} its Test stage runs (with the script it runs).
   */
  private static void environmentFiles(Path dir, SetupSpec setup, boolean taskdefsInRepo, List<Finding> findings)
      throws IOException {
    if (taskdefsInRepo) {
      for (var env : EnvironmentArtifacts.expanded(setup)) {
        String name = EnvironmentArtifacts.taskdefPath(env.name());
        Optional<Path> file = first(dir, name);
        if (file.isEmpty()) {
          findings.add(Finding.error(name, null, 0, "lint.noEnvironmentTaskdef", name, env.name()));
          continue;
        }
        Preflight.check(PreflightInput.files(env.spec(), null, null, read(file), null)).stream()
            .filter(f -> f.file().equals(Preflight.TASKDEF))
            .forEach(f -> findings.add(f.inFile(name)));
      }
    }
    Optional<Path> tests = first(dir, FileNames.BUILDSPEC_TEST);
    if (tests.isEmpty()) {
      findings.add(Finding.error(FileNames.BUILDSPEC_TEST, null, 0, "lint.noTestBuildspec", UnitTests.projectName(setup)));
      return;
    }
    var testFindings = new ArrayList<Finding>();
    BuildspecFacts facts = BuildspecChecks.checkTestBuildspec(read(tests), testFindings);
    testFindings.forEach(f -> findings.add(f.inFile(FileNames.BUILDSPEC_TEST)));
    if (facts != null) {
      for (var command : facts.commands()) {
        var script = command.text() == null ? null : SH_SCRIPT.matcher(command.text());
        if (script != null && script.find() && !Files.isRegularFile(dir.resolve(script.group(1)))) {
          findings.add(Finding.warning(FileNames.BUILDSPEC_TEST, null, 0, "lint.testScriptMissing", script.group(1)));
        }
      }
    }
  }

  /** {@code sh FILE} (or bash FILE) at the start of a command. */
  private static final java.util.regex.Pattern SH_SCRIPT =
      java.util.regex.Pattern.compile("^\\s*(?:sh|bash)\\s+([^\\s;&|<>-][^\\s;&|<>]*)");

  private static Optional<Path> first(Path dir, String... names) {
    for (String name : names) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String read(Optional<Path> file) throws IOException {
    return file.isEmpty() ? null : Files.readString(file.get(), StandardCharsets.UTF_8);
  }

  private static String name(Optional<Path> file) {
    return file.map(p -> p.getFileName().toString()).orElse("");
  }
}
