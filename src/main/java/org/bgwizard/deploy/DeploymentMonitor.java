package org.bgwizard.deploy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Polls one {@link DeploymentTarget} into {@link DeploymentSnapshot}s. Idle, every read every 30 s; while something
 * moves, every 5 s the reads that move (deployment, its target, the listeners) plus one of the others in turn. After
 * each round it waits at least one second per call made, so the average stays at or below one call per second;
 * failures back off doubling up to two minutes.
 */
public final class DeploymentMonitor {
  public static final Duration ACTIVE_INTERVAL = Duration.ofSeconds(5);
  public static final Duration IDLE_INTERVAL = Duration.ofSeconds(30);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
  private static final Duration PER_CALL = Duration.ofSeconds(1);
  private static final int HISTORY = 5;
  private static final int STOPPED_SHOWN = 5;

  private final DeploymentTarget target;
  private final DeploymentReader reader;
  private final CallCounter counter;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Locale locale;
  /** Null for a CodeDeploy target. */
  private final NativeReads natives;
  private final List<Consumer<DeploymentSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, DeploymentView> finished = new HashMap<>();
  private final Map<String, ServiceView.StoppedTask> diagnosed = new HashMap<>();
  private final Map<String, PipelineView.Failure> failure = new HashMap<>();
  /** Neither changes: a load balancer keeps its DNS name, a task definition revision its images. */
  private final Map<String, String> dnsNames = new HashMap<>();
  private final Map<String, List<String>> images = new HashMap<>();

  private GroupConfig group;
  private PipelineView.State pipelineState = new PipelineView.State(List.of(), null, null);
  private List<PipelineView.Execution> executions = List.of();
  private List<String> ids = List.of();
  private DeploymentView current;
  private List<DeploymentView> history = List.of();
  private Map<String, TrafficView.Listener> listenerReads = new LinkedHashMap<>();
  private Map<String, List<TrafficView.TargetHealth>> health = new LinkedHashMap<>();
  private ServiceView.State serviceState = new ServiceView.State(0, 0, List.of(), List.of());
  private List<ServiceView.StoppedTask> stopped = List.of();
  private int slowTurn;
  private Duration backoff;
  private DeploymentSnapshot snapshot;
  private Scheduler.Cancellable pending;
  private boolean running;

  public DeploymentMonitor(DeploymentTarget target, DeploymentReader reader, Clock clock, Scheduler scheduler,
      Locale locale) {
    this(target, reader, null, clock, scheduler, locale);
  }

  /** {@code nativeReader} reads the service deployments of an ECS built-in blue/green target (unused otherwise). */
  public DeploymentMonitor(DeploymentTarget target, DeploymentReader reader, NativeDeploymentReader nativeReader,
      Clock clock, Scheduler scheduler, Locale locale) {
    this.target = target;
    this.counter = new CallCounter(clock);
    this.reader = counter.wrap(reader);
    this.natives = target.isNative()
        ? new NativeReads(target.ecsService(), counter.wrap(NativeDeploymentReader.class, nativeReader)) : null;
    this.clock = clock;
    this.scheduler = scheduler;
    this.locale = locale;
  }

  public DeploymentTarget target() {
    return target;
  }

  public CallCounter calls() {
    return counter;
  }

  public void onSnapshot(Consumer<DeploymentSnapshot> listener) {
    listeners.add(listener);
  }

  /** The latest snapshot, null before the first round ends. */
  public synchronized DeploymentSnapshot snapshot() {
    return snapshot;
  }

  /** Starts polling at once. */
  public synchronized void start() {
    running = true;
    reschedule(Duration.ZERO);
  }

  public synchronized void stop() {
    running = false;
    if (pending != null) {
      pending.cancel();
    }
  }

  /**
   * A round now (after an action, or for a one-shot status): everything the first time or when idle, else what
   * moves; polling continues from it.
   */
  public DeploymentSnapshot refreshNow() {
    return round();
  }

  private synchronized void reschedule(Duration delay) {
    if (pending != null) {
      pending.cancel();
    }
    if (running) {
      pending = scheduler.schedule(delay, this::round);
    }
  }

