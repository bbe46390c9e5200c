package org.bgwizard.provision;

import java.time.Duration;

/** How the engine spends a back-off or poll interval: really in the app, by advancing a manual clock in tests. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  static Sleeper real() {
    return d -> Thread.sleep(d.toMillis());
  }
}
