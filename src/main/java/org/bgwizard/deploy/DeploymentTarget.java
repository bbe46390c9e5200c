package org.bgwizard.deploy;

import java.util.Objects;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.Strategy;

/**
 * What the dashboard watches: a CodeDeploy ECS application and group, or for an ECS built-in blue/green setup the
 * ECS service ECS deploys itself; the pipeline feeding it (may be null), and the pipeline's CodeCommit source (may
 * be null), which practice releases commit to.
 *
 * @param ecsService the service of an ECS built-in blue/green deployment; null for CodeDeploy, which then needs
 *     {@code application} and {@code deploymentGroup} (null for ECS)
 */
public record DeploymentTarget(String application, String deploymentGroup, String pipeline, SourceBranch source,
    EcsService ecsService) {
  public DeploymentTarget {
    if (ecsService == null) {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(deploymentGroup, "deploymentGroup");
    }
  }

  public DeploymentTarget(String application, String deploymentGroup, String pipeline, SourceBranch source) {
    this(application, deploymentGroup, pipeline, source, null);
  }

  public DeploymentTarget(String application, String deploymentGroup, String pipeline) {
    this(application, deploymentGroup, pipeline, null);
  }

  /** An ECS service deployed by ECS itself (deploymentController ECS, strategy BLUE_GREEN, LINEAR or CANARY). */
  public static DeploymentTarget ecsNative(String cluster, String service, String pipeline, SourceBranch source) {
    return new DeploymentTarget(null, null, pipeline, source, new EcsService(cluster, service));
  }

  /** A CodeCommit repository's branch. */
  public record SourceBranch(String repository, String branch) {
    public SourceBranch {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(branch, "branch");
    }
  }

  /** A cluster's service. */
  public record EcsService(String cluster, String service) {
    public EcsService {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(service, "service");
    }
  }

  /**
   * The setup's deployment group (or, for an ECS built-in blue/green setup, its service), its pipeline and, when it
   * is CodeCommit, the pipeline's source branch.
   */
  public static DeploymentTarget of(SetupSpec setup) {
    var source = setup.source();
    boolean codeCommit = setup.pipeline() != null && source != null && source.provider() == Source.Provider.CODECOMMIT;
    String pipeline = setup.pipeline() == null ? null : setup.pipeline().name();
    SourceBranch branch = codeCommit ? new SourceBranch(source.repository(), source.branch()) : null;
    if (setup.strategy() == Strategy.ECS_NATIVE) {
      return ecsNative(setup.ecs().cluster(), setup.ecs().service(), pipeline, branch);
    }
    return new DeploymentTarget(setup.codeDeploy().application(), setup.codeDeploy().deploymentGroup(), pipeline,
        branch);
  }

  public boolean isNative() {
    return ecsService != null;
  }

  /** "application / group", or "cluster / service" for ECS built-in blue/green. */
  public String displayName() {
    return isNative() ? ecsService.cluster() + " / " + ecsService.service() : application + " / " + deploymentGroup;
  }

  /** Practice releases need a pipeline and its CodeCommit branch. */
  public boolean practicable() {
    return pipeline != null && source != null;
  }
}
