package org.bgwizard.deploy;

import java.time.Instant;
import java.util.List;

/**
 * Everything the dashboard shows at one instant. Immutable; a monitor publishes a new one per refresh.
 *
 * @param pipeline null when the target names no pipeline
 * @param current the latest deployment, null when the group has none
 * @param history older deployments, newest first
 * @param refreshedAt when the last refresh ended (successful or not)
 * @param ecsNative the ECS service deployments of an ECS built-in blue/green target, null for CodeDeploy; with it,
 *     {@code current} and {@code history} (CodeDeploy's) are null and empty
 */
public record DeploymentSnapshot(DeploymentTarget target, GroupConfig group, PipelineView pipeline,
    DeploymentView current, List<DeploymentView> history, TrafficView traffic, ServiceView service,
    Instant refreshedAt, ConnectionState connection, NativeView ecsNative) {
  public DeploymentSnapshot {
    history = List.copyOf(history);
  }

  public DeploymentSnapshot(DeploymentTarget target, GroupConfig group, PipelineView pipeline,
      DeploymentView current, List<DeploymentView> history, TrafficView traffic, ServiceView service,
      Instant refreshedAt, ConnectionState connection) {
    this(target, group, pipeline, current, history, traffic, service, refreshedAt, connection, null);
  }

  /** Something is moving: a pipeline run or a deployment not yet finished. */
  public boolean active() {
    return (current != null && !current.terminal()) || (pipeline != null && pipeline.active())
        || (nativeCurrent() != null && !nativeCurrent().terminal());
  }

  /** The latest ECS service deployment, null for CodeDeploy or before any. */
  public NativeDeployment nativeCurrent() {
    return ecsNative == null ? null : ecsNative.current();
  }

  /**
   * The deployment a newer pipeline run waits for (its Deploy stage is held by the run that made it), or null: the
   * release is queued until that deployment ends, e.g. when its original task set is terminated.
   */
  public DeploymentView queuedBehind() {
    return pipeline != null && current != null && !current.terminal() && pipeline.newestWaitsForOlderRun()
        ? current : null;
  }

  /** The deployment {@code current} rolls back (the one whose rollback it is), from the history; null otherwise. */
  public DeploymentView rolledBack() {
    if (current == null || !current.rollback()) {
      return null;
    }
    return history.stream().filter(h -> current.id().equals(h.rollbackDeploymentId())).findFirst().orElse(null);
  }

  DeploymentSnapshot withConnection(ConnectionState state, Instant at) {
    return new DeploymentSnapshot(target, group, pipeline, current, history, traffic, service, at, state, ecsNative);
  }
}
