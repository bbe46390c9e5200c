package org.bgwizard.sandbox.codedeploy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Deployment;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.LifecycleEvent;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.Ports.LoadBalancing.Weight;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The blue/green lifecycle of an ECS deployment (CodeDeploy User Guide, "What happens during an Amazon ECS
 * deployment"), in simulated time. Phases: {@code CREATED} (status Created) → {@code EVENT} (one lifecycle event in
 * progress) with, between events, {@code READY} (waiting for ContinueDeployment READY_WAIT) → {@code TERMINATION_WAIT}
 * (target Succeeded, deployment InProgress) → {@code CLEANUP} (a task set draining) → {@code DONE}.
 *
 * <p>Install creates the replacement (green) task set on the target group production does not use and waits until
 * its tasks run and its targets are healthy; a target group no listener uses gets weight 0 on the production
 * listener first, so the load balancer health-checks it (inferred). AllowTraffic writes the production listener's
 * weights (green, blue) per the deployment configuration; the green set becomes PRIMARY when it has all traffic.
 * A rollback deployment (creator codeDeployRollback) reroutes production to the original set, makes it PRIMARY
 * again and deletes the replacement set. Hook durations are the tutorial's (Amazon ECS Developer Guide, "Creating a
 * service using a blue/green deployment"), AllowTraffic's weight write too (0.7 s for AllAtOnce); Install lasts as long
 * as ECS and the load balancer take. After the termination wait ("the number of minutes before deleting the original
 * (blue) task set", CodeDeploy API reference, BlueInstanceTerminationOption) the deployment succeeds once that set is
 * gone, its targets drained and its tasks stopped ("original task set removed", CodeDeploy User Guide, "What happens
 * during an Amazon ECS deployment"). The second from CreateDeployment to BeforeInstall is a judgement.
 */
final class CodeDeployLifecycle {
  static final String CREATED = "CREATED";
  static final String EVENT = "EVENT";
  static final String READY = "READY";
  static final String TERMINATION_WAIT = "TERMINATION_WAIT";
  static final String CLEANUP = "CLEANUP";
  static final String DONE = "DONE";
  static final String ROLLBACK_CREATOR = "codeDeployRollback";
  static final Duration START_DELAY = Duration.ofSeconds(1);
  static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(60);
  static final Duration SYSTEM_STEP = Duration.ofMillis(700);
  private static final Map<String, Duration> HOOKS = Map.of("BeforeInstall", Duration.ofMillis(400),
      "AfterInstall", Duration.ofMillis(500), "AfterAllowTestTraffic", Duration.ofMillis(500),
      "BeforeAllowTraffic", Duration.ofMillis(600), "AfterAllowTraffic", Duration.ofMillis(700));
  private static final Pattern TASK_DEFINITION_ARN = Pattern.compile(
      "arn:aws:ecs:[a-z0-9-]+:\\d{12}:task-definition/[A-Za-z0-9_-]{1,255}:\\d+");

  private final CodeDeployEngine cd;
  private final SandboxAccount account;

  CodeDeployLifecycle(CodeDeployEngine cd, SandboxAccount account) {
    this.cd = cd;
    this.account = account;
  }

  private Ports.TaskSets ecs() {
    return cd.ecs();
  }

  private Ports.LoadBalancing elb() {
    return cd.elb();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private Instant now() {
    return account.now();
  }

  static List<LifecycleEvent> events(Deployment d) {
    List<String> names = ROLLBACK_CREATOR.equals(d.creator)
        ? List.of("BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic")
        : d.group.testListenerArn == null
            ? List.of("BeforeInstall", "Install", "AfterInstall", "BeforeAllowTraffic", "AllowTraffic",
                "AfterAllowTraffic")
            : List.of("BeforeInstall", "Install", "AfterInstall", "AllowTestTraffic", "AfterAllowTestTraffic",
                "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic");
    return new ArrayList<>(names.stream().map(LifecycleEvent::new).toList());
  }

  static boolean active(Deployment d) {
    return !d.phase.equals(DONE);
  }

  // ---- simulation

  Instant nextTransition() {
    Instant next = null;
    for (Deployment d : account.state(CodeDeployState.class).deployments.values()) {
      if (active(d)) {
        next = earliest(next, d.nextAt);
      }
    }
    return next;
  }

  /** Performs what is due at {@code t} and whatever the other services' state now allows. */
  void advanceTo(Instant t) {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Deployment d : List.copyOf(account.state(CodeDeployState.class).deployments.values())) {
        if (!active(d)) {
          continue;
        }
        if (d.nextAt != null && !d.nextAt.isAfter(t)) {
          due(d);
          moved = true;
        } else if (waitOver(d)) {
          moved = true;
        }
      }
    }
  }

  private void due(Deployment d) {
    d.nextAt = null;
    switch (d.phase) {
      case CREATED -> start(d);
      case EVENT -> eventDue(d);
      case READY -> end(d, "Stopped", "TIMEOUT", "The deployment timed out while waiting for a notification to "
          + "continue. This time out period is " + d.group.readyWaitMinutes + " minutes.", false);
      case TERMINATION_WAIT -> terminateOriginal(d);
      default -> throw new IllegalStateException("deployment " + d.deploymentId + " has nothing due in " + d.phase);
    }
  }

  /** Moves a deployment whose wait on ECS is over: Install once green is healthy, CLEANUP once a set is gone. */
  private boolean waitOver(Deployment d) {
    if (d.phase.equals(EVENT) && current(d).name.equals("Install") && greenHealthy(d)) {
      finishEvent(d);
      return true;
    }
    if (d.phase.equals(CLEANUP)) {
      String leaving = rollback(d) ? d.greenTaskSetArn : d.blueTaskSetArn;
      if (leaving == null || ecs().taskSet(leaving).isEmpty()) {
        d.phase = DONE;
        d.status = "Succeeded";
        d.completeTime = now();
        return true;
      }
    }
    return false;
  }

  private boolean greenHealthy(Deployment d) {
    return d.greenTaskSetArn != null && ecs().taskSet(d.greenTaskSetArn)
        .filter(s -> s.runningCount() == s.computedDesiredCount() && s.pendingCount() == 0
            && s.healthyCount() == s.runningCount())
        .isPresent();
  }

  static boolean rollback(Deployment d) {
    return ROLLBACK_CREATOR.equals(d.creator);
  }

  static LifecycleEvent current(Deployment d) {
    return d.events.get(d.eventIndex);
  }

  // ---- steps

  private void start(Deployment d) {
    d.status = "InProgress";
    d.startTime = now();
    target(d, "InProgress");
    beginEvent(d, 0);
  }

  private void beginEvent(Deployment d, int index) {
    d.phase = EVENT;
    d.eventIndex = index;
    LifecycleEvent e = current(d);
    e.status = "InProgress";
    e.startTime = now();
    d.targetUpdatedAt = now();
    switch (e.name) {
      case "Install" -> install(d);
      case "AllowTestTraffic" -> {
        if (route(d, d.group.testListenerArn, d.greenTargetGroupArn, d.blueTargetGroupArn)) {
          d.nextAt = now().plus(SYSTEM_STEP);
        }
      }
      case "AllowTraffic" -> {
        if (rollback(d)) {
          rerouteToOriginal(d);
        } else {
          shift(d, config(d).firstStep());
        }
      }
      default -> d.nextAt = now().plus(HOOKS.get(e.name));
    }
  }

  private void eventDue(Deployment d) {
    LifecycleEvent e = current(d);
    if (e.name.equals("Install")) {
      end(d, "Failed", "TIMEOUT", "The deployment timed out while waiting for the replacement task set to become "
          + "healthy. This time out period is 60 minutes.", true);
    } else if (e.name.equals("AllowTraffic") && !rollback(d) && d.trafficPercent < 100) {
      shift(d, config(d).stepAfter(d.trafficPercent));
    } else {
      finishEvent(d);
    }
  }

  private void finishEvent(Deployment d) {
    LifecycleEvent e = current(d);
    e.status = "Succeeded";
    e.endTime = now();
    d.targetUpdatedAt = now();
    d.nextAt = null;
    boolean lastBeforeReady = e.name.equals(d.group.testListenerArn == null ? "AfterInstall" : "AfterAllowTestTraffic");
    if (lastBeforeReady && !rollback(d) && "STOP_DEPLOYMENT".equals(d.group.readyAction)) {
      d.phase = READY;
      d.status = "Ready";
      target(d, "Ready");
      d.nextAt = now().plus(Duration.ofMinutes(d.group.readyWaitMinutes));
    } else if (d.eventIndex + 1 < d.events.size()) {
      beginEvent(d, d.eventIndex + 1);
    } else if (rollback(d)) {
      target(d, "Succeeded");
      cleanup(d, d.greenTaskSetArn);
    } else {
      target(d, "Succeeded");
      d.phase = TERMINATION_WAIT;
      d.nextAt = now().plus(Duration.ofMinutes(d.group.terminationWaitMinutes));
    }
  }

  /** ContinueDeployment READY_WAIT: production traffic is rerouted now. */
  void continueFromReady(Deployment d) {
    d.status = "InProgress";
    target(d, "InProgress");
    d.nextAt = null;
    beginEvent(d, d.eventIndex + 1);
  }

  /** The termination wait is over (or ContinueDeployment TERMINATION_WAIT): the original task set goes. */
  void terminateOriginal(Deployment d) {
    d.nextAt = null;
    cleanup(d, d.blueTaskSetArn);
  }

  private void cleanup(Deployment d, String taskSetArn) {
    d.phase = CLEANUP;
    var set = taskSetArn == null ? Optional.<Ports.TaskSets.TaskSet>empty() : ecs().taskSet(taskSetArn);
    if (set.isPresent() && !set.get().status().equals("DRAINING")) {
      try {
        ecs().deleteTaskSet(taskSetArn);
      } catch (AwsServiceException e) {
        end(d, "Failed", "ECS_UPDATE_ERROR", ecsError(e), false);
      }
    }
  }

  // ---- Install

  private void install(Deployment d) {
    var service = ecs().service(d.group.clusterName, d.group.serviceName).filter(s -> s.status().equals("ACTIVE"));
    if (service.isEmpty()) {
      end(d, "Failed", "INVALID_ECS_SERVICE", "The ECS service " + d.group.serviceName + " in cluster "
          + d.group.clusterName + " was not found or is not active.", true);
      return;
    }
    var blue = service.get().taskSets().stream().filter(s -> s.status().equals("PRIMARY")).findFirst().orElseThrow();
    d.blueTaskSetArn = blue.taskSetArn();
    d.blueTargetGroupArn = blue.targetGroupArn();
    String blueName = elb().targetGroup(d.blueTargetGroupArn).map(Ports.LoadBalancing.TargetGroup::name).orElse("");
    int index = d.group.targetGroupNames.indexOf(blueName);
    String greenName = index < 0 ? null : d.group.targetGroupNames.get(1 - index);
    d.greenTargetGroupArn = greenName == null ? null : elb().targetGroupArnByName(greenName).orElse(null);
    if (d.greenTargetGroupArn == null) {
      end(d, "Failed", "ELASTIC_LOAD_BALANCING_INVALID", "The ECS service's target group " + blueName
          + " and the other target group of the deployment group's pair must both exist.", true);
      return;
    }
    String elbProblem = productionProblem(d);
    if (elbProblem != null) {
      end(d, "Failed", "ELASTIC_LOAD_BALANCING_INVALID",
          "The ELB could not be updated due to the following error: " + elbProblem, true);
      return;
    }
    if (!TASK_DEFINITION_ARN.matcher(d.taskDefinition).matches()) {
      // Catalogue row 6: ECS rejects what is not a task definition revision (e.g. an unreplaced <TASK_DEFINITION>).
      String number = d.taskDefinition.substring(d.taskDefinition.lastIndexOf(':') + 1);
      end(d, "Failed", "ECS_UPDATE_ERROR", ecsError("ClientException", "Invalid revision number. Number: " + number,
          account.ids().uuid()), true);
      return;
    }
    for (var other : service.get().taskSets()) {
      if (other.status().equals("ACTIVE")) {
        ecs().deleteTaskSet(other.taskSetArn()); // a replacement set a stopped deployment left behind (inferred)
      }
    }
    if (elb().loadBalancerArnsOf(d.greenTargetGroupArn).isEmpty()) {
      var forward = new ArrayList<>(elb().listener(d.group.prodListenerArn).orElseThrow().forward());
      forward.add(new Weight(d.greenTargetGroupArn, 0));
      elb().setListenerWeights(d.group.prodListenerArn, forward);
    }
    try {
      d.greenTaskSetArn = ecs().createTaskSet(d.group.clusterName, d.group.serviceName, d.taskDefinition,
          d.greenTargetGroupArn, d.containerName, d.containerPort, d.deploymentId, 100,
          d.network == null ? null : d.network.toPort());
    } catch (AwsServiceException e) {
      end(d, "Failed", "ECS_UPDATE_ERROR", ecsError(e), true);
      return;
    }
    d.nextAt = now().plus(INSTALL_TIMEOUT);
  }

  /**
   * What the production listener must look like before traffic shifts (CodeDeploy User Guide, "Troubleshoot Amazon ECS
   * deployment issues"; catalogue row 8).
   */
  private String productionProblem(Deployment d) {
    var prod = elb().listener(d.group.prodListenerArn);
    if (prod.isEmpty()) {
      return "One or more listeners not found";
    }
    var forward = prod.get().forward();
    if (forward.stream().noneMatch(w -> w.targetGroupArn().equals(d.blueTargetGroupArn))) {
      return "Primary taskset target group must be behind listener";
    }
    if (forward.stream().anyMatch(w -> w.targetGroupArn().equals(d.greenTargetGroupArn) && w.weight() > 0)) {
      return "Green taskset target group cannot have non-zero weight prior to traffic shifting";
    }
    return null;
  }

  /** How CodeDeploy reports an ECS error (seed 000, error 3). */
  static String ecsError(AwsServiceException e) {
    return ecsError(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage(), e.requestId());
  }

  static String ecsError(String code, String message, String requestId) {
    return "The ECS service cannot be updated due to an unexpected error: " + message + " (Service: AmazonECS; "
        + "Status Code: 400; Error Code: " + code + "; Request ID: " + requestId + "; Proxy: null). Check your ECS "
        + "service status.";
  }

  // ---- traffic

  private CodeDeployConfigs.Config config(Deployment d) {
    return CodeDeployConfigs.find(d.deploymentConfigName).orElseThrow();
  }

  /** Production traffic: {@code percent} to green, the rest to blue. */
  private void shift(Deployment d, int percent) {
    if (!route(d, d.group.prodListenerArn, d.greenTargetGroupArn, d.blueTargetGroupArn, percent)) {
      return;
    }
    d.trafficPercent = percent;
    d.targetUpdatedAt = now();
    if (percent == 100) {
      ecs().makePrimary(d.greenTaskSetArn);
      d.nextAt = now().plus(SYSTEM_STEP);
    } else {
      d.nextAt = now().plus(Duration.ofMinutes(config(d).intervalMinutes()));
    }
  }

  private void rerouteToOriginal(Deployment d) {
    boolean blueLives = d.blueTaskSetArn != null && ecs().taskSet(d.blueTaskSetArn).isPresent();
    if (blueLives && d.greenTargetGroupArn != null) {
      if (!route(d, d.group.prodListenerArn, d.blueTargetGroupArn, d.greenTargetGroupArn)) {
        return;
      }
      if (d.group.testListenerArn != null
          && !route(d, d.group.testListenerArn, d.blueTargetGroupArn, d.greenTargetGroupArn)) {
        return;
      }
      if (!ecs().taskSet(d.blueTaskSetArn).orElseThrow().status().equals("PRIMARY")) {
        ecs().makePrimary(d.blueTaskSetArn);
      }
    }
    d.trafficPercent = 0;
    d.nextAt = now().plus(SYSTEM_STEP);
  }

  private boolean route(Deployment d, String listenerArn, String toArn, String awayArn) {
    return route(d, listenerArn, toArn, awayArn, 100);
  }

  /** Writes a listener's weights; a failure ends the deployment with ELB's error. */
  private boolean route(Deployment d, String listenerArn, String toArn, String awayArn, int percent) {
    try {
      elb().setListenerWeights(listenerArn, List.of(new Weight(toArn, percent),
          new Weight(awayArn, 100 - percent)));
      return true;
    } catch (AwsServiceException e) {
      end(d, "Failed", "ELASTIC_LOAD_BALANCING_INVALID", "The ELB could not be updated due to the following error: "
          + e.awsErrorDetails().errorMessage(), true);
      return false;
    }
  }

  // ---- endings

  private void target(Deployment d, String status) {
    d.targetStatus = status;
    d.targetUpdatedAt = now();
  }

  /**
   * Ends an active deployment as Failed or Stopped. The event in progress fails, the pending ones are skipped; an
   * automatic rollback follows when asked for ({@code failure}: when the deployment's configuration asks for one
   * on DEPLOYMENT_FAILURE).
   */
  void end(Deployment d, String status, String code, String message, boolean failure) {
    if (d.phase.equals(EVENT) && current(d).status.equals("InProgress")) {
      current(d).status = "Failed";
      current(d).endTime = now();
    }
    for (LifecycleEvent e : d.events) {
      if (e.status.equals("Pending")) {
        e.status = "Skipped";
      }
    }
    if (!"Succeeded".equals(d.targetStatus)) {
      target(d, "Failed");
    }
    d.phase = DONE;
    d.nextAt = null;
    d.status = status;
    d.completeTime = now();
    d.errorCode = code;
    d.errorMessage = message;
    d.statusMessages.add(message);
    if (failure && d.autoRollbackEnabled && d.autoRollbackEvents.contains("DEPLOYMENT_FAILURE")) {
      cd.startRollback(d);
    }
  }
}
