package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bgwizard.provision.JournalEntry.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal.move: the setup's entry follows its resource to a new name in one write; nothing else moves. */
class JournalMoveTest {
  private static final ResourceRef OLD = new ResourceRef("elbv2-listener", "demo-alb:8080");
  private static final ResourceRef NEW = new ResourceRef("elbv2-listener", "demo-alb:9090");
  private static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo-alb/1/2";
  @TempDir
  Path dir;
  private final TestEngine time = new TestEngine();

  private Journal recordedListener() throws Exception {
    Journal journal = time.journal(dir.resolve("demo.journal.json"));
    journal.recordIntent(OLD);
    journal.recordCreated(OLD, Map.of("arn", ARN));
    journal.recordDone(OLD, Origin.CREATE, Map.of("arn", ARN, "port", "8080"));
    return journal;
  }

  @Test
  void move_byArn_putsTheEntryUnderTheNewName_atCreated_keepingItsTokenAndOutputs_onDisk() throws Exception {
    Journal journal = recordedListener();
    String token = journal.entry(OLD).orElseThrow().clientToken();

    assertTrue(journal.move(ARN, NEW));

    Journal reread = Journal.open(dir.resolve("demo.journal.json"));
    assertFalse(reread.entry(OLD).isPresent());
    JournalEntry moved = reread.entry(NEW).orElseThrow();
    assertEquals(State.CREATED, moved.state());
    assertEquals(Origin.CREATE, moved.origin());
    assertEquals(token, moved.clientToken());
    assertEquals(ARN, moved.output("arn").orElseThrow());
    assertEquals(List.of(State.INTENT, State.CREATED, State.DONE), List.copyOf(moved.history().keySet()));
  }

  @Test
  void move_ofAnUnknownArn_orAReusedOrDeletedOne_changesNothing() throws Exception {
    Journal journal = recordedListener();
    journal.recordDone(new ResourceRef("elbv2-listener", "users:80"), Origin.REUSE, Map.of("arn", "arn:users"));
    journal.recordDeleting(OLD);
    journal.recordDeleted(OLD);
    var before = journal.entries();

    assertFalse(journal.move("arn:unknown", NEW));
    assertFalse(journal.move("arn:users", NEW));
    assertFalse(journal.move(ARN, NEW));
    assertEquals(before, journal.entries());
  }
}
