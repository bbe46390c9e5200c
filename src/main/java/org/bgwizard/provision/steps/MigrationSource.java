package org.bgwizard.provision.steps;

import java.util.List;
import org.bgwizard.artifacts.FileNames;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/** What a migration tells the user about the CodeDeploy group it leaves and the source the build reads. */
public final class MigrationSource {
  private MigrationSource() {}

  /** The CodeDeploy application and deployment group of the setup being moved. */
  public record CodeDeployGroup(String application, String deploymentGroup) {}

  static String runningMessage(List<String> running, CodeDeployGroup group) {
    return "The CodeDeploy deployment " + String.join(", ", running) + " of " + group.deploymentGroup() + " is in"
        + " progress, and AWS changes a service's deployment controller only outside a deployment (\"Migrate CodeDeploy"
        + " blue/green deployments to Amazon ECS blue/green deployments\"): wait until it ends (or stop it), then"
        + " migrate again. Nothing was changed.";
  }

  /** Whether the tool commits the new buildspec itself: only to a CodeCommit repository, as {@code files} does. */
  public static boolean committedByTool(SetupSpec spec) {
    return spec.source().provider() == Source.Provider.CODECOMMIT;
  }

  /** How {@code buildspec.yml} comes to write imagedefinitions.json for the Amazon ECS action, per source kind. */
  public static String instructions(SetupSpec nativeSpec, String file) {
    Source s = nativeSpec.source();
    String buildspec = FileNames.BUILDSPEC;
    String why = buildspec + " must write imagedefinitions.json for the pipeline's Amazon ECS action (the build"
        + " project reads " + buildspec + " of the source)";
    return switch (s.provider()) {
      case CODECOMMIT -> why + ": the migration commits it to " + s.repository() + " " + s.branch()
          + " as its last step, which starts the pipeline.";
      case S3 -> why + ": write it with `files " + file + " --out DIR` after the migration, put it in your source zip"
          + " and upload the zip to s3://" + s.s3Bucket() + "/" + s.s3ObjectKey() + "; until then a release fails"
          + " at the Deploy stage.";
      case GITHUB -> why + ": write it with `files " + file + " --out DIR` after the migration and push it to "
          + s.fullRepositoryId() + " " + s.branch() + " yourself; until then a release fails at the Deploy stage.";
    };
  }
}
