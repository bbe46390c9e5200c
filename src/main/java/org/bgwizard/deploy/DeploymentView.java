package org.bgwizard.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One deployment: status, who created it, its lifecycle events and task sets (empty before it starts), and the
 * deadlines of its two waits as instants, so a view computes the time left from its own clock.
 */
public record DeploymentView(String id, String status, String creator, Instant createdAt, Instant completedAt,
    String errorMessage, String rollbackDeploymentId, List<LifecycleEvent> events, List<TaskSetView> taskSets,
    Instant rerouteDeadline, Instant terminationDeadline) {
  private static final Set<String> TERMINAL = Set.of("Succeeded", "Failed", "Stopped");
  /** The creator CodeDeploy gives the deployment it starts to roll another back (DeploymentInfo.creator). */
  public static final String ROLLBACK_CREATOR = "codeDeployRollback";

  public DeploymentView {
    events = List.copyOf(events);
    taskSets = List.copyOf(taskSets);
  }

  public boolean terminal() {
    return TERMINAL.contains(status);
  }

  /** A deployment CodeDeploy started to roll another back: it removes the replacement set itself, with no wait. */
  public boolean rollback() {
    return ROLLBACK_CREATOR.equals(creator);
  }

  public boolean waitingForReroute() {
    return status.equals("Ready");
  }

  /** Traffic has moved and the original task set waits to be terminated. */
  public boolean waitingForTermination() {
    return !rollback() && status.equals("InProgress") && !events.isEmpty()
        && events.stream().allMatch(e -> e.status().equals("Succeeded"))
        && taskSets.stream().anyMatch(s -> s.label().equals("Blue") && !s.status().equals("DRAINING"));
  }

  public DeploymentView withTarget(List<LifecycleEvent> newEvents, List<TaskSetView> newSets, GroupConfig group) {
    return new DeploymentView(id, status, creator, createdAt, completedAt, errorMessage, rollbackDeploymentId,
        newEvents, newSets, Deadlines.reroute(status, newEvents, group),
        rollback() ? null : Deadlines.termination(status, newEvents, group));
  }
}
