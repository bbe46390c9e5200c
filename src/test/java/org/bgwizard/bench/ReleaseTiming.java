package org.bgwizard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.deploy.Practice;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.Provisioner;
import org.bgwizard.provision.steps.SdkErrorClassifier;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.SetupSpec;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * How long a release takes in the simulated account, in simulated time: the setup is applied, its first pipeline
 * run (the starter app) is waited out, then a practice release commits the next version and starts the pipeline,
 * as the dashboard's "release" does. Measured from the commit: to the second until the production listener
 * forwards 100 % to the target group the old version was not on, and until the pipeline execution Succeeded (its
 * last update; the run includes the original task set's termination wait and its draining).
 */
public final class ReleaseTiming {
  private static final String REGION = "us-east-1";
  private static final Instant START = Instant.parse("2025-06-01T09:00:00Z");
  private static final Duration FIRST_RUN_LIMIT = Duration.ofHours(4);
  private static final Duration RELEASE_LIMIT = Duration.ofHours(4);

  /** Commit to production on the new version, commit to the pipeline's end, and where the time went. */
  public record Result(Duration toProduction, Duration toPipelineEnd, List<String> phases) {}

  private ReleaseTiming() {}

  /**
   * The console's defaults on the tutorial's setup: target group health check every 30 s, 5 checks to healthy
   * (ELB CreateTargetGroup defaults), deregistration delay 300 s, original task set kept 60 minutes (the ECS
   * console's blue/green default; seed 000 used 1 h).
   */
  public static SetupSpec consoleDefaults(SetupSpec spec) {
    LoadBalancer lb = spec.loadBalancer();
    CodeDeploy cd = spec.codeDeploy();
    return spec
        .withLoadBalancer(new LoadBalancer(lb.existingArn(), lb.name(), lb.productionPort(), lb.testPort(),
            lb.targetGroup1(), lb.targetGroup2(), new LoadBalancer.HealthCheck(30, 5, 5, 2, "200"), 300))
        .withCodeDeploy(new CodeDeploy(cd.application(), cd.deploymentGroup(), cd.deploymentConfig(),
            CodeDeploy.Reroute.IMMEDIATELY, null, 60, cd.autoRollback()));
  }

  public static Result measure(SetupSpec spec) throws Exception {
    var clock = new ManualClock(START);
    Sandbox sandbox = Sandbox.inMemory(REGION, clock);
    var clients = AwsClients.sandbox(new SandboxClientSource(sandbox), REGION);
    var errors = new SdkErrorClassifier();
    var provisioner = Provisioner.builder(Runnable::run).clock(clock).sleeper(clock::advance).classifier(errors)
        .describer(errors).retryPolicy(SetupOperations.RETRY_POLICY).random(new Random(1)).build();
    var ops = new SetupOperations(clients, provisioner);
    Path dir = Files.createTempDirectory("release-bench");
    var applied = ops.apply(ops.plan(spec), Journal.open(dir.resolve("setup.journal.json"), clock),
        new ProvisionListener() { });
    if (!applied.succeeded()) {
      throw new IllegalStateException("the setup did not apply: " + applied.failed());
    }
    String pipeline = spec.pipeline().name();
    String first = clients.codePipeline().listPipelineExecutions(r -> r.pipelineName(pipeline))
        .pipelineExecutionSummaries().get(0).pipelineExecutionId();
    waitFor(clock, sandbox, pipeline, first, FIRST_RUN_LIMIT, Duration.ofSeconds(30));

    String before = servingTargetGroup(sandbox, spec);
    Instant commit = clock.instant();
    String execution = new Practice(new SdkPracticeSource(clients)).release(spec.source().repository(),
        spec.source().branch(), pipeline, Practice.Behaviour.HEALTHY);
    Duration toProduction = null;
    while (true) {
      // Second by second until production moves, then in larger steps: the run's end is read from the execution.
      clock.advance(Duration.ofSeconds(toProduction == null ? 1 : 30));
      Duration since = Duration.between(commit, clock.instant());
      String serving = servingTargetGroup(sandbox, spec);
      if (toProduction == null && serving != null && !serving.equals(before)) {
        toProduction = since;
      }
      PipelineExecutionStatus status = status(sandbox, pipeline, execution);
      if (status == PipelineExecutionStatus.SUCCEEDED) {
        if (toProduction == null) {
          throw new IllegalStateException("the pipeline succeeded but production still forwards to " + before);
        }
        Instant end = sandbox.codePipeline().listPipelineExecutions(r -> r.pipelineName(pipeline))
            .pipelineExecutionSummaries().stream().filter(e -> e.pipelineExecutionId().equals(execution))
            .findFirst().orElseThrow().lastUpdateTime();
        return new Result(toProduction, Duration.between(commit, end), phases(sandbox, pipeline, execution));
      }
      if (status != PipelineExecutionStatus.IN_PROGRESS || since.compareTo(RELEASE_LIMIT) > 0) {
        throw new IllegalStateException("the release's pipeline run is " + status + " after " + since);
      }
    }
  }

  private static void waitFor(ManualClock clock, Sandbox sandbox, String pipeline, String execution, Duration limit,
      Duration step) {
    Instant until = clock.instant().plus(limit);
    PipelineExecutionStatus status;
    while ((status = status(sandbox, pipeline, execution)) == PipelineExecutionStatus.IN_PROGRESS
        && clock.instant().isBefore(until)) {
      clock.advance(step);
    }
    if (status != PipelineExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException("the setup's first pipeline run is " + status);
    }
  }

  private static PipelineExecutionStatus status(Sandbox sandbox, String pipeline, String execution) {
    return sandbox.codePipeline().getPipelineExecution(r -> r.pipelineName(pipeline).pipelineExecutionId(execution))
        .pipelineExecution().status();
  }

  /** The ARN of the target group the production listener forwards all its traffic to, null while split. */
  private static String servingTargetGroup(Sandbox sandbox, SetupSpec spec) {
    var elb = sandbox.elbv2();
    String lbArn = elb.describeLoadBalancers(r -> r.names(spec.loadBalancer().name())).loadBalancers().get(0)
        .loadBalancerArn();
    var listener = elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners().stream()
        .filter(l -> l.port() == spec.loadBalancer().productionPort()).findFirst().orElseThrow();
    var action = listener.defaultActions().get(0);
    if (action.forwardConfig() == null) {
      return action.targetGroupArn();
    }
    List<TargetGroupTuple> groups = action.forwardConfig().targetGroups();
    int total = groups.stream().mapToInt(g -> g.weight() == null ? 1 : g.weight()).sum();
    return groups.stream().filter(g -> (g.weight() == null ? 1 : g.weight()) == total && total > 0)
        .map(TargetGroupTuple::targetGroupArn).findFirst().orElse(null);
  }

  /** Each action's duration in the run, the build's phases and the deployment's lifecycle events. */
  private static List<String> phases(Sandbox sandbox, String pipeline, String execution) {
    List<String> out = new ArrayList<>();
    var actions = new ArrayList<>(sandbox.codePipeline().listActionExecutions(r -> r.pipelineName(pipeline)
        .filter(f -> f.pipelineExecutionId(execution))).actionExecutionDetails());
    actions.sort(java.util.Comparator.comparing(a -> a.startTime()));
    for (var a : actions) {
      out.add(a.stageName() + "/" + a.actionName() + " " + seconds(Duration.between(a.startTime(), a.lastUpdateTime())));
      String external = a.output() == null || a.output().executionResult() == null ? null
          : a.output().executionResult().externalExecutionId();
      if (external == null) {
        continue;
      }
      if (external.contains(":")) {
        sandbox.codeBuild().batchGetBuilds(r -> r.ids(external)).builds().forEach(b -> b.phases().stream()
            .filter(p -> p.durationInSeconds() != null)
            .forEach(p -> out.add("  " + p.phaseTypeAsString() + " " + p.durationInSeconds() + " s")));
      } else if (external.startsWith("d-")) {
        var cd = sandbox.codeDeploy();
        String target = cd.listDeploymentTargets(r -> r.deploymentId(external)).targetIds().get(0);
        cd.getDeploymentTarget(r -> r.deploymentId(external).targetId(target)).deploymentTarget().ecsTarget()
            .lifecycleEvents().forEach(e -> out.add("  " + e.lifecycleEventName() + " "
                + seconds(Duration.between(e.startTime(), e.endTime()))));
        var info = cd.getDeployment(r -> r.deploymentId(external)).deploymentInfo();
        out.add("  deployment created to completed " + seconds(Duration.between(info.createTime(),
            info.completeTime())));
      }
    }
    return out;
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
