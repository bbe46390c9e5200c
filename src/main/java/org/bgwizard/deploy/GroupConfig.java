package org.bgwizard.deploy;

import java.util.List;

/**
 * A deployment group's configuration as GetDeploymentGroup shows it: where the service is and how traffic is routed,
 * so the dashboard works on groups this app did not create.
 *
 * @param readyWaitMinutes null when the group reroutes at once (CONTINUE_DEPLOYMENT)
 */
public record GroupConfig(String cluster, String service, List<String> productionListeners,
    List<String> testListeners, List<String> targetGroups, String deploymentConfig, Integer readyWaitMinutes,
    int terminationWaitMinutes, boolean autoRollback) {
  public GroupConfig {
    productionListeners = List.copyOf(productionListeners);
    testListeners = List.copyOf(testListeners);
    targetGroups = List.copyOf(targetGroups);
  }

  /** CodeDeploy's target id of an ECS deployment. */
  public String targetId() {
    return cluster + ":" + service;
  }
}
