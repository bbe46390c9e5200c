package org.bgwizard.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} that runs its tasks when a test says time has come. */
public final class ManualScheduler implements Scheduler {
  private final Clock clock;
  private final List<Entry> entries = new ArrayList<>();

  public ManualScheduler(Clock clock) {
    this.clock = clock;
  }

  private static final class Entry {
    final Instant due;
    final Runnable task;
    boolean cancelled;

    Entry(Instant due, Runnable task) {
      this.due = due;
      this.task = task;
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Entry e = new Entry(clock.instant().plus(delay), task);
    entries.add(e);
    return () -> e.cancelled = true;
  }

  /** Runs every task due by now, including ones they schedule for now. */
  public void runDue() {
    while (true) {
      Entry next;
      synchronized (this) {
        entries.removeIf(e -> e.cancelled);
        next = entries.stream().filter(e -> !e.due.isAfter(clock.instant())).findFirst().orElse(null);
        if (next == null) {
          return;
        }
        entries.remove(next);
      }
      next.task.run();
    }
  }
}
