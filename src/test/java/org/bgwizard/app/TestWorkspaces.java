package org.bgwizard.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.provision.AppData;
import org.bgwizard.provision.Sleeper;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;

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

  /** The commands' connector on manual time, one provisioning thread: a simulated account file resumes where it stopped. */
  public static Connector manualBackend() {
    return manualBackend(sandbox -> { });
  }

  /** The same, with {@code onOpened} seeing each simulated account a command opens: set its faults there. */
  public static Connector manualBackend(Consumer<Sandbox> onOpened) {
    return new AppConnector(MANUAL, Executors::newSingleThreadExecutor, AppData::sandboxState, Optional::empty,
        onOpened);
  }

  /** A session over a simulated account the test made, on its manual clock (its journals in the temp folder). */
  public static Session over(Sandbox sandbox, ManualClock clock) {
    return AppConnector.over(sandbox, clock, clock::advance, () -> 1,
        Path.of(System.getProperty("java.io.tmpdir"), "bgwizard-test-journals"), Executors.newSingleThreadExecutor(),
        () -> { }, "Sandbox (test)");
  }

  /** The same, with the setups' journals in {@code journals}. */
  public static Session over(Sandbox sandbox, ManualClock clock, Path journals) {
    return AppConnector.over(sandbox, clock, clock::advance, () -> 1, journals, Executors.newSingleThreadExecutor(),
        () -> { }, "Sandbox (test)");
  }

  /** Sandbox connections keep each region's account under {@code dir}/REGION/account.json. */
  public static Connector sandbox(Path dir) {
    return sandbox(dir, MANUAL, sandbox -> { });
  }

  /** {@code onOpened} sees each simulated account as a connection opens it: set its faults there. */
  public static Connector sandbox(Path dir, SandboxTime time, Consumer<Sandbox> onOpened) {
    return new AppConnector(time, () -> Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "test-provision");
      t.setDaemon(true);
      return t;
    }), region -> dir.resolve(region).resolve("account.json"), Optional::empty, onOpened,
        new SpeedPreference(dir.resolve("preferences.properties")));
  }

  public static Connector sandbox(Path dir, Consumer<Sandbox> onOpened) {
    return sandbox(dir, MANUAL, onOpened);
  }

  /** The clients under a session the app's connector opened, to look at the account directly. */
  public static AwsClients clients(Session session) {
    return ((AppSession) session).clients();
  }
}
