package org.bgwizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bgwizard.export.CloudFormationImport;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.steps.NetworkFacts;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.provision.steps.SetupStatus;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;

/** {@code export --format cloudformation-import}: the import files from the journal and the account, or the record. */
final class ImportExport {
  private ImportExport() {}

  static int prepare(ExportCommand command, SetupSpec setup, String stack, Path setupFile, Session session,
      PrintWriter err) throws Exception {
    Journal journal = session.journal(setup);
    NetworkFacts network;
    try {
      network = session.operations().plan(setup).network();
    } catch (PlanRefusedException e) {
      err.println("error: " + e.getMessage());
      return Cli.FINDINGS;
    }
    SetupStatus status = session.operations().status(setup, journal, false);
    Map<ResourceRef, String> arns = new HashMap<>();
    Set<ResourceRef> absent = new HashSet<>();
    for (ResourceStatus r : status.resources()) {
      ResourceRef ref = new ResourceRef(r.kind(), r.name());
      switch (r.state()) {
        case MISSING, NOT_CREATED -> absent.add(ref);
        case PRESENT, DRIFTED, UNTRACKED -> {
          if (r.arn() != null) {
            arns.put(ref, r.arn());
          }
        }
        default -> { }
      }
    }
    String lbGroup = setup.loadBalancer().isExisting() && !network.loadBalancerSecurityGroups().isEmpty()
        ? network.loadBalancerSecurityGroups().get(0) : null;
    var facts = new CloudFormationImport.AccountFacts(
        session.operations().target(setup).accountId(), network.vpcId(), network.subnetIds(), lbGroup, arns, absent);
    var prepared = CloudFormationImport.prepare(setup, stack, setupFile.toString(), journal.entries(), facts);
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
    Journal journal = session.journal(setup);
    new StackMarker(stack, session.clock().instant()).write(journal.file());
    err.println("Recorded in " + StackMarker.fileFor(journal.file()) + ": the CloudFormation stack " + stack
        + " manages the setup " + setup.name() + ". status says so; apply and teardown refuse.");
    return Cli.OK;
  }

}
