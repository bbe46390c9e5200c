package org.bgwizard.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How `status` and `deploy status` redraw the deployment snapshot. */
final class WatchOptions {
  @Option(names = "--watch", description = "Redraw the deployment snapshot in place until interrupted (Ctrl+C).")
  boolean watch;

  @Option(names = "--interval", paramLabel = "S", defaultValue = "2",
      description = "With --watch: seconds between redraws (default ${DEFAULT-VALUE}).")
  int interval;

  @Option(names = "--times", paramLabel = "N", defaultValue = "0",
      description = "With --watch: stop after N redraws (default 0: never).")
  int times;

  /** @throws IllegalArgumentException when the values make no sense */
  Duration interval() {
    if (interval < 1 || times < 0) {
      throw new IllegalArgumentException("--interval must be at least 1 and --times at least 0");
    }
    return Duration.ofSeconds(interval);
  }

  /** Prints once, or watches when asked; stdout is redrawn in place only on a terminal. */
  void run(DeploymentWatch watch, java.io.PrintWriter out) throws InterruptedException {
    if (this.watch) {
      watch.watch(out, System.console() != null, interval(), times, DeploymentWatch.REAL);
    } else {
      watch.printOnce(out);
    }
  }
}
