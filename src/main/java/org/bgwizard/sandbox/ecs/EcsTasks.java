package org.bgwizard.sandbox.ecs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bgwizard.sandbox.ecs.EcsState.ContainerState;
import org.bgwizard.sandbox.ecs.EcsState.Task;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;
import org.bgwizard.sandbox.ecs.EcsState.TaskSet;
import org.bgwizard.sandbox.core.Ports.ImageBehaviour;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Simulated;

/**
 * Tasks and the service scheduler (Amazon ECS API Reference, TaskSet; ECS Developer Guide, task lifecycle). Each task
 * set keeps ceil(desiredCount × scale) tasks whose desired status is RUNNING; a task that stops is replaced at once. A
 * task goes PROVISIONING → PENDING → RUNNING ({@code settings().taskProvisioningSeconds}, {@code taskPendingSeconds});
 * at the end of PENDING it assumes its execution role, finds its awslogs group and pulls its images, and fails to start
 * (TaskFailedToStart) with the text of whichever step failed. Once RUNNING its IP is registered in the set's target
 * group; ELB health decides the rest. Stopping: DEACTIVATING while the target drains, STOPPING
 * ({@code taskStoppingSeconds}), STOPPED; stopped tasks stay describable for an hour.
 *
 * <p>Architecture mismatch (catalogue row 20): the pull succeeds and the container exits a few seconds after it
 * starts; the task's stoppedReason is "Essential container in task exited", the container's exit code 255 and its
 * reason the exec format error text (real ECS shows that text only in the container's log; the sandbox also puts it
 * in the container's reason, and in the log when the container uses awslogs).
 *
 * <p>Service events, newest first: "has started N tasks", "registered 1 targets", "is unhealthy in (target-group …)",
 * "has begun draining connections", "deregistered 1 targets", "has stopped N running tasks", "is unable to
 * consistently start tasks successfully" (a task failed to start: the reason is on the stopped task) and
 * "has reached a steady state".
 */
final class EcsTasks implements Simulated {
  static final int CRASH_AFTER_SECONDS = 5;
  static final Duration STOPPED_RETENTION = Duration.ofHours(1);
  private static final Set<String> STOPPING_OR_AFTER = Set.of("STOPPING", "DEPROVISIONING", "STOPPED");
  private static final int MAX_EVENTS = 100;

  record Counts(int pending, int running, int healthy) {}

  private final SandboxAccount account;
  private final Ports ports;
  private final EcsEngine ecs;
  private final EcsContainers containers;
  private final EcsTaskLaunch launcher;

  EcsTasks(SandboxAccount account, Ports ports, EcsEngine ecs) {
    this.account = account;
    this.ports = ports;
    this.ecs = ecs;
    this.containers = new EcsContainers(ports, ecs);
    this.launcher = new EcsTaskLaunch(account, ecs);
    ports.loadBalancing.endpoints(this::endpointAt);
    ports.loadBalancing.observer(this::healthDecided);
  }

  private EcsState st() {
    return account.state(EcsState.class);
  }

  private Instant now() {
    return account.now();
  }

  static int seconds(int configured) {
    return Math.max(1, configured);
  }

  // ---- simulation

  @Override
  public Instant nextTransition() {
    Instant next = null;
    for (Task t : st().tasks.values()) {
      next = Simulated.earliest(next, t.nextAt);
    }
    for (EcsState.Service s : st().services.values()) {
      if (s.inactiveAt != null) {
        next = Simulated.earliest(next, s.inactiveAt.plus(STOPPED_RETENTION));
      }
    }
    return next;
  }

  @Override
  public void advanceTo(Instant t) {
    boolean due = true;
    while (due) {
      due = false;
      for (Task task : List.copyOf(st().tasks.values())) {
        if (task.nextAt != null && !task.nextAt.isAfter(t) && st().tasks.containsKey(task.taskArn)) {
          step(task);
          due = true;
        }
      }
      reconcile();
    }
    st().services.values().removeIf(s -> s.inactiveAt != null && !s.inactiveAt.plus(STOPPED_RETENTION).isAfter(t));
  }

  private void step(Task task) {
    switch (task.lastStatus) {
      case "PROVISIONING" -> {
        task.lastStatus = "PENDING";
        task.pullStartedAt = now();
        task.nextAt = now().plusSeconds(seconds(account.settings().taskPendingSeconds));
      }
      case "PENDING" -> start(task);
      case "RUNNING" -> running(task);
      case "DEACTIVATING" -> {
        task.lastStatus = "STOPPING";
        task.nextAt = now().plusSeconds(seconds(account.settings().taskStoppingSeconds));
      }
      case "STOPPING", "DEPROVISIONING" -> finish(task);
      default -> st().tasks.remove(task.taskArn);
    }
  }

