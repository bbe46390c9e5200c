package org.bgwizard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;

/** The release figures of bench/release.sh, held to what the setup's defaults promise. */
class ReleaseTimingTest {

  @Test
  void setupDefaults_releaseEndsInUnderHalfTheConsoleTime_andReachesProductionByTheHealthChecksSooner()
      throws Exception {
    SetupSpec setup = SpecDefaults.tutorial("demo", "us-east-1");
    ReleaseTiming.Result ours = ReleaseTiming.measure(setup);
    ReleaseTiming.Result console = ReleaseTiming.measure(ReleaseTiming.consoleDefaults(setup));

    assertTrue(ours.toPipelineEnd().multipliedBy(2).compareTo(console.toPipelineEnd()) <= 0,
        () -> ours.toPipelineEnd() + " against the console's " + console.toPipelineEnd());
    // Only the health checks differ before production moves: 30 s × 5 against 5 s × 2.
    assertEquals(Duration.ofSeconds(150 - 10), console.toProduction().minus(ours.toProduction()));
    // The original task set's wait, its draining and stop come after production moved.
    Duration after = Duration.ofMinutes(15).plusSeconds(30 + 30);
    assertTrue(ours.toPipelineEnd().minus(ours.toProduction()).compareTo(after) >= 0, ours::toString);
  }
}
