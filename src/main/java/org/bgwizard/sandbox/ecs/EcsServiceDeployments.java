package org.bgwizard.sandbox.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Simulated;
import org.bgwizard.sandbox.ecs.EcsState.DeploymentConfig;
import org.bgwizard.sandbox.ecs.EcsState.Hook;
import org.bgwizard.sandbox.ecs.EcsState.HookRun;
import org.bgwizard.sandbox.ecs.EcsState.LoadBalancerRef;
import org.bgwizard.sandbox.ecs.EcsState.ServiceDeployment;
import org.bgwizard.sandbox.ecs.EcsState.TaskSet;
import org.bgwizard.sandbox.core.Ports.LoadBalancing.Weight;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException;

/**
 * Built-in blue/green service deployments (Amazon ECS Developer Guide: "Amazon ECS blue/green deployments", "Lifecycle
 * hooks for Amazon ECS service deployments", "Pause hooks for Amazon ECS service deployments", "Continuing service
 * deployments"; API Reference: ServiceDeployment, ContinueServiceDeployment, StopServiceDeployment).
 *
 * <p>UpdateService with a new task definition starts one. Stages in order: RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP
 * (the green task set starts on the target group blue does not use, and the stage ends when it is steady and healthy),
 * POST_SCALE_UP, TEST_TRAFFIC_SHIFT (the test rule forwards to green), POST_TEST_TRAFFIC_SHIFT,
 * PRE_PRODUCTION_TRAFFIC_SHIFT (only when a pause hook is set there), PRODUCTION_TRAFFIC_SHIFT (the production rule's
 * weights move: all at once for BLUE_GREEN; stepPercent every stepBakeTimeInMinutes for LINEAR; canaryPercent, then
 * the rest after canaryBakeTimeInMinutes for CANARY), POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME (blue keeps running for
 * bakeTimeInMinutes), CLEAN_UP (green becomes primary, blue stops). The production rule forwarding over both target
 * groups with moving weights: go-to-k/cdk-real-drift #1730, aws/containers-roadmap #2853.
 *
 * <p>A PAUSE hook at a stage holds the deployment there (hook AWAITING_ACTION, expiresAt = timeoutInMinutes later)
 * until ContinueServiceDeployment (CONTINUE, or ROLLBACK) or the timeout, whose action then applies. Green tasks that
 * fail (fail to start, exit, fail ELB health checks) count towards the deployment circuit breaker, whose threshold is
 * half the desired count, at least 3 and at most 200 ("How the Amazon ECS deployment circuit breaker detects
 * failures"); reaching it rolls back. A rollback points both rules back to blue and stops green: ROLLBACK_IN_PROGRESS,
 * then ROLLBACK_SUCCESSFUL once green's tasks are gone.
 */
