package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.deploy.DashboardSim;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.junit.jupiter.api.Test;

/** The watch loop on the sandbox's manual clock: each pause advances simulated time instead of sleeping. */
class DeploymentWatchTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);
  private final List<Duration> pauses = new ArrayList<>();

  private DeploymentWatch watchOf(DashboardSim sim) {
    return new DeploymentWatch(sim.monitor, sim.bg.clock(), true, () -> { });
  }

  @Test
  void watch_onATerminal_clearsBeforeEachRedraw_andShowsTheDeploymentMove() throws Exception {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60));
    sim.bg.deployGood();
    try (var watch = watchOf(sim)) {
      watch.watch(out, true, Duration.ofSeconds(60), 4, d -> {
        pauses.add(d);
        sim.advance(d);
      });
    }
    String[] frames = text.toString().split("\033\\[H\033\\[2J", -1);

    assertEquals(5, frames.length, "4 frames, each after a clear");
    assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)), pauses);
    assertTrue(frames[1].contains("InProgress") || frames[1].contains("Created"), frames[1]);
    assertTrue(frames[4].contains("  Ready  "), frames[4]);
    assertTrue(frames[4].contains("Reroute within"), frames[4]);
  }

  @Test
  void watch_notOnATerminal_printsBlocksSeparatedByABlankLine() throws Exception {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60));
    try (var watch = watchOf(sim)) {
      watch.watch(out, false, Duration.ofSeconds(2), 2, sim::advance);
    }

    assertTrue(text.toString().startsWith("Deployment of AppECS-demo"), text.toString());
    assertTrue(text.toString().contains("\n\nDeployment of AppECS-demo"), text.toString());
    assertTrue(!text.toString().contains("\033"), "no escape codes in a file or pipe");
  }

  @Test
  void watch_neverDrawsDataOlderThanOneFrame_andSaysHowOldItIs() throws Exception {
    var sim = new DashboardSim(BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, 30, 60));
    String first = sim.bg.deployGood();
    try (var watch = watchOf(sim)) {
      watch.watch(out, false, Duration.ofSeconds(2), 2, d -> {
        sim.bg.clock().advance(Duration.ofMinutes(5)); // the background poll has not run: only the clock moved
      });
    }
    String[] frames = text.toString().split("\n\nDeployment of ", -1);

    assertEquals(2, frames.length);
    assertTrue(frames[1].contains("(0 s ago)"), frames[1]);
    assertTrue(frames[1].contains(first + "  Ready"), "read again before the frame: " + frames[1]);
  }
}
