package org.bgwizard.cli;

import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what apply would do, step by step, with the AWS CLI command for each.",
        "Each step is create, exists, update or reuse, with the command that does the same by hand. Only",
        "reads; refuses when something found cannot be used."})
final class PlanCommand extends ProvisioningCommand {

  PlanCommand(Backend backend) {
    super(backend);
  }

  @Override
  int run(SetupSpec setup, Backend.Session session) {
    try {
      out().print(session.operations().plan(setup).describe());
      return Cli.OK;
    } catch (PlanRefusedException e) {
      err().println("error: " + e.getMessage());
      return Cli.FINDINGS;
    }
  }
}
