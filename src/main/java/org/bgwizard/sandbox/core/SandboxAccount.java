package org.bgwizard.sandbox.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.bgwizard.util.AtomicFiles;
import org.bgwizard.util.LockFile;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One simulated AWS account: its state, its clock, its fault switches and the single lock every call takes.
 * Every client operation runs through {@link #call}: latency, fault check, time advance, the operation, and
 * an atomic save of the state when it changed.
 *
 * <p>A saved account is shared like a real one: the wizard, a dashboard and a command in a terminal may have
 * it open at once, in one process or several. Each call therefore holds the account's {@link StoreLock} (a
 * lock file beside the state, and a lock per file inside this JVM) and, when another holder saved since this
 * one last read or wrote the file, reads the state again before running; the save happens before the lock is
 * released. Nothing one of them did is overwritten by another.
 */
public final class SandboxAccount {
  /** The IAM user of the account the learner calls as (what STS GetCallerIdentity answers). */
  public static final String USER_NAME = "sandbox-learner";
  public static final ObjectMapper STATE_MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final int MAX_TRANSITIONS_PER_ADVANCE = 1_000_000;
  private static final int CALL_LOG_LIMIT = 100_000;

  private SandboxState state;
  private final Clock clock;
  private final Faults faults = new Faults();
  private final Ids ids;
  private final Path store;
  private final List<Simulated> simulations = new ArrayList<>();
  private final List<CallRecord> calls = new ArrayList<>();
  private volatile Sleeper sleeper;
  private final StoreLock storeLock;
  private byte[] lastSaved;
  /** The store file as this account last read or wrote it; another stamp means another holder saved. */
  private StoreLock.Stamp lastSeen;

  public SandboxAccount(SandboxState state, Clock clock, Sleeper sleeper, Path store) {
    this.state = state;
    this.clock = clock;
    this.sleeper = sleeper;
    this.store = store;
    this.storeLock = store == null ? null : StoreLock.of(store);
    // as read by Sandbox.open, which holds the store's lock meanwhile
    this.lastSeen = store == null ? null : StoreLock.stamp(store);
    this.ids = new Ids(() -> this.state);
    // A clock ahead of the saved time is caught up by the first call's advance, transition by transition;
    // jumping simTime here would skip what was due in between (e.g. a scheduled secret deletion).
    if (state.simTime == null) {
      state.simTime = clock.instant();
    }
  }

  /** {@code blank} (the composite of every service's state) made a new account's. */
  public static <S extends SandboxState> S newState(S blank, String accountId, String region, long seed,
      Instant start) {
    var s = blank;
    s.accountId = accountId;
    s.region = region;
    s.seed = seed;
    s.simTime = start;
    return s;
  }

  /** The account saved in {@code file}, read as {@code type} (the composite of every service's state). */
  public static SandboxState readState(Path file, Class<? extends SandboxState> type) throws IOException {
    return readState(Files.readAllBytes(file), file, type);
  }

  private static SandboxState readState(byte[] saved, Path file, Class<? extends SandboxState> type)
      throws IOException {
    var s = STATE_MAPPER.readValue(saved, type);
    if (s.formatVersion != SandboxState.FORMAT_VERSION) {
      throw new IOException(file + ": sandbox state formatVersion " + s.formatVersion + " is not "
          + SandboxState.FORMAT_VERSION);
    }
    return s;
  }

  public String accountId() {
    return state.accountId;
  }

  public String region() {
    return state.region;
  }

  /** The simulated present: during a call, the time the account was advanced to for it. */
  public Instant now() {
    return state.simTime;
  }

  public Clock clock() {
    return clock;
  }

  public Faults faults() {
    return faults;
  }

  public SandboxSettings settings() {
    return state.settings;
  }

  public void sleeper(Sleeper s) {
    this.sleeper = s;
  }

  public SandboxState state() {
    return state;
  }

  /**
   * The state of one service (e.g. {@code state(EcsState.class)}). Read it afresh in each call, never keep it: when
   * another holder saved the account, the next call reads the state again and this object is replaced.
   */
  public <T> T state(Class<T> type) {
    return state.service(type);
  }

  public Ids ids() {
    return ids;
  }

  public void register(Simulated s) {
    simulations.add(s);
  }

  /** The calls received so far (for tests and benchmarks that count API calls). */
  public List<CallRecord> calls() {
    synchronized (this) {
      return List.copyOf(calls);
    }
  }

