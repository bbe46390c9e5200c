package org.bgwizard.aws;

import java.util.List;

/**
 * A CodeDeploy deployment group of an ECS application, with what the provisioner compares.
 *
 * @param targetGroups the names of the blue/green target group pair
 * @param readyAction CONTINUE_DEPLOYMENT (reroute at once) or STOP_DEPLOYMENT (wait for a person)
 * @param computePlatform its application's (ECS for a blue/green group of a service)
 */
public record DeploymentGroupInfo(String application, String name, String id, String serviceRoleArn,
    String deploymentConfig, String cluster, String service, List<String> targetGroups,
    List<String> productionListenerArns, List<String> testListenerArns, String readyAction,
    Integer readyWaitMinutes, Integer terminationWaitMinutes, boolean autoRollback, String computePlatform) {

  public DeploymentGroupInfo {
    targetGroups = List.copyOf(targetGroups);
    productionListenerArns = List.copyOf(productionListenerArns);
    testListenerArns = List.copyOf(testListenerArns);
  }
}
