package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import org.bgwizard.provision.StepContext;

/**
 * Teardown's first phase: stops what is still running, because running work re-creates or holds what teardown
 * removes (a running build writes its deleted log group back; a deployment moves listeners and starts task sets).
 * Each stop is reported as what it is, and each wait is bounded.
 */
final class InFlight {
  static final String REASON = "Stopped by bgwizard teardown";
  private static final Duration POLL = Duration.ofSeconds(5);
  private static final Duration BUILDS_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration DEPLOYMENTS_TIMEOUT = Duration.ofMinutes(15);

  private InFlight() {}

  /** StopPipelineExecution with abandon, so that no further stage starts a build or a deployment. */
  static void stopPipelineRuns(StepContext ctx, AwsResources aws, String pipeline) throws Exception {
    List<String> running = ctx.retrier().call("codepipeline ListPipelineExecutions " + pipeline,
        () -> aws.pipelines().runningExecutions(pipeline));
    for (String id : running) {
      AwsStep.run(ctx, "codepipeline StopPipelineExecution " + id + " --abandon",
          () -> aws.pipelines().stopAndAbandon(pipeline, id, REASON));
      ctx.progress("stopped and abandoned pipeline execution " + id);
    }
  }

  /** StopBuild for each running build, then waits until they complete (a stopping build still writes its log). */
  static void stopBuilds(StepContext ctx, AwsResources aws, String project) throws Exception {
    List<String> running = ctx.retrier().call("codebuild ListBuildsForProject " + project,
        () -> aws.builds().runningBuilds(project));
    for (String id : running) {
      AwsStep.run(ctx, "codebuild StopBuild " + id, () -> aws.builds().stopBuild(id));
      ctx.progress("stopped build " + id);
    }
    if (!running.isEmpty()) {
      ctx.awaitUntil(() -> aws.builds().runningBuilds(project).isEmpty(), POLL, BUILDS_TIMEOUT,
          "the stopped builds of " + project + " to complete");
    }
  }

  /**
   * StopDeployment with auto-rollback for each deployment of the group that has not ended, then waits until none
   * is active (the rollback runs as a deployment of its own).
   */
  static void stopDeployments(StepContext ctx, AwsResources aws, String application, String group)
      throws Exception {
    var codeDeploy = aws.codeDeploy();
    List<String> active = ctx.retrier().call("codedeploy ListDeployments " + group,
        () -> codeDeploy.activeDeployments(application, group));
    for (String id : active) {
      AwsStep.run(ctx, "codedeploy StopDeployment " + id + " --auto-rollback-enabled",
          () -> codeDeploy.stopAndRollBack(id));
      ctx.progress("stopped deployment " + id + " and rolled it back");
    }
    if (!active.isEmpty()) {
      ctx.awaitUntil(() -> codeDeploy.activeDeployments(application, group).isEmpty(), POLL, DEPLOYMENTS_TIMEOUT,
          "the deployments of " + group + " to end");
    }
  }
}
