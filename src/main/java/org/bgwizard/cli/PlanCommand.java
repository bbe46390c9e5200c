package org.bgwizard.cli;

import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what apply would do: each step (create, exists, update, reuse) with the AWS CLI command",
        "that does the same by hand. Only reads; refuses when something found cannot be used."})
final class PlanCommand extends ProvisioningCommand {

  PlanCommand(Backend backend) {
    super(backend);
  }

  @Override
  int run(SetupSpec setup, Backend.Session session) {
    try {
      var plan = session.operations().plan(setup);
      out().print(plan.describe());
      explain(plan.warnings());
      return Cli.OK;
    } catch (PlanRefusedException e) {
      return refused(e);
    }
  }
}