  private void start(Task task) {
    TaskDefinition td = st().taskDefinitions.get(task.taskDefinitionArn);
    String failure = containers.startFailure(task, td);
    task.pullStoppedAt = now();
    if (failure != null) {
      task.desiredStatus = "STOPPED";
      task.stopCode = "TaskFailedToStart";
      task.stoppedReason = failure;
      task.stoppingAt = now();
      task.lastStatus = "DEPROVISIONING";
      task.nextAt = now().plusSeconds(seconds(account.settings().taskStoppingSeconds));
      serviceOf(task).ifPresent(s -> event(s, "(service " + s.serviceName + ") is unable to consistently start tasks "
          + "successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."));
      return;
    }
    task.lastStatus = "RUNNING";
    task.startedAt = now();
    for (ContainerState c : task.containers) {
      c.lastStatus = "RUNNING";
      boolean essential = EcsContainers.definition(td, c.name).essential == null || EcsContainers.definition(td, c.name).essential;
      if (essential && ImageBehaviour.CRASHES.name().equals(c.behaviour)) {
        task.exitsAt = now().plusSeconds(CRASH_AFTER_SECONDS);
      }
    }
    task.nextAt = task.exitsAt;
    containers.writeLogs(task, td, false);
    if (task.targetGroupArn != null) {
      ports.loadBalancing.registerTask(task.targetGroupArn, task.privateIp, task.targetPort, task.availabilityZone);
      task.registered = true;
      serviceOf(task).ifPresent(s -> event(s, "(service " + s.serviceName + ") registered 1 targets in (target-group "
          + task.targetGroupArn + ")"));
    }
  }

  private void running(Task task) {
    if (task.exitsAt != null && !task.exitsAt.isAfter(now())) {
      TaskDefinition td = st().taskDefinitions.get(task.taskDefinitionArn);
      for (ContainerState c : task.containers) {
        if (ImageBehaviour.CRASHES.name().equals(c.behaviour)) {
          c.lastStatus = "STOPPED";
          c.exitCode = c.exitMessage != null ? 255 : 1;
          c.reason = c.exitMessage;
        }
      }
      containers.writeLogs(task, td, true);
      stop(task, "EssentialContainerExited", "Essential container in task exited");
      serviceOf(task).ifPresent(s -> event(s, stoppedMessage(s, List.of(task))));
      return;
    }
    if (task.healthCheckAt != null && !task.healthCheckAt.isAfter(now())) {
      task.healthCheckAt = null;
      var health = ports.loadBalancing.stateOf(task.targetGroupArn, task.privateIp, task.targetPort);
      if (health.isPresent() && health.get().state().equals("unhealthy")) {
        failHealthChecks(task);
        return;
      }
    }
    task.nextAt = Simulated.earliest(task.exitsAt, task.healthCheckAt);
  }

  private void finish(Task task) {
    task.lastStatus = "STOPPED";
    task.stoppedAt = now();
    for (ContainerState c : task.containers) {
      if (c.lastStatus.equals("RUNNING") && c.exitCode == null) {
        c.exitCode = 0;
      }
      c.lastStatus = "STOPPED";
    }
    task.nextAt = now().plus(STOPPED_RETENTION);
  }

  /** Asks a task to stop: it drains its target first when registered. No-op for a task already stopping. */
  void stop(Task task, String stopCode, String reason) {
    if (task.desiredStatus.equals("STOPPED")) {
      return;
    }
    task.desiredStatus = "STOPPED";
    task.stopCode = stopCode;
    task.stoppedReason = reason;
    task.stoppingAt = now();
    task.exitsAt = null;
    task.healthCheckAt = null;
    Instant drained = now();
    if (task.registered) {
      drained = ports.loadBalancing.deregisterTask(task.targetGroupArn, task.privateIp, task.targetPort);
      task.registered = false;
      serviceOf(task).ifPresent(s -> {
        event(s, "(service " + s.serviceName + ") has begun draining connections on 1 tasks.");
        event(s, "(service " + s.serviceName + ") deregistered 1 targets in (target-group " + task.targetGroupArn + ")");
      });
    }
    if (drained.isAfter(now())) {
      task.lastStatus = "DEACTIVATING";
      task.nextAt = drained;
    } else {
      task.lastStatus = "STOPPING";
      task.nextAt = now().plusSeconds(seconds(account.settings().taskStoppingSeconds));
    }
  }

  // ---- queries and StopTask

  /** The task named by ARN or id in the cluster, stopped ones included while they are remembered. */
  Optional<Task> find(EcsState.Cluster c, String ref) {
    String id = ref.substring(ref.lastIndexOf('/') + 1);
    return Optional.ofNullable(st().tasks.get(ecs.arn("task/" + c.clusterName + "/" + id)));
  }

