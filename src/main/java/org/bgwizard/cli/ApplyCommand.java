package org.bgwizard.cli;

import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.Step;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.PlanStatus;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Create the setup, recording each step in the setup's journal.",
        "Steps run in parallel as their dependencies allow. Running it again resumes a failed or interrupted",
        "apply without duplicates."})
final class ApplyCommand extends ProvisioningCommand {
  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  ApplyCommand(Backend backend) {
    super(backend);
  }

  @Override
  int run(SetupSpec setup, Backend.Session session) throws Exception {
    SetupPlan plan;
    try {
      plan = session.operations().plan(setup);
    } catch (PlanRefusedException e) {
      err().println("error: " + e.getMessage());
      return Cli.FINDINGS;
    }
    err().print(plan.describe());
    if (!yes && !confirm("Apply this plan?")) {
      err().println("Nothing was changed.");
      return Cli.FINDINGS;
    }
    Journal journal = session.journal(setup);
    err().println("Journal: " + journal.file());
    for (Step step : plan.plan().steps()) {
      boolean finished = journal.entry(step.ref()).filter(e -> e.state() == JournalEntry.State.DONE).isPresent();
      if (finished && plan.status(step.ref()).kind() == PlanStatus.Kind.EXISTS_DIFFERS) {
        err().println("warning: " + step.ref() + " differs from the setup, but the journal records it as done and"
            + " apply does not run finished steps again: " + String.join("; ", plan.status(step.ref()).differences()));
      }
    }
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
      err().println("The pipeline " + setup.pipeline().name() + " starts its first run now.");
    }
    return code;
  }
}
