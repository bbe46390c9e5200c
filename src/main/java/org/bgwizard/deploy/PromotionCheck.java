package org.bgwizard.deploy;

import java.util.Optional;

/**
 * Whether an environment's latest change may move on to the next environment ({@code deploy promote}): only what
 * the environment has deployed successfully. Read from the same snapshot {@code status} and {@code deploy status}
 * show: the newest pipeline run must have Succeeded (CodePipeline PipelineExecutionSummary.status: "Succeeded: the
 * pipeline execution was completed successfully"), and the environment's latest deployment must have succeeded
 * (CodeDeploy DeploymentInfo.status Succeeded; for ECS built-in blue/green, ServiceDeployment.status SUCCESSFUL).
 */
public final class PromotionCheck {
  private PromotionCheck() {}

  /** Why {@code environment}'s latest change may not be promoted, in English; empty when it may. */
  public static Optional<String> refusal(String environment, DeploymentSnapshot s) {
    if (s == null || s.connection().kind() != ConnectionState.Kind.OK) {
      String why = s == null || s.connection().message().isBlank() ? "" : ": " + s.connection().message();
      return Optional.of("could not read " + environment + "'s deployment" + why);
    }
    PipelineView p = s.pipeline();
    if (p != null && !p.executions().isEmpty()) {
      PipelineView.Execution newest = p.executions().get(0);
      if (!newest.status().equals("Succeeded")) {
        String failed = p.failure() == null ? "" : " (failed at " + p.failure().stage() + "/" + p.failure().action()
            + ": " + p.failure().message() + ")";
        return Optional.of(environment + "'s latest pipeline run " + newest.id() + " of " + p.name() + " is "
            + newest.status() + failed + ": only a change " + environment + " has deployed successfully is promoted");
      }
    }
    if (s.target().isNative()) {
      NativeDeployment d = s.nativeCurrent();
      if (d == null) {
        return Optional.of(environment + " has no deployment yet: deploy there first");
      }
      return d.status().equals("SUCCESSFUL") ? Optional.empty()
          : Optional.of(environment + "'s last deployment " + d.shortId() + " is " + d.status()
              + ", not SUCCESSFUL: only a change " + environment + " has deployed successfully is promoted");
    }
    DeploymentView d = s.current();
    if (d == null) {
      return Optional.of(environment + " has no deployment yet: deploy there first");
    }
    return d.status().equals("Succeeded") ? Optional.empty()
        : Optional.of(environment + "'s last deployment " + d.id() + " is " + d.status() + ", not Succeeded"
            + (d.errorMessage() == null || d.errorMessage().isBlank() ? "" : " (" + d.errorMessage() + ")")
            + ": only a change " + environment + " has deployed successfully is promoted");
  }
}
