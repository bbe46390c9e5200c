package org.bgwizard.cli;

import java.time.Duration;
import java.time.Instant;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.DeploymentView;
import org.bgwizard.deploy.ListenerTargets;
import org.bgwizard.deploy.PipelineView;
import org.bgwizard.deploy.ServiceView;
import org.bgwizard.deploy.SnapshotPresenter;
import org.bgwizard.deploy.TaskSetView;
import org.bgwizard.deploy.TrafficView;

/**
 * A deployment snapshot as plain text, for `status` / `deploy status` and their --watch redraws: the parts the
 * dashboard shows too ({@link SnapshotPresenter}), as lines.
 */
final class DeploymentText {
  private static final SnapshotPresenter PARTS = new SnapshotPresenter("HH:mm:ss'Z'");
  private static final int BAR = 20;

  private DeploymentText() {}

  static String render(DeploymentSnapshot s, Instant now, boolean simulated) {
    StringBuilder b = new StringBuilder();
    b.append("Deployment of ").append(s.target().displayName())
        .append(simulated ? "   [Simulated account]" : "").append('\n');
    b.append("Refreshed ").append(time(s.refreshedAt())).append(" (").append(age(s.refreshedAt(), now))
        .append(" ago)   connection ").append(s.connection().kind())
        .append(s.connection().message().isEmpty() ? "" : ": " + s.connection().message()).append('\n');
    pipeline(b, s);
    notices(b, s);
    if (s.ecsNative() != null) {
      NativeText.deployment(b, s, PARTS, now);
    } else if (!s.target().isNative()) {
      deployment(b, s.current(), now);
    }
    traffic(b, s);
    service(b, s.service());
    NativeText.history(b, s, PARTS);
    if (!s.history().isEmpty()) {
      b.append("History\n");
      PARTS.history(s).forEach(d -> b.append("  ").append(d.id()).append("  ").append(d.status()).append("  by ")
          .append(d.creator()).append("  ").append(d.createdAt()).append('\n'));
    }
    return b.toString();
  }

  private static String age(Instant at, Instant now) {
    long seconds = Math.max(0, Duration.between(at, now).toSeconds());
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }

  private static void pipeline(StringBuilder b, DeploymentSnapshot s) {
    if (s.pipeline() == null) {
      return;
    }
    b.append("Pipeline ").append(s.pipeline().name()).append(": ");
    PARTS.stages(s.pipeline()).forEach(stage -> b.append(stage).append("  "));
    b.append('\n');
    if (s.pipeline().approval() != null) {
      b.append("  Approval waiting: ").append(s.pipeline().approval().stage()).append('/')
          .append(s.pipeline().approval().action());
      s.pipeline().approvalRun().ifPresent(run -> b.append(" for run ").append(shortId(run.id()))
          .append(run.revision().isBlank() ? "" : " (" + run.revision() + ")"));
      b.append('\n');
      for (PipelineView.Execution newer : s.pipeline().waitingBehindApproval()) {
        b.append("    newer run ").append(shortId(newer.id()))
            .append(newer.revision().isBlank() ? "" : " (" + newer.revision() + ")")
            .append(" waits behind it: approving deploys the older commit first; rejecting lets the newer one on\n");
      }
    }
    PipelineView.Failure failed = s.pipeline().failure();
    if (failed != null) {
      b.append("  Failed: ").append(failed.stage()).append('/').append(failed.action()).append(": ")
          .append(failed.message()).append('\n');
      failed.diagnosis().ifPresent(d -> b.append("    catalogue row ").append(d.row()).append(": ").append(d.cause())
          .append("\n    fix: ").append(d.fix()).append('\n'));
    }
    s.pipeline().executions().stream().limit(3).forEach(e -> b.append("  run ").append(e.id(), 0,
        Math.min(8, e.id().length())).append("  ").append(e.status()).append("  ").append(e.revision()).append('\n'));
  }

  private static String shortId(String id) {
    return id.substring(0, Math.min(8, id.length()));
  }

