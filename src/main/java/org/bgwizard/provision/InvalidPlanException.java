package org.bgwizard.provision;

/** A plan that cannot run: a step twice, a dependency on a step that is not in the plan, or a cycle. */
public final class InvalidPlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidPlanException(String message) {
    super(message);
  }
}
