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

  /** What is wrong with the values, for a usage error; null when they make sense. */
  String problem() {
    if (interval < 1) {
      return "--interval is whole seconds, at least 1, not " + interval;
    }
    return times < 0 ? "--times is a count, 0 (never stop) or more, not " + times : null;
  }

  /** @throws IllegalArgumentException when the values make no sense */
  Duration interval() {
    String problem = problem();
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return Duration.ofSeconds(interval);
  }

  /**
   * Prints once, or watches when asked; stdout is redrawn in place only on a terminal. Returns what was printed once,
   * or null when watching.
   */
  org.bgwizard.deploy.DeploymentSnapshot run(DeploymentWatch watch, java.io.PrintWriter out)
      throws InterruptedException {
    if (this.watch) {
      watch.watch(out, System.console() != null, interval(), times, DeploymentWatch.REAL);
      return null;
    }
    return watch.printOnce(out);
  }
}
