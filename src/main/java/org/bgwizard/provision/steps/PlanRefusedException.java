package org.bgwizard.provision.steps;

import java.util.List;

/** Planning found something that cannot be used as it is; nothing was created. Each reason says what differs. */
public final class PlanRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> reasons;

  PlanRefusedException(List<String> reasons) {
    super("The plan was refused before anything was created:\n  - " + String.join("\n  - ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
