package org.bgwizard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.provision.CriticalPath;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.Plan;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.Provisioner;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.Step;
import org.bgwizard.provision.StepEvent;
import org.bgwizard.provision.StepState;
import org.bgwizard.provision.steps.SdkErrorClassifier;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;

/**
 * Applies the tutorial setup in the sandbox with {@link LatencyModel}'s per-call latencies, in simulated time
 * ({@link VirtualTime}), once with the app's 8 threads and once one step at a time, and prints: the simulated wall
 * time, the critical-path lower bound (each step's measured duration along the longest dependency chain), the
 * one-step-at-a-time time, and the number of API calls. Rerun with {@code bench/provision.sh}.
 */
public final class ProvisionBenchmark {
  private static final String REGION = "us-east-1";
  /** The app's pool size (AppConnector). */
  private static final int THREADS = 8;
  private static final Instant START = Instant.parse("2025-06-01T09:00:00Z");

  private record Run(SetupPlan plan, ProvisionResult result, Duration wall, Map<ResourceRef, Duration> durations,
      int planCalls, int applyCalls, Duration loadBalancerProvisioning, Duration propagation, Again again) {}

  /** The same setup planned and applied once more with nothing changed: calls, writes among them, wall time. */
  private record Again(int calls, long writes, Duration wall) {}

  /** Calls that change something, as bench/provision.md's latency model counts writes. */
  private static final List<String> WRITES = List.of("Create", "Put", "Register", "Update", "Modify", "Authorize",
      "Delete", "Deregister", "Attach", "Detach", "Tag", "Untag");

  private record Bound(Duration length, List<String> path) {}

  /** The steps whose creating call makes AWS assume a role of the setup (catalogue row 15). */
  private static final Set<String> ASSUMES_ROLE_AT_CREATION = Set.of("codedeploy-deployment-group",
      "codebuild-project", "codepipeline-pipeline");

  private ProvisionBenchmark() {}

  public static void main(String[] args) throws Exception {
    SetupSpec spec = SpecDefaults.tutorial("demo", REGION);
    Run parallel = run(spec, Executors.newFixedThreadPool(THREADS));
    Run sequential = run(spec, null);
    Bound bound = bound(parallel.plan().plan(), sequential.durations(), Duration.ZERO, parallel.propagation());
    Bound terraform = bound(parallel.plan().plan(), sequential.durations(), parallel.loadBalancerProvisioning(),
        parallel.propagation());
    CriticalPath scheduling = parallel.plan().plan().criticalPath(s -> parallel.durations().get(s.ref()));
    var out = System.out;
    out.println("Tutorial setup '" + spec.name() + "' applied in the sandbox, simulated time, latency model of"
        + " bench/provision.md (" + parallel.durations().size() + " steps)");
    out.printf(Locale.ROOT, "  simulated wall time, 8 threads       %7.1f s%n", seconds(parallel.wall()));
    out.printf(Locale.ROOT, "  critical-path lower bound            %7.1f s   wall / bound = %.3f (target <= 1.1)%n",
        seconds(bound.length()), ratio(parallel.wall(), bound.length()));
    out.printf(Locale.ROOT, "  seeds' one-step-at-a-time order      %7.1f s   wall / sequential = %.3f%n",
        seconds(sequential.wall()), ratio(parallel.wall(), sequential.wall()));
    out.printf(Locale.ROOT, "  API calls                            %7d     (apply; planning made %d more)%n",
        parallel.applyCalls(), parallel.planCalls());
    out.printf(Locale.ROOT, "  apply with nothing changed           %7d     calls, %d writes, %.1f s (plan included; target: no"
        + " write, <= 30 calls)%n", parallel.again().calls(), parallel.again().writes(), seconds(parallel.again().wall()));
    out.println("  bound: the longest dependency chain, each step taking what it took alone, and a new role usable by"
        + " CodeDeploy, CodeBuild and CodePipeline " + parallel.propagation().toSeconds() + " s after it was created:");
    out.println("    " + String.join(" -> ", bound.path()));
    out.printf(Locale.ROOT, "  scheduling alone: wall / longest chain of this run's own step times = %.3f%n",
        ratio(parallel.wall(), scheduling.length()));
    out.printf(Locale.ROOT, "  for comparison, the same bound when the ALB's dependents wait for it to become active"
        + " (as Terraform and CloudFormation do): %.1f s%n", seconds(terraform.length()));
    if (!parallel.result().succeeded() || !sequential.result().succeeded()) {
      throw new IllegalStateException("an apply failed: " + parallel.result().failed() + sequential.result().failed());
    }
  }

