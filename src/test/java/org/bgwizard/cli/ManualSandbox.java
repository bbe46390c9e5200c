package org.bgwizard.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import org.bgwizard.app.ProvisioningBackend;
import org.bgwizard.app.SandboxTime;
import org.bgwizard.provision.Sleeper;
import org.bgwizard.sandbox.ManualClock;

/** The app's backend with the sandbox on manual time: a simulated account file resumes where it stopped, and stays. */
final class ManualSandbox {
  private static final SandboxTime MANUAL = new SandboxTime() {
    @Override
    public Clock clock(Instant resumeAt, double speed) {
      return new ManualClock(resumeAt);
    }

    @Override
    public Sleeper sleeper(Clock clock, double speed) {
      return d -> ((ManualClock) clock).advance(d);
    }
  };

  private ManualSandbox() {}

  static Backend backend() {
    return new ProvisioningBackend(MANUAL, Executors::newSingleThreadExecutor);
  }
}
