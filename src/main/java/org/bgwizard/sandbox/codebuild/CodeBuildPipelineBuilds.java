package org.bgwizard.sandbox.codebuild;

import java.util.List;
import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;

/** {@link Ports.Builds}: the builds a pipeline's CodeBuild action starts and follows, answered by the CodeBuild engine. */
public final class CodeBuildPipelineBuilds implements Ports.Builds {
  private final CodeBuildEngine codeBuild;

  public CodeBuildPipelineBuilds(CodeBuildEngine codeBuild) {
    this.codeBuild = codeBuild;
  }

  @Override
  public Build startForPipeline(String projectName, String pipelineName, String inputBucket, String inputKey,
      String outputBucket, String outputKey, String sourceRevision) {
    return view(codeBuild.startForPipeline(projectName, pipelineName, inputBucket, inputKey, outputBucket, outputKey,
        sourceRevision));
  }

  @Override
  public Build startForPipeline(String projectName, String pipelineName, String inputBucket, String inputKey,
      String outputBucket, String outputKey, String sourceRevision, List<Variable> overrides) {
    var variables = overrides.stream().map(o -> {
      var v = new CodeBuildState.EnvVar();
      v.name = o.name();
      v.value = o.value();
      v.type = o.type();
      return v;
    }).toList();
    return view(codeBuild.startForPipeline(projectName, pipelineName, inputBucket, inputKey, outputBucket, outputKey,
        sourceRevision, variables));
  }

  @Override
  public Optional<Build> build(String id) {
    return Optional.ofNullable(codeBuild.build(id)).map(CodeBuildPipelineBuilds::view);
  }

  private static Build view(CodeBuildState.Build b) {
    FailedPhase failed = null;
    for (CodeBuildState.Phase phase : b.phases) {
      if ("FAILED".equals(phase.phaseStatus) && !phase.contexts.isEmpty()) {
        failed = new FailedPhase(phase.phaseType, phase.contexts.get(0).statusCode, phase.contexts.get(0).message);
        break;
      }
    }
    return new Build(b.id, b.projectName, b.buildComplete, b.buildStatus, b.nextAt, b.artifactUploaded,
        b.outputBucket, b.outputKey, failed);
  }
}
