package org.bgwizard.deploy;

import java.util.Objects;

/**
 * A deployment the dashboard can open, found in the account: a CodeDeploy ECS deployment group, or an ECS service
 * that deploys blue/green itself.
 *
 * @param strategy the ECS service's {@code deploymentConfiguration.strategy} (BLUE_GREEN, LINEAR or CANARY); null
 *     for a CodeDeploy deployment group
 */
public record PickableTarget(DeploymentTarget target, String strategy) {
  public PickableTarget {
    Objects.requireNonNull(target, "target");
  }

  /** A CodeDeploy deployment group. */
  public static PickableTarget codeDeploy(DeploymentTarget target) {
    return new PickableTarget(target, null);
  }
}