  private static void notices(StringBuilder b, DeploymentSnapshot s) {
    DeploymentView held = s.queuedBehind();
    if (held != null) {
      b.append("Queued: the pipeline waits for deployment ").append(held.id()).append(" to finish")
          .append(held.waitingForTermination() ? " (terminate the original now to go on)" : "").append('\n');
    }
    DeploymentView stopped = s.rolledBack();
    if (stopped != null) {
      b.append("Rollback of ").append(stopped.id()).append(" (").append(stopped.status())
          .append(stopped.errorMessage() == null ? "" : ": " + stopped.errorMessage()).append(")\n");
    }
  }

  private static void deployment(StringBuilder b, DeploymentView d, Instant now) {
    if (d == null) {
      b.append("No deployment yet\n");
      return;
    }
    b.append("Deployment ").append(d.id()).append("  ").append(d.status()).append("  by ").append(d.creator())
        .append("  created ").append(time(d.createdAt())).append('\n');
    if (d.errorMessage() != null) {
      b.append("  ").append(d.errorMessage()).append('\n');
    }
    for (SnapshotPresenter.Event e : PARTS.events(d)) {
      b.append(String.format("  %-22s %-10s %s -> %s%n", e.name(), e.status(), e.start(), e.end()));
    }
    if (d.rerouteDeadline() != null) {
      b.append("  Reroute within ").append(left(now, d.rerouteDeadline())).append(" or the deployment stops\n");
    }
    if (d.terminationDeadline() != null) {
      b.append("  Original task set terminated in ").append(left(now, d.terminationDeadline())).append('\n');
    }
  }

  private static void traffic(StringBuilder b, DeploymentSnapshot s) {
    TrafficView t = s.traffic();
    if (t.routes().isEmpty()) {
      return;
    }
    b.append("Traffic\n");
    for (TrafficView.Route r : t.routes()) {
      b.append(String.format("  %-10s :%-5d %s%n", r.role(), r.port(), r.url() == null ? "" : r.url()));
      for (ListenerTargets.Target target : ListenerTargets.of(s, r)) {
        b.append("    -> ").append(target.targetGroup()).append(' ').append(target.percent()).append('%');
        if (target.label() != null) {
          b.append("  ").append(target.label());
        }
        if (target.taskSet() != null) {
          b.append("  ").append(target.taskSet().taskDefinitionName());
          target.taskSet().images().forEach(i -> b.append("  ").append(i));
        }
        b.append('\n');
      }
    }
    if (s.current() != null) {
      for (TaskSetView ts : s.current().taskSets()) {
        int filled = (int) Math.round(ts.trafficWeight() * BAR / 100);
        b.append(String.format("  %-5s %-12s %-8s [%s%s] %3.0f%%  running %d/%d%n", ts.label(), ts.targetGroup(),
            ts.status(), "#".repeat(filled), ".".repeat(BAR - filled), ts.trafficWeight(), ts.running(),
            ts.desired()));
      }
    }
    t.health().forEach((tg, list) -> {
      b.append("  health ").append(tg).append(':');
      list.forEach(h -> b.append(' ').append(h.id()).append('=').append(h.state()));
      b.append('\n');
    });
  }

  private static void service(StringBuilder b, ServiceView v) {
    b.append("Service: running ").append(v.running()).append(" / desired ").append(v.desired()).append('\n');
    PARTS.serviceEvents(v).stream().limit(5).forEach(e -> b.append("  ").append(e).append('\n'));
    for (SnapshotPresenter.Stopped t : PARTS.stopped(v)) {
      b.append("  stopped ").append(t.at() == null ? "(stopping)" : t.at()).append("  ").append(t.reason())
          .append('\n');
      t.diagnosis().ifPresent(d -> b.append("    catalogue row ").append(d.row()).append(": ").append(d.cause())
          .append("\n    fix: ").append(d.fix()).append('\n'));
    }
  }

  static String left(Instant now, Instant deadline) {
    Duration d = Duration.between(now, deadline);
    if (d.isNegative()) {
      return "0s";
    }
    long h = d.toHours();
    return (h > 0 ? h + "h " : "") + d.toMinutesPart() + "m " + d.toSecondsPart() + "s";
  }

  private static String time(Instant t) {
    return PARTS.time(t);
  }
}
