package org.bgwizard.sandbox.ecs;

import java.util.ArrayList;
import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;

/** {@link Ports.TaskSets}: the services and task sets CodeDeploy's blue/green deployments drive, answered by ECS. */
public final class EcsCodeDeployTaskSets implements Ports.TaskSets {
  private final EcsEngine ecs;

  public EcsCodeDeployTaskSets(EcsEngine ecs) {
    this.ecs = ecs;
  }

  @Override
  public Optional<Service> service(String cluster, String service) {
    return ecs.serviceInfo(cluster, service).map(s -> new Service(s.serviceArn(), s.serviceName(), s.clusterName(),
        s.status(), s.deploymentController(), s.desiredCount(), s.taskDefinition(), s.targetGroupArn(),
        s.containerName(), s.containerPort(), s.taskSets().stream().map(EcsCodeDeployTaskSets::taskSet).toList()));
  }

  @Override
  public String serviceArn(String cluster, String service) {
    return ecs.arn("service/" + cluster + "/" + service);
  }

  @Override
  public Optional<TaskSet> taskSet(String taskSetArn) {
    return ecs.taskSetInfo(taskSetArn).map(EcsCodeDeployTaskSets::taskSet);
  }

  @Override
  public String createTaskSet(String cluster, String service, String taskDefinition, String targetGroupArn,
      String containerName, int containerPort, String externalId, double scalePercent, Network network) {
    EcsState.NetworkConfig config = null;
    if (network != null) {
      config = new EcsState.NetworkConfig();
      config.subnets = new ArrayList<>(network.subnets());
      config.securityGroups = new ArrayList<>(network.securityGroups());
      config.assignPublicIp = network.assignPublicIp();
    }
    return ecs.createTaskSet(cluster, service, taskDefinition, targetGroupArn, containerName, containerPort,
        externalId, scalePercent, config);
  }

  @Override
  public void makePrimary(String taskSetArn) {
    ecs.makePrimary(taskSetArn);
  }

  @Override
  public void deleteTaskSet(String taskSetArn) {
    ecs.deleteTaskSet(taskSetArn);
  }

  private static TaskSet taskSet(EcsEngine.TaskSetInfo t) {
    return new TaskSet(t.taskSetArn(), t.id(), t.status(), t.taskDefinition(), t.targetGroupArn(), t.externalId(),
        t.scalePercent(), t.computedDesiredCount(), t.pendingCount(), t.runningCount(), t.healthyCount(),
        t.stabilityStatus());
  }
}