  Task userStop(EcsState.Cluster c, String ref, String reason) {
    if (ref == null || ref.isEmpty()) {
      throw ecs.invalid("task can not be blank.");
    }
    Task t = find(c, ref).orElseThrow(() -> ecs.invalid("The referenced task was not found."));
    if (t.desiredStatus.equals("RUNNING")) {
      stop(t, "UserInitiated", reason == null || reason.isEmpty() ? "Task stopped by user" : reason);
      serviceOf(t).ifPresent(s -> event(s, stoppedMessage(s, List.of(t))));
      reconcile();
    }
    return t;
  }

  /** Task ARNs of the cluster with this desired status (RUNNING when null), optionally of a service or family. */
  List<String> list(EcsState.Cluster c, String serviceArn, String desiredStatus, String family, String startedBy) {
    String wanted = desiredStatus == null ? "RUNNING" : desiredStatus;
    return st().tasks.values().stream()
        .filter(t -> t.clusterArn.equals(c.clusterArn))
        .filter(t -> serviceArn == null || serviceArn.equals(t.serviceArn))
        .filter(t -> t.desiredStatus.equals(wanted))
        .filter(t -> family == null || t.taskDefinitionArn.contains(":task-definition/" + family + ":"))
        .filter(t -> startedBy == null || startedBy.equals(t.startedBy))
        .map(t -> t.taskArn).toList();
  }

  // ---- ELB

  private Optional<Ports.LoadBalancing.Endpoint> endpointAt(String ip) {
    for (Task t : st().tasks.values()) {
      if (ip.equals(t.privateIp) && t.lastStatus.equals("RUNNING")) {
        TaskDefinition td = st().taskDefinitions.get(t.taskDefinitionArn);
        Set<Integer> ports = td.containerDefinitions.stream().flatMap(c -> c.portMappings.stream())
            .map(p -> p.containerPort).collect(Collectors.toSet());
        boolean unhealthy = t.containers.stream().anyMatch(c -> ImageBehaviour.UNHEALTHY.name().equals(c.behaviour));
        return Optional.of(new Ports.LoadBalancing.Endpoint(t.securityGroups,
            unhealthy ? ImageBehaviour.UNHEALTHY : ImageBehaviour.HEALTHY, ports));
      }
    }
    return Optional.empty();
  }

  private void healthDecided(String targetGroupArn, String targetId, int targetPort, String state,
      String description) {
    Task task = st().tasks.values().stream()
        .filter(t -> t.registered && targetGroupArn.equals(t.targetGroupArn) && targetId.equals(t.privateIp)
            && t.targetPort == targetPort)
        .findFirst().orElse(null);
    if (task == null) {
      return;
    }
    if (state.equals("unhealthy")) {
      var service = serviceOf(task);
      service.ifPresent(s -> event(s, "(service " + s.serviceName + ") (port " + targetPort + ") is unhealthy in "
          + "(target-group " + targetGroupArn + ") due to (reason " + description + ")."));
      Integer grace = service.map(s -> s.healthCheckGracePeriodSeconds).orElse(null);
      Instant graceEnds = grace == null ? null : task.startedAt.plusSeconds(grace);
      if (graceEnds != null && graceEnds.isAfter(now())) {
        task.healthCheckAt = graceEnds;
        task.nextAt = Simulated.earliest(task.exitsAt, graceEnds);
      } else {
        failHealthChecks(task);
      }
    }
    reconcile();
  }

  private void failHealthChecks(Task task) {
    stop(task, "ServiceSchedulerInitiated", "Task failed ELB health checks in (target-group " + task.targetGroupArn
        + ")");
    serviceOf(task).ifPresent(s -> event(s, stoppedMessage(s, List.of(task))));
  }

  // ---- scheduler

  static int computedDesired(EcsState.Service s, TaskSet set) {
    if (!s.status.equals("ACTIVE") || set.status.equals("DRAINING")) {
      return 0;
    }
    return (int) Math.ceil(s.desiredCount * set.scalePercent / 100.0 - 1e-9);
  }

