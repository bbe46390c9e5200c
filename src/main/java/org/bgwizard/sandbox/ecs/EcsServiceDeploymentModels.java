package org.bgwizard.sandbox.ecs;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.sandbox.ecs.EcsState.ServiceDeployment;
import org.bgwizard.sandbox.ecs.EcsState.TaskSet;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.Rollback;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

/**
 * SDK shapes of built-in blue/green service deployments (ECS API Reference: ServiceDeployment, ServiceDeploymentBrief,
 * ServiceRevisionSummary, DeploymentLifecycleHookDetail), for {@link SandboxEcsClient}. The lifecycle stage is
 * written as a string: PRE_PRODUCTION_TRAFFIC_SHIFT (a pause stage) is not in the SDK's
 * ServiceDeploymentLifecycleStage enum, so readers get it from lifecycleStageAsString().
 */
final class EcsServiceDeploymentModels {
  private EcsServiceDeploymentModels() {}

  static software.amazon.awssdk.services.ecs.model.ServiceDeployment toSdk(EcsState.Service s, ServiceDeployment d,
      EcsEngine ecs) {
    var target = revision(s, d, d.targetTaskSetId, d.targetTaskDefinition, d.productionPercent, d.testPercent, ecs);
    var source = revision(s, d, d.sourceTaskSetId, d.sourceTaskDefinition, 100 - d.productionPercent,
        100 - d.testPercent, ecs);
    var b = software.amazon.awssdk.services.ecs.model.ServiceDeployment.builder()
        .serviceDeploymentArn(d.arn).serviceArn(s.serviceArn).clusterArn(s.clusterArn)
        .createdAt(d.createdAt).startedAt(d.startedAt).updatedAt(d.updatedAt).finishedAt(d.finishedAt)
        .stoppedAt(d.stoppedAt).status(d.status).statusReason(d.statusReason).lifecycleStage(d.lifecycleStage)
        .sourceServiceRevisions(source).targetServiceRevision(target)
        .deploymentConfiguration(EcsBlueGreenModels.configToSdk(s.deploymentConfiguration))
        .deploymentCircuitBreaker(ServiceDeploymentCircuitBreaker.builder()
            .status(d.rollbackReason != null && d.rollbackReason.startsWith("ECS deployment circuit breaker")
                ? "TRIGGERED" : "MONITORING")
            .failureCount(ecs.deployments().failedGreenTasks(s, d)).threshold(EcsServiceDeployments.threshold(s))
            .build())
        .lifecycleHookDetails(d.hooks.stream().map(h -> DeploymentLifecycleHookDetail.builder().hookId(h.hookId)
            .targetType("PAUSE").status(h.status).expiresAt(h.expiresAt).timeoutAction(h.timeoutAction).build())
            .toList());
    if (d.rollbackReason != null) {
      b.rollback(Rollback.builder().reason(d.rollbackReason).startedAt(d.rollbackStartedAt)
          .serviceRevisionArn(source.arn()).build());
    }
    return b.build();
  }

  static ServiceDeploymentBrief brief(EcsState.Service s, ServiceDeployment d, EcsEngine ecs) {
    return ServiceDeploymentBrief.builder().serviceDeploymentArn(d.arn).serviceArn(s.serviceArn)
        .clusterArn(s.clusterArn).createdAt(d.createdAt).startedAt(d.startedAt).finishedAt(d.finishedAt)
        .targetServiceRevisionArn(revisionArn(s, d.targetTaskSetId == null ? d.arn : d.targetTaskSetId, ecs))
        .status(d.status).statusReason(d.statusReason).build();
  }

  private static ServiceRevisionSummary revision(EcsState.Service s, ServiceDeployment d, String taskSetId,
      String taskDefinition, double production, double test, EcsEngine ecs) {
    var b = ServiceRevisionSummary.builder()
        .arn(revisionArn(s, taskSetId == null ? d.arn + taskDefinition : taskSetId, ecs))
        .requestedProductionTrafficWeight(production).requestedTestTrafficWeight(test);
    var set = EcsServiceDeployments.taskSet(s, taskSetId);
    if (set.isPresent()) {
      TaskSet t = set.get();
      var counts = ecs.tasks().counts(s, t);
      b.requestedTaskCount(EcsTasks.computedDesired(s, t)).runningTaskCount(counts.running())
          .pendingTaskCount(counts.pending());
    } else {
      b.requestedTaskCount(0).runningTaskCount(0).pendingTaskCount(0);
    }
    return b.build();
  }

  /** A service revision ARN per task set: service-revision/cluster/service/id (digits of the set's id). */
  private static String revisionArn(EcsState.Service s, String key, EcsEngine ecs) {
    String digits = key.replaceAll("\\D", "");
    String id = digits.length() >= 19 ? digits.substring(digits.length() - 19)
        : String.format("%019d", Math.abs((long) key.hashCode()));
    return ecs.arn("service-revision/" + EcsEngine.clusterName(s.clusterArn) + "/" + s.serviceName + "/" + id);
  }

  static List<ServiceDeployment> filter(EcsState.Service s, List<String> statuses) {
    List<ServiceDeployment> out = new ArrayList<>();
    for (ServiceDeployment d : EcsServiceDeployments.newestFirst(s)) {
      if (statuses.isEmpty() || statuses.contains(d.status)) {
        out.add(d);
      }
    }
    return out;
  }
}
