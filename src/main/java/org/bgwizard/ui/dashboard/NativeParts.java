package org.bgwizard.ui.dashboard;

import java.time.Instant;
import java.util.List;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.NativeConfig;
import org.bgwizard.deploy.NativeDeployment;
import org.bgwizard.deploy.NativeView;
import org.bgwizard.deploy.SnapshotPresenter;
import org.bgwizard.ui.common.Messages;

/** The dashboard's texts for an ECS built-in blue/green deployment: headline, stage timeline, countdowns, history. */
final class NativeParts {
  private NativeParts() {}

  static String headline(DeploymentSnapshot s, SnapshotPresenter parts, Messages messages) {
    NativeConfig c = s.ecsNative().config();
    String config = c.pauseTimeoutMinutes() == null
        ? messages.format("dashboard.native.config", c.strategy(), c.bakeTimeMinutes())
        : messages.format("dashboard.native.configPause", c.strategy(), c.bakeTimeMinutes(), c.pauseTimeoutMinutes(),
            c.pauseTimeoutAction());
    NativeDeployment d = s.nativeCurrent();
    if (d == null) {
      return messages.get("dashboard.noDeployment") + "\n" + config;
    }
    return messages.format("dashboard.native.deployment", d.shortId(), d.status(), parts.time(d.createdAt()))
        + (d.statusReason() == null ? "" : "\n" + d.statusReason()) + "\n" + config;
  }

  /** Each stage as "mark  NAME  state", in order. */
  static List<String> stages(DeploymentSnapshot s, SnapshotPresenter parts, Messages messages) {
    return parts.stages(s).stream().map(st -> mark(st.state()) + "  " + st.name() + "   "
        + messages.get("dashboard.native.stage." + st.state().name())).toList();
  }

  /** The index of the stage the deployment is at (running, paused or where it ended); 0 when none. */
  static int focus(DeploymentSnapshot s, SnapshotPresenter parts) {
    var stages = parts.stages(s);
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).state() != NativeView.StageState.DONE && stages.get(i).state() != NativeView.StageState.PENDING) {
        return i;
      }
    }
    return 0;
  }

  private static String mark(NativeView.StageState state) {
    return switch (state) {
      case DONE -> "✓";
      case CURRENT -> "▶";
      case PAUSED -> "‖";
      case ENDED -> "✗";
      case PENDING -> "·";
    };
  }

  static String countdowns(DeploymentSnapshot s, Instant now, Messages messages) {
    NativeDeployment d = s.nativeCurrent();
    if (d == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    d.pausedAt().ifPresent(h -> text.append(messages.format("dashboard.native.pauseLeft",
        DashboardController.left(now, h.expiresAt()), h.timeoutAction())));
    if (d.bakeEndsAt() != null) {
      text.append(messages.format("dashboard.native.bakeLeft", DashboardController.left(now, d.bakeEndsAt())));
    }
    return text.toString();
  }

  static List<String> history(DeploymentSnapshot s, SnapshotPresenter parts) {
    return parts.nativeHistory(s).stream().map(h -> h.id() + "  " + h.status() + "  " + h.createdAt()
        + (h.reason() == null ? "" : "  " + h.reason())).toList();
  }
}
