package org.bgwizard.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ECS service's task sets, recent events, and stopped tasks with what the catalogue says about them. */
public record ServiceView(long running, long desired, List<TaskSet> taskSets, List<Event> events,
    List<StoppedTask> stoppedTasks) {
  public ServiceView {
    taskSets = List.copyOf(taskSets);
    events = List.copyOf(events);
    stoppedTasks = List.copyOf(stoppedTasks);
  }

  public static ServiceView empty() {
    return new ServiceView(0, 0, List.of(), List.of(), List.of());
  }

  public record Event(Instant at, String message) {}

  public record StoppedTask(String arn, Instant stoppedAt, String reason, Optional<Diagnosis> diagnosis) {}

  /**
   * A task set of the service as DescribeServices shows it, with the images of its task definition.
   *
   * @param targetGroup the name of the target group its tasks register in ("" when none)
   * @param images the task definition's container images, empty until read
   */
  public record TaskSet(String id, String status, String targetGroup, String taskDefinition, List<String> images,
      long running, long desired) {
    public TaskSet {
      images = List.copyOf(images);
    }

    /** {@code family:revision} of the task definition ARN. */
    public String taskDefinitionName() {
      int slash = taskDefinition.lastIndexOf('/');
      return slash < 0 ? taskDefinition : taskDefinition.substring(slash + 1);
    }
  }

  /** DescribeServices: counts, task sets (target groups by ARN, no images) and newest-first events. */
  public record State(long running, long desired, List<TaskSet> taskSets, List<Event> events) {
    public State {
      taskSets = List.copyOf(taskSets);
      events = List.copyOf(events);
    }
  }
}
