package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaiterTest {
  private final TestEngine time = new TestEngine();
  private final List<String> progress = new ArrayList<>();
  private final Waiter waiter = new Waiter(
      new Retrier(RetrierTest.CLASSIFIER, RetryPolicy.DEFAULT, time.clock, time.sleeper, new Random(1)),
      time.clock, time.sleeper, progress::add);

  @Test
  void awaitUntil_returnsWhenTheConditionHolds_checkingAtEachInterval() throws Exception {
    var checks = new AtomicInteger();
    waiter.awaitUntil(() -> checks.incrementAndGet() == 4, Duration.ofSeconds(15), Duration.ofMinutes(10),
        "the load balancer bg-alb to become active");
    assertEquals(4, checks.get());
    assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(15)), time.sleeps);
    assertEquals("waiting for the load balancer bg-alb to become active (30 s so far, at most 10 min)",
        progress.get(2));
  }

  @Test
  void awaitUntil_timesOut_withAMessageNamingWhatWasAwaited() {
    Instant start = time.clock.instant();
    var e = assertThrows(WaitTimeoutException.class, () -> waiter.awaitUntil(() -> false, Duration.ofSeconds(15),
        Duration.ofMinutes(10), "the load balancer bg-alb to become active"));
    assertEquals("Gave up waiting for the load balancer bg-alb to become active after 10 min (41 checks, 15 s apart)",
        e.getMessage());
    assertEquals(start.plus(Duration.ofMinutes(10)), time.clock.instant());
  }

  @Test
  void awaitUntil_lastCheckFallsOnTheTimeout_evenBetweenIntervals() throws Exception {
    var checks = new ArrayList<Instant>();
    assertThrows(WaitTimeoutException.class, () -> waiter.awaitUntil(() -> checks.add(time.clock.instant()) && false,
        Duration.ofSeconds(40), Duration.ofSeconds(100), "x"));
    assertEquals(List.of(0L, 40L, 80L, 100L),
        checks.stream().map(t -> Duration.between(checks.get(0), t).toSeconds()).toList());
  }

  @Test
  void awaitUntil_aThrottledCheck_isRetried_notFatal() throws Exception {
    var checks = new AtomicInteger();
    waiter.awaitUntil(() -> {
      if (checks.incrementAndGet() == 1) {
        throw new RetrierTest.Throttled();
      }
      return true;
    }, Duration.ofSeconds(15), Duration.ofMinutes(10), "x");
    assertEquals(2, checks.get());
  }

  @Test
  void awaitUntil_aFailingCheck_endsTheWait() {
    var gone = new IllegalStateException("LoadBalancerNotFound");
    var thrown = assertThrows(IllegalStateException.class, () -> waiter.awaitUntil(() -> {
      throw gone;
    }, Duration.ofSeconds(15), Duration.ofMinutes(10), "x"));
    assertEquals(gone, thrown);
    assertTrue(time.sleeps.isEmpty());
  }
}
