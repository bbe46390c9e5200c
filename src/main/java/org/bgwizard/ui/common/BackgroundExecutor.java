package org.bgwizard.ui.common;

/**
 * Runs {@link BackgroundTask}s away from the FX thread and reports their outcome on it. The UI never calls
 * AWS on the FX thread; it submits here. Tests use a current-thread implementation.
 */
public interface BackgroundExecutor {
  <T> void submit(BackgroundTask<T> task);
}
