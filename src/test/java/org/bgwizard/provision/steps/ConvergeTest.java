package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.sandbox.core.Service;
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
    // 29 reads for the 25 resources of the tutorial setup: every role in one GetAccountAuthorizationDetails, both
    // target groups in one DescribeTargetGroups, the CodeDeploy application known from its group's GetDeploymentGroup
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

  @Test
  void plan_withoutTheJournal_saysWhenATagCannotBeRead_andTreatsTheResourceAsTheUsers() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var other = new SandboxHarness(dir.resolve("other"), h);
    h.sandbox.faults().failNth(Service.LOGS, "ListTagsForResource", 1, () -> software.amazon.awssdk.services
        .cloudwatchlogs.model.CloudWatchLogsException.builder().statusCode(400).awsErrorDetails(
            software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder().errorCode("AccessDeniedException")
                .errorMessage("User is not authorized to perform: logs:ListTagsForResource").build()).build());

    SetupPlan plan = other.ops.plan(other.spec, other.journal());

    Ownership tasks = plan.ownership(new ResourceRef("logs-log-group", "/ecs/demo")).orElseThrow();
    assertEquals(Ownership.Owner.UNKNOWN, tasks.owner());
    assertTrue(tasks.note().contains("its tags could not be read") && tasks.note().contains("treated as yours"),
        tasks.note());
    assertTrue(plan.describe().contains("not authorized to perform: logs:ListTagsForResource"), plan::describe);
    assertEquals(Ownership.Owner.ADOPTED, plan.ownership(new ResourceRef("logs-log-group", "/aws/codebuild/demo-build"))
        .orElseThrow().owner());
  }
}
