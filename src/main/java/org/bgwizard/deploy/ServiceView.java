package org.bgwizard.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ECS service's recent events and stopped tasks with what the catalogue says about them. */
public record ServiceView(long running, long desired, List<Event> events, List<StoppedTask> stoppedTasks) {
  public ServiceView {
    events = List.copyOf(events);
    stoppedTasks = List.copyOf(stoppedTasks);
  }

  public static ServiceView empty() {
    return new ServiceView(0, 0, List.of(), List.of());
  }

  public record Event(Instant at, String message) {}

  public record StoppedTask(String arn, Instant stoppedAt, String reason, Optional<Diagnosis> diagnosis) {}

  /** DescribeServices: counts and newest-first events. */
  public record State(long running, long desired, List<Event> events) {}
}
