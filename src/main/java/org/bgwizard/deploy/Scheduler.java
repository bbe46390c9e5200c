package org.bgwizard.deploy;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task once after a delay; tests drive a manual one from their clock. */
@FunctionalInterface
public interface Scheduler {
  Cancellable schedule(Duration delay, Runnable task);

  interface Cancellable {
    void cancel();
  }

  static Scheduler of(ScheduledExecutorService executor) {
    return (delay, task) -> {
      var future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
      return () -> future.cancel(false);
    };
  }
}
