package org.bgwizard.provision.steps;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SdkClientSource;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.Provisioner;
import org.bgwizard.provision.StepEvent;
import org.bgwizard.provision.TeardownPlan;
import org.bgwizard.sandbox.core.CallRecord;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;

/**
 * A simulated account on manual time, the provisioner over it, and a journal: sleeps advance the clock, so a
 * two-minute wait costs nothing. Clients come from the sandbox by accessor name, through a proxy that can make
 * one operation fail after it went through (a lost response: the resource exists, the caller does not know).
 */
final class SandboxHarness {
  static final String REGION = "us-east-1";
  final ManualClock clock;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final Sandbox sandbox;
  final SetupSpec spec;
  final AwsClients clients;
  final SetupOperations ops;
  final List<StepEvent> events = new CopyOnWriteArrayList<>();
  /** Every request that went through a client, in order. */
  final List<Object> requests = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> loseResponseOf = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicInteger loseCountdown = new java.util.concurrent.atomic.AtomicInteger();
  private final Path journalFile;
  private final AtomicReference<String> meanwhileBefore = new AtomicReference<>();
  private final AtomicReference<java.util.function.UnaryOperator<Object>> meanwhile = new AtomicReference<>();

  SandboxHarness(Path dir) {
    this(dir, SpecDefaults.tutorial("demo", REGION), Runnable::run);
  }

  SandboxHarness(Path dir, SetupSpec spec, Executor executor) {
    this(dir, spec, executor, null);
  }

  /** A second connection to {@code same}'s account, with its own journal in {@code dir}. */
  SandboxHarness(Path dir, SandboxHarness same) {
    this(dir, same.spec, same);
  }

  /** A second connection to {@code same}'s account for another setup file, with its own journal in {@code dir}. */
  SandboxHarness(Path dir, SetupSpec spec, SandboxHarness same) {
    this(dir, spec, Runnable::run, same);
  }

  private SandboxHarness(Path dir, SetupSpec spec, Executor executor, SandboxHarness same) {
    this.clock = same == null ? ManualClock.startingAt("2025-06-01T09:00:00Z") : same.clock;
    this.sandbox = same == null ? Sandbox.inMemory(REGION, clock) : same.sandbox;
    this.clients = AwsClients.sandbox(source(), REGION);
    this.spec = spec;
    this.journalFile = dir.resolve("demo.journal.json");
    Provisioner provisioner = Provisioner.builder(executor).clock(clock).sleeper(d -> {
      sleeps.add(d);
      clock.advance(d);
    }).classifier(new SdkErrorClassifier()).describer(new SdkErrorClassifier()).random(new Random(7)).build();
    this.ops = new SetupOperations(clients, provisioner);
  }

  Journal journal() throws Exception {
    return Journal.open(journalFile, clock);
  }

  ProvisionListener listener() {
    return new ProvisionListener() {
      @Override
      public void onStep(StepEvent event) {
        events.add(event);
      }
    };
  }

  ProvisionResult apply() throws Exception {
    return ops.apply(ops.plan(spec), journal(), listener());
  }

  ProvisionResult teardown() throws Exception {
    Journal journal = journal();
    TeardownPlan plan = ops.teardownPlan(spec, journal);
    return ops.teardown(plan, journal, listener());
  }

  /**
   * The {@code n}th call from now of {@code operation} on the client named {@code client} (e.g. "IamClient",
   * "CreateRole") goes through, then its caller sees an error.
   */
  void loseResponseOf(String client, String operation, int n) {
    loseCountdown.set(n);
    loseResponseOf.set(client + "." + operation);
  }

  /**
   * Just before the next call of {@code operation} on the client named {@code client} goes through, sends the
   * request {@code another} makes of it to the account first: what another machine does between this one's look-up
   * and its create. When that request fails, it is sent again before the next call.
   */
  void beforeNext(String client, String operation, java.util.function.UnaryOperator<Object> another) {
    meanwhile.set(another);
    meanwhileBefore.set(client + "." + operation);
  }

  List<CallRecord> calls() {
    return sandbox.account().calls();
  }

  List<String> operations() {
    return calls().stream().map(CallRecord::operation).toList();
  }

  private SdkClientSource source() {
    return (SdkClientSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SdkClientSource.class},
        (proxy, method, args) -> {
          return wrap(method.getReturnType(), Sandbox.class.getMethod(method.getName()).invoke(sandbox));
        });
  }

  private Object wrap(Class<?> type, Object client) {
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      boolean convenience = args == null || args[0] instanceof java.util.function.Consumer
          || method.getName().endsWith("Paginator");
      if (method.isDefault() && convenience) {
        // convenience forms (consumer builders, paginators) come back through the proxy with a request
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      if (args != null && args.length == 1 && args[0] instanceof software.amazon.awssdk.core.SdkRequest) {
        requests.add(args[0]);
      }
      String name = type.getSimpleName() + "." + method.getName().substring(0, 1).toUpperCase(Locale.ROOT)
          + method.getName().substring(1);
      if (name.equals(meanwhileBefore.get())) {
        try {
          method.invoke(client, meanwhile.get().apply(args[0]));
          meanwhileBefore.set(null);
        } catch (InvocationTargetException e) {
          // the other machine's call failed (a role not assumable yet): it tries again before this one's next call
        }
      }
      Object result;
      try {
        result = method.invoke(client, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      String operation = method.getName().substring(0, 1).toUpperCase(Locale.ROOT) + method.getName().substring(1);
      if ((type.getSimpleName() + "." + operation).equals(loseResponseOf.get())
          && loseCountdown.decrementAndGet() == 0) {
        loseResponseOf.set(null);
        throw new IllegalStateException("Simulated crash: the response of " + operation + " was lost");
      }
      return result;
    });
  }
}
