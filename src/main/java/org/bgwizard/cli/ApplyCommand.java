package org.bgwizard.cli;

import java.util.List;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.PlanStatus;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Create the setup, or bring the account in line with the setup file.",
        "Creates what is missing, recreates what the journal has and the account lost, updates what changed.",
        "Steps run in parallel as their dependencies allow, each recorded in the setup's journal; without a",
        "journal, resources with the setup's names and tag are adopted. Running it again resumes a failed or",
        "interrupted apply without duplicates."})
final class ApplyCommand extends ProvisioningCommand {
  @Option(names = "--yes", description = "Do not ask for confirmation; without a terminal, needed to replace"
      + " resources AWS cannot change in place.")
  boolean yes;

  ApplyCommand(Connector connector) {
    super(connector);
  }

  @Override
  int run(SetupSpec setup, Session session) throws Exception {
    Journal journal = session.journal(setup);
    if (CloudFormationHandover.refuses("apply", journal, err())) {
      return Cli.FINDINGS;
    }
    SetupPlan plan;
    try {
      plan = session.operations().plan(setup, journal);
    } catch (PlanRefusedException e) {
      return refused(e);
    }
    err().print(plan.describe());
    explain(plan.warnings());
    List<ResourceRef> replaced = plan.replacements();
    if (!replaced.isEmpty() && !yes) {
      err().println("This plan replaces " + replaced.size() + " resources: each is deleted, then created again.");
      replaced.forEach(ref -> err().println("  - " + ref + ": " + plan.status(ref).replaceCost()));
      if (!terminal.interactive()) {
        err().println("error: apply replaces resources only when asked on a terminal, and there is none: pass --yes to"
            + " accept replacing these " + replaced.size() + ". Nothing was changed.");
        return Cli.FINDINGS;
      }
    }
    String question = replaced.isEmpty() ? "Apply this plan?" : "Replace " + replaced.size() + " resources (and apply"
        + " the rest of the plan)?";
    if (!yes && !confirm(question)) {
      err().println("Nothing was changed.");
      return Cli.FINDINGS;
    }
    err().println("Journal: " + journal.file());
    var progress = new ProgressPrinter(err());
    ProvisionResult result = session.operations().apply(plan, journal, progress);
    err().println("Apply: " + progress.summary());
    int code = report(result, "Apply");
    if (code == Cli.OK) {
      result.outputs().forEach((ref, outputs) -> {
        if (outputs.containsKey("dnsName")) {
          err().println("Load balancer: http://" + outputs.get("dnsName") + ":" + setup.loadBalancer().productionPort()
              + "/ (test listener :" + setup.loadBalancer().testPort() + ")");
        }
      });
      PlanStatus pipeline = plan.status(new ResourceRef(ResourceKind.PIPELINE.id(), setup.pipeline().name()));
      if (pipeline != null
          && (pipeline.kind() == PlanStatus.Kind.CREATE || pipeline.kind() == PlanStatus.Kind.RECREATE)) {
        // CreatePipeline starts a run at once (CodePipeline user guide, "Start a pipeline in CodePipeline")
        err().println("The pipeline " + setup.pipeline().name() + " starts its first run now.");
      }
    }
    return code;
  }
}
