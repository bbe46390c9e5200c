package org.bgwizard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bgwizard.aws.AwsClientSettings;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.DefaultChain;
import org.bgwizard.aws.ProfileCatalog;
import org.bgwizard.aws.ProfileSummary;
import org.bgwizard.provision.AppData;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.Provisioner;
import org.bgwizard.provision.Sleeper;
import org.bgwizard.provision.steps.SdkErrorClassifier;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ScaledClock;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;

/**
 * Opens the sessions of both faces: clients (the sandbox's or real ones), a provisioner on a pool of
 * {@value #THREADS} threads, the journal of each setup, and the deployment monitors' threads. The wizard's
 * practice account and journals are the ones {@code plan}, {@code apply}, {@code status} and {@code teardown} see;
 * the sandbox keeps its journals next to its account file, so practice runs never mix with real accounts' journals.
 */
public final class AppConnector implements Connector {
  static final int THREADS = 8;
  private final SandboxTime sandboxTime;
  private final Supplier<ExecutorService> executors;
  private final Function<String, Path> sandboxState;
  private final Supplier<Optional<DefaultChain>> defaultChain;
  private final Consumer<Sandbox> onSandboxOpened;
  private final SpeedPreference speedPreference;

  /**
   * {@code sandboxState} names the simulated account's file of a region (unless the connection names one),
   * {@code defaultChain} looks for credentials, and {@code onSandboxOpened} sees each simulated account as it is
   * opened: tests set its faults there.
   */
  AppConnector(SandboxTime sandboxTime, Supplier<ExecutorService> executors, Function<String, Path> sandboxState,
      Supplier<Optional<DefaultChain>> defaultChain, Consumer<Sandbox> onSandboxOpened) {
    this(sandboxTime, executors, sandboxState, defaultChain, onSandboxOpened, null);
  }

  /** As above; the simulated account runs at {@code speedPreference}'s speed, and keeps the one the user chooses. */
  AppConnector(SandboxTime sandboxTime, Supplier<ExecutorService> executors, Function<String, Path> sandboxState,
      Supplier<Optional<DefaultChain>> defaultChain, Consumer<Sandbox> onSandboxOpened,
      SpeedPreference speedPreference) {
    this.speedPreference = speedPreference;
    this.sandboxTime = sandboxTime;
    this.executors = executors;
    this.sandboxState = sandboxState;
    this.defaultChain = defaultChain;
    this.onSandboxOpened = onSandboxOpened;
  }

  /** The app's: scaled simulated time, {@value #THREADS} worker threads, the app's data folder. */
  public static AppConnector forApp() {
    return new AppConnector(SandboxTime.scaled(), AppConnector::pool, AppData::sandboxState, DefaultChain::find,
        sandbox -> { });
  }

  /** The window's: as {@link #forApp()}, with the simulated account's speed kept between starts. */
  public static AppConnector forWizard() {
    return new AppConnector(SandboxTime.scaled(), AppConnector::pool, AppData::sandboxState, DefaultChain::find,
        sandbox -> { }, new SpeedPreference(AppData.dataDir().resolve("preferences.properties")));
  }

  static ExecutorService pool() {
    var count = new AtomicInteger();
    return Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "provision-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Optional<DefaultChain> defaultChain() {
    return defaultChain.get();
  }

  @Override
  public List<ProfileSummary> profiles() {
    return ProfileCatalog.load().profiles();
  }