final class EcsServiceDeployments implements Simulated {
  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String ROLLBACK_IN_PROGRESS = "ROLLBACK_IN_PROGRESS";
  private static final List<String> STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP",
      "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
      "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP");
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SandboxAccount account;
  private final Ports ports;
  private final EcsEngine ecs;

  EcsServiceDeployments(SandboxAccount account, Ports ports, EcsEngine ecs) {
    this.account = account;
    this.ports = ports;
    this.ecs = ecs;
  }

  // ---- starting, finding

  static Optional<ServiceDeployment> inProgress(EcsState.Service s) {
    return s.serviceDeployments.stream()
        .filter(d -> d.status.equals(IN_PROGRESS) || d.status.equals(ROLLBACK_IN_PROGRESS)).findFirst();
  }

  ServiceDeployment start(EcsState.Service s, String taskDefinitionArn) {
    TaskSet blue = ecs.primary(s);
    LoadBalancerRef lb = s.loadBalancers.get(0);
    var d = new ServiceDeployment();
    d.arn = ecs.arn("service-deployment/" + EcsEngine.clusterName(s.clusterArn) + "/" + s.serviceName + "/"
        + randomId(21, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"));
    d.status = IN_PROGRESS;
    d.createdAt = account.now();
    d.startedAt = account.now();
    d.updatedAt = account.now();
    d.sourceTaskSetId = blue.id;
    d.sourceTaskDefinition = blue.taskDefinition;
    d.targetTaskDefinition = taskDefinitionArn;
    d.blueTargetGroupArn = blue.loadBalancers.get(0).targetGroupArn;
    d.greenTargetGroupArn = d.blueTargetGroupArn.equals(lb.targetGroupArn)
        ? lb.advancedConfiguration.alternateTargetGroupArn : lb.targetGroupArn;
    s.serviceDeployments.add(d);
    s.steady = false;
    enter(s, d, STAGES.get(0));
    progress(s, d);
    return d;
  }

  record Found(EcsState.Service service, ServiceDeployment deployment) {}

  Found find(String arn) {
    return lookup(arn).orElseThrow(() -> ecs.error(ServiceDeploymentNotFoundException.builder(),
        "ServiceDeploymentNotFoundException", "The service deployment " + arn + " does not exist."));
  }

  Optional<Found> lookup(String arn) {
    for (EcsState.Service s : ecs.st().services.values()) {
      for (ServiceDeployment d : s.serviceDeployments) {
        if (d.arn.equals(arn)) {
          return Optional.of(new Found(s, d));
        }
      }
    }
    return Optional.empty();
  }

  // ---- ContinueServiceDeployment, StopServiceDeployment

  /** "The pause hook must be in AWAITING_ACTION status"; "The deployment must be in the IN_PROGRESS state". */
  void continueDeployment(String arn, String hookId, String action) {
    Found f = find(arn);
    ServiceDeployment d = f.deployment();
    if (!d.status.equals(IN_PROGRESS)) {
      throw ecs.invalid("The service deployment " + arn + " is not IN_PROGRESS (it is " + d.status + ").");
    }
    HookRun awaiting = awaiting(d).orElseThrow(() -> ecs.invalid("The service deployment " + arn
        + " has no lifecycle hook in AWAITING_ACTION status."));
    if (!awaiting.hookId.equals(hookId)) {
      throw ecs.invalid("The hook " + hookId + " is not awaiting action in the service deployment " + arn + ".");
    }
    String a = action == null ? "CONTINUE" : action;
    if (!a.equals("CONTINUE") && !a.equals("ROLLBACK")) {
      throw ecs.invalid("Invalid action '" + a + "'. Valid values: CONTINUE, ROLLBACK.");
    }
    awaiting.status = a.equals("CONTINUE") ? "SUCCEEDED" : "FAILED";
    d.updatedAt = account.now();
    if (a.equals("CONTINUE")) {
      startWork(f.service(), d);
      progress(f.service(), d);
    } else {
      rollback(f.service(), d, "Rolled back by ContinueServiceDeployment at the " + awaiting.stage + " hook.");
    }
  }

  void stop(String arn, String stopType) {
    Found f = find(arn);
    ServiceDeployment d = f.deployment();
    if (stopType != null && !stopType.equals("ROLLBACK")) {
      throw ecs.invalid("The sandbox simulates stopType ROLLBACK, not " + stopType + ".");
    }
    if (!d.status.equals(IN_PROGRESS)) {
      throw ecs.invalid("The service deployment " + arn + " is not IN_PROGRESS (it is " + d.status + ").");
    }
    d.status = "ROLLBACK_REQUESTED";
    rollback(f.service(), d, "Service deployment rolled back because of a StopServiceDeployment request.");
  }

  // ---- the stages

  private void enter(EcsState.Service s, ServiceDeployment d, String stage) {
    d.lifecycleStage = stage;
    d.stageEndsAt = null;
    d.updatedAt = account.now();
    Optional<Hook> hook = pauseHook(s.deploymentConfiguration, stage);
    if (hook.isPresent()) {
      var run = new HookRun();
      run.hookId = "ecs-pause-" + randomId(43, BASE64URL);
      run.stage = stage;
      run.status = "AWAITING_ACTION";
      run.expiresAt = account.now().plusSeconds(60L * hook.get().timeoutInMinutes);
      run.timeoutAction = hook.get().timeoutAction;
      d.hooks.add(run);
      awaitingActionEvent(s, d, run);
    } else {
      startWork(s, d);
    }
  }

  private void startWork(EcsState.Service s, ServiceDeployment d) {
    DeploymentConfig c = s.deploymentConfiguration;
    switch (d.lifecycleStage) {
      case "SCALE_UP" -> {
        LoadBalancerRef lb = s.loadBalancers.get(0);
        var green = new LoadBalancerRef();
        green.targetGroupArn = d.greenTargetGroupArn;
        green.containerName = lb.containerName;
        green.containerPort = lb.containerPort;
        d.targetTaskSetId = ecs.newTaskSet(s, d.targetTaskDefinition, List.of(green), null, null).id;
        ecs.tasks().reconcile();
      }
      case "TEST_TRAFFIC_SHIFT" -> {
        d.testPercent = 100;
        weigh(advanced(s).testListenerRule, d, 100);
      }
      case "PRODUCTION_TRAFFIC_SHIFT" -> shiftProduction(d, c.strategy.equals("LINEAR") ? c.linearStepPercent
          : c.strategy.equals("CANARY") ? c.canaryPercent : 100, s);
      case "BAKE_TIME" -> d.stageEndsAt = account.now().plusSeconds(60L * bakeMinutes(c));
      case "CLEAN_UP" -> {
        taskSet(s, d.sourceTaskSetId).ifPresent(blue -> {
          blue.status = "DRAINING";
          blue.scalePercent = 0;
          blue.updatedAt = account.now();
        });
        taskSet(s, d.targetTaskSetId).ifPresent(green -> {
          green.status = "PRIMARY";
          green.updatedAt = account.now();
        });
        ecs.tasks().reconcile();
      }
      default -> { }
    }
  }

  private void shiftProduction(ServiceDeployment d, double percent, EcsState.Service s) {
    DeploymentConfig c = s.deploymentConfiguration;
    d.productionPercent = Math.min(100, percent);
    weigh(advanced(s).productionListenerRule, d, d.productionPercent);
    if (d.productionPercent < 100) {
      int minutes = c.strategy.equals("LINEAR") ? c.linearStepBakeTimeInMinutes : c.canaryBakeTimeInMinutes;
      d.stageEndsAt = account.now().plusSeconds(60L * minutes);
    } else {
      d.stageEndsAt = null;
    }
  }

  /** Whether the current stage's work is done, moving production traffic on when a step's bake has passed. */
  private boolean stageDone(EcsState.Service s, ServiceDeployment d) {
    Instant now = account.now();
    return switch (d.lifecycleStage) {
      case "SCALE_UP" -> taskSet(s, d.targetTaskSetId).map(t -> t.stabilityStatus.equals("STEADY_STATE"))
          .orElse(false);
      case "PRODUCTION_TRAFFIC_SHIFT" -> {
        if (d.productionPercent >= 100) {
          yield true;
        }
        if (d.stageEndsAt != null && !d.stageEndsAt.isAfter(now)) {
          DeploymentConfig c = s.deploymentConfiguration;
          shiftProduction(d, c.strategy.equals("LINEAR") ? d.productionPercent + c.linearStepPercent : 100, s);
        }
        yield false;
      }
      case "BAKE_TIME" -> !d.stageEndsAt.isAfter(now);
      default -> true;
    };
  }

  /** Moves the deployment as far as it can go now. */
  void progress(EcsState.Service s, ServiceDeployment d) {
    for (int guard = 0; guard < 100; guard++) {
      if (d.status.equals(ROLLBACK_IN_PROGRESS)) {
        if (d.targetTaskSetId == null || taskSet(s, d.targetTaskSetId).isEmpty()) {
          d.status = "ROLLBACK_SUCCESSFUL";
          d.finishedAt = account.now();
          d.updatedAt = account.now();
        }
        return;
      }
      if (!d.status.equals(IN_PROGRESS)) {
        return;
      }
      if (!s.status.equals("ACTIVE")) {
        // Inferred: DeleteService stops the service's tasks, so its deployment ends without a rollback.
        d.status = "STOPPED";
        d.statusReason = "The service was deleted.";
        d.stoppedAt = account.now();
        d.finishedAt = account.now();
        d.updatedAt = account.now();
        awaiting(d).ifPresent(h -> h.status = "FAILED");
        return;
      }
      Optional<HookRun> awaiting = awaiting(d);
      if (awaiting.isPresent()) {
        if (awaiting.get().expiresAt.isAfter(account.now())) {
          return;
        }
        awaiting.get().status = "TIMED_OUT";
        if (awaiting.get().timeoutAction.equals("ROLLBACK")) {
          rollback(s, d, "The lifecycle hook at " + awaiting.get().stage + " timed out; its timeout action is "
              + "ROLLBACK.");
          continue;
        }
        startWork(s, d);
      }
      int failed = failedGreenTasks(s, d);
      if (failed >= threshold(s) && circuitBreakerRollsBack(s)) {
        rollback(s, d, "ECS deployment circuit breaker: " + failed + " tasks of the target service revision "
            + "failed.");
        continue;
      }
      if (!stageDone(s, d)) {
        return;
      }
      int next = STAGES.indexOf(d.lifecycleStage) + 1;
      if (next == STAGES.size()) {
        d.status = "SUCCESSFUL";
        d.finishedAt = account.now();
        d.updatedAt = account.now();
        return;
      }
      String stage = STAGES.get(next);
      if (stage.equals("PRE_PRODUCTION_TRAFFIC_SHIFT") && pauseHook(s.deploymentConfiguration, stage).isEmpty()) {
        stage = STAGES.get(next + 1);
      }
      enter(s, d, stage);
    }
  }

  void rollback(EcsState.Service s, ServiceDeployment d, String reason) {
    d.status = ROLLBACK_IN_PROGRESS;
    d.statusReason = reason;
    d.rollbackReason = reason;
    d.rollbackStartedAt = account.now();
    d.updatedAt = account.now();
    d.stageEndsAt = null;
    awaiting(d).ifPresent(h -> h.status = "FAILED");
    d.productionPercent = 0;
    d.testPercent = 0;
    weigh(advanced(s).productionListenerRule, d, 0);
    weigh(advanced(s).testListenerRule, d, 0);
    taskSet(s, d.targetTaskSetId).ifPresent(green -> {
      green.status = "DRAINING";
      green.scalePercent = 0;
      green.updatedAt = account.now();
    });
    ecs.tasks().reconcile();
    progress(s, d);
  }

  // ---- simulation

  @Override
  public Instant nextTransition() {
    Instant next = null;
    for (EcsState.Service s : ecs.st().services.values()) {
      for (ServiceDeployment d : s.serviceDeployments) {
        if (d.status.equals(IN_PROGRESS)) {
          next = Simulated.earliest(next, d.stageEndsAt);
          next = Simulated.earliest(next, awaiting(d).map(h -> h.expiresAt).orElse(null));
        }
      }
    }
    return next;
  }

  @Override
  public void advanceTo(Instant t) {
    for (EcsState.Service s : ecs.st().services.values()) {
      inProgress(s).ifPresent(d -> progress(s, d));
    }
  }

  /**
   * "Amazon ECS emits an EventBridge event with the detail-type ECS Hook State Change and the event name
   * HOOK_AWAITING_ACTION" ("Pause hooks for Amazon ECS service deployments"). The page shows no detail fields beyond
   * the event name; the sandbox adds what DescribeServiceDeployments would tell (hook id, deployment, stage).
   */
  private void awaitingActionEvent(EcsState.Service s, ServiceDeployment d, HookRun run) {
    Ports.Events events = ports.events;
    if (events == null) {
      return;
    }
    ObjectNode detail = JSON.createObjectNode();
    detail.put("eventType", "INFO");
    detail.put("eventName", "HOOK_AWAITING_ACTION");
    detail.put("hookId", run.hookId);
    detail.put("targetType", "PAUSE");
    detail.put("serviceDeploymentArn", d.arn);
    detail.put("lifecycleStage", run.stage);
    detail.put("expiresAt", run.expiresAt.toString());
    detail.put("timeoutAction", run.timeoutAction);
    events.put("aws.ecs", "ECS Hook State Change", List.of(s.serviceArn), detail);
  }

  // ---- helpers

  /** Sets a rule's weights; a rule deleted meanwhile (a teardown) is left alone. */
  private void weigh(String ruleArn, ServiceDeployment d, double greenPercent) {
    if (ruleArn == null || ports.loadBalancing.rule(ruleArn).isEmpty()) {
      return;
    }
    int green = (int) Math.round(greenPercent);
    ports.loadBalancing.setRuleWeights(ruleArn, List.of(new Weight(d.blueTargetGroupArn, 100 - green),
        new Weight(d.greenTargetGroupArn, green)));
  }

  private static EcsState.AdvancedConfig advanced(EcsState.Service s) {
    return s.loadBalancers.get(0).advancedConfiguration;
  }

  static Optional<HookRun> awaiting(ServiceDeployment d) {
    return d.hooks.stream().filter(h -> h.status.equals("AWAITING_ACTION")).findFirst();
  }

  private static Optional<Hook> pauseHook(DeploymentConfig c, String stage) {
    return c.lifecycleHooks.stream().filter(h -> "PAUSE".equals(h.targetType) && h.lifecycleStages.contains(stage))
        .findFirst();
  }

  private static int bakeMinutes(DeploymentConfig c) {
    return c.bakeTimeInMinutes == null ? 0 : c.bakeTimeInMinutes;
  }

  static Optional<TaskSet> taskSet(EcsState.Service s, String id) {
    return id == null ? Optional.empty() : s.taskSets.stream().filter(t -> t.id.equals(id)).findFirst();
  }

  /**
   * Whether failed tasks roll the deployment back: only with deploymentCircuitBreaker enable and rollback on ("Amazon
   * ECS deployment failure detection": both methods support blue/green and "can be configured to automatically roll
   * back"; API reference DeploymentCircuitBreaker). Without it ECS keeps replacing the failing tasks.
   */
  static boolean circuitBreakerRollsBack(EcsState.Service s) {
    var c = s.deploymentConfiguration;
    return c != null && Boolean.TRUE.equals(c.circuitBreakerEnable) && Boolean.TRUE.equals(c.circuitBreakerRollback);
  }

  static int threshold(EcsState.Service s) {
    return Math.max(3, Math.min(200, (int) Math.ceil(s.desiredCount * 0.5)));
  }

  int failedGreenTasks(EcsState.Service s, ServiceDeployment d) {
    if (d.targetTaskSetId == null) {
      return 0;
    }
    return (int) ecs.st().tasks.values().stream().filter(t -> d.targetTaskSetId.equals(t.taskSetId))
        .filter(t -> "TaskFailedToStart".equals(t.stopCode) || "EssentialContainerExited".equals(t.stopCode)
            || (t.stoppedReason != null && t.stoppedReason.startsWith("Task failed ELB health checks")))
        .count();
  }

  private String randomId(int length, String alphabet) {
    var out = new StringBuilder();
    String hex = account.ids().hex(length * 2);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) % alphabet.length()));
    }
    return out.toString();
  }

  /** Newest first, as ListServiceDeployments returns them. */
  static List<ServiceDeployment> newestFirst(EcsState.Service s) {
    List<ServiceDeployment> out = new ArrayList<>(s.serviceDeployments);
    out.sort(Comparator.comparing((ServiceDeployment d) -> d.createdAt).reversed());
    return out;
  }
}