  private DeploymentSnapshot round() {
    DeploymentSnapshot published;
    Duration delay;
    synchronized (this) {
      long before = counter.total();
      try {
        boolean full = snapshot == null || group == null || !snapshot.active()
            || snapshot.connection().kind() != ConnectionState.Kind.OK;
        if (full) {
          readAll();
        } else {
          readMoving();
        }
        backoff = null;
        snapshot = build(ConnectionState.OK);
        delay = snapshot.active() ? ACTIVE_INTERVAL : IDLE_INTERVAL;
      } catch (ReadFailure f) {
        Duration first = f.throttled() ? Duration.ofSeconds(10) : Duration.ofSeconds(5);
        backoff = backoff == null ? first : min(backoff.multipliedBy(2), MAX_BACKOFF);
        var state = new ConnectionState(f.throttled() ? ConnectionState.Kind.THROTTLED : ConnectionState.Kind.FAILED,
            String.valueOf(f.getMessage()));
        snapshot = snapshot == null ? build(state) : snapshot.withConnection(state, clock.instant());
        delay = backoff;
      }
      Duration spacing = PER_CALL.multipliedBy(counter.total() - before);
      delay = delay.compareTo(spacing) < 0 ? spacing : delay;
      published = snapshot;
      reschedule(delay);
    }
    listeners.forEach(l -> l.accept(published));
    return published;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private void readAll() {
    group = natives != null ? natives.readConfig()
        : reader.deploymentGroup(target.application(), target.deploymentGroup());
    if (target.pipeline() != null) {
      readPipelineState();
      readExecutions();
    }
    readDeployments(true);
    readListeners();
    readService();
    readStopped();
    for (String arn : targetGroupArns()) {
      health.put(arn, reader.targetHealth(arn));
    }
  }

  /** The reads that move while a deployment runs, plus one other in turn. */
  private void readMoving() {
    boolean deploying = natives != null ? natives.deploying() : current != null && !current.terminal();
    if (deploying && natives != null) {
      natives.readCurrent();
      readListeners();
    } else if (deploying) {
      current = view(current.id());
      readListeners();
    } else {
      readPipelineState();
      readDeployments(true);
    }
    List<Runnable> slow = new ArrayList<>(List.of(() -> readDeployments(false), this::readService,
        this::readStopped));
    if (target.pipeline() != null) {
      slow.add(this::readPipelineState);
      slow.add(this::readExecutions);
    }
    for (String arn : targetGroupArns()) {
      slow.add(() -> health.put(arn, reader.targetHealth(arn)));
    }
    slow.get(slowTurn++ % slow.size()).run();
  }

  private void readPipelineState() {
    if (target.pipeline() != null) {
      pipelineState = reader.pipelineState(target.pipeline());
      PipelineView.Failure failed = pipelineState.failure();
      if (failed != null && !failure.containsKey(key(failed))) {
        // a build's own log says more than its action's summary; read once per failed run
        Optional<Diagnosis> fromLog = Diagnosis.ofLog(reader.buildLog(failed.externalId()), locale);
        failure.put(key(failed), failed.withDiagnosis(fromLog.or(() -> Diagnosis.of(failed.message(), locale))));
      }
    }
  }

  private static String key(PipelineView.Failure failed) {
    return failed.stage() + "/" + failed.action() + "/" + failed.externalId() + "/" + failed.message();
  }

  private void readExecutions() {
    executions = reader.pipelineExecutions(target.pipeline()).stream().limit(HISTORY).toList();
  }

  private void readDeployments(boolean refreshCurrent) {
    if (natives != null) {
      natives.readDeployments(refreshCurrent);
    } else {
      readIds(refreshCurrent);
    }
  }

  /** The group's deployments; the current one is read again when new, or when {@code refreshCurrent}. */
  private void readIds(boolean refreshCurrent) {
    List<String> read = reader.deploymentIds(target.application(), target.deploymentGroup());
    boolean changed = !read.equals(ids);
    ids = read;
    if (ids.isEmpty()) {
      current = null;
      history = List.of();
      return;
    }
    if (changed || current == null || (refreshCurrent && !current.terminal())) {
      current = view(ids.get(0));
    }
    if (changed) {
      history = ids.subList(1, Math.min(ids.size(), HISTORY + 1)).stream().map(this::view).toList();
    }
  }

  private DeploymentView view(String id) {
    DeploymentView done = finished.get(id);
    if (done != null) {
      return done;
    }
    DeploymentView d = reader.deployment(id);
    if (!d.status().equals("Created") && !d.status().equals("Queued")) {
      var state = reader.deploymentTarget(id, group.targetId());
      if (state.isPresent()) {
        d = d.withTarget(state.get().events(), state.get().taskSets(), group);
      }
    }
    if (d.terminal()) {
      finished.put(id, d);
    }
    return d;
  }

  private void readListeners() {
    Map<String, TrafficView.Listener> read = new LinkedHashMap<>();
    List<String> arns = new ArrayList<>(group.productionListeners());
    arns.addAll(group.testListeners());
    for (String arn : arns) {
      if (natives == null) {
        read.put(arn, reader.listener(arn));
      } else {
        // ECS moves the weights of the listener rules; the listener itself (port, load balancer) stays
        TrafficView.Listener l = listenerReads.containsKey(arn) ? listenerReads.get(arn) : reader.listener(arn);
        read.put(arn, new TrafficView.Listener(arn, l.loadBalancerArn(), l.protocol(), l.port(),
            natives.ruleWeights(arn)));
      }
    }
    listenerReads = read;
    for (TrafficView.Listener l : read.values()) {
      if (l.loadBalancerArn() != null && !dnsNames.containsKey(l.loadBalancerArn())) {
        dnsNames.put(l.loadBalancerArn(), reader.loadBalancerDnsName(l.loadBalancerArn()));
      }
    }
  }

  private List<String> targetGroupArns() {
    return listenerReads.values().stream().flatMap(l -> l.weightsByArn().keySet().stream()).distinct().toList();
  }

  private void readService() {
    serviceState = reader.service(group.cluster(), group.service());
    for (ServiceView.TaskSet t : serviceState.taskSets()) {
      if (!images.containsKey(t.taskDefinition())) {
        images.put(t.taskDefinition(), reader.images(t.taskDefinition()));
      }
    }
  }

  private void readStopped() {
    List<String> arns = reader.stoppedTaskArns(group.cluster(), group.service());
    // a task still stopping has no stoppedAt yet: read it again until it has
    List<String> unseen = arns.stream().filter(a -> !diagnosed.containsKey(a) || diagnosed.get(a).stoppedAt() == null)
        .toList();
    if (!unseen.isEmpty()) {
      for (ServiceView.StoppedTask t : reader.describeTasks(group.cluster(), unseen)) {
        diagnosed.put(t.arn(), new ServiceView.StoppedTask(t.arn(), t.stoppedAt(), t.reason(),
            Diagnosis.of(t.reason(), locale)));
      }
    }
    stopped = arns.stream().map(diagnosed::get).filter(t -> t != null)
        .sorted((a, b) -> compareNullable(b.stoppedAt(), a.stoppedAt())).limit(STOPPED_SHOWN).toList();
  }

  /** Stopping tasks (no stop time yet) are the newest. */
  private static int compareNullable(Instant a, Instant b) {
    return a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
  }

  private DeploymentSnapshot build(ConnectionState state) {
    PipelineView pipeline = target.pipeline() == null ? null
        : new PipelineView(target.pipeline(), pipelineState.stages(), executions, pipelineState.approval(),
            pipelineState.failure() == null ? null : failure.get(key(pipelineState.failure())));
    return new DeploymentSnapshot(target, group, pipeline, current, history, traffic(),
        new ServiceView(serviceState.running(), serviceState.desired(), serviceState.taskSets().stream()
            .map(t -> new ServiceView.TaskSet(t.id(), t.status(), TargetGroupNames.of(t.targetGroup()),
                t.taskDefinition(), images.getOrDefault(t.taskDefinition(), List.of()), t.running(), t.desired()))
            .toList(), serviceState.events(), stopped),
        clock.instant(), state, natives == null ? null : natives.view());
  }

  private URI url(TrafficView.Listener l) {
    String dns = dnsNames.get(l.loadBalancerArn());
    if (dns == null || dns.isEmpty()) {
      return null;
    }
    String scheme = "HTTPS".equalsIgnoreCase(l.protocol()) ? "https" : "http";
    return URI.create(scheme + "://" + dns + ":" + l.port() + "/");
  }

  private TrafficView traffic() {
    if (group == null) {
      return TrafficView.empty();
    }
    List<TrafficView.Route> routes = new ArrayList<>();
    listenerReads.forEach((arn, l) -> {
      Map<String, Integer> byName = new LinkedHashMap<>();
      l.weightsByArn().forEach((tg, w) -> byName.put(TargetGroupNames.of(tg), w));
      routes.add(new TrafficView.Route(group.productionListeners().contains(arn) ? "Production" : "Test", arn,
          l.port(), byName, url(l)));
    });
    Map<String, List<TrafficView.TargetHealth>> byName = new LinkedHashMap<>();
    health.forEach((arn, h) -> byName.put(TargetGroupNames.of(arn), h));
    return new TrafficView(routes, byName, serviceState.running(), serviceState.desired());
  }
}
