package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
  static final TransientErrorClassifier CLASSIFIER = error -> {
    if (error instanceof Throttled) {
      return TransientErrorClassifier.Kind.THROTTLING;
    }
    return TransientErrorClassifier.isIamPropagation(error.getMessage())
        ? TransientErrorClassifier.Kind.PROPAGATION : TransientErrorClassifier.Kind.PERMANENT;
  };

  static final class Throttled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Throttled() {
      super("Rate exceeded");
    }
  }

  /** Jitter at its ceiling, so the delays show the back-off itself. */
  static final class Highest extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public double nextDouble() {
      return 0.999_999;
    }
  }

  private final TestEngine time = new TestEngine();
  private final List<String> progress = new ArrayList<>();

  private Retrier retrier(Random random) {
    return new Retrier(CLASSIFIER, RetryPolicy.DEFAULT, time.clock, time.sleeper, random).reporting(progress::add);
  }

  private static Call<String> failing(int times, RuntimeException error) {
    var calls = new AtomicInteger();
    return () -> {
      if (calls.incrementAndGet() <= times) {
        throw error;
      }
      return "ok";
    };
  }

  @Test
  void throttling_isRetried_withGrowingDelays_untilTheCallSucceeds() throws Exception {
    assertEquals("ok", retrier(new Highest()).call("ecs CreateService", failing(6, new Throttled())));
    assertEquals(List.of(999L, 1999L, 3999L, 7999L, 15999L, 19999L),
        time.sleeps.stream().map(Duration::toMillis).toList());
    assertEquals("ecs CreateService was throttled; retrying in 1.0 s (attempt 2)", progress.get(0));
  }

  @Test
  void fullJitter_keepsEveryDelayUnderItsCeiling() throws Exception {
    retrier(new Random(3)).call("x", failing(8, new Throttled()));
    for (int i = 0; i < time.sleeps.size(); i++) {
      assertTrue(time.sleeps.get(i).compareTo(RetryPolicy.DEFAULT.ceiling(i + 1)) <= 0, "delay " + i);
    }
  }

  @Test
  void iamPropagation_isRetried() throws Exception {
    var notYet = new RuntimeException("CodeDeploy: Cannot assume role provided.");
    assertEquals("ok", retrier(new Random(1)).call("codedeploy CreateDeploymentGroup", failing(3, notYet)));
    assertEquals(3, time.sleeps.size());
    assertTrue(progress.get(0).contains("while a new IAM role propagates"), progress.get(0));
  }

  @Test
  void inUse_isRetriedWhileDeleting_only_andWithinTheBound() throws Exception {
    var inUse = new RuntimeException("Target group 'tg' is currently in use by a listener or a rule");
    TransientErrorClassifier classifier = e -> e == inUse ? TransientErrorClassifier.Kind.IN_USE
        : TransientErrorClassifier.Kind.PERMANENT;
    Retrier applying = new Retrier(classifier, RetryPolicy.DEFAULT, time.clock, time.sleeper, new Random(1));

    assertSame(inUse, assertThrows(RuntimeException.class, () -> applying.call("x", failing(1, inUse))));
    assertEquals(List.of(), time.sleeps);
    Retrier deleting = applying.deleting().reporting(progress::add);
    assertEquals("ok", deleting.call("elbv2 DeleteTargetGroup tg", failing(3, inUse)));
    assertEquals(3, time.sleeps.size());
    assertTrue(progress.get(0).startsWith("elbv2 DeleteTargetGroup tg failed: still in use by something that is"
        + " going away; retrying in "), progress.get(0));
    assertThrows(RetriesExhaustedException.class, () -> deleting.call("x", failing(Integer.MAX_VALUE, inUse)));
  }

  @Test
  void otherErrors_passThroughAtOnce_withoutSleeping() {
    var denied = new RuntimeException("User is not authorized to perform: iam:PassRole");
    var calls = new AtomicInteger();
    var thrown = assertThrows(RuntimeException.class, () -> retrier(new Random(1)).call("x", () -> {
      calls.incrementAndGet();
      throw denied;
    }));
    assertSame(denied, thrown);
    assertEquals(1, calls.get());
    assertEquals(List.of(), time.sleeps);
  }

  @Test
  void cancellation_isNeverRetried() {
    assertThrows(CancellationException.class,
        () -> new Retrier(e -> TransientErrorClassifier.Kind.THROTTLING, RetryPolicy.DEFAULT, time.clock,
            time.sleeper, new Random(1)).call("x", failing(1, new CancellationException())));
    assertEquals(List.of(), time.sleeps);
  }

  @Test
  void aPropagationStormOf120Seconds_isSurvived() throws Exception {
    Instant start = time.clock.instant();
    Instant calm = start.plusSeconds(120);
    String result = retrier(new Random(42)).call("codepipeline CreatePipeline", () -> {
      if (time.clock.instant().isBefore(calm)) {
        throw new RuntimeException("CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::"
            + "123456789012:role/bg-codepipeline-role");
      }
      return "ok";
    });
    assertEquals("ok", result);
    Duration took = Duration.between(start, time.clock.instant());
    assertTrue(took.compareTo(Duration.ofSeconds(120)) >= 0 && took.compareTo(Duration.ofMinutes(5)) <= 0, "" + took);
  }

  @Test
  void aTransientErrorThatNeverEnds_givesUpWithinFiveMinutes_withTheLastError() {
    var throttled = new Throttled();
    Instant start = time.clock.instant();
    var e = assertThrows(RetriesExhaustedException.class,
        () -> retrier(new Random(5)).call("elbv2 DescribeLoadBalancers", failing(Integer.MAX_VALUE, throttled)));
    assertSame(throttled, e.getCause());
    assertTrue(e.attempts() > 10, "attempts " + e.attempts());
    assertTrue(Duration.between(start, time.clock.instant()).compareTo(Duration.ofMinutes(5)) <= 0);
    assertTrue(e.getMessage().startsWith("elbv2 DescribeLoadBalancers still failed after " + e.attempts()
        + " attempts over "), e.getMessage());
  }

  @Test
  void totalBound_isConfigurable_butNeverOverFiveMinutes() {
    var short10s = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10));
    assertThrows(RetriesExhaustedException.class, () -> new Retrier(CLASSIFIER, short10s, time.clock, time.sleeper,
        new Highest()).call("x", failing(Integer.MAX_VALUE, new Throttled())));
    assertEquals(List.of(999L, 1999L, 3999L), time.sleeps.stream().map(Duration::toMillis).toList());
    assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(6)));
    assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)));
  }
}
