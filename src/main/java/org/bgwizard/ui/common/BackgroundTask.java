package org.bgwizard.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work to run off the FX thread and what to do with its outcome on the FX thread:
 * {@code BackgroundTask.of(work).onSuccess(show).onError(report).andFinally(unlock)}, then
 * {@link BackgroundExecutor#submit}. Without {@link #onError} a failure is logged, never swallowed.
 */
public final class BackgroundTask<T> {
  private static final System.Logger LOG = System.getLogger(BackgroundTask.class.getName());

  private final Callable<T> work;
  private Consumer<? super T> onSuccess = value -> {};
  private Consumer<? super Throwable> onError =
      error -> LOG.log(System.Logger.Level.ERROR, "Background task failed", error);
  private Runnable andFinally = () -> {};

  private BackgroundTask(Callable<T> work) {
    this.work = Objects.requireNonNull(work);
  }

  public static <T> BackgroundTask<T> of(Callable<T> work) {
    return new BackgroundTask<>(work);
  }

  public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
    onSuccess = Objects.requireNonNull(callback);
    return this;
  }

  public BackgroundTask<T> onError(Consumer<? super Throwable> callback) {
    onError = Objects.requireNonNull(callback);
    return this;
  }

  public BackgroundTask<T> andFinally(Runnable callback) {
    andFinally = Objects.requireNonNull(callback);
    return this;
  }

  /** Runs the work on the calling thread; executors call this from their worker. */
  public T call() throws Exception {
    return work.call();
  }

  /** Runs the outcome's callbacks on the calling thread; executors call this on the FX thread. */
  public void succeeded(T value) {
    try {
      onSuccess.accept(value);
    } finally {
      andFinally.run();
    }
  }

  /** Runs the failure's callbacks on the calling thread; executors call this on the FX thread. */
  public void failed(Throwable error) {
    try {
      onError.accept(error);
    } finally {
      andFinally.run();
    }
  }
}
