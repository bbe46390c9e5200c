package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bgwizard.provision.JournalEntry.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final ResourceRef ROLE = new ResourceRef("iam-role", "bg-codedeploy-role");
  @TempDir
  Path dir;
  private final TestEngine time = new TestEngine();

  private Path file() {
    return dir.resolve("tutorial.journal.json");
  }

  private Journal reread() throws IOException {
    return Journal.open(file());
  }

  @Test
  void open_missingFile_isEmpty_andWritesNothingUntilTheFirstChange() throws Exception {
    Journal journal = time.journal(file());
    assertEquals(List.of(), journal.entries());
    assertFalse(Files.exists(file()));
  }

  @Test
  void everyChange_isOnDiskBeforeTheMethodReturns() throws Exception {
    Journal journal = time.journal(file());
    String token = journal.recordIntent(ROLE);
    assertEquals(journal.entries(), reread().entries());
    time.clock.advance(Duration.ofSeconds(2));
    journal.recordCreated(ROLE, Map.of("arn", "arn:aws:iam::123456789012:role/bg-codedeploy-role"));
    assertEquals(journal.entries(), reread().entries());
    journal.recordDone(ROLE, Origin.CREATE, Map.of("id", "AROAEXAMPLE"));
    assertEquals(journal.entries(), reread().entries());
    journal.recordDeleting(ROLE);
    assertEquals(journal.entries(), reread().entries());
    journal.recordDeleted(ROLE);

    JournalEntry entry = reread().entry(ROLE).orElseThrow();
    assertEquals(State.DELETED, entry.state());
    assertEquals(token, entry.clientToken());
    assertEquals(Map.of("arn", "arn:aws:iam::123456789012:role/bg-codedeploy-role", "id", "AROAEXAMPLE"),
        entry.outputs());
    assertEquals(time.clock.instant().minusSeconds(2), entry.history().get(State.INTENT));
    assertEquals(time.clock.instant(), entry.history().get(State.DELETED));
  }

  @Test
  void file_isJsonWithFormatVersionStatesTokensAndIsoTimestamps() throws Exception {
    Journal journal = time.journal(file());
    journal.bindScope("123456789012/ap-northeast-1");
    journal.recordIntent(ROLE);
    JsonNode json = new ObjectMapper().readTree(file().toFile());
    assertEquals(1, json.get("formatVersion").asInt());
    assertEquals("123456789012/ap-northeast-1", json.get("scope").asText());
    JsonNode entry = json.get("entries").get(0);
    assertEquals("iam-role", entry.at("/ref/kind").asText());
    assertEquals("bg-codedeploy-role", entry.at("/ref/name").asText());
    assertEquals("CREATE", entry.get("origin").asText());
    assertEquals("INTENT", entry.get("state").asText());
    assertEquals(36, entry.get("clientToken").asText().length());
    assertEquals("2025-04-01T09:00:00Z", entry.at("/history/INTENT").asText());
  }

  @Test
  void recordIntent_again_keepsTheToken_whileANewLifeAfterDeletionGetsANewOne() throws Exception {
    Journal journal = time.journal(file());
    String first = journal.recordIntent(ROLE);
    assertEquals(first, reread().recordIntent(ROLE));
    journal.recordCreated(ROLE, Map.of());
    journal.recordDone(ROLE, Origin.CREATE, Map.of());
    journal.recordDeleting(ROLE);
    journal.recordDeleted(ROLE);
    String second = journal.recordIntent(ROLE);
    assertNotEquals(first, second);
    assertEquals(List.of(State.INTENT), List.copyOf(journal.entry(ROLE).orElseThrow().history().keySet()));
  }

  @Test
  void created_withoutAnIntent_isRejected() throws Exception {
    Journal journal = time.journal(file());
    var e = assertThrows(IllegalStateException.class, () -> journal.recordCreated(ROLE, Map.of()));
    assertTrue(e.getMessage().contains("without beforeCreate()"));
    assertFalse(Files.exists(file()));
  }

  @Test
  void reusedResource_isRecordedDoneWithoutAToken() throws Exception {
    Journal journal = time.journal(file());
    journal.recordDone(ROLE, Origin.REUSE, Map.of("arn", "arn:aws:iam::123456789012:role/theirs"));
    JournalEntry entry = reread().entry(ROLE).orElseThrow();
    assertEquals(Origin.REUSE, entry.origin());
    assertEquals(State.DONE, entry.state());
    assertNull(entry.clientToken());
  }

  @Test
  void open_corruptFile_isRejected_andLeftUntouched() throws Exception {
    Files.writeString(file(), "{\"formatVersion\": 1, \"entries\": [");
    var e = assertThrows(IOException.class, () -> Journal.open(file()));
    assertTrue(e.getMessage().contains("left as it is"), e.getMessage());
    assertEquals("{\"formatVersion\": 1, \"entries\": [", Files.readString(file()));
  }

  @Test
  void open_anotherFormatVersion_isRejected() throws Exception {
    Files.writeString(file(), "{\"formatVersion\": 2, \"entries\": []}");
    var e = assertThrows(IOException.class, () -> Journal.open(file()));
    assertTrue(e.getMessage().contains("not in format 1"), e.getMessage());
  }

  @Test
  void bindScope_recordsTheFirstScope_andRefusesAnother() throws Exception {
    time.journal(file()).bindScope("123456789012/ap-northeast-1");
    Journal again = reread();
    again.bindScope("123456789012/ap-northeast-1");
    var e = assertThrows(IllegalStateException.class, () -> again.bindScope("123456789012/us-east-1"));
    assertTrue(e.getMessage().contains("records resources in 123456789012/ap-northeast-1"), e.getMessage());
  }

  @Test
  void changesFromManyThreads_allReachTheDisk() throws Exception {
    Journal journal = time.journal(file());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var futures = new ArrayList<Future<?>>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            var ref = new ResourceRef("fake-thing", thread + "-" + i);
            journal.recordIntent(ref);
            journal.recordCreated(ref, Map.of("id", ref.name()));
            journal.recordDone(ref, Origin.CREATE, Map.of());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<JournalEntry> onDisk = reread().entries();
    assertEquals(160, onDisk.size());
    assertTrue(onDisk.stream().allMatch(e -> e.state() == State.DONE && e.outputs().get("id").equals(e.ref().name())));
  }

  @Test
  void writes_leaveNoTemporaryFilesBehind() throws Exception {
    Journal journal = time.journal(file());
    journal.recordIntent(ROLE);
    journal.recordCreated(ROLE, Map.of());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file()), files.toList());
    }
  }

  // One apply or teardown of a setup at a time — from this window, another, or a command in a terminal — and each
  // run starts from what the journal says now, not from what it said when the run's window opened it.

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
    Journal journal = time.journal(file());

    try (var other = Journal.open(file()).lockForRun()) {
      assertThrows(JournalInUseException.class,
          () -> time.sequential().apply(Plan.of(List.of(step)), journal, new RecordingListener()));
    }
    assertTrue(cloud.find(step.ref()).isEmpty());

    ProvisionResult result = time.sequential().apply(Plan.of(List.of(step)), journal, new RecordingListener());
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

  @Test
  void withdrawIntent_putsBackWhatTheRunFound_onDisk() throws Exception {
    Journal journal = time.journal(file());
    journal.recordIntent(ROLE);
    journal.withdrawIntent(ROLE, java.util.Optional.empty());
    assertEquals(List.of(), reread().entries());

    journal.recordIntent(ROLE);
    journal.recordCreated(ROLE, Map.of("arn", "arn:aws:iam::123456789012:role/bg-codedeploy-role"));
    journal.recordDone(ROLE, Origin.CREATE, Map.of());
    journal.recordDeleting(ROLE);
    journal.recordDeleted(ROLE);
    JournalEntry deleted = journal.entry(ROLE).orElseThrow();
    journal.recordIntent(ROLE);
    journal.withdrawIntent(ROLE, java.util.Optional.of(deleted));
    assertEquals(List.of(deleted), reread().entries());
    assertThrows(IllegalStateException.class, () -> journal.withdrawIntent(ROLE, java.util.Optional.empty()),
        "only an intent can be withdrawn");
  }
}
