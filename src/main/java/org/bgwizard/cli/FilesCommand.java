package org.bgwizard.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bgwizard.artifacts.ExportFiles;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "files", mixinStandardHelpOptions = true,
    description = {"Write the generated files of a setup.",
        "buildspec.yml, appspec.yaml, taskdef.json (and the starter app when chosen); with --all also",
        "pipeline.json and the IAM policies."})
final class FilesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The setup file.")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into (created if needed).")
  Path out;

  @Option(names = "--account", paramLabel = "ID",
      description = "Your 12-digit AWS account id, used in role ARNs and the ECR registry "
          + "(default: the simulated account " + SimulatedAccount.ACCOUNT_ID + ").")
  String account;

  @Option(names = "--all", description = "Also write pipeline.json and iam/<role>-{trust,permissions}.json for review.")
  boolean all;

  @Option(names = "--force", description = "Overwrite files whose content differs.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var setup = SetupFiles.load(file, err);
    if (setup == null) {
      return Cli.FINDINGS;
    }
    if (account != null && !account.matches("\\d{12}")) {
      err.println("error: --account '" + account + "' is not an AWS account id; expected 12 digits, e.g. 123456789012");
      return Cli.USAGE;
    }
    var problems = SpecValidator.validate(setup);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("error: " + p.message()));
      err.println("Fix the setup first (see `validate " + file + "`).");
      return Cli.FINDINGS;
    }
    if (account == null) {
      err.println("note: no --account given; ARNs use the simulated account " + SimulatedAccount.ACCOUNT_ID);
    }
    var target = new Target(account == null ? SimulatedAccount.ACCOUNT_ID : account, setup.region());
    List<RepoFile> files = all ? ExportFiles.generate(setup, target) : RepoFiles.generate(setup, target);
    var conflicts = files.stream().filter(f -> differs(out.resolve(f.path()), f.content())).toList();
    if (!conflicts.isEmpty() && !force) {
      conflicts.forEach(f -> err.println("error: " + out.resolve(f.path()) + " exists with other content"));
      err.println("Nothing written; add --force to overwrite.");
      return Cli.FINDINGS;
    }
    for (RepoFile f : files) {
      AtomicFiles.write(out.resolve(f.path()), f.content());
      err.println("wrote " + out.resolve(f.path()));
    }
    return Cli.OK;
  }

  private static boolean differs(Path path, String content) {
    try {
      return Files.exists(path) && !Files.readString(path, StandardCharsets.UTF_8).equals(content);
    } catch (java.io.IOException e) {
      return true;
    }
  }
}
