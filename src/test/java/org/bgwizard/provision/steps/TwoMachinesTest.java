package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two machines apply the same setup at once (issue 13): the second planned before the first created anything, so
 * its plan says create; its steps then find what the first made. What carries the setup's tag is recorded as the
 * setup's own on the second machine too, so either machine's teardown deletes it.
 */
class TwoMachinesTest {
  @TempDir
  Path dir;

  @Test
  void apply_findingTaggedResourcesCreatedMeanwhileByAnotherMachine_recordsThemAsTheSetups() throws Exception {
    var first = new SandboxHarness(dir.resolve("first"));
    var second = new SandboxHarness(dir.resolve("second"), first);
    SetupPlan stale = second.ops.plan(second.spec, second.journal());
    assertEquals(PlanStatus.Kind.CREATE, stale.status(new ResourceRef("elbv2-target-group", "demo-tg-1")).kind());
    assertTrue(first.apply().succeeded());
    List<String> made = Inventory.of(first.clients);

    var result = second.ops.apply(stale, second.journal(), second.listener());

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertEquals(made, Inventory.of(first.clients), "nothing made twice");
    List<JournalEntry> entries = second.journal().entries();
    assertEquals(first.journal().entries().stream().map(JournalEntry::ref).sorted().toList(),
        entries.stream().map(JournalEntry::ref).sorted().toList());
    assertEquals(List.of(), entries.stream().filter(e -> e.origin() != Origin.CREATE).toList(),
        "every kind is recorded as the setup's own");
    assertTrue(second.events.stream().anyMatch(e -> e.message() != null && e.message().startsWith(
        "adopted from its tag bgwizard:setup=demo: another apply of this setup created it meanwhile")),
        second.events::toString);
    assertTrue(second.teardown().succeeded());
    assertEquals(List.of(), Inventory.of(first.clients), "teardown from the second machine deletes everything");
  }

  /** Another setup tags what it makes with its own name: what has this setup's names but not its tag is the user's. */
  @Test
  void apply_findingLookAlikesOfAnotherSetupCreatedMeanwhile_keepsThemAsTheUsers() throws Exception {
    var second = new SandboxHarness(dir.resolve("second"));
    var other = new SandboxHarness(dir.resolve("other"), second.spec.withName("other"), second);
    SetupPlan stale = second.ops.plan(second.spec, second.journal());
    assertTrue(other.apply().succeeded());
    List<String> others = Inventory.of(other.clients);

    var result = second.ops.apply(stale, second.journal(), second.listener());

    List<ResourceRef> theirs = other.journal().entries().stream().map(JournalEntry::ref).toList();
    for (JournalEntry e : second.journal().entries()) {
      assertEquals(theirs.contains(e.ref()) ? Origin.REUSE : Origin.CREATE, e.origin(), e::toString);
    }
    assertTrue(second.journal().entries().stream().filter(e -> e.origin() == Origin.REUSE).count() >= 15,
        second.journal().entries()::toString);
    assertTrue(second.events.stream().noneMatch(e -> e.message() != null && e.message().startsWith("adopted")),
        second.events::toString);
    assertEquals(List.of("codepipeline-pipeline/demo-pipeline"), result.failed().stream()
        .map(f -> f.resource().toString()).toList(), "the other setup's pipeline differs: refused, not changed");
    assertTrue(second.teardown().succeeded());
    assertEquals(others, Inventory.of(other.clients), "teardown from this setup deletes none of them");
  }
}
