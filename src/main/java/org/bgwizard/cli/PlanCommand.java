package org.bgwizard.cli;

import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what apply would do: each step (create, exists, update, reuse) with the AWS CLI command",
        "that does the same by hand. Only reads; refuses when something found cannot be used.",
        "A resource AWS would not let you look at is listed as unknown, with the reason; the exit code is then 1."})
final class PlanCommand extends ProvisioningCommand {

  PlanCommand(Backend backend) {
    super(backend);
  }

  @Override
  int run(SetupSpec setup, Backend.Session session) {
    try {
      SetupPlan plan = session.operations().plan(setup);
      out().print(plan.describe());
      explain(plan.warnings());
      int unknown = plan.lookupFailures().size();
      if (unknown > 0) {
        err().println("warning: could not look at " + unknown + (unknown == 1 ? " resource" : " resources")
            + "; apply tries " + (unknown == 1 ? "its step" : "their steps") + " and goes on with the rest");
        return Cli.FINDINGS;
      }
      return Cli.OK;
    } catch (PlanRefusedException e) {
      return refused(e);
    }
  }
}
