package org.bgwizard.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.session.Monitoring;
import org.bgwizard.session.Session;

/**
 * A setup's deployment as text: printed once, or redrawn in place (ANSI clear on a terminal, plain repeated blocks
 * otherwise) while the monitor polls in the background. {@code status} and {@code deploy status} share it.
 */
final class DeploymentWatch implements AutoCloseable {
  private static final String CLEAR = "\033[H\033[2J";

  /** How the watch waits between redraws; tests advance a manual clock instead. */
  interface Pause {
    void sleep(Duration d) throws InterruptedException;
  }

  static final Pause REAL = d -> Thread.sleep(d.toMillis());

  private final DeploymentMonitor monitor;
  private final Clock clock;
  private final boolean simulated;
  private final Runnable onClose;

  DeploymentWatch(DeploymentMonitor monitor, Clock clock, boolean simulated, Runnable onClose) {
    this.monitor = monitor;
    this.clock = clock;
    this.simulated = simulated;
    this.onClose = onClose;
  }

  /** A watch over the session's deployment monitor, in the account's clock. */
  static DeploymentWatch of(DeploymentTarget target, Session session) {
    Monitoring monitoring = session.monitor(target, Locale.getDefault());
    return new DeploymentWatch(monitoring.monitor(), session.clock(), session.simulated().isPresent(),
        monitoring::close);
  }

  DeploymentMonitor monitor() {
    return monitor;
  }

  /** Reads everything now and prints it; returns what it printed. */
  DeploymentSnapshot printOnce(PrintWriter out) {
    DeploymentSnapshot s = monitor.refreshNow();
    out.print(DeploymentText.render(s, clock.instant(), simulated));
    out.flush();
    return s;
  }

  /**
   * Redraws every {@code interval}, {@code times} times (0: until interrupted). The monitor polls in the background
   * at its own pace (faster while something moves); a frame whose snapshot is older than {@code interval} reads the
   * account first, so no frame shows data older than one frame, and each says how old its data is.
   */
  void watch(PrintWriter out, boolean terminal, Duration interval, int times, Pause pause)
      throws InterruptedException {
    monitor.refreshNow();
    monitor.start();
    for (int n = 0; times == 0 || n < times; n++) {
      if (n > 0) {
        pause.sleep(interval);
      }
      DeploymentSnapshot s = monitor.snapshot();
      if (s == null || Duration.between(s.refreshedAt(), clock.instant()).compareTo(interval) > 0) {
        s = monitor.refreshNow();
      }
      out.print((terminal ? CLEAR : n == 0 ? "" : "\n") + DeploymentText.render(s, clock.instant(), simulated));
      out.flush();
    }
  }

  @Override
  public void close() {
    monitor.stop();
    onClose.run();
  }
}
