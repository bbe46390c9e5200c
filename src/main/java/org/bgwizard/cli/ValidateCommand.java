package org.bgwizard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bgwizard.setup.SpecValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a setup file against AWS's rules; every problem is reported at once.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The setup file (from init or the wizard).")
  Path file;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var setup = SetupFiles.load(file, err);
    if (setup == null) {
      return Cli.FINDINGS;
    }
    var problems = SpecValidator.validate(setup);
    problems.forEach(p -> err.println("error: " + p.message()));
    if (!problems.isEmpty()) {
      err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      return Cli.FINDINGS;
    }
    SpecValidator.warnings(setup).forEach(p -> err.println("warning: " + p.message()));
    err.println(file + ": valid (setup '" + setup.name() + "' in " + setup.region() + ")");
    return Cli.OK;
  }
}
