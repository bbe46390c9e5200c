package org.bgwizard.bench;

import java.time.Duration;
import java.util.Locale;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;

/**
 * How long a release of the tutorial setup takes in the simulated account ({@link ReleaseTiming}), with the setup's
 * defaults and with the console's, and their ratio. Rerun with {@code bench/release.sh}; bench/README.md cites
 * where each simulated duration comes from.
 */
public final class ReleaseBenchmark {
  private ReleaseBenchmark() {}

  public static void main(String[] args) throws Exception {
    SetupSpec setup = SpecDefaults.tutorial("demo", "us-east-1");
    ReleaseTiming.Result ours = ReleaseTiming.measure(setup);
    ReleaseTiming.Result console = ReleaseTiming.measure(ReleaseTiming.consoleDefaults(setup));
    var lb = setup.loadBalancer();
    var hc = lb.healthCheck();
    System.out.println("| Figure | Value | Target |");
    System.out.println("|---|---|---|");
    row("Release, commit to production on the new version (sandbox, simulated)", ours.toProduction(),
        console.toProduction());
    row("Release, commit to the end of the pipeline run (sandbox, simulated)", ours.toPipelineEnd(),
        console.toPipelineEnd());
    System.out.println();
    System.out.printf(Locale.ROOT, "Setup's defaults: health check every %d s, %d to healthy, deregistration delay %d s,"
        + " termination wait %d min. Console's: 30 s, 5, 300 s, 60 min.%n", hc.intervalSeconds(),
        hc.healthyThreshold(), lb.deregistrationDelaySeconds(), setup.codeDeploy().terminationWaitMinutes());
    print("Setup's defaults", ours);
    print("Console's defaults", console);
  }

  private static void row(String figure, Duration ours, Duration console) {
    System.out.printf(Locale.ROOT, "| %s | %s with the setup's defaults, %s with the console's (ratio %.2f) |"
        + " ≤ 0.5 × the console's |%n", figure, minutes(ours), minutes(console),
        (double) ours.toSeconds() / console.toSeconds());
  }

  private static void print(String title, ReleaseTiming.Result r) {
    System.out.println();
    System.out.println(title + ": commit to production " + minutes(r.toProduction()) + ", to the pipeline's end "
        + minutes(r.toPipelineEnd()));
    r.phases().forEach(p -> System.out.println("  " + p));
  }

  private static String minutes(Duration d) {
    return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }
}
