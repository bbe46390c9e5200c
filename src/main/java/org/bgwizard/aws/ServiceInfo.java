package org.bgwizard.aws;

import java.util.List;

/**
 * An ECS service.
 *
 * @param status ACTIVE, DRAINING (being deleted) or INACTIVE (deleted)
 * @param controller the deployment controller: ECS, CODE_DEPLOY or EXTERNAL
 * @param targetGroupArns the target groups of its load balancer configuration
 */
public record ServiceInfo(String arn, String name, String clusterArn, String status, String controller,
    int desiredCount, int runningCount, String taskDefinition, List<String> targetGroupArns, String containerName,
    Integer containerPort, List<String> subnets, List<String> securityGroups, String launchType) {

  public ServiceInfo {
    targetGroupArns = List.copyOf(targetGroupArns);
    subnets = List.copyOf(subnets);
    securityGroups = List.copyOf(securityGroups);
  }
}
