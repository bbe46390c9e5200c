package org.bgwizard.deploy;

import java.util.List;
import java.util.Optional;

/**
 * The reads the dashboard needs; each method is exactly one AWS API call, so the monitor can count them. Failures
 * are {@link ReadFailure}s.
 */
public interface DeploymentReader {
  /** CodePipeline GetPipelineState. */
  PipelineView.State pipelineState(String pipeline);

  /** CodePipeline ListPipelineExecutions, newest first. */
  List<PipelineView.Execution> pipelineExecutions(String pipeline);

  /** CodeDeploy GetDeploymentGroup. */
  GroupConfig deploymentGroup(String application, String group);

  /** CodeDeploy ListDeployments, newest first. */
  List<String> deploymentIds(String application, String group);

  /** CodeDeploy GetDeployment, without events and task sets. */
  DeploymentView deployment(String id);

  /** CodeDeploy GetDeploymentTarget: empty before the deployment starts. */
  Optional<DeploymentTargetState> deploymentTarget(String deploymentId, String targetId);

  /** ECS DescribeServices. */
  ServiceView.State service(String cluster, String service);

  /** ECS ListTasks of stopped tasks. */
  List<String> stoppedTaskArns(String cluster, String service);

  /** ECS DescribeTasks: the stopped tasks, their reasons not yet diagnosed. */
  List<ServiceView.StoppedTask> describeTasks(String cluster, List<String> arns);

  /** ECS DescribeTaskDefinition: the container images, in the definition's order. */
  /** The last lines of a CodeBuild build's log, oldest first; empty when {@code buildId} is no build's or has no log. */
  List<String> buildLog(String buildId);

  List<String> images(String taskDefinitionArn);

  /** ELBv2 DescribeListeners for one listener. */
  TrafficView.Listener listener(String arn);

  /** ELBv2 DescribeLoadBalancers for one load balancer: its DNS name. */
  String loadBalancerDnsName(String loadBalancerArn);

  /** ELBv2 DescribeTargetHealth. */
  List<TrafficView.TargetHealth> targetHealth(String targetGroupArn);

  /** GetDeploymentTarget's lifecycle events and task sets. */
  record DeploymentTargetState(List<LifecycleEvent> events, List<TaskSetView> taskSets) {
    public DeploymentTargetState {
      events = List.copyOf(events);
      taskSets = List.copyOf(taskSets);
    }
  }
}
