package org.bgwizard.provision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.bgwizard.sandbox.core.ManualClock;

/** Manual time, a recording sleeper, and provisioners and journals built on them. */
final class TestEngine {
  static final ErrorDescriber DESCRIBER = new ErrorDescriber() {
    @Override
    public ErrorDetails describe(Throwable error) {
      return new ErrorDetails(error.getClass().getSimpleName(), error.getMessage(), "req-" + error.hashCode());
    }

    @Override
    public boolean isNotFound(Throwable error) {
      return error instanceof FakeCloud.NotFound;
    }
  };

  final ManualClock clock = ManualClock.startingAt("2025-04-01T09:00:00Z");
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final Sleeper sleeper = d -> {
    sleeps.add(d);
    clock.advance(d);
  };

  Provisioner provisioner(Executor executor) {
    return Provisioner.builder(executor).clock(clock).sleeper(sleeper).random(new Random(7)).describer(DESCRIBER)
        .build();
  }

  /** One step at a time, in plan order, on the calling thread. */
  Provisioner sequential() {
    return provisioner(Runnable::run);
  }

  Journal journal(Path file) throws Exception {
    return Journal.open(file, clock);
  }
}
