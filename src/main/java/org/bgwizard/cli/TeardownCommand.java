package org.bgwizard.cli;

import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.TeardownPlan;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "teardown", mixinStandardHelpOptions = true,
    description = {"Delete exactly what the journal says this setup created, dependents first.",
        "Resources you brought (\"use existing\") are never touched. Lists what it will delete before it",
        "starts."})
final class TeardownCommand extends ProvisioningCommand {
  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--env", paramLabel = "E", description = {"Tear down the environment E only: its own resources,"
      + " and the shared ones no other environment still has (the last environment's teardown deletes them).",
      "Without --env, a setup with environments is torn down whole."})
  String environment;

  TeardownCommand(Connector connector) {
    super(connector);
  }

  @Override
  int run(SetupSpec setup, Session session) throws Exception {
    if (!EnvironmentSelection.accepts(setup, environment, err())) {
      return Cli.USAGE;
    }
    Journal journal = session.journal(setup);
    if (CloudFormationHandover.refuses("teardown", journal, err())) {
      return Cli.FINDINGS;
    }
    TeardownPlan plan = environment == null ? session.operations().teardownPlan(setup, journal)
        : session.operations().teardownPlan(setup, journal, environment);
    if (environment != null) {
      err().println("Environment " + environment + " of " + setup.name() + ":");
    } else if (setup.hasEnvironments()) {
      err().println("Every environment of " + setup.name() + ": " + String.join(", ", setup.environments().names()));
    }
    err().print(plan.describe());
    if (plan.items().isEmpty() && plan.unknown().isEmpty()) {
      err().println("Nothing to delete: the journal " + journal.file() + " records nothing this setup still has.");
      return Cli.OK;
    }
    if (!yes && !confirm("Delete these " + plan.items().size() + " resources?")) {
      err().println("Nothing was deleted.");
      return Cli.FINDINGS;
    }
    var progress = new ProgressPrinter(err());
    ProvisionResult result = session.operations().teardown(plan, journal, progress);
    err().println("Teardown: " + progress.summary());
    return report(result, "Teardown");
  }
}
