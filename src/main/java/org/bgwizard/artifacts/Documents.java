package org.bgwizard.artifacts;

import java.util.Locale;
import java.util.Optional;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Strategy;

/** The parsed inputs of one preflight run; a document is null when absent or unreadable. */
record Documents(SetupSpec spec, SourceLines buildspec, BuildspecFacts build, SourceLines appspec,
    SourceLines taskdef) {

  /**
   * The standard Amazon ECS action deploys (ecs-native): it reads imagedefinitions.json and needs no appspec or
   * taskdef. Only a setup says so: without one, files are checked as the tutorials' CodeDeploy deployment reads them.
   */
  boolean ecsAction() {
    return spec != null && spec.strategy() == Strategy.ECS_NATIVE;
  }

  /** taskdef.json comes from the repository with {@code <IMAGE1_NAME>}, and the build writes imageDetail.json. */
  boolean taskDefinitionInRepo() {
    if (ecsAction()) {
      return false;
    }
    if (spec != null) {
      return spec.codeBuild().taskDefinitionMode() == TaskDefinitionMode.FILE_IN_REPO;
    }
    return build == null || !build.generatesTaskDefinition();
  }

  /** The architecture the task runs on: the setup's, else the task definition's (Fargate's default X86_64). */
  Optional<Architecture> taskArchitecture() {
    if (spec != null) {
      return Optional.of(spec.container().architecture());
    }
    return taskdef == null ? Optional.empty() : Optional.of(taskdefArchitecture());
  }

  Architecture taskdefArchitecture() {
    String arch = taskdef.root().path("runtimePlatform").path("cpuArchitecture").asText("X86_64");
    return arch.toUpperCase(Locale.ROOT).equals("ARM64") ? Architecture.ARM64 : Architecture.X86_64;
  }
}
