package org.bgwizard.provision;

import java.time.Duration;
import java.util.List;

/** The chain of dependent steps that takes longest; no parallelism finishes a plan faster than {@code length}. */
public record CriticalPath(List<ResourceRef> steps, Duration length) {
  public CriticalPath {
    steps = List.copyOf(steps);
  }
}
