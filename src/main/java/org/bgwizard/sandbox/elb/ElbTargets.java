package org.bgwizard.sandbox.elb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.elb.ElbState.LoadBalancer;
import org.bgwizard.sandbox.elb.ElbState.Target;
import org.bgwizard.sandbox.elb.ElbState.TargetGroup;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;

/**
 * Registered targets and their health (ELB API Reference, TargetHealth): {@code initial/Elb.RegistrationInProgress} for
 * {@value #REGISTRATION_SECONDS} s (longer while no active load balancer uses the group), then
 * {@code initial/Elb.InitialHealthChecking} for healthyThreshold × interval (or unhealthyThreshold × interval)
 * and then {@code healthy} or {@code unhealthy}; deregistration drains for the group's
 * {@code deregistration_delay.timeout_seconds}, then the target is gone. A group no listener forwards to reports
 * {@code unused/Target.NotInUse}. Registration is accepted while the load balancer provisions; its targets stay
 * initial until it is active (inferred).
 *
 * <p>What answers at a target's IP comes from the {@link #endpoints} probe (ECS tasks): its security groups must
 * admit the load balancer's on the health check port ({@code Network.allowsIngress}), else
 * {@code Target.Timeout}; an {@code UNHEALTHY} image answers 500, a healthy one 200, checked against the matcher
 * ({@code Target.ResponseCodeMismatch}). The outcome is decided when initial checking starts and holds until the
 * target is deregistered: later security group changes reach the next registration (ECS replaces the task).
 *
 * <p>Durations: a new target is healthy after healthyThreshold × interval, 150 s with the defaults ("With the default
 * settings, the total time to determine the health of a container is two minutes and 30 seconds", Amazon ECS
 * developer guide, "Optimize load balancer health check parameters"; 3 × 30 s = 90 s observed in
 * govuk-one-login/authentication-frontend#1362). The ELB guide's "After your target is registered, it must pass one
 * health check to be considered healthy" would make it one interval; the sandbox follows the ECS guide and the
 * observation. A deregistered target drains for the whole delay (300 s by default, Amazon ECS developer guide,
 * "Optimize load balancer connection draining parameters"; "when you kill a task in ECS, it waits for 5 minutes",
 * alphagov/prometheus-aws-configuration-beta#17).
 */
public final class ElbTargets {
  /** From RegisterTargets to the first health check: a judgement (no AWS figure). */
  static final int REGISTRATION_SECONDS = 10;
  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern MATCHER = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

  /** What serves at an IP address: the task's security groups, how its image behaves, its container ports. */
  public record Endpoint(List<String> securityGroups, Ports.ImageBehaviour behaviour, Set<Integer> ports) {}

  /** Told when a target's initial health checks end, healthy or unhealthy. */
  public interface Observer {
    void healthDecided(String targetGroupArn, Target target);
  }

  public record View(String state, String reason, String description) {}

  record TargetRef(String id, Integer port, String availabilityZone) {}

  record Described(String id, int port, String availabilityZone, String healthCheckPort, View health) {}

  private final SandboxAccount account;
  private final ElbEngine elb;
  private Function<String, Optional<Endpoint>> endpoints = ip -> Optional.empty();
  private Observer observer = (tg, t) -> { };

  ElbTargets(SandboxAccount account, ElbEngine elb) {
    this.account = account;
    this.elb = elb;
  }

  public void endpoints(Function<String, Optional<Endpoint>> probe) {
    this.endpoints = probe;
  }

  public void observer(Observer o) {
    this.observer = o;
  }

  // ---- API operations

  void register(String targetGroupArn, List<TargetRef> refs) {
    TargetGroup tg = elb.targetGroup(targetGroupArn);
    for (TargetRef r : refs) {
      if (tg.targetType.equals("ip") && (r.id() == null || !IPV4.matcher(r.id()).matches())) {
        throw invalidTarget("The IP address '" + r.id() + "' is not a valid IPv4 address");
      }
      if (tg.targetType.equals("instance")) {
        throw invalidTarget("The following targets are not in a running state and can't be registered: '"
            + r.id() + "'");
      }
    }
    for (TargetRef r : refs) {
      int port = portOf(tg, r);
      add(tg, r.id(), port, r.availabilityZone());
    }
  }

  void deregister(String targetGroupArn, List<TargetRef> refs) {
    TargetGroup tg = elb.targetGroup(targetGroupArn);
    for (TargetRef r : refs) {
      if (find(tg, r.id(), portOf(tg, r)) == null) {
        throw invalidTarget("The specified target does not exist, is not in the same VPC as the target group, "
            + "or has an unsupported instance type");
      }
    }
    refs.forEach(r -> drain(tg, find(tg, r.id(), portOf(tg, r))));
  }

