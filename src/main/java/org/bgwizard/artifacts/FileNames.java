package org.bgwizard.artifacts;

/** The file names the build, the pipeline and CodeDeploy agree on. */
public final class FileNames {
  public static final String BUILDSPEC = "buildspec.yml";
  /**
   * What the shared unit-test project of a setup with environments runs ({@link UnitTests}): its CodeBuild project
   * names this file as its buildspec ("Build specification reference for CodeBuild": a buildspec other than
   * buildspec.yml in the source root is named in the project's source).
   */
  public static final String BUILDSPEC_TEST = "buildspec-test.yml";
  public static final String APPSPEC = "appspec.yaml";
  public static final String TASKDEF = "taskdef.json";
  /** What the ECS blue/green deploy action reads the image from; never imagedefinitions.json (catalogue row 1). */
  public static final String IMAGE_DETAIL = "imageDetail.json";
  /**
   * What the standard Amazon ECS deploy action of an ecs-native setup reads: [{"name": container, "imageUri": …}]
   * ("imagedefinitions.json file for Amazon ECS standard deployment actions", CodePipeline User Guide).
   */
  public static final String IMAGE_DEFINITIONS = "imagedefinitions.json";

  private FileNames() {}
}
