package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.sandbox.core.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a tag cannot be read for lack of permission, apply says so and treats the resource as the user's (issue 13,
 * "Without the journal"), without failing the step: in the two-machine race, and when a changed tag would be applied.
 */
class TagReadDeniedTest {
  private static final ResourceRef TARGET_GROUP = new ResourceRef("elbv2-target-group", "demo-tg-1");

  @TempDir
  Path dir;

  @Test
  void apply_raceWithTagReadDenied_usesTheResourceAsTheUsers_andSaysWhy() throws Exception {
    var first = new SandboxHarness(dir.resolve("first"));
    var second = new SandboxHarness(dir.resolve("second"), first);
    SetupPlan stale = second.ops.plan(second.spec, second.journal());
    assertTrue(first.apply().succeeded());
    first.sandbox.faults().deny(Service.ELBV2, "DescribeTags");

    var result = second.ops.apply(stale, second.journal(), second.listener());

    assertTrue(result.succeeded(), () -> result.failed().toString());
    JournalEntry tg = second.journal().entry(TARGET_GROUP).orElseThrow();
    assertEquals(Origin.REUSE, tg.origin(), "kept as the user's, never deleted from this machine");
    assertTrue(second.events.stream().anyMatch(e -> e.ref().equals(TARGET_GROUP) && e.message() != null
        && e.message().startsWith("its tags could not be read (")), second.events::toString);
  }

  @Test
  void apply_changedTags_withTagReadDenied_leavesThemAndSucceeds() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.sandbox.faults().deny(Service.ELBV2, "DescribeTags");
    var changed = new SandboxHarness(dir, h.spec.withTags(Map.of("team", "blue")), h);
    int calls = h.calls().size();

    var result = changed.apply();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    List<String> operations = h.operations().subList(calls, h.calls().size());
    assertFalse(operations.contains("AddTags"), operations::toString);
  }
}
