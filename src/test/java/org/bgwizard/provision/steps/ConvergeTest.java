package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.setup.Ecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply converges (issue 13): the calls of an apply with nothing to change. */
class ConvergeTest {
  @TempDir
  Path dir;

  @Test
  void apply_withNothingChanged_makesNoWriteCall_inAtMost30Calls() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    int before = h.calls().size();

    var result = h.ops.apply(h.ops.plan(h.spec, h.journal()), h.journal(), h.listener());

    assertTrue(result.succeeded(), () -> result.failed().toString());
    List<String> operations = h.operations().subList(before, h.calls().size());
    assertEquals(List.of(), operations.stream().filter(ApplyTest::mutating).toList());
    assertTrue(operations.size() <= 30, operations.size() + " calls: " + operations);
  }

  @Test
  void apply_afterAnUpdateLostItsResponse_resumes_withoutDuplicates_andEndsUpdated() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    List<String> before = Inventory.of(h.clients);
    Ecs ecs = h.spec.ecs();
    var changed = new SandboxHarness(dir, h.spec.withEcs(new Ecs(ecs.cluster(), ecs.existingCluster(), ecs.service(),
        ecs.taskFamily(), 3, ecs.logGroup(), 14)), h);
    changed.loseResponseOf("EcsClient", "UpdateService", 1);

    assertFalse(changed.apply().succeeded(), "the update went through, its caller saw an error");
    int calls = h.calls().size();
    assertTrue(changed.apply().succeeded());

    List<String> again = h.operations().subList(calls, h.calls().size());
    assertFalse(again.stream().anyMatch(o -> o.startsWith("Create") || o.equals("UpdateService")), again::toString);
    assertEquals(before, Inventory.of(h.clients), "the same resources, none twice");
    var service = h.clients.ecs().describeServices(r -> r.cluster(ecs.cluster()).services(ecs.service())).services();
    assertEquals(1, service.size());
    assertEquals(3, service.get(0).desiredCount());
    assertEquals(14, h.clients.logs().describeLogGroups(r -> r.logGroupNamePrefix(ecs.logGroup())).logGroups().get(0)
        .retentionInDays());
    assertTrue(changed.journal().entries().stream().allMatch(e -> e.state() == JournalEntry.State.DONE
        && e.origin() == Origin.CREATE));
  }
}
