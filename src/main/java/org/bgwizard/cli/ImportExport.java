package org.bgwizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import org.bgwizard.export.CloudFormationImport;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.session.Session;
import org.bgwizard.session.StackHandover;
import org.bgwizard.setup.SetupSpec;

/** {@code export --format cloudformation-import}: the import files from the journal and the account, or the record. */
final class ImportExport {
  private ImportExport() {}

  static int prepare(ExportCommand command, SetupSpec setup, String stack, Path setupFile, Session session,
      PrintWriter err) throws Exception {
    CloudFormationImport.Prepared prepared;
    try {
      prepared = StackHandover.prepare(session, setup, stack, setupFile.toString());
    } catch (PlanRefusedException e) {
      err.println("error: " + e.getMessage());
      return Cli.FINDINGS;
    }
    var outputs = new ArrayList<ExportCommand.Output>();
    prepared.files().forEach((name, content) -> outputs.add(new ExportCommand.Output(command.out.resolve(name),
        content)));
    int code = command.write(outputs, err);
    if (code != Cli.OK) {
      return code;
    }
    prepared.leftOut().forEach(l -> err.println("note: left out of the import: " + l));
    err.println("Run these commands from " + command.out + " (also in its " + CloudFormationImport.README + "):");
    command.spec.commandLine().getOut().print(prepared.commands());
    return Cli.OK;
  }

  static int record(SetupSpec setup, String stack, Session session, PrintWriter err) throws Exception {
    Path marker = StackHandover.record(session, setup, stack);
    err.println("Recorded in " + marker + ": the CloudFormation stack " + stack
        + " manages the setup " + setup.name() + ". status says so; apply and teardown refuse.");
    return Cli.OK;
  }

}
