package org.bgwizard.provision.steps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.SecurityGroupInfo;
import org.bgwizard.aws.ServiceInfo;
import org.bgwizard.aws.TaskDefinitionInfo;
import org.bgwizard.provision.ResourceRef;

/**
 * A changed task definition reaches the CODE_DEPLOY service only as a CodeDeploy deployment: the service's plan says
 * so when its task definition step registers a new revision, or when the newest revision (with the image the service
 * runs) was registered but never deployed, as after a run stopped between the two. A newer revision with another image
 * is a pipeline's release (running, or rolled back), never redeployed here. A changed network (subnets, public IP, or
 * the tasks' security group, say one recreated) goes the same way, in the same deployment: UpdateService cannot change
 * it on a CODE_DEPLOY service (Amazon ECS API Reference, UpdateService).
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
    String groupId = groupId(plan, statuses, service.securityGroup());
    List<Change> network = service.networkChanges(running, groupId);
    PlanStatus revision = statuses.get(taskDefinition.ref());
    boolean newRevision = revision.kind() == PlanStatus.Kind.EXISTS_DIFFERS && !revision.refused();
    TaskDefinitionInfo pending = null;
    Optional<?> latest = plan.found(taskDefinition.ref());
    if (!newRevision && latest.isPresent() && ServiceStep.revisionOf(((TaskDefinitionInfo) latest.get()).arn())
        > ServiceStep.revisionOf(running.taskDefinition())
        && taskDefinition.sameImage((TaskDefinitionInfo) latest.get(), running.taskDefinition())) {
      pending = (TaskDefinitionInfo) latest.get();
    }
    if (newRevision || pending != null || !network.isEmpty()) {
      statuses.put(service.ref(), service.withRollout(status, running, newRevision, pending, network, groupId));
    }
  }

  /** The tasks' security group as apply will give it: the one found, or one apply creates. */
  private static String groupId(SetupPlan plan, Map<ResourceRef, PlanStatus> statuses, ResourceRef group) {
    PlanStatus status = statuses.get(group);
    boolean kept = status != null && (status.kind() == PlanStatus.Kind.EXISTS_MATCHES
        || status.kind() == PlanStatus.Kind.EXISTS_DIFFERS || status.kind() == PlanStatus.Kind.REUSE);
    return plan.found(group).filter(g -> kept).map(g -> ((SecurityGroupInfo) g).id())
        .orElse("<id of the new " + group.name() + ">");
  }
}
