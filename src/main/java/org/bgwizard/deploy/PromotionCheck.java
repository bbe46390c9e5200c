package org.bgwizard.deploy;

import java.util.Optional;
import org.bgwizard.deploy.PromotionRefusal.Kind;

/**
 * Whether an environment's latest change may move on to the next environment ({@code deploy promote}): only what
 * the environment has deployed successfully. Read from the same snapshot {@code status} and {@code deploy status}
 * show: the newest pipeline run must have Succeeded (CodePipeline PipelineExecutionSummary.status: "Succeeded: the
 * pipeline execution was completed successfully"), and the environment's latest deployment must have succeeded
 * (CodeDeploy DeploymentInfo.status Succeeded; for ECS built-in blue/green, ServiceDeployment.status SUCCESSFUL).
 */
public final class PromotionCheck {
  private PromotionCheck() {}

  /** Why {@code environment}'s latest change may not be promoted; empty when it may. */
  public static Optional<PromotionRefusal> refusal(String environment, DeploymentSnapshot s) {
    if (s == null || s.connection().kind() != ConnectionState.Kind.OK) {
      return Optional.of(PromotionRefusal.of(Kind.UNREADABLE, environment,
          s == null || s.connection().message() == null ? "" : s.connection().message()));
    }
    PipelineView p = s.pipeline();
    if (p != null && !p.executions().isEmpty()) {
      PipelineView.Execution newest = p.executions().get(0);
      if (!newest.status().equals("Succeeded")) {
        String failed = p.failure() == null ? "" : p.failure().stage() + "/" + p.failure().action() + ": "
            + p.failure().message();
        return Optional.of(PromotionRefusal.of(Kind.RUN_NOT_SUCCEEDED, environment, newest.id(), p.name(),
            newest.status(), failed));
      }
    }
    if (s.target().isNative()) {
      NativeDeployment d = s.nativeCurrent();
      if (d == null) {
        return Optional.of(PromotionRefusal.of(Kind.NO_DEPLOYMENT, environment));
      }
      return d.status().equals("SUCCESSFUL") ? Optional.empty()
          : Optional.of(PromotionRefusal.of(Kind.DEPLOYMENT_NOT_SUCCEEDED, environment, d.shortId(),
              String.valueOf(d.status()), "SUCCESSFUL", ""));
    }
    DeploymentView d = s.current();
    if (d == null) {
      return Optional.of(PromotionRefusal.of(Kind.NO_DEPLOYMENT, environment));
    }
    return d.status().equals("Succeeded") ? Optional.empty()
        : Optional.of(PromotionRefusal.of(Kind.DEPLOYMENT_NOT_SUCCEEDED, environment, d.id(), d.status(),
            "Succeeded", d.errorMessage() == null ? "" : d.errorMessage()));
  }
}
