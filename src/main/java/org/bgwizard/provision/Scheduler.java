package org.bgwizard.provision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bgwizard.provision.StepEvent.Kind;

/**
 * Runs one DAG of tasks on an executor: each task as soon as every task it comes after is DONE. One coordinator
 * (the calling thread) makes every decision and sends every event, so listeners see one ordered stream; workers
 * only post messages. With a same-thread executor the order is the nodes' order, which makes tests deterministic.
 */
final class Scheduler {

  /** The work of one node; returns the line shown when it is done. */
  @FunctionalInterface
  interface Task {
    StepEvent.Said run(Consumer<String> progress) throws Exception;
  }

  /** @param task null for a node an earlier run already finished */
  record Node(ResourceRef ref, Set<ResourceRef> after, Duration weight, Task task) {}

  record Finished(StepState state, Throwable error) {}

  private sealed interface Message permits Line, End, Wake {}

  private record Line(ResourceRef ref, String text) implements Message {}

  /** @param alone a failure that stops only the nodes after it ({@link FailsAlone}) */
  private record End(ResourceRef ref, StepState state, StepEvent.Said said, Throwable error, boolean alone)
      implements Message {
    End(ResourceRef ref, StepState state, StepEvent.Said said, Throwable error) {
      this(ref, state, said, error, false);
    }
  }

  private record Wake() implements Message {}

  private final Executor executor;
  private final Clock clock;
  private final ProvisionListener listener;
  private final boolean stopOnFailure;
  private final Function<Throwable, String> describe;
  private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
  private volatile boolean cancelled;

  private final Map<ResourceRef, StepState> states = new LinkedHashMap<>();
  private final Map<ResourceRef, Throwable> errors = new HashMap<>();
  private final Map<ResourceRef, Instant> startedAt = new HashMap<>();
  private Map<ResourceRef, Node> nodes;
  private Instant start;
  private int running;
  private boolean stopped;

  /**
   * @param stopOnFailure whether a failure stops starting new tasks (apply) or only those after it (teardown)
   * @param describe the description of a failure (its event's text)
   */
  Scheduler(Executor executor, Clock clock, ProvisionListener listener, boolean stopOnFailure,
      Function<Throwable, String> describe) {
    this.executor = executor;
    this.clock = clock;
    this.listener = listener;
    this.stopOnFailure = stopOnFailure;
    this.describe = describe;
  }

  void cancel() {
    cancelled = true;
    inbox.add(new Wake());
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Runs the nodes (each {@code after} naming other nodes) and returns how each ended, in the nodes' order. */
  Map<ResourceRef, Finished> run(List<Node> toRun) {
    start = clock.instant();
    nodes = new LinkedHashMap<>();
    toRun.forEach(n -> nodes.put(n.ref(), n));
    for (Node node : toRun) {
      boolean done = node.task() == null;
      states.put(node.ref(), done ? StepState.DONE : StepState.WAITING);
      event(node.ref(), done ? Kind.DONE_EARLIER : Kind.WAITING, null);
    }
    progress();
    boolean interrupted = false;
    while (true) {
      for (Message m = inbox.poll(); m != null; m = inbox.poll()) {
        handle(m);
      }
      Node next = stopped || cancelled ? null : nextReady();
      if (next != null) {
        launch(next);
        continue;
      }
      if (running == 0) {
        break;
      }
      try {
        handle(inbox.take());
      } catch (InterruptedException e) {
        interrupted = true;
        cancelled = true;
      }
    }
    for (Map.Entry<ResourceRef, StepState> e : states.entrySet()) {
      if (e.getValue() == StepState.WAITING) {
        e.setValue(cancelled ? StepState.CANCELLED : StepState.SKIPPED);
        event(e.getKey(), cancelled ? Kind.CANCELLED_BEFORE : Kind.SKIPPED, null);
      }
    }
    progress();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    var result = new LinkedHashMap<ResourceRef, Finished>();
    states.forEach((ref, state) -> result.put(ref, new Finished(state, errors.get(ref))));
    return result;
  }

  private Node nextReady() {
    for (Node node : nodes.values()) {
      if (states.get(node.ref()) == StepState.WAITING
          && node.after().stream().allMatch(r -> states.get(r) == StepState.DONE)) {
        return node;
      }
    }
    return null;
  }

  private void launch(Node node) {
    states.put(node.ref(), StepState.RUNNING);
    startedAt.put(node.ref(), clock.instant());
    running++;
    event(node.ref(), Kind.STARTED, null);
    progress();
    try {
      executor.execute(() -> work(node));
    } catch (RuntimeException rejected) {
      handle(new End(node.ref(), StepState.FAILED, failed(rejected), rejected));
    }
  }

  private void work(Node node) {
    Message end;
    try {
      StepEvent.Said said = node.task().run(line -> inbox.add(new Line(node.ref(), line)));
      end = new End(node.ref(), StepState.DONE, said, null);
    } catch (CancellationException e) {
      end = new End(node.ref(), StepState.CANCELLED, StepEvent.Said.of(Kind.STOPPED_SAFELY), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end = new End(node.ref(), StepState.CANCELLED, StepEvent.Said.of(Kind.INTERRUPTED), null);
    } catch (FailsAlone alone) {
      end = new End(node.ref(), StepState.FAILED, failed(alone.getCause()), alone.getCause(), true);
    } catch (Throwable t) {
      end = new End(node.ref(), StepState.FAILED, failed(t), t);
    }
    inbox.add(end);
  }

  private void handle(Message m) {
    if (m instanceof Line line) {
      if (states.get(line.ref()) == StepState.RUNNING) {
        event(line.ref(), Kind.PROGRESS, line.text());
      }
    } else if (m instanceof End end) {
      running--;
      states.put(end.ref(), end.state());
      if (end.error() != null) {
        errors.put(end.ref(), end.error());
      }
      if (end.state() == StepState.FAILED && stopOnFailure && !end.alone()) {
        stopped = true;
      }
      event(end.ref(), end.said().kind(), end.said().text());
      progress();
    }
  }

  private StepEvent.Said failed(Throwable t) {
    return new StepEvent.Said(Kind.FAILED, describe.apply(t));
  }

  private void event(ResourceRef ref, Kind kind, String text) {
    Instant began = startedAt.get(ref);
    Duration elapsed = began == null ? Duration.ZERO : Duration.between(began, clock.instant());
    listener.onStep(new StepEvent(ref, states.get(ref), kind, text, elapsed));
  }

  private void progress() {
    double total = 0;
    double finished = 0;
    int done = 0;
    int failed = 0;
    for (Node node : nodes.values()) {
      double weight = node.weight().toMillis();
      total += weight;
      StepState state = states.get(node.ref());
      if (state == StepState.DONE) {
        done++;
        finished += weight;
      } else if (state == StepState.FAILED) {
        failed++;
      }
    }
    listener.onProgress(new Progress(nodes.size(), done, running, failed, total == 0 ? 1 : finished / total,
        Duration.between(start, clock.instant())));
  }

  static List<ResourceRef> in(Map<ResourceRef, Finished> finished, StepState state) {
    var refs = new ArrayList<ResourceRef>();
    finished.forEach((ref, f) -> {
      if (f.state() == state) {
        refs.add(ref);
      }
    });
    return refs;
  }
}