  /** @param pool the provisioner's threads; null runs one step at a time on the calling thread */
  private static Run run(SetupSpec spec, ExecutorService pool) throws Exception {
    var time = new VirtualTime(START, Thread.currentThread(), pool == null ? 1 : THREADS);
    Sandbox sandbox = Sandbox.inMemory(REGION, time);
    sandbox.account().sleeper(time::sleep);
    sandbox.faults().latency(LatencyModel::of);
    var clients = AwsClients.sandbox(new SandboxClientSource(sandbox), REGION);
    var errors = new SdkErrorClassifier();
    var provisioner = Provisioner.builder(time.executor(pool == null ? Runnable::run : pool)).clock(time)
        .sleeper(time::sleep).classifier(errors).describer(errors).retryPolicy(SetupOperations.RETRY_POLICY)
        .random(new Random(1)).build();
    var ops = new SetupOperations(clients, provisioner);
    Path dir = Files.createTempDirectory("bench");
    try {
      SetupPlan plan = ops.plan(spec);
      int planCalls = sandbox.account().calls().size();
      var durations = new HashMap<ResourceRef, Duration>();
      ProvisionListener listener = new ProvisionListener() {
        @Override
        public void onStep(StepEvent event) {
          if (event.state() == StepState.DONE) {
            durations.put(event.ref(), event.elapsed());
          }
        }
      };
      Instant begin = time.instant();
      Journal journal = Journal.open(dir.resolve("demo.journal.json"), time);
      ProvisionResult result = ops.apply(plan, journal, listener);
      Duration wall = Duration.between(begin, time.instant());
      int applyCalls = sandbox.account().calls().size() - planCalls;
      var settings = sandbox.account().settings();
      return new Run(plan, result, wall, durations, planCalls, applyCalls,
          Duration.ofSeconds(settings.loadBalancerProvisioningSeconds),
          Duration.ofSeconds(settings.propagationDelaySeconds), again(ops, spec, journal, sandbox, time));
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static Again again(SetupOperations ops, SetupSpec spec, Journal journal, Sandbox sandbox, VirtualTime time) {
    int before = sandbox.account().calls().size();
    Instant begin = time.instant();
    ProvisionResult result = ops.apply(ops.plan(spec, journal), journal, ProvisionListener.NONE);
    if (!result.succeeded()) {
      throw new IllegalStateException("the apply with nothing changed failed: " + result.failed());
    }
    var calls = sandbox.account().calls().subList(before, sandbox.account().calls().size());
    long writes = calls.stream().filter(c -> WRITES.stream().anyMatch(c.operation()::startsWith)).count();
    return new Again(calls.size(), writes, Duration.between(begin, time.instant()));
  }

  /**
   * The longest chain through the plan: each step takes {@code durations}; a step that makes AWS assume a new
   * role starts no earlier than {@code propagation} after that role was created (its step's end less the
   * PutRolePolicy that follows CreateRole); dependents of the load balancer wait {@code loadBalancerWait} more.
   */
  private static Bound bound(Plan plan, Map<ResourceRef, Duration> durations, Duration loadBalancerWait,
      Duration propagation) {
    var finish = new HashMap<ResourceRef, Duration>();
    var before = new HashMap<ResourceRef, ResourceRef>();
    ResourceRef last = null;
    Duration putPolicy = LatencyModel.of(org.bgwizard.sandbox.core.Service.IAM, "PutRolePolicy");
    for (Step step : plan.steps()) {
      Duration start = Duration.ZERO;
      for (ResourceRef dep : step.dependsOn()) {
        Duration ready = finish.get(dep);
        if (dep.kind().equals("iam-role") && ASSUMES_ROLE_AT_CREATION.contains(step.ref().kind())) {
          ready = ready.minus(putPolicy).plus(propagation);
        }
        if (dep.kind().equals("elbv2-load-balancer")) {
          ready = ready.plus(loadBalancerWait);
        }
        if (ready.compareTo(start) > 0) {
          start = ready;
          before.put(step.ref(), dep);
        }
      }
      finish.put(step.ref(), start.plus(durations.get(step.ref())));
      if (last == null || finish.get(step.ref()).compareTo(finish.get(last)) > 0) {
        last = step.ref();
      }
    }
    var path = new ArrayList<String>();
    for (ResourceRef at = last; at != null; at = before.get(at)) {
      path.add(0, at + " " + fmt(durations.get(at)));
    }
    return new Bound(finish.get(last), path);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static double ratio(Duration a, Duration b) {
    return (double) a.toMillis() / b.toMillis();
  }

  private static String fmt(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", seconds(d));
  }
}
