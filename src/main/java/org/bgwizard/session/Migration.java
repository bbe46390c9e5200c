package org.bgwizard.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.steps.MigrationPlan;
import org.bgwizard.provision.steps.MigrationSource;
import org.bgwizard.provision.steps.MigrationSpec;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.setup.Strategy;

/**
 * Moving a CodeDeploy setup to Amazon ECS blue/green, the same for {@code migrate FILE --to ecs-native} and the
 * dashboard's "Move to ECS blue/green…": the plan (refused while a CodeDeploy deployment runs), the migration, then
 * the new buildspec committed to a CodeCommit source and the setup file rewritten with the strategy ecs-native.
 * Every method but {@link #finish} reads or changes the account: never on the FX thread.
 */
public final class Migration {
  /** Who the buildspec commit is by. */
  public static final String AUTHOR = "Blue/Green Pipeline Wizard";
  public static final String COMMIT_MESSAGE =
      "Build for the Amazon ECS deploy action: buildspec.yml writes imagedefinitions.json";

  private Migration() {}

  /**
   * The plan of the move, or why it cannot be made now.
   *
   * @param refusals why the migration cannot start (nothing was changed); empty when {@code plan} is set
   * @param description every step with its AWS CLI command, as {@code migrate} prints it
   */
  public record Planned(List<String> refusals, MigrationPlan plan, Journal journal, String description) {
    public Planned {
      refusals = List.copyOf(refusals);
    }

    public boolean refused() {
      return !refusals.isEmpty();
    }
  }

  /**
   * Plans the move of {@code setup} kept in {@code file}: refused when the setup is not a CodeDeploy one, is not
   * valid as an ecs-native setup, a CloudFormation stack manages it, or the plan is refused (a CodeDeploy deployment
   * runs: "Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green deployments").
   */
  public static Planned plan(Session session, SetupSpec setup, Path file, Locale locale) throws IOException {
    if (setup.strategy() != Strategy.CODEDEPLOY) {
      return refused("the setup " + setup.name() + " already has the strategy " + setup.strategy().id()
          + "; only a codedeploy setup can move to " + Strategy.ECS_NATIVE.id());
    }
    var problems = SpecValidator.validate(MigrationSpec.toNative(setup));
    if (!problems.isEmpty()) {
      return new Planned(problems.stream().map(p -> p.message(locale)).toList(), null, null, "");
    }
    Journal journal = session.journal(setup);
    Optional<StackMarker> marker = StackMarker.read(journal.file());
    if (marker.isPresent()) {
      return refused(marker.get().refusal("migrate"));
    }
    try {
      MigrationPlan plan = session.operations().migrationPlan(setup, journal);
      return new Planned(List.of(), plan, journal, plan.describe(journal, file.toString()));
    } catch (PlanRefusedException e) {
      return new Planned(e.reasons(), null, journal, "");
    }
  }

  private static Planned refused(String why) {
    return new Planned(List.of(why), null, null, "");
  }

  /** Applies the ecs-native plan, then deletes the CodeDeploy resources the setup created. */
  public static ProvisionResult migrate(Session session, Planned planned, ProvisionListener listener) {
    return session.operations().migrate(planned.plan(), planned.journal(), listener);
  }

  /**
   * What happened to the source once the account moved.
   *
   * @param committed whether the tool commits the buildspec itself (a CodeCommit source)
   * @param commit the commit made; empty when the branch already held the new buildspec, or nothing was committed
   * @param instructions for a source the tool does not commit to: how the buildspec gets there
   */
  public record Finished(SetupSpec migrated, boolean committed, Optional<String> commit, String instructions) {}

  /**
   * After a successful {@link #migrate}: commits the new buildspec to a CodeCommit source (which starts the
   * pipeline), then rewrites {@code file} with the strategy ecs-native, so status, teardown and the dashboard
   * follow it. Calls AWS for the commit.
   */
  public static Finished finish(Session session, MigrationPlan plan, Path file) throws IOException {
    SetupSpec migrated = plan.to();
    Finished finished;
    if (MigrationSource.committedByTool(migrated)) {
      var files = new LinkedHashMap<String, String>();
      for (RepoFile f : RepoFiles.generate(migrated, plan.target())) {
        files.put(f.path(), f.content());
      }
      var source = migrated.source();
      var commit = session.commits().commitFiles(source.repository(), source.branch(), files, COMMIT_MESSAGE,
          AUTHOR);
      finished = new Finished(migrated, true, commit, "");
    } else {
      finished = new Finished(migrated, false, Optional.empty(), MigrationSource.instructions(migrated,
          file.toString()));
    }
    SpecJson.save(migrated, file);
    return finished;
  }
}
