package org.bgwizard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.setup.SpecValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a setup file with the tutorial's defaults derived from NAME.")
final class InitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Setup name: 2-24 lowercase letters, digits and hyphens, e.g. myapp.")
  String name;

  @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1",
      description = "AWS region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the setup (default: NAME.json).")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Mixin
  SourceOptions source;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var setup = SpecDefaults.tutorial(name, region);
    setup = setup.withSource(source.source(name, setup.source()));
    var problems = SpecValidator.validate(setup);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("error: " + p.message()));
      return Cli.USAGE;
    }
    Path file = out != null ? out : Path.of(name + ".json");
    if (Files.exists(file) && !force) {
      err.println("error: " + file + " exists; choose another --out or add --force to overwrite it");
      return Cli.FINDINGS;
    }
    SpecJson.save(setup, file);
    err.println("Wrote " + file + " (setup '" + name + "' in " + region + ").");
    err.println("Next: edit it if you like, then `validate " + file + "` and `files " + file + " --out DIR`.");
    return Cli.OK;
  }
}
