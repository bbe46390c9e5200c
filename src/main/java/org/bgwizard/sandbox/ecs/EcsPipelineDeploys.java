package org.bgwizard.sandbox.ecs;

import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;

/**
 * What the pipeline's standard Amazon ECS deploy action asks of ECS (Ports.EcsServiceDeploys): the engine's own
 * UpdateService and service deployments, called from inside the pipeline's simulation (not through the client, which
 * would advance the account again).
 */
public final class EcsPipelineDeploys implements Ports.EcsServiceDeploys {
  private final EcsEngine ecs;

  public EcsPipelineDeploys(EcsEngine ecs) {
    this.ecs = ecs;
  }

  @Override
  public Optional<String> taskDefinition(String cluster, String service) {
    return ecs.findCluster(cluster).flatMap(c -> ecs.findService(c, service))
        .filter(s -> "ACTIVE".equals(s.status)).flatMap(s -> s.taskSets.stream()
            .filter(t -> "PRIMARY".equals(t.status)).findFirst()).map(t -> t.taskDefinition);
  }

  @Override
  public String deploy(String cluster, String service, String taskDefinitionArn) {
    var update = new EcsServices.ServiceUpdate(null, taskDefinitionArn, false, null, null, null, false, false, null,
        null, null);
    EcsState.Service s = ecs.services().updateService(cluster, service, update);
    return EcsServiceDeployments.newestFirst(s).get(0).arn;
  }

  @Override
  public String status(String serviceDeploymentArn) {
    return ecs.deployments().find(serviceDeploymentArn).deployment().status;
  }

  @Override
  public String reason(String serviceDeploymentArn) {
    return ecs.deployments().find(serviceDeploymentArn).deployment().statusReason;
  }
}
