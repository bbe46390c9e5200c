package org.bgwizard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.sandbox.BlueGreenSandbox;

/**
 * The dashboard monitor on the sandbox in simulated time: API calls per minute idle and during a canary deployment,
 * and the delay from each change of the deployment's status or production weights in the sandbox to the first
 * snapshot showing it. Ground truth is read straight from the sandbox each simulated second, outside the monitor.
 */
public final class DashboardBenchmark {
  private DashboardBenchmark() {}

  public static void main(String[] args) {
    var bg = BlueGreenSandbox.create(BlueGreenSandbox.CANARY, 30, 5);
    var sim = new DashboardSim(bg).started();
    Instant idleFrom = bg.clock().instant();
    sim.advance(Duration.ofMinutes(10));
    double idle = sim.monitor.calls().between(idleFrom, bg.clock().instant()) / 10.0;

    String id = bg.deployGood();
    Instant activeFrom = bg.clock().instant();
    List<Long> delays = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    String truth = "";
    Instant changedAt = null;
    boolean rerouted = false;
    for (int second = 0; second < 30 * 60; second++) {
      sim.advance(Duration.ofSeconds(1));
      String now = groundTruth(bg, id);
      if (!now.equals(truth)) {
        truth = now;
        changedAt = bg.clock().instant();
      }
      if (changedAt != null && shows(sim.snapshot(), truth)) {
        delays.add(Duration.between(changedAt, bg.clock().instant()).toSeconds());
        changes.add(truth + " after " + delays.get(delays.size() - 1) + " s");
        changedAt = null;
      }
      if (!rerouted && DashboardSim.status(sim.snapshot()).equals("Ready")) {
        sim.perform(Action.REROUTE);
        rerouted = true;
      }
      if (truth.startsWith("Succeeded")) {
        break;
      }
    }
    long activeSeconds = Duration.between(activeFrom, bg.clock().instant()).toSeconds();
    double active = sim.monitor.calls().between(activeFrom, bg.clock().instant()) * 60.0 / activeSeconds;
    List<Long> whileActive = delays.subList(Math.min(1, delays.size()), delays.size());
    System.out.println("| Figure | Value | Target |");
    System.out.println("|---|---|---|");
    System.out.printf("| Monitor API calls per minute, idle (10 simulated minutes) | %.1f | ≤ 60 (1 call/s) |%n", idle);
    System.out.printf("| Monitor API calls per minute, canary deployment (%d s) | %.1f | ≤ 60 (1 call/s) |%n",
        activeSeconds, active);
    System.out.printf("| Delay, deployment state change to the snapshot showing it, while active (max / mean of %d)"
        + " | %d s / %.1f s | ≤ 5 s |%n", whileActive.size(),
        whileActive.stream().mapToLong(Long::longValue).max().orElse(-1),
        whileActive.stream().mapToLong(Long::longValue).average().orElse(-1));
    // The first change (the deployment appearing) is seen by an idle monitor, which polls every 30 s.
    System.out.printf("| Delay, a new deployment to the idle monitor's snapshot | %d s | ≤ %d s (idle interval) |%n",
        delays.isEmpty() ? -1 : delays.get(0), DeploymentMonitor.IDLE_INTERVAL.toSeconds());
    System.out.println();
    System.out.println("Changes seen (deployment status and production weights, delay to the snapshot):");
    changes.forEach(c -> System.out.println("  " + c));
  }

  /** The deployment's status and the production listener's weights, straight from the sandbox. */
  private static String groundTruth(BlueGreenSandbox bg, String id) {
    String status = bg.sandbox().codeDeploy().getDeployment(r -> r.deploymentId(id)).deploymentInfo().statusAsString();
    var listener = bg.sandbox().elbv2().describeLoadBalancers().loadBalancers().isEmpty() ? null
        : bg.sandbox().elbv2().describeListeners(r -> r.loadBalancerArn(bg.sandbox().elbv2().describeLoadBalancers()
            .loadBalancers().get(0).loadBalancerArn())).listeners().stream().filter(l -> l.port() == 80)
            .findFirst().orElseThrow();
    List<String> weights = new ArrayList<>();
    listener.defaultActions().get(0).forwardConfig().targetGroups().forEach(t -> weights.add(
        t.targetGroupArn().replaceAll(".*targetgroup/([^/]+)/.*", "$1") + "=" + t.weight()));
    weights.sort(null);
    return status + " " + weights;
  }

  private static boolean shows(DeploymentSnapshot s, String truth) {
    if (s == null || s.current() == null) {
      return false;
    }
    List<String> weights = new ArrayList<>();
    s.traffic().routes().stream().filter(r -> r.role().equals("Production")).findFirst()
        .ifPresent(r -> r.weights().forEach((tg, w) -> weights.add(tg + "=" + w)));
    weights.sort(null);
    return truth.equals(s.current().status() + " " + weights);
  }
}
