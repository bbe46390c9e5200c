package org.bgwizard.deploy;

/** What a user can do from the dashboard, with what it does to traffic (for confirmations). */
public enum Action {
  RELEASE("Start the pipeline: a new version is built and deployed to the green task set; "
      + "production traffic stays on blue until the deployment reroutes it."),
  APPROVE("Approve: the run continues to the Deploy stage and a blue/green deployment starts."),
  REJECT("Reject: the run fails here; traffic is unchanged."),
  REROUTE("Reroute: production traffic moves from the original (blue) to the replacement (green) task set."),
  TERMINATE("Terminate the original (blue) task set now: after this, rolling back is no longer possible."),
  ROLLBACK("Stop and roll back: production traffic returns to the original (blue) task set and green is removed.");

  private final String effect;

  Action(String effect) {
    this.effect = effect;
  }

  /** What happens to traffic, in English (the UI uses its bundles). */
  public String effect() {
    return effect;
  }
}
