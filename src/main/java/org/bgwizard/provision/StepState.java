package org.bgwizard.provision;

/** Where a step is in a run. */
public enum StepState {
  WAITING,
  RUNNING,
  DONE,
  FAILED,
  /** Not run: a step it depends on failed, or a failure stopped the run. */
  SKIPPED,
  /** Not run, or stopped at a safe point, because the user cancelled. */
  CANCELLED
}
