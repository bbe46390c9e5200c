package org.bgwizard.aws;

import java.util.List;

/**
 * An ECS service.
 *
 * @param status ACTIVE, DRAINING (being deleted) or INACTIVE (deleted)
 * @param controller the deployment controller: ECS, CODE_DEPLOY or EXTERNAL
 * @param targetGroupArns the target groups of its load balancer configuration
 * @param healthCheckGracePeriodSeconds as DescribeServices answers it; null when it does not say
 * @param assignPublicIp ENABLED or DISABLED; null when it has no awsvpc configuration
 */
public record ServiceInfo(String arn, String name, String clusterArn, String status, String controller,
    int desiredCount, int runningCount, String taskDefinition, List<String> targetGroupArns, String containerName,
    Integer containerPort, List<String> subnets, List<String> securityGroups, String launchType,
    Integer healthCheckGracePeriodSeconds, String assignPublicIp) {

  public ServiceInfo {
    targetGroupArns = List.copyOf(targetGroupArns);
    subnets = List.copyOf(subnets);
    securityGroups = List.copyOf(securityGroups);
  }

  public ServiceInfo(String arn, String name, String clusterArn, String status, String controller, int desiredCount,
      int runningCount, String taskDefinition, List<String> targetGroupArns, String containerName,
      Integer containerPort, List<String> subnets, List<String> securityGroups, String launchType) {
    this(arn, name, clusterArn, status, controller, desiredCount, runningCount, taskDefinition, targetGroupArns,
        containerName, containerPort, subnets, securityGroups, launchType, null, null);
  }
}
