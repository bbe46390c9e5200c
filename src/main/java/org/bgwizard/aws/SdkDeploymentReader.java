package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bgwizard.deploy.DeploymentReader;
import org.bgwizard.deploy.DeploymentView;
import org.bgwizard.deploy.GroupConfig;
import org.bgwizard.deploy.LifecycleEvent;
import org.bgwizard.deploy.PipelineView;
import org.bgwizard.deploy.ReadFailure;
import org.bgwizard.deploy.ServiceView;
import org.bgwizard.deploy.TaskSetView;
import org.bgwizard.deploy.TrafficView;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;
import software.amazon.awssdk.services.codepipeline.model.ActionState;
import software.amazon.awssdk.services.codepipeline.model.StageState;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;

/** The dashboard's reads through the SDK clients; the only class making them. Each method is one API call. */
public final class SdkDeploymentReader implements DeploymentReader {
  private static final int EVENTS = 10;
  private final AwsClients clients;

  public SdkDeploymentReader(AwsClients clients) {
    this.clients = clients;
  }

  private static <T> T call(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      AwsError error = AwsErrors.describe(e);
      throw new ReadFailure(error.toString(), error.throttling(), e);
    }
  }

  @Override
  public PipelineView.State pipelineState(String pipeline) {
    return call(() -> {
      var state = clients.codePipeline().getPipelineState(r -> r.name(pipeline));
      List<PipelineView.Stage> stages = new ArrayList<>();
      PipelineView.Approval approval = null;
      PipelineView.Failure failure = null;
      for (StageState s : state.stageStates()) {
        var latest = s.latestExecution();
        stages.add(new PipelineView.Stage(s.stageName(), latest == null ? "-" : latest.statusAsString(),
            latest == null ? null : latest.pipelineExecutionId()));
        for (ActionState a : s.actionStates()) {
          var e = a.latestExecution();
          if (e != null && e.token() != null && "InProgress".equals(e.statusAsString())) {
            approval = new PipelineView.Approval(s.stageName(), a.actionName(), e.token());
          }
          if (failure == null && e != null && "Failed".equals(e.statusAsString())) {
            failure = new PipelineView.Failure(s.stageName(), a.actionName(),
                e.errorDetails() == null ? null : e.errorDetails().message(), e.externalExecutionId(), Optional.empty());
          }
        }
      }
      return new PipelineView.State(stages, approval, failure);
    });
  }

  /**
   * BatchGetBuilds for the build's log location, then its last {@value #LOG_LINES} events (GetLogEvents from the
   * end). A CodeBuild build ID is {@code project:uuid}; other IDs (a commit, a deployment) have no build.
   */
  @Override
  public List<String> buildLog(String buildId) {
    if (buildId == null || !buildId.contains(":")) {
      return List.of();
    }
    return call(() -> {
      var builds = clients.codeBuild().batchGetBuilds(r -> r.ids(buildId)).builds();
      if (builds.isEmpty() || builds.get(0).logs() == null || builds.get(0).logs().groupName() == null
          || builds.get(0).logs().streamName() == null) {
        return List.<String>of();
      }
      var logs = builds.get(0).logs();
      try {
        return clients.logs().getLogEvents(r -> r.logGroupName(logs.groupName()).logStreamName(logs.streamName())
            .startFromHead(false).limit(LOG_LINES)).events().stream().map(e -> e.message().stripTrailing()).toList();
      } catch (ResourceNotFoundException e) {
        return List.<String>of(); // the build wrote no line yet
      }
    });
  }

  private static final int LOG_LINES = 200;

  @Override
  public List<PipelineView.Execution> pipelineExecutions(String pipeline) {
    return call(() -> clients.codePipeline().listPipelineExecutions(r -> r.pipelineName(pipeline).maxResults(10))
        .pipelineExecutionSummaries().stream().map(e -> new PipelineView.Execution(e.pipelineExecutionId(),
            e.statusAsString(), e.sourceRevisions().isEmpty() ? "" : revision(e.sourceRevisions().get(0).revisionId(),
                e.sourceRevisions().get(0).revisionSummary()), e.startTime())).toList());
  }

  private static String revision(String id, String summary) {
    String shortId = id == null ? "" : id.substring(0, Math.min(8, id.length()));
    return summary == null ? shortId : shortId + " " + summary;
  }

  @Override
  public GroupConfig deploymentGroup(String application, String group) {
    return call(() -> {
      var g = clients.codeDeploy().getDeploymentGroup(r -> r.applicationName(application).deploymentGroupName(group))
          .deploymentGroupInfo();
      var service = g.ecsServices().get(0);
      TargetGroupPairInfo pair = g.loadBalancerInfo().targetGroupPairInfoList().get(0);
      var blueGreen = g.blueGreenDeploymentConfiguration();
      var ready = blueGreen.deploymentReadyOption();
      Integer readyWait = ready != null && ready.actionOnTimeout() == DeploymentReadyAction.STOP_DEPLOYMENT
          ? ready.waitTimeInMinutes() : null;
      var terminate = blueGreen.terminateBlueInstancesOnDeploymentSuccess();
      int terminationWait = terminate == null || terminate.terminationWaitTimeInMinutes() == null ? 0
          : terminate.terminationWaitTimeInMinutes();
      return new GroupConfig(service.clusterName(), service.serviceName(), pair.prodTrafficRoute().listenerArns(),
          pair.testTrafficRoute() == null ? List.of() : pair.testTrafficRoute().listenerArns(),
          pair.targetGroups().stream().map(t -> t.name()).toList(), g.deploymentConfigName(), readyWait,
          terminationWait, g.autoRollbackConfiguration() != null
              && Boolean.TRUE.equals(g.autoRollbackConfiguration().enabled()));
    });
  }

  @Override
  public List<String> deploymentIds(String application, String group) {
    return call(() -> clients.codeDeploy().listDeployments(r -> r.applicationName(application)
        .deploymentGroupName(group)).deployments());
  }

  @Override
  public DeploymentView deployment(String id) {
    return call(() -> {
      DeploymentInfo d = clients.codeDeploy().getDeployment(r -> r.deploymentId(id)).deploymentInfo();
      return new DeploymentView(d.deploymentId(), d.statusAsString(), d.creatorAsString(), d.createTime(),
          d.completeTime(), d.errorInformation() == null ? null : d.errorInformation().message(),
          d.rollbackInfo() == null ? null : d.rollbackInfo().rollbackDeploymentId(), List.of(), List.of(), null, null);
    });
  }

  @Override
  public Optional<DeploymentTargetState> deploymentTarget(String deploymentId, String targetId) {
    return call(() -> {
      try {
        var t = clients.codeDeploy().getDeploymentTarget(r -> r.deploymentId(deploymentId).targetId(targetId))
            .deploymentTarget().ecsTarget();
        return Optional.of(new DeploymentTargetState(
            t.lifecycleEvents().stream().map(e -> new LifecycleEvent(e.lifecycleEventName(), e.statusAsString(),
                e.startTime(), e.endTime())).toList(),
            t.taskSetsInfo().stream().map(s -> new TaskSetView(s.taskSetLabelAsString(), s.status(),
                s.targetGroup() == null ? "" : s.targetGroup().name(), s.trafficWeight() == null ? 0
                    : s.trafficWeight(), orZero(s.runningCount()), orZero(s.desiredCount()))).toList()));
      } catch (DeploymentNotStartedException e) {
        return Optional.empty();
      }
    });
  }

  private static long orZero(Number n) {
    return n == null ? 0 : n.longValue();
  }

  @Override
  public ServiceView.State service(String cluster, String service) {
    return call(() -> {
      var s = clients.ecs().describeServices(r -> r.cluster(cluster).services(service)).services().get(0);
      return new ServiceView.State(s.runningCount(), s.desiredCount(), s.taskSets().stream()
          .map(t -> new ServiceView.TaskSet(t.id(), t.status(), t.loadBalancers().isEmpty() ? ""
              : t.loadBalancers().get(0).targetGroupArn(), t.taskDefinition(), List.of(), orZero(t.runningCount()),
              orZero(t.computedDesiredCount()))).toList(),
          s.events().stream().limit(EVENTS).map(e -> new ServiceView.Event(e.createdAt(), e.message())).toList());
    });
  }

  @Override
  public List<String> stoppedTaskArns(String cluster, String service) {
    return call(() -> clients.ecs().listTasks(r -> r.cluster(cluster).serviceName(service)
        .desiredStatus(DesiredStatus.STOPPED)).taskArns());
  }

  @Override
  public List<ServiceView.StoppedTask> describeTasks(String cluster, List<String> arns) {
    return call(() -> clients.ecs().describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks().stream()
        .map(t -> new ServiceView.StoppedTask(t.taskArn(), t.stoppedAt(), reason(t), Optional.empty())).toList());
  }

  /** The task's stopped reason, with the container's reason when it says more. */
  private static String reason(software.amazon.awssdk.services.ecs.model.Task t) {
    String reason = t.stoppedReason() == null ? "" : t.stoppedReason();
    for (var c : t.containers()) {
      if (c.reason() != null && !reason.contains(c.reason())) {
        reason = reason + " (" + c.name() + ": " + c.reason() + ")";
      }
    }
    return reason;
  }

  @Override
  public TrafficView.Listener listener(String arn) {
    return call(() -> {
      var l = clients.elbv2().describeListeners(r -> r.listenerArns(arn)).listeners().get(0);
      Map<String, Integer> weights = new LinkedHashMap<>();
      Action forward = l.defaultActions().get(0);
      if (forward.forwardConfig() != null && !forward.forwardConfig().targetGroups().isEmpty()) {
        forward.forwardConfig().targetGroups().forEach(t -> weights.put(t.targetGroupArn(),
            t.weight() == null ? 1 : t.weight()));
      } else if (forward.targetGroupArn() != null) {
        weights.put(forward.targetGroupArn(), 1);
      }
      return new TrafficView.Listener(arn, l.loadBalancerArn(), l.protocolAsString(), l.port() == null ? 0 : l.port(),
          weights);
    });
  }

  @Override
  public String loadBalancerDnsName(String loadBalancerArn) {
    return call(() -> clients.elbv2().describeLoadBalancers(r -> r.loadBalancerArns(loadBalancerArn)).loadBalancers()
        .get(0).dnsName());
  }

  @Override
  public List<String> images(String taskDefinitionArn) {
    return call(() -> clients.ecs().describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn)).taskDefinition()
        .containerDefinitions().stream().map(c -> c.image()).toList());
  }

  @Override
  public List<TrafficView.TargetHealth> targetHealth(String targetGroupArn) {
    return call(() -> clients.elbv2().describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
        .targetHealthDescriptions().stream().map(h -> new TrafficView.TargetHealth(h.target().id(),
            h.targetHealth().stateAsString())).toList());
  }
}
