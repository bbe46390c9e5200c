package org.bgwizard.ui.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.ServiceView;
import org.bgwizard.setup.EnvironmentSpec;

/**
 * One environment of the overview: its expanded setup, the deployment target that names its group and pipeline,
 * and the latest snapshot its monitor read. The texts are what the overview's row shows; "" where nothing is known
 * yet. FX thread only.
 */
public final class EnvironmentRow {
  private final EnvironmentSpec environment;
  private final DeploymentTarget target;
  private final ObjectProperty<DeploymentSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");

  public EnvironmentRow(EnvironmentSpec environment) {
    this.environment = environment;
    this.target = DeploymentTarget.of(environment.spec());
  }

  public String name() {
    return environment.environment() == null ? environment.spec().name() : environment.environment().name();
  }

  public EnvironmentSpec environment() {
    return environment;
  }

  public DeploymentTarget target() {
    return target;
  }

  public ObjectProperty<DeploymentSnapshot> snapshot() {
    return snapshot;
  }

  /** The source revision of the pipeline's newest run, shortened to 8 characters as Git does for commits. */
  public String commit() {
    var s = snapshot.get();
    if (s == null || s.pipeline() == null || s.pipeline().executions().isEmpty()) {
      return "";
    }
    String revision = s.pipeline().executions().get(0).revision();
    return revision == null ? "" : revision.length() > 8 ? revision.substring(0, 8) : revision;
  }

  /** The image the serving task set runs: the PRIMARY one's first container image, its repository and tag. */
  public String image() {
    var s = snapshot.get();
    if (s == null || s.service() == null) {
      return "";
    }
    return s.service().taskSets().stream().filter(t -> t.status().equals("PRIMARY")).findFirst()
        .or(() -> s.service().taskSets().stream().findFirst())
        .map(ServiceView.TaskSet::images).filter(images -> !images.isEmpty())
        .map(images -> images.get(0).substring(images.get(0).lastIndexOf('/') + 1)).orElse("");
  }

  /** The status of the pipeline's newest run (CodePipeline's: InProgress, Succeeded, Failed…). */
  public String pipelineStatus() {
    var s = snapshot.get();
    if (s == null || s.pipeline() == null || s.pipeline().executions().isEmpty()) {
      return "";
    }
    return s.pipeline().executions().get(0).status();
  }

  /** The status of the latest deployment (CodeDeploy's, or the ECS service deployment's). */
  public String deploymentStatus() {
    var s = snapshot.get();
    if (s == null) {
      return "";
    }
    if (s.current() != null) {
      return s.current().status();
    }
    return s.nativeCurrent() == null ? "" : String.valueOf(s.nativeCurrent().status());
  }

  /** A manual approval waits in the pipeline. */
  public boolean approvalWaiting() {
    var s = snapshot.get();
    return s != null && DeploymentActions.allowed(Action.APPROVE, s).allowed();
  }

  /** Why the monitor could not read the environment, or "" when it could. */
  public String readProblem() {
    var s = snapshot.get();
    return s == null || s.connection() == null || s.connection().message() == null ? ""
        : s.connection().message();
  }
}
