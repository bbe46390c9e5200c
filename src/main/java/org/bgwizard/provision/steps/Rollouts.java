package org.bgwizard.provision.steps;

import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ServiceInfo;
import org.bgwizard.aws.TaskDefinitionInfo;
import org.bgwizard.provision.ResourceRef;

/**
 * A changed task definition reaches the CODE_DEPLOY service only as a CodeDeploy deployment: the service's plan says
 * so when its task definition step registers a new revision, or when the newest revision (with the image the service
 * runs) was registered but never deployed, as after a run stopped between the two. A newer revision with another image
 * is a pipeline's release (running, or rolled back), never redeployed here.
 */
final class Rollouts {
  private Rollouts() {}

  static void decide(SetupPlan plan, Map<ResourceRef, PlanStatus> statuses) {
    ServiceStep service = (ServiceStep) plan.awsSteps().stream().filter(ServiceStep.class::isInstance).findFirst()
        .orElse(null);
    TaskDefinitionStep taskDefinition = (TaskDefinitionStep) plan.awsSteps().stream()
        .filter(TaskDefinitionStep.class::isInstance).findFirst().orElse(null);
    if (service == null || taskDefinition == null) {
      return;
    }
    PlanStatus status = statuses.get(service.ref());
    Optional<?> found = plan.found(service.ref());
    if (found.isEmpty() || status.refused() || (status.kind() != PlanStatus.Kind.EXISTS_MATCHES
        && status.kind() != PlanStatus.Kind.EXISTS_DIFFERS)) {
      return;
    }
    ServiceInfo running = (ServiceInfo) found.get();
    PlanStatus revision = statuses.get(taskDefinition.ref());
    if (revision.kind() == PlanStatus.Kind.EXISTS_DIFFERS && !revision.refused()) {
      statuses.put(service.ref(), service.withRollout(status, running, null));
      return;
    }
    Optional<?> latest = plan.found(taskDefinition.ref());
    if (latest.isPresent() && ServiceStep.revisionOf(((TaskDefinitionInfo) latest.get()).arn())
        > ServiceStep.revisionOf(running.taskDefinition())
        && taskDefinition.sameImage((TaskDefinitionInfo) latest.get(), running.taskDefinition())) {
      statuses.put(service.ref(), service.withRollout(status, running, (TaskDefinitionInfo) latest.get()));
    }
  }
}