  @Override
  public Session connect(Connection connection) throws IOException {
    AppSession session = connection.mode() == Connection.Mode.SANDBOX ? sandbox(connection) : real(connection);
    try {
      session.identify();
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private AppSession sandbox(Connection connection) throws IOException {
    String region = connection.region() == null ? Sandbox.DEFAULT_REGION : connection.region();
    Path state = connection.sandboxState() != null ? connection.sandboxState() : sandboxState.apply(region);
    double speed = speedPreference == null ? connection.sandboxSpeed() : speedPreference.get();
    var clock = new AtomicReference<Clock>();
    Sandbox sandbox = Sandbox.open(state, region, at -> {
      clock.set(sandboxTime.clock(at, speed));
      return clock.get();
    }, org.bgwizard.sandbox.core.Sleeper.NONE);
    onSandboxOpened.accept(sandbox);
    DoubleSupplier pace = clock.get() instanceof ScaledClock scaled ? scaled::speed : () -> 1;
    return over(sandbox, clock.get(), sandboxTime.sleeper(clock.get(), speed), pace,
        state.toAbsolutePath().getParent().resolve("journals"), executors.get(), () -> sandbox.account().save(),
        String.format(Locale.ROOT, "Sandbox (simulated account %s, %s), kept in %s; simulated time runs %s× real"
            + " time", sandbox.account().accountId(), sandbox.account().region(), state, speed == Math.rint(speed)
            ? String.valueOf((long) speed) : String.valueOf(speed)), this::keepSpeed);
  }

  private void keepSpeed(double speed) {
    if (speedPreference == null) {
      return;
    }
    try {
      speedPreference.set(speed);
    } catch (IOException e) {
      throw new UncheckedIOException("Simulated time now runs " + speed + "× real time, but this could not be kept"
          + " for the next start (" + speedPreference.file() + "): " + e.getMessage(), e);
    }
  }

  /**
   * A session over an open simulated account, its journals in {@code journals}; {@code pace} is how much faster
   * than real time its clock runs (1 for a manual clock).
   */
  static AppSession over(Sandbox sandbox, Clock clock, Sleeper sleeper, DoubleSupplier pace, Path journals,
      ExecutorService executor, Runnable onClose, String description) {
    return over(sandbox, clock, sleeper, pace, journals, executor, onClose, description, speed -> { });
  }

  /** As above; {@code speedChosen} sees each speed the user chooses for the account's time. */
  static AppSession over(Sandbox sandbox, Clock clock, Sleeper sleeper, DoubleSupplier pace, Path journals,
      ExecutorService executor, Runnable onClose, String description, DoubleConsumer speedChosen) {
    AwsClients clients = AwsClients.sandbox(new SandboxClientSource(sandbox), sandbox.account().region());
    return new AppSession(new SetupOperations(clients, provisioner(executor, clock, sleeper)), clients, clock, pace,
        spec -> Journal.open(journals.resolve(spec.name() + ".journal.json"), clock), Optional.of(new SandboxSteps(
            sandbox, clock, speedChosen)), () -> description, () -> {
              executor.shutdownNow();
              onClose.run();
            });
  }

  private AppSession real(Connection connection) {
    AwsClients clients = AwsClients.real(connection, AwsClientSettings.defaults());
    ExecutorService executor = executors.get();
    Provisioner provisioner = provisioner(executor, Clock.systemUTC(), Sleeper.real());
    var operations = new SetupOperations(clients, provisioner);
    return new AppSession(operations, clients, Clock.systemUTC(), () -> 1,
        spec -> Journal.open(AppData.journalFile(spec.name())), Optional.empty(), () -> {
          var me = operations.identity();
          String where = clients.endpointOverride().map(endpoint -> "Endpoint " + endpoint).orElse("AWS");
          return where + ": account " + me.account() + ", " + clients.region() + credentials(connection);
        }, () -> {
          executor.shutdownNow();
          clients.close();
        });
  }

  private static String credentials(Connection connection) {
    if (connection.profile() != null) {
      return ", profile " + connection.profile();
    }
    return connection.mode() == Connection.Mode.DEFAULT_CHAIN ? ", default credentials" : "";
  }

  private static Provisioner provisioner(ExecutorService executor, Clock clock, Sleeper sleeper) {
    var errors = new SdkErrorClassifier();
    return Provisioner.builder(executor).clock(clock).sleeper(sleeper).classifier(errors).describer(errors)
        .retryPolicy(SetupOperations.RETRY_POLICY).build();
  }
}
