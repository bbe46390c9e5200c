package org.bgwizard.ui.common;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/** Runs tasks as {@link Task}s on a fixed pool of daemon threads; callbacks run on the FX thread. */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
  private final ExecutorService pool;
  private final int threads;

  public FxBackgroundExecutor(int threads) {
    this.threads = threads;
    var count = new AtomicInteger();
    pool = Executors.newFixedThreadPool(threads, runnable -> {
      var thread = new Thread(runnable, "bgwizard-background-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public <T> void submit(BackgroundTask<T> task) {
    var fxTask = new Task<T>() {
      @Override
      protected T call() throws Exception {
        return task.call();
      }
    };
    fxTask.setOnSucceeded(event -> task.succeeded(fxTask.getValue()));
    fxTask.setOnFailed(event -> task.failed(fxTask.getException()));
    pool.execute(fxTask);
  }

  /**
   * Holds the tasks submitted from now on (they wait in the queue) until the returned action runs: for work
   * that can wait until the window has shown, so that it takes no processor time from the first frame.
   */
  public Runnable hold() {
    var gate = new CountDownLatch(1);
    for (int i = 0; i < threads; i++) {
      pool.execute(() -> {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    return gate::countDown;
  }

  /** Stops taking tasks and interrupts running ones; for application shutdown. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
