package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.provision.steps.ResourceStatus.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTest {
  @TempDir
  Path dir;

  private static ResourceStatus find(SetupStatus status, String kind, String name) {
    return status.resources().stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void status_beforeApply_saysNothingIsCreated() throws Exception {
    var h = new SandboxHarness(dir);

    SetupStatus status = h.ops.status(h.spec, h.journal(), false);

    assertTrue(status.resources().stream().allMatch(r -> r.state() == State.NOT_CREATED));
    assertTrue(status.healthy());
  }

  @Test
  void status_afterAManualDeletion_saysMissing() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.clients.logs().deleteLogGroup(r -> r.logGroupName("/ecs/demo"));

    SetupStatus status = h.ops.status(h.spec, h.journal(), false);

    ResourceStatus group = find(status, "logs-log-group", "/ecs/demo");
    assertEquals(State.MISSING, group.state());
    assertEquals("DONE", group.journal());
    assertTrue(group.arn().endsWith("log-group:/ecs/demo"), group.arn());
    assertFalse(status.healthy());
    assertEquals(1, status.resources().stream().filter(r -> r.state() != State.PRESENT).count());
  }

  @Test
  void status_afterManualChanges_saysDriftedAndWhat() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.clients.logs().putRetentionPolicy(r -> r.logGroupName("/ecs/demo").retentionInDays(7));
    h.clients.ecs().updateService(r -> r.cluster("demo-cluster").service("demo-service").desiredCount(3));

    SetupStatus status = h.ops.status(h.spec, h.journal(), false);

    assertEquals(State.DRIFTED, find(status, "logs-log-group", "/ecs/demo").state());
    assertEquals(List.of("retention (days): 7 → 30"),
        find(status, "logs-log-group", "/ecs/demo").details());
    assertEquals(List.of("desired count: 3 → 1"),
        find(status, "ecs-service", "demo-service").details());
    assertFalse(status.healthy());
  }

  @Test
  void orphans_areTaggedResourcesTheJournalDoesNotKnow() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.clients.logs().createLogGroup(r -> r.logGroupName("/ecs/demo-copy").tags(Map.of("bgwizard:setup", "demo")));
    h.clients.logs().createLogGroup(r -> r.logGroupName("/ecs/other").tags(Map.of("bgwizard:setup", "other")));

    SetupStatus status = h.ops.status(h.spec, h.journal(), true);

    assertEquals(List.of(new TaggedResource(ResourceKind.LOG_GROUP, "/ecs/demo-copy",
        "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/demo-copy")), status.orphans());
    assertFalse(status.healthy());
  }
}
