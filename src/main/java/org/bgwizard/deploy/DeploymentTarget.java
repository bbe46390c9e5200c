package org.bgwizard.deploy;

import java.util.Objects;

/** What the dashboard watches: a CodeDeploy ECS application and group, and the pipeline feeding it (may be null). */
public record DeploymentTarget(String application, String deploymentGroup, String pipeline) {
  public DeploymentTarget {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(deploymentGroup, "deploymentGroup");
  }
}
