package org.bgwizard.ui.common;

/** Runs each task and its callbacks at once on the calling thread, so tests need no waiting. */
public final class CurrentThreadExecutor implements BackgroundExecutor {
  @Override
  public <T> void submit(BackgroundTask<T> task) {
    T value;
    try {
      value = task.call();
    } catch (Exception e) {
      task.failed(e);
      return;
    }
    task.succeeded(value);
  }
}
