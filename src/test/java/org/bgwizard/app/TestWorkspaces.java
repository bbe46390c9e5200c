package org.bgwizard.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.bgwizard.provision.Sleeper;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.ui.wizard.Connector;

/**
 * The app's own connector for tests: the simulated account in a folder of the test's, on a manual clock that a
 * provisioner's wait advances instead of sleeping.
 */
public final class TestWorkspaces {
  /** Simulated time that passes only when something waits on it. */
  public static final SandboxTime MANUAL = new SandboxTime() {
    @Override
    public Clock clock(Instant resumeAt, double speed) {
      return new ManualClock(resumeAt);
    }

    @Override
    public Sleeper sleeper(Clock clock, double speed) {
      return d -> ((ManualClock) clock).advance(d);
    }
  };

  private TestWorkspaces() {}

  /** The commands' backend on manual time, one provisioning thread: a simulated account file resumes where it stopped. */
  public static ProvisioningBackend manualBackend() {
    return new ProvisioningBackend(MANUAL, Executors::newSingleThreadExecutor);
  }

  /** The same, with {@code onOpened} seeing each simulated account a command opens: set its faults there. */
  public static ProvisioningBackend manualBackend(Consumer<Sandbox> onOpened) {
    return new ProvisioningBackend(MANUAL, Executors::newSingleThreadExecutor, onOpened);
  }

  /** Sandbox connections keep each region's account under {@code dir}/REGION/account.json. */
  public static Connector sandbox(Path dir) {
    return sandbox(dir, MANUAL, sandbox -> { });
  }

  /** {@code onOpened} sees each simulated account as a connection opens it: set its faults there. */
  public static Connector sandbox(Path dir, SandboxTime time, Consumer<Sandbox> onOpened) {
    return new WizardConnector(new ProvisioningBackend(time, () -> Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "test-provision");
      t.setDaemon(true);
      return t;
    }), onOpened), region -> dir.resolve(region).resolve("account.json"), Optional::empty);
  }

  public static Connector sandbox(Path dir, Consumer<Sandbox> onOpened) {
    return sandbox(dir, MANUAL, onOpened);
  }
}