  List<Described> describe(String targetGroupArn, List<TargetRef> refs) {
    TargetGroup tg = elb.targetGroup(targetGroupArn);
    List<Described> out = new ArrayList<>();
    if (refs.isEmpty()) {
      for (Target t : tg.targets) {
        out.add(new Described(t.id, t.port, t.availabilityZone, checkPort(tg, t.port), view(tg, t)));
      }
      return out;
    }
    for (TargetRef r : refs) {
      int port = portOf(tg, r);
      Target t = find(tg, r.id(), port);
      out.add(t != null ? new Described(t.id, t.port, t.availabilityZone, checkPort(tg, port), view(tg, t))
          : new Described(r.id(), port, r.availabilityZone(), checkPort(tg, port),
              new View("unused", "Target.NotRegistered", "Target is not registered to the target group")));
    }
    return out;
  }

  private int portOf(TargetGroup tg, TargetRef r) {
    int port = r.port() == null ? tg.port : r.port();
    if (port < 1 || port > 65535) {
      throw elb.validation("1 validation error detected: Value '" + port
          + "' at 'targets.1.member.port' failed to satisfy constraint: Member must have value between 1 and 65535");
    }
    return port;
  }

  private static String checkPort(TargetGroup tg, int port) {
    return tg.healthCheckPort.equals("traffic-port") ? String.valueOf(port) : tg.healthCheckPort;
  }

  private RuntimeException invalidTarget(String message) {
    return elb.error(InvalidTargetException.builder(), "InvalidTarget", message);
  }

  // ---- ECS tasks

  public void registerTask(String targetGroupArn, String ip, int port, String availabilityZone) {
    TargetGroup tg = elb.st().targetGroups.get(targetGroupArn);
    if (tg != null) {
      add(tg, ip, port, availabilityZone);
    }
  }

  /** Starts draining the task's target; returns when draining ends (now if it was not registered). */
  public Instant deregisterTask(String targetGroupArn, String ip, int port) {
    TargetGroup tg = elb.st().targetGroups.get(targetGroupArn);
    Target t = tg == null ? null : find(tg, ip, port);
    if (t == null) {
      return account.now();
    }
    drain(tg, t);
    return t.drainingUntil == null ? account.now() : t.drainingUntil;
  }

  public Optional<View> stateOf(String targetGroupArn, String ip, int port) {
    TargetGroup tg = elb.st().targetGroups.get(targetGroupArn);
    Target t = tg == null ? null : find(tg, ip, port);
    return t == null ? Optional.empty() : Optional.of(view(tg, t));
  }

  // ---- state machine

  private void add(TargetGroup tg, String id, int port, String availabilityZone) {
    Target t = find(tg, id, port);
    if (t != null && !t.state.equals("draining")) {
      return;
    }
    if (t == null) {
      t = new Target();
      t.id = id;
      t.port = port;
      tg.targets.add(t);
    }
    t.availabilityZone = availabilityZone;
    t.state = "initial";
    t.reason = "Elb.RegistrationInProgress";
    t.description = "Target registration is in progress";
    t.registeredAt = account.now();
    t.phaseEndsAt = account.now().plusSeconds(REGISTRATION_SECONDS);
    t.drainingUntil = null;
    t.outcome = null;
  }

  private void drain(TargetGroup tg, Target t) {
    int delay = ElbAttributes.deregistrationDelaySeconds(tg);
    if (delay == 0) {
      tg.targets.remove(t);
      return;
    }
    t.state = "draining";
    t.reason = "Target.DeregistrationInProgress";
    t.description = "Target deregistration is in progress";
    t.phaseEndsAt = null;
    t.drainingUntil = account.now().plusSeconds(delay);
  }

  private static Target find(TargetGroup tg, String id, int port) {
    return tg.targets.stream().filter(t -> t.id.equals(id) && t.port == port).findFirst().orElse(null);
  }

