package org.bgwizard.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * Discrete-event time shared by several threads: a sleep parks the thread until simulated time reaches its end,
 * and time jumps to the earliest pending wake-up only when nothing else can move — no task is running, no woken
 * sleeper is still resuming, and the coordinating thread (the one that called apply) is parked. Simulated
 * durations then come out of the model alone, whatever the machine's load, at the price of a short real pause
 * ({@link #GRACE}) before each jump, which lets the coordinator react to a finished task first.
 */
final class VirtualTime extends Clock {
  private static final long GRACE = 15;
  private final Object lock = new Object();
  private final PriorityQueue<Sleep> sleeping = new PriorityQueue<>(
      Comparator.comparing((Sleep s) -> s.wakeAt).thenComparingLong(s -> s.seq));
  private final ThreadLocal<Boolean> task = ThreadLocal.withInitial(() -> false);
  private final Thread coordinator;
  private Instant now;
  private long seq;
  private long generation;
  private final int threads;
  private int queued;
  private int occupied;
  private int running;
  private int resuming;

  private static final class Sleep {
    final Instant wakeAt;
    final long seq;
    boolean woken;

    Sleep(Instant wakeAt, long seq) {
      this.wakeAt = wakeAt;
      this.seq = seq;
    }
  }

  /** @param threads how many tasks can run at once (the pool's size; 1 for the coordinator's own thread) */
  VirtualTime(Instant start, Thread coordinator, int threads) {
    this.now = start;
    this.coordinator = coordinator;
    this.threads = threads;
    Thread ticker = new Thread(this::tick, "virtual-time");
    ticker.setDaemon(true);
    ticker.start();
  }

  @Override
  public Instant instant() {
    synchronized (lock) {
      return now;
    }
  }

  void sleep(Duration d) throws InterruptedException {
    if (d.isNegative() || d.isZero()) {
      return;
    }
    synchronized (lock) {
      var s = new Sleep(now.plus(d), seq++);
      sleeping.add(s);
      if (task.get()) {
        running--;
      }
      generation++;
      lock.notifyAll();
      while (!s.woken) {
        lock.wait();
      }
      resuming--;
      if (task.get()) {
        running++;
      }
      generation++;
    }
  }

  /**
   * Runs tasks on {@code pool} (of {@code threads} threads), keeping count of those queued, started and running
   * (started and not asleep): a queued task holds time still only while a thread is free to start it.
   */
  Executor executor(Executor pool) {
    return work -> {
      synchronized (lock) {
        queued++;
        generation++;
      }
      pool.execute(() -> {
        synchronized (lock) {
          queued--;
          occupied++;
          running++;
          generation++;
        }
        boolean outer = task.get();
        task.set(true);
        try {
          work.run();
        } finally {
          task.set(outer);
          synchronized (lock) {
            occupied--;
            running--;
            generation++;
            lock.notifyAll();
          }
        }
      });
    };
  }

  private void tick() {
    try {
      synchronized (lock) {
        while (true) {
          while (!movable()) {
            lock.wait(GRACE);
          }
          long seen = generation;
          lock.wait(GRACE);
          if (seen != generation || !movable()) {
            continue;
          }
          now = sleeping.peek().wakeAt;
          while (!sleeping.isEmpty() && !sleeping.peek().wakeAt.isAfter(now)) {
            sleeping.poll().woken = true;
            resuming++;
          }
          generation++;
          lock.notifyAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean movable() {
    Thread.State state = coordinator.getState();
    boolean coordinatorParked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
        || state == Thread.State.TERMINATED;
    boolean queueStuck = queued == 0 || occupied >= threads;
    return running == 0 && resuming == 0 && queueStuck && !sleeping.isEmpty() && coordinatorParked;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("VirtualTime is always UTC");
  }
}
