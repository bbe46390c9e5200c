package org.bgwizard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bgwizard.artifacts.Finding;
import org.bgwizard.artifacts.Lint;
import org.bgwizard.artifacts.Severity;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Check your own pipeline files for the mistakes of the failure catalogue.",
        "Reads buildspec.yml, appspec.yaml, taskdef.json (and Dockerfile); each finding has its file, line,",
        "catalogue row and fix."})
final class LintCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The folder holding the files (e.g. your repository).")
  Path dir;

  @Option(names = "--setup", paramLabel = "FILE", description = "Also check the files against this setup.")
  Path setupFile;

  @Option(names = "--strict", description = "Warnings count as findings too (exit code 1).")
  boolean strict;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println("error: " + dir + " is not a folder; give the folder that holds buildspec.yml and appspec.yaml");
      return Cli.USAGE;
    }
    SetupSpec setup = null;
    if (setupFile != null) {
      setup = SetupFiles.load(setupFile, err);
      if (setup == null) {
        return Cli.FINDINGS;
      }
    }
    var findings = Lint.lintDirectory(dir, setup).stream().sorted(Finding.BY_PLACE).toList();
    for (Finding f : findings) {
      err.println(f);
      err.println("    fix: " + f.fix());
    }
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    err.println(dir + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
        + (warnings == 1 ? " warning" : " warnings"));
    return errors > 0 || (strict && warnings > 0) ? Cli.FINDINGS : Cli.OK;
  }
}
