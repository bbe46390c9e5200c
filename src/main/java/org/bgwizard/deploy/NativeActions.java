package org.bgwizard.deploy;

/**
 * The actions on an ECS built-in blue/green deployment, allowed as ECS accepts them. Approve continues a PAUSE hook
 * that awaits action while the deployment is IN_PROGRESS ("Continuing service deployments"); a pipeline approval
 * waiting is answered instead when nothing is paused. Roll back at a pause is ContinueServiceDeployment ROLLBACK,
 * otherwise StopServiceDeployment ROLLBACK ("Stopping Amazon ECS service deployments"). ECS has no call to reroute
 * or to end the original revision early: the traffic shift follows the strategy and the bake time ends it.
 */
final class NativeActions {
  private NativeActions() {}

  static Verdict allowed(Action action, DeploymentSnapshot s) {
    NativeDeployment d = s.nativeCurrent();
    return switch (action) {
      case APPROVE -> d != null && d.pausedAt().isPresent() ? Verdict.yes()
          : s.pipeline() != null && s.pipeline().approval() != null ? Verdict.yes()
          : Verdict.no(Verdict.Why.NOT_PAUSED, "Nothing is paused: Approve continues a deployment that waits at"
              + " its pause before production traffic" + (d == null ? " (there is no deployment)"
              : " (the latest deployment is " + d.status() + (d.lifecycleStage() == null ? ""
                  : " at " + d.lifecycleStage()) + ")"));
      case REROUTE -> Verdict.no(Verdict.Why.NO_SUCH_CALL, "ECS built-in blue/green has no reroute call: production"
          + " traffic moves by the strategy, after Approve when the deployment pauses before it");
      case TERMINATE -> Verdict.no(Verdict.Why.NO_SUCH_CALL, "ECS built-in blue/green has no call to end the"
          + " original revision early: ECS removes it when the bake time ends");
      case ROLLBACK -> d == null ? Verdict.no(Verdict.Why.NO_DEPLOYMENT, "There is no deployment")
          : d.terminal() ? Verdict.no(Verdict.Why.ENDED, "The deployment has already ended (" + d.status() + ")")
          : d.rollingBack() ? Verdict.no(Verdict.Why.ROLLING_BACK, "The deployment is already rolling back ("
              + d.status() + ")")
          : Verdict.yes();
      case RELEASE, REJECT -> throw new IllegalArgumentException(action + " is the pipeline's");
    };
  }

  static String perform(NativeDeploymentCommands commands, Action action, NativeDeployment d) {
    var paused = d.pausedAt();
    if (paused.isPresent()) {
      commands.continueServiceDeployment(d.arn(), paused.get().hookId(), action == Action.ROLLBACK);
    } else if (action == Action.ROLLBACK) {
      commands.stopServiceDeployment(d.arn());
    } else {
      throw new IllegalStateException("Nothing is paused");
    }
    return d.arn();
  }
}
