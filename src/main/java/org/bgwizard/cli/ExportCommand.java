package org.bgwizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bgwizard.export.CliScript;
import org.bgwizard.export.SetupTemplate;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.session.Connector;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Hand the setup over to another tool, in one of three formats.",
        "cloudformation writes one CloudFormation template of the whole setup (to --out, or to stdout), with"
            + " parameters for the VPC and subnets and the production and test URLs as outputs; it needs no"
            + " connection.",
        "cloudformation-import writes into the folder --out what moves a created setup under a stack without"
            + " recreating anything: the template, the resources to import with their identifiers from the journal"
            + " and the account, and the AWS CLI commands to run; it connects like status.",
        "cli writes the plan as a shell script of AWS CLI commands in dependency order, with the waits between"
            + " them; it connects like plan.",
        "A setup that does not validate is refused with every problem, and nothing is written."})
final class ExportCommand implements Callable<Integer> {
  static final String CLOUDFORMATION = "cloudformation";
  static final String CLOUDFORMATION_IMPORT = "cloudformation-import";
  static final String CLI = "cli";
  private static final List<String> FORMATS = List.of(CLOUDFORMATION, CLOUDFORMATION_IMPORT, CLI);

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The setup file.")
  Path file;

  @Option(names = "--format", paramLabel = "F", required = true,
      description = "What to write: cloudformation, cloudformation-import or cli.")
  String format;

  @Option(names = "--out", paramLabel = "PATH", description = "The file to write (cloudformation, cli: stdout when"
      + " not given), or the folder (cloudformation-import: required; created if needed).")
  Path out;

  @Option(names = "--force", description = "Overwrite files whose content differs.")
  boolean force;

  @Option(names = "--stack", paramLabel = "NAME", description = "cloudformation-import: the stack that takes the"
      + " setup over (default: the setup's name).")
  String stack;

  @Option(names = "--record-import", description = "cloudformation-import: record that the stack now manages the"
      + " setup (run it once the import change set has run). status then says so, and apply and teardown refuse."
      + " Writes nothing else.")
  boolean recordImport;

  @Mixin
  ConnectionOptions connection;

  private final Connector connector;

  ExportCommand(Connector connector) {
    this.connector = connector;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!FORMATS.contains(format)) {
      err.println("error: --format '" + format + "' is not a format; expected one of " + String.join(", ", FORMATS));
      return Cli.USAGE;
    }
    SetupSpec setup = SetupFiles.load(file, err);
    if (setup == null) {
      return Cli.FINDINGS;
    }
    var problems = SpecValidator.validate(setup);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("error: " + p.message()));
      err.println("Nothing written: fix the setup first (see `validate " + file + "`).");
      return Cli.FINDINGS;
    }
    return switch (format) {
      case CLOUDFORMATION -> emit(SetupTemplate.yaml(setup), err);
      case CLOUDFORMATION_IMPORT -> importInto(setup, err);
      default -> ProvisioningCommand.connected(file, true, connection, connector, err, (spec, session) -> {
        try {
          SetupPlan plan = session.operations().plan(spec, session.journal(spec));
          return emit(CliScript.of(spec, plan.target().accountId(), plan.network().vpcId(), plan.planned()), err);
        } catch (PlanRefusedException e) {
          err.println("error: " + e.getMessage());
          return Cli.FINDINGS;
        }
      });
    };
  }

  private int importInto(SetupSpec setup, PrintWriter err) throws Exception {
    String stackName = stack == null ? setup.name() : stack;
    if (!StackMarker.isStackName(stackName)) {
      err.println("error: --stack '" + stackName + "' is not a stack name; expected a letter, then letters, digits"
          + " and hyphens, 128 at most");
      return Cli.USAGE;
    }
    if (!recordImport && out == null) {
      err.println("error: --format cloudformation-import needs --out DIR, the folder to write the import files into");
      return Cli.USAGE;
    }
    return ProvisioningCommand.connected(file, true, connection, connector, err, (spec, session) -> recordImport
        ? ImportExport.record(spec, stackName, session, err)
        : ImportExport.prepare(this, spec, stackName, file, session, err));
  }

  /** Writes {@code content} to --out, or prints it on stdout. */
  private int emit(String content, PrintWriter err) throws IOException {
    if (out == null) {
      spec.commandLine().getOut().print(content);
      return Cli.OK;
    }
    return write(List.of(new Output(out, content)), err);
  }

  /** Writes every file, or none when one exists with other content and --force is not given. */
  int write(List<Output> files, PrintWriter err) throws IOException {
    var conflicts = files.stream().filter(f -> differs(f.path(), f.content())).toList();
    if (!conflicts.isEmpty() && !force) {
      conflicts.forEach(f -> err.println("error: " + f.path() + " exists with other content"));
      err.println("Nothing written; add --force to overwrite.");
      return Cli.FINDINGS;
    }
    for (Output f : files) {
      AtomicFiles.write(f.path(), f.content());
      err.println("wrote " + f.path());
    }
    return Cli.OK;
  }

  record Output(Path path, String content) {}

  private static boolean differs(Path path, String content) {
    try {
      return Files.exists(path) && !Files.readString(path, StandardCharsets.UTF_8).equals(content);
    } catch (IOException e) {
      return true;
    }
  }
}
