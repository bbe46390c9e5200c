package org.bgwizard.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bgwizard.aws.AwsClientSettings;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.SandboxClientSource;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.cli.Backend;
import org.bgwizard.cli.ConnectionOptions;
import org.bgwizard.provision.AppData;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.Provisioner;
import org.bgwizard.provision.Sleeper;
import org.bgwizard.provision.steps.SdkErrorClassifier;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.setup.SetupSpec;

/**
 * Builds a connected session once per command: clients (the sandbox's or real ones), a provisioner on a pool of
 * {@value #THREADS} threads, and the journal of each setup. The sandbox keeps its journals next to its account
 * file, so practice runs never mix with real accounts' journals.
 */
public final class ProvisioningBackend implements Backend {
  static final int THREADS = 8;
  private final SandboxTime sandboxTime;
  private final Supplier<ExecutorService> executors;
  private final Consumer<Sandbox> onSandboxOpened;

  public ProvisioningBackend(SandboxTime sandboxTime, Supplier<ExecutorService> executors) {
    this(sandboxTime, executors, sandbox -> { });
  }

  /** {@code onSandboxOpened} sees each simulated account as it is opened: tests set its faults there. */
  ProvisioningBackend(SandboxTime sandboxTime, Supplier<ExecutorService> executors,
      Consumer<Sandbox> onSandboxOpened) {
    this.sandboxTime = sandboxTime;
    this.executors = executors;
    this.onSandboxOpened = onSandboxOpened;
  }

  /** The app's: scaled simulated time, {@value #THREADS} worker threads. */
  public static ProvisioningBackend forApp() {
    return new ProvisioningBackend(SandboxTime.scaled(), ProvisioningBackend::pool);
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
  public Session open(ConnectionOptions.Request request) throws IOException {
    return switch (request.mode()) {
      case SANDBOX -> sandbox(request);
      case PROFILE -> real(Connection.profile(request.profile(), request.region()));
      case DEFAULT_CHAIN -> real(Connection.defaultChain(request.region()));
      case ENDPOINT -> real(Connection.endpoint(request.endpoint(), request.profile(), request.region()));
    };
  }

  private Session sandbox(ConnectionOptions.Request request) throws IOException {
    Path state = request.sandboxState() != null ? request.sandboxState() : AppData.sandboxState(request.region());
    double speed = request.sandboxSpeed();
    var clock = new AtomicReference<Clock>();
    Sandbox sandbox = Sandbox.open(state, request.region(), at -> {
      clock.set(sandboxTime.clock(at, speed));
      return clock.get();
    }, org.bgwizard.sandbox.core.Sleeper.NONE);
    onSandboxOpened.accept(sandbox);
    Sleeper sleeper = sandboxTime.sleeper(clock.get(), speed);
    String region = sandbox.account().region();
    AwsClients clients = AwsClients.sandbox(new SandboxClientSource(sandbox), region);
    ExecutorService executor = executors.get();
    Provisioner provisioner = provisioner(executor, clock.get(), sleeper);
    Path journals = state.toAbsolutePath().getParent().resolve("journals");
    String description = String.format(Locale.ROOT, "Sandbox (simulated account %s, %s), kept in %s; simulated time"
        + " runs %s× real time", sandbox.account().accountId(), region, state, speed == Math.rint(speed)
        ? String.valueOf((long) speed) : String.valueOf(speed));
    return new BackendSession(new SetupOperations(clients, provisioner), clients, clock.get(), description,
        spec -> Journal.open(journals.resolve(spec.name() + ".journal.json"), clock.get()), () -> {
          executor.shutdownNow();
          sandbox.account().save();
        }) {
      @Override
      public Optional<SimulatedAccount> simulated() {
        return Optional.of(new SandboxSteps(sandbox));
      }
    };
  }

  private Session real(Connection connection) {
    AwsClients clients = AwsClients.real(connection, AwsClientSettings.defaults());
    ExecutorService executor = executors.get();
    Provisioner provisioner = provisioner(executor, Clock.systemUTC(), Sleeper.real());
    var operations = new SetupOperations(clients, provisioner);
    return new BackendSession(operations, clients, Clock.systemUTC(), null, spec -> Journal.open(AppData.journalFile(spec.name())), () -> {
      executor.shutdownNow();
      clients.close();
    }) {
      @Override
      public String describe() {
        var me = operations.identity();
        String where = clients.endpointOverride().map(endpoint -> "Endpoint " + endpoint).orElse("AWS");
        return where + ": account " + me.account() + ", " + clients.region() + credentials(connection);
      }
    };
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

  /** A session over built parts. */
  private static class BackendSession implements Session {
    interface Journals {
      Journal open(SetupSpec spec) throws IOException;
    }

    private final SetupOperations operations;
    private final AwsClients clients;
    private final Clock clock;
    private final String description;
    private final Journals journals;
    private final Runnable onClose;

    BackendSession(SetupOperations operations, AwsClients clients, Clock clock, String description,
        Journals journals, Runnable onClose) {
      this.operations = operations;
      this.clients = clients;
      this.clock = clock;
      this.description = description;
      this.journals = journals;
      this.onClose = onClose;
    }

    @Override
    public SetupOperations operations() {
      return operations;
    }

    @Override
    public AwsClients clients() {
      return clients;
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Journal journal(SetupSpec spec) throws IOException {
      return journals.open(spec);
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public void close() {
      onClose.run();
    }
  }
}
