package org.bgwizard.setup;

/**
 * ECS cluster, task definition family and the service deployed by CodeDeploy.
 *
 * @param existingCluster true when {@code cluster} is the user's own and must not be created or deleted
 * @param logGroup CloudWatch Logs group for the awslogs driver
 */
public record Ecs(String cluster, boolean existingCluster, String service, String taskFamily, int desiredCount,
    String logGroup, int logRetentionDays) {}
