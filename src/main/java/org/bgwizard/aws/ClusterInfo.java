package org.bgwizard.aws;

/** An ECS cluster; {@code status} ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE. */
public record ClusterInfo(String name, String arn, String status, int activeServices) {}
