package org.bgwizard.setup;

/**
 * The CodeBuild project that builds the image with Docker (CodeBuild API Reference, CreateProject; catalogue rows
 * 20–22).
 */
final class CodeBuildRules {
  private CodeBuildRules() {}

  static void check(CodeBuild cb, SetupSpec spec, Findings f) {
    f.name("codeBuild.project", cb.project(), NameRule.CODEBUILD, "codeBuildProject.invalid");
    if (f.present("codeBuild.image", cb.image()) && spec.container() != null
        && spec.container().architecture() != null) {
      var wanted = spec.container().architecture();
      f.require(ContainerImages.buildImageArchitecture(cb.image()) == wanted, "codeBuild.image", cb.image(),
          "buildImage.architecture", wanted.name(), SpecDefaults.buildImageFor(wanted));
    }
    if (f.present("codeBuild.computeType", cb.computeType())) {
      f.require(AwsChoices.BUILD_COMPUTE_TYPES.contains(cb.computeType()), "codeBuild.computeType",
          cb.computeType(), "computeType.invalid", Findings.join(AwsChoices.BUILD_COMPUTE_TYPES));
    }
    f.require(cb.privileged(), "codeBuild.privileged", false, "codeBuild.notPrivileged");
    f.present("codeBuild.taskDefinitionMode", cb.taskDefinitionMode());
    if (cb.dockerHubSecretArn() != null) {
      f.require(AwsArns.isSecretArn(cb.dockerHubSecretArn()), "codeBuild.dockerHubSecretArn",
          cb.dockerHubSecretArn(), "secretArn.invalid");
    }
    f.range("codeBuild.timeoutMinutes", cb.timeoutMinutes(), 5, 2160, "codeBuild.timeout");
  }
}
