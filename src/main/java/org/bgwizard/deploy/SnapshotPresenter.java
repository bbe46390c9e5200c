package org.bgwizard.deploy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A deployment snapshot in the parts both faces show: {@code status} prints them as text, the dashboard puts them
 * in its labels and lists, each joining them its own way. Times read in UTC, in the pattern the face chooses.
 */
public final class SnapshotPresenter {
  private final DateTimeFormatter time;

  /** {@code timePattern}: how a time reads, e.g. {@code HH:mm:ss}. */
  public SnapshotPresenter(String timePattern) {
    this.time = DateTimeFormatter.ofPattern(timePattern).withZone(ZoneOffset.UTC);
  }

  /** A lifecycle event of the deployment, its times read. */
  public record Event(String name, String status, String start, String end) {}

  /** A stopped task: when ({@code null} while it is still stopping), why, and the catalogue's diagnosis. */
  public record Stopped(String at, String reason, Optional<Diagnosis> diagnosis) {}

  /** An earlier deployment. */
  public record Past(String id, String status, String creator, String createdAt) {}

  /** A time as the face reads it; "-" for none. */
  public String time(Instant t) {
    return t == null ? "-" : time.format(t);
  }

  /** Each stage of the pipeline as "name status", in the pipeline's order. */
  public List<String> stages(PipelineView pipeline) {
    return pipeline.stages().stream().map(st -> st.name() + " " + st.status()).toList();
  }

  /** The deployment's lifecycle events; none before a deployment. */
  public List<Event> events(DeploymentView d) {
    return d == null ? List.of() : d.events().stream()
        .map(e -> new Event(e.name(), e.status(), time(e.start()), time(e.end()))).toList();
  }

  /** The service's events as "time  message", newest first as ECS lists them. */
  public List<String> serviceEvents(ServiceView service) {
    return service.events().stream().map(e -> time(e.at()) + "  " + e.message()).toList();
  }

  public List<Stopped> stopped(ServiceView service) {
    return service.stoppedTasks().stream().map(t -> new Stopped(t.stoppedAt() == null ? null : time(t.stoppedAt()),
        t.reason(), t.diagnosis())).toList();
  }

  /** An earlier ECS service deployment: its short id, status, why it ended so (may be null) and when it was created. */
  public record PastNative(String id, String status, String reason, String createdAt) {}

  /** The lifecycle stages of the latest ECS service deployment with their states; none for CodeDeploy. */
  public List<NativeView.Stage> stages(DeploymentSnapshot s) {
    return s.ecsNative() == null ? List.of() : s.ecsNative().timeline(s.nativeCurrent());
  }

  public List<PastNative> nativeHistory(DeploymentSnapshot s) {
    return s.ecsNative() == null ? List.of() : s.ecsNative().history().stream()
        .map(d -> new PastNative(d.shortId(), d.status(), d.statusReason(), time(d.createdAt()))).toList();
  }

  public List<Past> history(DeploymentSnapshot s) {
    return s.history().stream().map(d -> new Past(d.id(), d.status(), d.creator(), time(d.createdAt()))).toList();
  }
}
