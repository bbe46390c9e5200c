package org.bgwizard.deploy;

/** What a user can do from the dashboard, with what it does to traffic (for confirmations). */
public enum Action {
  RELEASE("Start the pipeline: a new version is built and deployed to the green task set; "
      + "production traffic stays on blue until the deployment reroutes it.",
      "Start the pipeline: a new version is built and ECS deploys it as a new service revision; "
      + "production traffic stays on the current revision until the deployment shifts it."),
  APPROVE("Approve: the run continues to the Deploy stage and a blue/green deployment starts.",
      "Approve: the paused deployment continues and production traffic moves to the new revision."),
  REJECT("Reject: the run fails here; traffic is unchanged.", "Reject: the run fails here; traffic is unchanged."),
  REROUTE("Reroute: production traffic moves from the original (blue) to the replacement (green) task set.", null),
  TERMINATE("Terminate the original (blue) task set now: after this, rolling back is no longer possible.", null),
  ROLLBACK("Stop and roll back: production traffic returns to the original (blue) task set and green is removed.",
      "Roll back: production traffic returns to the original revision and ECS removes the new one.");

  private final String effect;
  private final String nativeEffect;

  Action(String effect, String nativeEffect) {
    this.effect = effect;
    this.nativeEffect = nativeEffect;
  }

  /** What happens to traffic, in English (the UI uses its bundles). */
  public String effect() {
    return effect;
  }

  /** What happens to traffic in an ECS built-in blue/green deployment; null where ECS has no such action. */
  public String nativeEffect() {
    return nativeEffect;
  }
}
