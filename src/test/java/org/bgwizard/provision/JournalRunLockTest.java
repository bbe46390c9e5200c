package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bgwizard.provision.JournalEntry.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One apply or teardown of a setup at a time — from this window, another, or a command in a terminal — and each
 * run starts from what the journal says now, not from what it said when the run's window opened it.
 */
class JournalRunLockTest {
  private static final ResourceRef ROLE = new ResourceRef("iam-role", "bg-codedeploy-role");
  @TempDir
  Path dir;
  private final TestEngine engine = new TestEngine();

  private Path file() {
    return dir.resolve("setup.journal.json");
  }

  @Test
  void aSecondRunOfTheSameSetup_isRefusedWithWhatToDo_untilTheFirstEnds() throws Exception {
    Journal first = Journal.open(file());
    Journal second = Journal.open(file());

    try (var running = first.lockForRun()) {
      var refused = assertThrows(JournalInUseException.class, second::lockForRun);
      assertTrue(refused.getMessage().contains(file().toString()), refused.getMessage());
      assertTrue(refused.getMessage().contains("Wait until it has finished"), refused.getMessage());
    }
    try (var next = second.lockForRun()) {
      assertEquals(file(), second.file());
    }
  }

  @Test
  void aRun_startsFromWhatAnotherRunRecorded_sinceTheJournalWasOpened() throws Exception {
    Journal opened = Journal.open(file());
    Journal other = Journal.open(file());
    other.recordDone(ROLE, Origin.REUSE, Map.of("arn", "arn:aws:iam::123456789012:role/x"));
    assertEquals(List.of(), opened.entries());

    try (var lock = opened.lockForRun()) {
      assertEquals(State.DONE, opened.entry(ROLE).orElseThrow().state());
    }
  }

  @Test
  void apply_whileAnotherRunHoldsTheSetup_createsNothing() throws Exception {
    var cloud = new FakeCloud();
    var step = FakeStep.create(cloud, "a");
    Journal journal = engine.journal(file());

    try (var other = Journal.open(file()).lockForRun()) {
      assertThrows(JournalInUseException.class,
          () -> engine.sequential().apply(Plan.of(List.of(step)), journal, new RecordingListener()));
    }
    assertTrue(cloud.find(step.ref()).isEmpty());

    ProvisionResult result = engine.sequential().apply(Plan.of(List.of(step)), journal, new RecordingListener());
    assertEquals(ProvisionResult.Status.SUCCEEDED, result.status());
  }

  @Test
  void aRunInAnotherProcess_holdsTheSetup_untilItEnds() throws Exception {
    var holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldTheSetup.class.getName(), file().toString())
        .redirectErrorStream(true).start();
    try {
      var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("holding", out.readLine());

      assertThrows(JournalInUseException.class, () -> Journal.open(file()).lockForRun());

      holder.getOutputStream().close(); // the other run ends
      assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
      try (var lock = Journal.open(file()).lockForRun()) {
        assertEquals(0, holder.exitValue());
      }
    } finally {
      holder.destroy();
    }
  }

  /** The other process: holds the setup's run lock until its standard input closes. */
  public static final class HoldTheSetup {
    public static void main(String[] args) throws IOException {
      try (var lock = Journal.open(Path.of(args[0])).lockForRun()) {
        System.out.println("holding");
        System.out.flush();
        while (System.in.read() != -1) {
          // wait for the test to close our input
        }
      }
    }
  }
}
