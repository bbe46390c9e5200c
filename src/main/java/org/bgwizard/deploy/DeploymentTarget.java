package org.bgwizard.deploy;

import java.util.Objects;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * What the dashboard watches: a CodeDeploy ECS application and group, the pipeline feeding it (may be null), and
 * the pipeline's CodeCommit source (may be null), which practice releases commit to.
 */
public record DeploymentTarget(String application, String deploymentGroup, String pipeline, SourceBranch source) {
  public DeploymentTarget {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(deploymentGroup, "deploymentGroup");
  }

  public DeploymentTarget(String application, String deploymentGroup, String pipeline) {
    this(application, deploymentGroup, pipeline, null);
  }

  /** A CodeCommit repository's branch. */
  public record SourceBranch(String repository, String branch) {
    public SourceBranch {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(branch, "branch");
    }
  }

  /** The setup's deployment group, its pipeline and, when it is CodeCommit, the pipeline's source branch. */
  public static DeploymentTarget of(SetupSpec setup) {
    var source = setup.source();
    boolean codeCommit = setup.pipeline() != null && source != null && source.provider() == Source.Provider.CODECOMMIT;
    return new DeploymentTarget(setup.codeDeploy().application(), setup.codeDeploy().deploymentGroup(),
        setup.pipeline() == null ? null : setup.pipeline().name(),
        codeCommit ? new SourceBranch(source.repository(), source.branch()) : null);
  }

  /** Practice releases need a pipeline and its CodeCommit branch. */
  public boolean practicable() {
    return pipeline != null && source != null;
  }
}
