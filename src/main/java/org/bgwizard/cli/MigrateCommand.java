package org.bgwizard.cli;

import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.steps.MigrationPlan;
import org.bgwizard.provision.steps.MigrationSpec;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Migration;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.setup.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Move a CodeDeploy setup to Amazon ECS blue/green deployments.",
        "Shows every step with its AWS CLI command: the infrastructure role and the listener rules are created,",
        "the service changes to the ECS deployment controller (refused while a CodeDeploy deployment runs), the",
        "pipeline deploys with the Amazon ECS action, the build writes imagedefinitions.json, and the CodeDeploy",
        "deployment group, application and role the setup created are deleted.",
        "The setup file records the strategy ecs-native once the migration finished; run it again to resume."})
final class MigrateCommand extends ProvisioningCommand {
  @Option(names = "--to", required = true, paramLabel = "STRATEGY", description = "The strategy to move to:"
      + " ecs-native.")
  String to;

  @Option(names = "--yes", description = "Do not ask for confirmation; needed without a terminal.")
  boolean yes;

  MigrateCommand(Connector connector) {
    super(connector);
  }

  @Override
  int run(SetupSpec setup, Session session) throws Exception {
    if (!Strategy.ECS_NATIVE.id().equals(to)) {
      err().println("error: --to '" + to + "' is not a strategy a setup can move to; expected "
          + Strategy.ECS_NATIVE.id());
      return Cli.USAGE;
    }
    if (setup.strategy() != Strategy.CODEDEPLOY) {
      err().println("error: the setup " + setup.name() + " in " + file + " already has the strategy "
          + setup.strategy().id() + "; only a codedeploy setup can move to " + to);
      return Cli.FINDINGS;
    }
    var problems = SpecValidator.validate(MigrationSpec.toNative(setup));
    if (!problems.isEmpty()) {
      problems.forEach(p -> err().println("error: as an ecs-native setup: " + p.message()));
      err().println("Fix the setup first; nothing was changed.");
      return Cli.FINDINGS;
    }
    Journal journal = session.journal(setup);
    if (CloudFormationHandover.refuses("migrate", journal, err())) {
      return Cli.FINDINGS;
    }
    MigrationPlan plan;
    try {
      plan = session.operations().migrationPlan(setup, journal);
    } catch (PlanRefusedException e) {
      return refused(e);
    }
    err().print(plan.describe(journal, file.toString()));
    explain(plan.nativePlan().warnings());
    if (!yes && !terminal.interactive()) {
      err().println("error: migrate changes the account only when confirmed on a terminal, and there is none: pass"
          + " --yes to migrate. Nothing was changed.");
      return Cli.FINDINGS;
    }
    if (!yes && !confirm("Move " + setup.name() + " to Amazon ECS blue/green deployments?")) {
      err().println("Nothing was changed.");
      return Cli.FINDINGS;
    }
    err().println("Journal: " + journal.file());
    var progress = new ProgressPrinter(err());
    ProvisionResult result = session.operations().migrate(plan, journal, progress);
    err().println("Migration: " + progress.summary());
    int code = report(result, "The migration");
    if (code != Cli.OK) {
      return code;
    }
    Migration.Finished finished = Migration.finish(session, plan, file);
    if (finished.committed()) {
      var source = finished.migrated().source();
      err().println(finished.commit().map(c -> "Committed buildspec.yml to " + source.repository() + " "
          + source.branch() + " (" + c + "); the pipeline starts a release.").orElse("The branch " + source.branch()
          + " already holds the new buildspec.yml."));
    } else {
      err().println("Next: " + finished.instructions());
    }
    err().println("The setup file " + file + " now has the strategy ecs-native: status, teardown and the dashboard"
        + " follow it.");
    return Cli.OK;
  }
}
