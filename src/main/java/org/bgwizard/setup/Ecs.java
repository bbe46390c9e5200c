package org.bgwizard.setup;

/**
 * ECS cluster, task definition family and the service deployed by CodeDeploy.
 *
 * @param existingCluster true when {@code cluster} is the user's own and must not be created or deleted
 * @param logGroup CloudWatch Logs group for the awslogs driver
 * @param healthCheckGracePeriodSeconds how long the service scheduler ignores failing load balancer health checks
 *     of a new task (CreateService/UpdateService healthCheckGracePeriodSeconds, 0–2147483647); null: not sent, so
 *     AWS's default 0 applies ("If you don't specify a health check grace period value, the default value of 0 is
 *     used", Amazon ECS API Reference) and files written before this field load unchanged
 */
public record Ecs(String cluster, boolean existingCluster, String service, String taskFamily, int desiredCount,
    String logGroup, int logRetentionDays, Integer healthCheckGracePeriodSeconds) {

  /** Without a health check grace period: AWS's default applies. */
  public Ecs(String cluster, boolean existingCluster, String service, String taskFamily, int desiredCount,
      String logGroup, int logRetentionDays) {
    this(cluster, existingCluster, service, taskFamily, desiredCount, logGroup, logRetentionDays, null);
  }

  public Ecs withHealthCheckGracePeriodSeconds(Integer seconds) {
    return new Ecs(cluster, existingCluster, service, taskFamily, desiredCount, logGroup, logRetentionDays, seconds);
  }
}
