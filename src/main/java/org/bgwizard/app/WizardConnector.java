package org.bgwizard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.DefaultChain;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.cli.Backend;
import org.bgwizard.cli.ConnectionOptions;
import org.bgwizard.provision.AppData;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.wizard.Connector;
import org.bgwizard.ui.wizard.Workspace;

/**
 * The wizard's connections go through the same backend as the commands: the practice account and the journals
 * the wizard writes are the ones {@code plan}, {@code apply}, {@code status} and {@code teardown} see.
 */
final class WizardConnector implements Connector {
  private final Backend backend;
  private final Function<String, Path> sandboxState;
  private final Supplier<Optional<DefaultChain>> defaultChain;
  private final SpeedPreference speed;

  /**
   * {@code sandboxState} names the simulated account's file of a region; {@code defaultChain} looks for credentials;
   * {@code speed} keeps the simulated account's speed the user chose.
   */
  WizardConnector(Backend backend, Function<String, Path> sandboxState, Supplier<Optional<DefaultChain>> defaultChain,
      SpeedPreference speed) {
    this.backend = backend;
    this.sandboxState = sandboxState;
    this.defaultChain = defaultChain;
    this.speed = speed;
  }

  static WizardConnector forApp() {
    return new WizardConnector(ProvisioningBackend.forApp(), AppData::sandboxState, DefaultChain::find,
        new SpeedPreference(AppData.dataDir().resolve("preferences.properties")));
  }

  @Override
  public Optional<DefaultChain> defaultChain() {
    return defaultChain.get();
  }

  @Override
  public Workspace connect(Connection connection) throws IOException {
    var request = switch (connection.mode()) {
      case SANDBOX -> {
        String region = connection.region() == null ? Sandbox.DEFAULT_REGION : connection.region();
        yield new ConnectionOptions.Request(ConnectionOptions.Mode.SANDBOX, sandboxState.apply(region),
            speed.get(), null, region, null);
      }
      case PROFILE -> new ConnectionOptions.Request(ConnectionOptions.Mode.PROFILE, null, 0, connection.profile(),
          connection.region(), null);
      case DEFAULT_CHAIN -> new ConnectionOptions.Request(ConnectionOptions.Mode.DEFAULT_CHAIN, null, 0, null,
          connection.region(), null);
      case ENDPOINT -> new ConnectionOptions.Request(ConnectionOptions.Mode.ENDPOINT, null, 0,
          connection.profile(), connection.region(), connection.endpoint());
    };
    Backend.Session session = backend.open(request);
    try {
      return new SessionWorkspace(session, session.operations().identity(), speed);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private record SessionWorkspace(Backend.Session session, Identity identity, SpeedPreference speed)
      implements Workspace {
    @Override
    public String region() {
      return session.clients().region();
    }

    @Override
    public SetupOperations operations() {
      return session.operations();
    }

    @Override
    public Journal journal(SetupSpec spec) throws IOException {
      return session.journal(spec);
    }

    @Override
    public AwsClients clients() {
      return session.clients();
    }

    @Override
    public Clock clock() {
      return session.clock();
    }

    @Override
    public Optional<SimulatedAccount> simulated() {
      return session.simulated().map(account -> new RememberedSpeed(account, speed));
    }

    @Override
    public void close() {
      session.close();
    }
  }

  /** The simulated account, whose speed the user sets in the window is kept for the next start. */
  private record RememberedSpeed(SimulatedAccount account, SpeedPreference preference) implements SimulatedAccount {
    @Override
    public void newCustomer(boolean newCustomer) {
      account.newCustomer(newCustomer);
    }

    @Override
    public boolean isNewCustomer() {
      return account.isNewCustomer();
    }

    @Override
    public List<String> completeConnectionHandshakes() {
      return account.completeConnectionHandshakes();
    }

    @Override
    public String pushToProvider(String fullRepositoryId, String branch, Map<String, String> files, String message) {
      return account.pushToProvider(fullRepositoryId, branch, files, message);
    }

    @Override
    public OptionalDouble speed() {
      return account.speed();
    }

    @Override
    public void speed(double speed) {
      account.speed(speed);
      try {
        preference.set(speed);
      } catch (IOException e) {
        throw new UncheckedIOException("Simulated time now runs " + speed + "× real time, but this could not be kept"
            + " for the next start (" + preference.file() + "): " + e.getMessage(), e);
      }
    }
  }
}
