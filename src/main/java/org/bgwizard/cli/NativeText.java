package org.bgwizard.cli;

import java.time.Instant;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.NativeConfig;
import org.bgwizard.deploy.NativeDeployment;
import org.bgwizard.deploy.NativeView;
import org.bgwizard.deploy.SnapshotPresenter;

/** The ECS built-in blue/green parts of a snapshot as text: configuration, stage timeline, countdowns, history. */
final class NativeText {
  /** ECS has no call like CodeDeploy's ContinueDeployment TERMINATION_WAIT (ECS API Reference). */
  static final String NO_TERMINATE = "No \"terminate original now\": ECS has no call for it; the original revision"
      + " is removed when the bake time ends.";

  private NativeText() {}

  static void config(StringBuilder b, NativeConfig c) {
    b.append("ECS blue/green: ").append(c.strategy()).append(", bake time ").append(c.bakeTimeMinutes())
        .append(" min");
    if (c.pauseTimeoutMinutes() != null) {
      b.append(", pause before production (times out after ").append(c.pauseTimeoutMinutes()).append(" min: ")
          .append(c.pauseTimeoutAction()).append(')');
    }
    b.append('\n');
  }

  static void deployment(StringBuilder b, DeploymentSnapshot s, SnapshotPresenter parts, Instant now) {
    config(b, s.ecsNative().config());
    NativeDeployment d = s.nativeCurrent();
    if (d == null) {
      b.append("No deployment yet\n");
      return;
    }
    b.append("Deployment ").append(d.shortId()).append("  ").append(d.status()).append("  created ")
        .append(parts.time(d.createdAt())).append('\n');
    if (d.statusReason() != null) {
      b.append("  ").append(d.statusReason()).append('\n');
    }
    for (NativeView.Stage st : parts.stages(s)) {
      b.append(String.format("  %s %s%n", mark(st.state()), st.name()));
    }
    d.pausedAt().ifPresent(h -> b.append("  Paused before production traffic: approve or roll back within ")
        .append(DeploymentText.left(now, h.expiresAt())).append(", or ECS will ").append(h.timeoutAction())
        .append(" (hook ").append(h.hookId()).append(")\n"));
    if (d.bakeEndsAt() != null) {
      b.append("  Bake time: the original revision is removed in ").append(DeploymentText.left(now, d.bakeEndsAt()))
          .append("; roll back until then\n");
    }
    if (!d.terminal()) {
      b.append("  ").append(NO_TERMINATE).append('\n');
    }
  }

  private static String mark(NativeView.StageState state) {
    return switch (state) {
      case DONE -> "[x]";
      case CURRENT -> "[>]";
      case PAUSED -> "[||]";
      case ENDED -> "[!]";
      case PENDING -> "[ ]";
    };
  }

  static void history(StringBuilder b, DeploymentSnapshot s, SnapshotPresenter parts) {
    var past = parts.nativeHistory(s);
    if (past.isEmpty()) {
      return;
    }
    b.append("History\n");
    past.forEach(p -> b.append("  ").append(p.id()).append("  ").append(p.status()).append("  ").append(p.createdAt())
        .append(p.reason() == null ? "" : "  " + p.reason()).append('\n'));
  }
}
