package org.bgwizard.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One ECS service deployment as DescribeServiceDeployments shows it (ECS API Reference, ServiceDeployment and
 * DeploymentLifecycleHookDetail).
 *
 * @param lifecycleStage {@code ServiceDeploymentLifecycleStage}, null before the deployment starts
 * @param updatedAt when ECS last changed the deployment (its stage, for one)
 * @param bakeTimeMinutes the deployment's own {@code deploymentConfiguration.bakeTimeInMinutes}, null when unset
 */
public record NativeDeployment(String arn, String status, String lifecycleStage, String statusReason,
    Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt, String targetRevision,
    Integer bakeTimeMinutes, List<Hook> hooks) {
  /** ServiceDeploymentStatus values after which nothing moves ("View service history using service deployments"). */
  private static final Set<String> TERMINAL = Set.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL",
      "ROLLBACK_FAILED");
  private static final Set<String> ROLLING_BACK = Set.of("ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS",
      "STOP_REQUESTED");

  public NativeDeployment {
    hooks = List.copyOf(hooks);
  }

  /** A lifecycle hook run; {@code expiresAt} is when ECS takes {@code timeoutAction}. */
  public record Hook(String hookId, String targetType, String status, Instant expiresAt, String timeoutAction) {
    public boolean awaitingAction() {
      return "AWAITING_ACTION".equals(status);
    }
  }

  public boolean terminal() {
    return TERMINAL.contains(status);
  }

  public boolean rollingBack() {
    return ROLLING_BACK.contains(status);
  }

  /**
   * The pause hook waiting for ContinueServiceDeployment; only while the deployment is IN_PROGRESS
   * ("Continuing service deployments": the hook must be AWAITING_ACTION and the deployment IN_PROGRESS).
   */
  public Optional<Hook> pausedAt() {
    return "IN_PROGRESS".equals(status) ? hooks.stream().filter(Hook::awaitingAction).findFirst() : Optional.empty();
  }

  /**
   * When the bake time ends, while the deployment bakes. ECS does not return it: the bake starts when the stage
   * becomes BAKE_TIME, which is the deployment's last update while it bakes (inferred from ServiceDeployment.updatedAt).
   */
  public Instant bakeEndsAt() {
    if (!"BAKE_TIME".equals(lifecycleStage) || terminal() || updatedAt == null || bakeTimeMinutes == null) {
      return null;
    }
    return updatedAt.plus(Duration.ofMinutes(bakeTimeMinutes));
  }

  /** The last part of the ARN, as the console shows it. */
  public String shortId() {
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }
}