  /**
   * Runs one API operation: added latency (outside the lock, as a network round trip would be), then under
   * the account lock the fault switches, the time advance, the operation and the save.
   */
  public <T> T call(Service service, String operation, Supplier<T> body) {
    var delay = faults.latencyOf(service, operation);
    if (!delay.isZero()) {
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw software.amazon.awssdk.core.exception.AbortedException.builder().message("interrupted").build();
      }
    }
    synchronized (this) {
      try (var held = lockStore()) {
        Instant now = clock.instant();
        if (calls.size() < CALL_LOG_LIMIT) {
          calls.add(new CallRecord(now.isAfter(state.simTime) ? now : state.simTime, service, operation));
        }
        RuntimeException fault = faults.check(service, operation, now, this);
        if (fault != null) {
          throw fault;
        }
        advance(now);
        try {
          return body.get();
        } finally {
          persistIfChanged();
        }
      }
    }
  }

  /**
   * Runs a simulated step that is no API call (a setting of the account, the console's part of a handshake) under
   * the account lock, after catching up with the clock, and saves.
   */
  public synchronized <T> T outsideApi(Supplier<T> body) {
    try (var held = lockStore()) {
      advance(clock.instant());
      try {
        return body.get();
      } finally {
        persistIfChanged();
      }
    }
  }

  /** Advances every engine to the clock's present without an API call (for views that only watch). */
  public synchronized void advanceToNow() {
    try (var held = lockStore()) {
      advance(clock.instant());
      persistIfChanged();
    }
  }

  /** Takes the store's lock and catches up with what another holder saved meanwhile. */
  private LockFile.Held lockStore() {
    if (storeLock == null) {
      return LockFile.Held.NONE;
    }
    var held = storeLock.lock();
    try {
      var stamp = StoreLock.stamp(store);
      if (stamp != null && !stamp.equals(lastSeen)) {
        byte[] saved = Files.readAllBytes(store);
        state = readState(saved, store, state.getClass());
        lastSaved = saved;
        lastSeen = stamp;
      }
      return held;
    } catch (IOException e) {
      held.close();
      throw new UncheckedIOException("cannot read the sandbox account " + store
          + " that another window or command saved", e);
    } catch (RuntimeException e) {
      held.close();
      throw e;
    }
  }

  private void advance(Instant to) {
    if (!to.isAfter(state.simTime)) {
      return;
    }
    for (int i = 0; i < MAX_TRANSITIONS_PER_ADVANCE; i++) {
      Instant next = null;
      for (Simulated s : simulations) {
        Instant t = s.nextTransition();
        if (t != null && (next == null || t.isBefore(next))) {
          next = t;
        }
      }
      if (next == null || next.isAfter(to)) {
        state.simTime = to;
        for (Simulated s : simulations) {
          s.advanceTo(to);
        }
        return;
      }
      if (next.isBefore(state.simTime)) {
        next = state.simTime;
      }
      state.simTime = next;
      for (Simulated s : simulations) {
        s.advanceTo(next);
      }
    }
    throw new IllegalStateException("sandbox simulation did not settle: an engine keeps reporting transitions");
  }

  public AwsServiceException error(AwsServiceException.Builder builder, Service service, int status, String code,
      String message) {
    return AwsErrors.build(builder, service, status, code, message, UUID.randomUUID().toString());
  }

  public AwsServiceException error(AwsServiceException.Builder builder, Service service, String code, String message) {
    return error(builder, service, 400, code, message);
  }

  /** Serialized state, for saving and for tests that compare accounts. */
  public synchronized String snapshotJson() {
    try {
      return STATE_MAPPER.writeValueAsString(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void persistIfChanged() {
    if (store == null) {
      return;
    }
    try {
      byte[] now = STATE_MAPPER.writeValueAsBytes(state);
      if (lastSaved != null && Arrays.equals(now, lastSaved)) {
        return;
      }
      AtomicFiles.write(store, new String(now, StandardCharsets.UTF_8));
      lastSaved = now;
      lastSeen = StoreLock.stamp(store);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the sandbox account to " + store, e);
    }
  }

  /** Saves now (normally automatic after every call that changed something). */
  public synchronized void save() {
    try (var held = lockStore()) {
      lastSaved = null;
      persistIfChanged();
    }
  }
}
