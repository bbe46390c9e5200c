package org.bgwizard.provision;

/**
 * Receives a run's events, all on the thread that called {@code apply} or {@code teardown}, in order. Keep the
 * methods quick; the GUI hands them to its own thread.
 */
public interface ProvisionListener {
  ProvisionListener NONE = new ProvisionListener() { };

  default void onStep(StepEvent event) {}

  default void onProgress(Progress progress) {}
}