  /** Brings every service's task sets to their desired counts and updates stability and service status. */
  void reconcile() {
    for (EcsState.Service s : List.copyOf(st().services.values())) {
      if (s.status.equals("INACTIVE")) {
        continue;
      }
      for (TaskSet set : List.copyOf(s.taskSets)) {
        scale(s, set);
        if (set.status.equals("DRAINING") && tasksOf(set).stream().allMatch(t -> t.lastStatus.equals("STOPPED"))) {
          s.taskSets.remove(set);
        } else {
          updateStability(s, set);
        }
      }
      // DeleteService (ECS API reference): "After all tasks have transitioned to either STOPPING or STOPPED status,
      // the service status moves from DRAINING to INACTIVE"; the cluster still holds them (ClusterContainsTasks).
      if (s.status.equals("DRAINING") && st().tasks.values().stream()
          .noneMatch(t -> s.serviceArn.equals(t.serviceArn) && !STOPPING_OR_AFTER.contains(t.lastStatus))) {
        s.status = "INACTIVE";
        s.inactiveAt = now();
        continue;
      }
      boolean steady = s.status.equals("ACTIVE")
          && s.taskSets.stream().allMatch(t -> t.stabilityStatus.equals("STEADY_STATE"));
      if (steady && !s.steady) {
        event(s, "(service " + s.serviceName + ") has reached a steady state.");
      }
      s.steady = steady;
    }
  }

  private void scale(EcsState.Service s, TaskSet set) {
    int desired = computedDesired(s, set);
    List<Task> live = tasksOf(set).stream().filter(t -> t.desiredStatus.equals("RUNNING")).toList();
    if (live.size() < desired) {
      if (!s.launchType.equals("FARGATE")) {
        String msg = "(service " + s.serviceName + ") was unable to place a task because no container instance met all "
            + "of its requirements. Reason: No Container Instances were found in your cluster.";
        if (s.events.isEmpty() || !s.events.get(0).message.equals(msg)) {
          event(s, msg);
        }
        return;
      }
      List<Task> started = new ArrayList<>();
      for (int i = live.size(); i < desired; i++) {
        started.add(launcher.launch(s, set));
      }
      event(s, "(service " + s.serviceName + ") has started " + started.size() + " tasks: "
          + started.stream().map(t -> "(task " + taskId(t) + ")").collect(Collectors.joining(" ")) + ".");
    } else if (live.size() > desired) {
      List<Task> extra = live.stream()
          .sorted(Comparator.comparing((Task t) -> t.lastStatus.equals("RUNNING")).thenComparing(t -> t.createdAt,
              Comparator.reverseOrder()))
          .limit(live.size() - desired).toList();
      extra.forEach(t -> stop(t, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment " + set.id
          + ")"));
      event(s, stoppedMessage(s, extra));
    }
  }

  private void updateStability(EcsState.Service s, TaskSet set) {
    Counts c = counts(s, set);
    boolean draining = tasksOf(set).stream()
        .anyMatch(t -> t.desiredStatus.equals("STOPPED") && !t.lastStatus.equals("STOPPED"));
    boolean lb = !set.loadBalancers.isEmpty();
    String stability = c.running() == computedDesired(s, set) && c.pending() == 0 && !draining
        && (!lb || c.healthy() == c.running()) ? "STEADY_STATE" : "STABILIZING";
    if (!stability.equals(set.stabilityStatus)) {
      set.stabilityStatus = stability;
      set.stabilityStatusAt = now();
    }
  }

  Counts counts(EcsState.Service s, TaskSet set) {
    int pending = 0;
    int running = 0;
    int healthy = 0;
    for (Task t : tasksOf(set)) {
      if (!t.desiredStatus.equals("RUNNING")) {
        continue;
      }
      if (t.lastStatus.equals("RUNNING")) {
        running++;
        if (t.registered && ports.loadBalancing.stateOf(t.targetGroupArn, t.privateIp, t.targetPort)
            .filter(h -> h.state().equals("healthy")).isPresent()) {
          healthy++;
        }
      } else {
        pending++;
      }
    }
    return new Counts(pending, running, healthy);
  }

  private List<Task> tasksOf(TaskSet set) {
    return st().tasks.values().stream().filter(t -> set.id.equals(t.taskSetId)).toList();
  }

  // ---- events

  static String taskId(Task t) {
    return t.taskArn.substring(t.taskArn.lastIndexOf('/') + 1);
  }

  private String stoppedMessage(EcsState.Service s, List<Task> stopped) {
    return "(service " + s.serviceName + ") has stopped " + stopped.size() + " running tasks: "
        + stopped.stream().map(t -> "(task " + taskId(t) + ")").collect(Collectors.joining(" ")) + ".";
  }

  private void event(EcsState.Service s, String message) {
    var e = new EcsState.ServiceEvent();
    e.id = account.ids().uuid();
    e.createdAt = now();
    e.message = message;
    s.events.add(0, e);
    if (s.events.size() > MAX_EVENTS) {
      s.events.remove(s.events.size() - 1);
    }
  }

  private Optional<EcsState.Service> serviceOf(Task task) {
    return Optional.ofNullable(task.serviceArn == null ? null : st().services.get(task.serviceArn));
  }

  private Ports.Network network() {
    return ecs.network();
  }
}