  View view(TargetGroup tg, Target t) {
    if (!t.state.equals("draining") && !elb.inUse(tg.arn)) {
      return new View("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
    }
    return new View(t.state, t.reason, t.description);
  }

  /** A listener now forwards (or no longer forwards) somewhere: targets waiting for a load balancer move on. */
  void trafficChanged() {
    for (TargetGroup tg : elb.st().targetGroups.values()) {
      for (Target t : List.copyOf(tg.targets)) {
        if ("Elb.RegistrationInProgress".equals(t.reason) && t.phaseEndsAt == null) {
          t.phaseEndsAt = account.now();
          step(tg, t);
        }
      }
    }
  }

  Instant nextTransition() {
    Instant next = null;
    for (TargetGroup tg : elb.st().targetGroups.values()) {
      for (Target t : tg.targets) {
        next = ElbEngine.earliest(next, t.phaseEndsAt);
        next = ElbEngine.earliest(next, t.drainingUntil);
      }
    }
    return next;
  }

  void advanceTo(Instant now) {
    for (TargetGroup tg : elb.st().targetGroups.values()) {
      for (Target t : List.copyOf(tg.targets)) {
        if (t.drainingUntil != null && !t.drainingUntil.isAfter(now)) {
          tg.targets.remove(t);
        } else if (t.phaseEndsAt != null && !t.phaseEndsAt.isAfter(now)) {
          step(tg, t);
        }
      }
    }
  }

  private void step(TargetGroup tg, Target t) {
    Instant now = account.now();
    if (t.reason.equals("Elb.RegistrationInProgress")) {
      Instant ready = checksStartAt(tg);
      if (ready == null || ready.isAfter(now)) {
        t.phaseEndsAt = ready;
        return;
      }
      decide(tg, t);
      t.reason = "Elb.InitialHealthChecking";
      t.description = "Initial health checks in progress";
      int checks = t.outcome.equals("healthy") ? tg.healthyThresholdCount : tg.unhealthyThresholdCount;
      t.phaseEndsAt = now.plusSeconds((long) checks * tg.healthCheckIntervalSeconds);
    } else if (t.reason.equals("Elb.InitialHealthChecking")) {
      t.state = t.outcome;
      t.reason = t.outcomeReason;
      t.description = t.outcomeDescription;
      t.phaseEndsAt = null;
      observer.healthDecided(tg.arn, t);
    }
  }

  /** When health checks can begin: once a load balancer forwarding to the group is active; null if none does. */
  private Instant checksStartAt(TargetGroup tg) {
    Instant start = null;
    for (String lbArn : elb.loadBalancerArnsOf(tg.arn)) {
      LoadBalancer lb = elb.st().loadBalancers.get(lbArn);
      Instant active = lb.state.equals(ElbEngine.ACTIVE) ? account.now() : lb.activeAt;
      start = ElbEngine.earliest(start, active);
    }
    return start;
  }

  private void decide(TargetGroup tg, Target t) {
    int port = tg.healthCheckPort.equals("traffic-port") ? t.port : Integer.parseInt(tg.healthCheckPort);
    Optional<Endpoint> ep = endpoints.apply(t.id);
    if (ep.isEmpty() || !reachable(tg, ep.get(), port)) {
      outcome(t, "unhealthy", "Target.Timeout", "Request timed out");
    } else if (!ep.get().ports().contains(port)) {
      outcome(t, "unhealthy", "Target.FailedHealthChecks", "Health checks failed");
    } else {
      int code = ep.get().behaviour() == Ports.ImageBehaviour.UNHEALTHY ? 500 : 200;
      if (matches(tg.matcher, code)) {
        outcome(t, "healthy", null, null);
      } else {
        outcome(t, "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [" + code + "]");
      }
    }
  }

  private static void outcome(Target t, String state, String reason, String description) {
    t.outcome = state;
    t.outcomeReason = reason;
    t.outcomeDescription = description;
  }

  /** Whether some load balancer using the group may reach the endpoint on the port through security groups. */
  private boolean reachable(TargetGroup tg, Endpoint ep, int port) {
    Ports.Network network = null;
    for (String lbArn : elb.loadBalancerArnsOf(tg.arn)) {
      LoadBalancer lb = elb.st().loadBalancers.get(lbArn);
      if (lb.securityGroups.isEmpty()) {
        return true;
      }
      if (network == null) {
        network = elb.network();
      }
      for (String from : lb.securityGroups) {
        for (String to : ep.securityGroups()) {
          if (network.allowsIngress(to, from, port)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static boolean validMatcher(String matcher) {
    if (!MATCHER.matcher(matcher).matches()) {
      return false;
    }
    for (String part : matcher.split(",")) {
      String[] r = part.split("-");
      int lo = Integer.parseInt(r[0]);
      int hi = Integer.parseInt(r[r.length - 1]);
      if (lo < 200 || hi > 499 || lo > hi) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(String matcher, int code) {
    for (String part : matcher.split(",")) {
      String[] r = part.split("-");
      if (code >= Integer.parseInt(r[0]) && code <= Integer.parseInt(r[r.length - 1])) {
        return true;
      }
    }
    return false;
  }
}
