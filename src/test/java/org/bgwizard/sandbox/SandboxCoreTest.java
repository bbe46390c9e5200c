package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.sandbox.core.CallRecord;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.ScaledClock;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Simulated;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.StsException;

class SandboxCoreTest {
  private final ManualClock clock = ManualClock.startingAt("2026-01-01T00:00:00Z");

  @Test
  void callerIdentity_isTheSimulatedAccount() {
    var sandbox = Sandbox.inMemory("ap-northeast-1", clock);
    var id = sandbox.sts().getCallerIdentity();
    assertEquals(Sandbox.ACCOUNT_ID, id.account());
    assertEquals("arn:aws:iam::123456789012:user/sandbox-learner", id.arn());
  }

  @Test
  void throttle_failsTheNextCallsWithTheServicesThrottlingCode_thenRecovers() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    sandbox.faults().throttle(Service.STS, "GetCallerIdentity", 2);
    for (int i = 0; i < 2; i++) {
      var e = assertThrows(StsException.class, () -> sandbox.sts().getCallerIdentity());
      assertEquals("Throttling", e.awsErrorDetails().errorCode());
      assertTrue(e.isThrottlingException());
    }
    sandbox.sts().getCallerIdentity();
  }

  @Test
  void throttleUntil_endsAtTheSimulatedInstant() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    sandbox.faults().throttleUntil(null, null, clock.instant().plusSeconds(30));
    assertThrows(StsException.class, () -> sandbox.sts().getCallerIdentity());
    clock.advance(Duration.ofSeconds(30));
    sandbox.sts().getCallerIdentity();
  }

  @Test
  void serverError_isA5xxWithTheServicesCode() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    sandbox.faults().serverError(Service.STS, null, 1);
    var e = assertThrows(StsException.class, () -> sandbox.sts().getCallerIdentity());
    assertEquals(500, e.statusCode());
    assertEquals("InternalFailure", e.awsErrorDetails().errorCode());
  }

  @Test
  void failNth_failsOnlyThatCall() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    var boom = new IllegalStateException("boom");
    sandbox.faults().failNth(Service.STS, "GetCallerIdentity", 3, () -> boom);
    sandbox.sts().getCallerIdentity();
    sandbox.sts().getCallerIdentity();
    assertEquals(boom, assertThrows(IllegalStateException.class, () -> sandbox.sts().getCallerIdentity()));
    sandbox.sts().getCallerIdentity();
  }

  @Test
  void latency_isSpentThroughTheSleeper() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    List<Duration> slept = new ArrayList<>();
    sandbox.account().sleeper(slept::add);
    sandbox.faults().latency((s, op) -> s == Service.STS ? Duration.ofMillis(120) : Duration.ZERO);
    sandbox.sts().getCallerIdentity();
    assertEquals(List.of(Duration.ofMillis(120)), slept);
  }

  @Test
  void advance_runsTransitionsInTimeOrderAcrossEngines() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    var account = sandbox.account();
    List<String> seen = new ArrayList<>();
    account.register(new Ticker(account, "a", Instant.parse("2026-01-01T00:00:10Z"), 20, seen));
    account.register(new Ticker(account, "b", Instant.parse("2026-01-01T00:00:15Z"), 20, seen));
    clock.advance(Duration.ofSeconds(60));
    sandbox.sts().getCallerIdentity();
    assertEquals(List.of("a@00:00:10Z", "b@00:00:15Z", "a@00:00:30Z", "b@00:00:35Z", "a@00:00:50Z", "b@00:00:55Z"),
        seen);
    assertEquals(clock.instant(), account.now());
  }

  @Test
  void calls_areRecordedWithService() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    sandbox.sts().getCallerIdentity();
    assertEquals(List.of(new CallRecord(clock.instant(), Service.STS, "GetCallerIdentity")), sandbox.account().calls());
  }

  @Test
  void open_savesTheAccountAndResumesTimeWhereItStopped(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("account.json");
    var first = Sandbox.open(store, "eu-west-1", t -> clock, Sleeper.NONE);
    clock.advance(Duration.ofMinutes(5));
    first.sts().getCallerIdentity();
    assertTrue(Files.exists(store));
    var reopened = Sandbox.open(store, "us-east-1", ManualClock::new, Sleeper.NONE);
    assertEquals("eu-west-1", reopened.account().region());
    assertEquals(Instant.parse("2026-01-01T00:05:00Z"), reopened.account().now());
    assertEquals(first.account().snapshotJson(), reopened.account().snapshotJson());
  }

  @Test
  void scaledClock_runsFasterThanRealTime() {
    var real = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    var scaled = new ScaledClock(real, Instant.parse("2026-01-01T00:00:00Z"), 10);
    real.advance(Duration.ofSeconds(3));
    assertEquals(Instant.parse("2026-01-01T00:00:30Z"), scaled.instant());
  }

  @Test
  void errors_lookLikeTheSdks() {
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    AwsServiceException e = sandbox.account().error(StsException.builder(), Service.STS, "ExpiredToken", "expired");
    assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
    assertEquals("Sts", e.awsErrorDetails().serviceName());
    assertTrue(e.getMessage().contains("expired"));
    assertTrue(e.requestId() != null && !e.requestId().isBlank());
  }

  private static final class Ticker implements Simulated {
    private final SandboxAccount account;
    private final String name;
    private final int period;
    private final List<String> seen;
    private Instant next;

    Ticker(SandboxAccount account, String name, Instant first, int period, List<String> seen) {
      this.account = account;
      this.name = name;
      this.next = first;
      this.period = period;
      this.seen = seen;
    }

    @Override
    public Instant nextTransition() {
      return next;
    }

    @Override
    public void advanceTo(Instant t) {
      assertEquals(t, account.now());
      while (!next.isAfter(t)) {
        seen.add(name + "@" + next.toString().substring(11));
        next = next.plusSeconds(period);
      }
    }
  }
}
