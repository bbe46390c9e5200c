package org.bgwizard.sandbox.core;

import java.time.Duration;

/** How a simulated call spends its added latency: really (the app) or not at all (tests). */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
  Sleeper NONE = d -> { };
}
