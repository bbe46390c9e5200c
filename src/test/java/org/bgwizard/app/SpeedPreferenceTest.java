package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.bgwizard.aws.Connection;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.session.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speed the user chose in the window is the simulated account's speed at the next connection. */
class SpeedPreferenceTest {
  @TempDir Path dir;

  @Test
  void speedChosenInTheWindow_isKept_forTheNextConnection() throws Exception {
    var real = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    Connector connector = TestWorkspaces.sandbox(dir, SandboxTime.scaled(real, real::advance), sandbox -> { });

    try (var workspace = connector.connect(Connection.sandbox("us-east-1"))) {
      assertEquals(30, workspace.simulated().orElseThrow().speed().getAsDouble());
      workspace.simulated().orElseThrow().speed(1);
      assertEquals(1, workspace.simulated().orElseThrow().speed().getAsDouble());
    }
    assertTrue(Files.readString(dir.resolve("preferences.properties")).contains("sandbox.speed=1.0"));

    try (var workspace = connector.connect(Connection.sandbox("us-east-1"))) {
      assertEquals(1, workspace.simulated().orElseThrow().speed().getAsDouble());
    }
  }

  @Test
  void unreadablePreference_fallsBackToThirtyTimes() throws Exception {
    Files.writeString(dir.resolve("preferences.properties"), "sandbox.speed=fast\n");
    assertEquals(30, new SpeedPreference(dir.resolve("preferences.properties")).get());
    assertEquals(30, new SpeedPreference(dir.resolve("missing.properties")).get());
  }
}
