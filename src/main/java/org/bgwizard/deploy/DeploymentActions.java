package org.bgwizard.deploy;

/**
 * The dashboard's actions, each allowed only in the states AWS accepts it (CodeDeploy API Reference): reroute while the
 * deployment is Ready; terminate during the original task set's termination wait; stop and roll back while the
 * deployment is not finished; approve or reject while an approval waits. An ECS built-in blue/green deployment has
 * its own rules ({@link NativeActions}).
 */
public final class DeploymentActions {
  private final DeploymentCommands commands;
  private final NativeDeploymentCommands nativeCommands;

  public DeploymentActions(DeploymentCommands commands) {
    this(commands, null);
  }

  public DeploymentActions(DeploymentCommands commands, NativeDeploymentCommands nativeCommands) {
    this.commands = commands;
    this.nativeCommands = nativeCommands;
  }

  public static Verdict allowed(Action action, DeploymentSnapshot s) {
    if (s == null || s.connection().kind() == ConnectionState.Kind.CONNECTING) {
      return Verdict.no(Verdict.Why.NOT_READ, "The dashboard has not read the deployment yet");
    }
    if (s.target().isNative() && action != Action.RELEASE && action != Action.REJECT) {
      return NativeActions.allowed(action, s);
    }
    DeploymentView d = s.current();
    return switch (action) {
      case RELEASE -> s.pipeline() == null
          ? Verdict.no(Verdict.Why.NO_PIPELINE, "No pipeline is known for this "
              + (s.target().isNative() ? "service" : "deployment group")) : Verdict.yes();
      case APPROVE, REJECT -> s.pipeline() != null && s.pipeline().approval() != null ? Verdict.yes()
          : Verdict.no(Verdict.Why.NO_APPROVAL, "No manual approval is waiting");
      case REROUTE -> d != null && d.waitingForReroute() ? Verdict.yes()
          : Verdict.no(Verdict.Why.NOT_READY,
              "Traffic can be rerouted only while the deployment is Ready (waiting for reroute)");
      case TERMINATE -> d != null && d.rollback() && !d.terminal()
          ? Verdict.no(Verdict.Why.ROLLING_BACK, "A rollback is running: it removes the replacement task set itself")
          : d != null && d.waitingForTermination() ? Verdict.yes()
          : Verdict.no(Verdict.Why.NOT_WAITING_FOR_TERMINATION,
              "The original task set can be terminated only while it waits for termination");
      case ROLLBACK -> d != null && !d.terminal() ? Verdict.yes()
          : d == null ? Verdict.no(Verdict.Why.NO_DEPLOYMENT, "There is no deployment")
          : Verdict.no(Verdict.Why.ENDED, "The deployment has already ended (" + d.status() + ")");
    };
  }

  /** What {@code action} does to traffic for the snapshot's kind of deployment, in English. */
  public static String effect(Action action, DeploymentSnapshot s) {
    return s.target().isNative() && action.nativeEffect() != null ? action.nativeEffect() : action.effect();
  }

  /** Performs {@code action} if allowed; throws {@link IllegalStateException} with the reason otherwise. */
  public String perform(Action action, DeploymentSnapshot s) {
    return perform(action, s, null);
  }

  /**
   * The same; an approval's answer carries {@code summary} (PutApprovalResult's summary, shown in the pipeline's
   * history) instead of the dashboard's default when it is not blank.
   */
  public String perform(Action action, DeploymentSnapshot s, String summary) {
    Verdict v = allowed(action, s);
    if (!v.allowed()) {
      throw new IllegalStateException(v.reason());
    }
    NativeDeployment nd = s.nativeCurrent();
    if (nd != null && (action == Action.ROLLBACK || (action == Action.APPROVE && nd.pausedAt().isPresent()))) {
      return NativeActions.perform(nativeCommands, action, nd);
    }
    switch (action) {
      case RELEASE -> {
        return commands.startPipeline(s.pipeline().name());
      }
      case APPROVE, REJECT -> commands.answerApproval(s.pipeline().name(), s.pipeline().approval(),
          action == Action.APPROVE, summary != null && !summary.isBlank() ? summary
              : action == Action.APPROVE ? "Approved from the dashboard" : "Rejected from the dashboard");
      case REROUTE -> commands.continueDeployment(s.current().id(), "READY_WAIT");
      case TERMINATE -> commands.continueDeployment(s.current().id(), "TERMINATION_WAIT");
      case ROLLBACK -> commands.stopDeployment(s.current().id(), true);
    }
    return s.current() == null ? "" : s.current().id();
  }
}
