package org.bgwizard.artifacts;

import java.util.Locale;
import java.util.Optional;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;

/** The parsed inputs of one preflight run; a document is null when absent or unreadable. */
record Documents(SetupSpec spec, SourceLines buildspec, BuildspecFacts build, SourceLines appspec,
    SourceLines taskdef) {

  /** taskdef.json comes from the repository with {@code <IMAGE1_NAME>}, and the build writes imageDetail.json. */
  boolean taskDefinitionInRepo() {
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
