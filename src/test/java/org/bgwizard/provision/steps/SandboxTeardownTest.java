package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.TeardownPlan;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.setup.Ecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

class SandboxTeardownTest {
  @TempDir
  Path dir;

  @Test
  void teardown_afterApply_leavesNothingButTheAccountsDefaults() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    TeardownPlan plan = h.ops.teardownPlan(h.spec, h.journal());
    assertEquals(h.journal().entries().size(), plan.items().size());
    assertTrue(plan.describe().contains("- codepipeline-pipeline/demo-pipeline"), plan.describe());

    ProvisionResult result = h.teardown();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertEquals(List.of(), Inventory.of(h.clients));
    assertTrue(h.journal().entries().stream().allMatch(e -> e.state() == JournalEntry.State.DELETED));
    assertEquals(List.of(), h.ops.orphans(h.spec, h.journal()));
  }

  @Test
  void teardown_neverTouchesAClusterTheUserBrought() throws Exception {
    var h = new SandboxHarness(dir);
    h.clients.ecs().createCluster(r -> r.clusterName("team-cluster"));
    var ecs = h.spec.ecs();
    var spec = h.spec.withEcs(new Ecs("team-cluster", true, ecs.service(), ecs.taskFamily(), ecs.desiredCount(),
        ecs.logGroup(), ecs.logRetentionDays()));
    var mine = new SandboxHarness(dir.resolve("mine"), spec, h);
    assertEquals(PlanStatus.Kind.REUSE, mine.ops.plan(spec).status(new ResourceRef(
        "ecs-cluster", "team-cluster")).kind());
    assertTrue(mine.apply().succeeded());

    assertTrue(mine.teardown().succeeded());

    assertEquals(List.of("ecs-cluster/team-cluster"), Inventory.of(h.clients));
  }

  @Test
  void teardown_countsWhatIsAlreadyGoneAsDone() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.clients.logs().deleteLogGroup(r -> r.logGroupName("/ecs/demo"));
    h.clients.iam().deleteRolePolicy(r -> r.roleName("demo-codebuild").policyName(RoleStep.POLICY_NAME));
    h.clients.iam().deleteRole(r -> r.roleName("demo-codebuild"));

    ProvisionResult result = h.teardown();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertEquals(List.of(), Inventory.of(h.clients));
  }

  @Test
  void teardown_afterAFailedDelete_goesOnWithTheRest_andASecondRunFinishes() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.sandbox.faults().failNth(Service.ECR, "DeleteRepository", 1,
        () -> SdkClientException.create("Unable to execute HTTP request: Connection reset"));

    ProvisionResult first = h.teardown();

    assertFalse(first.succeeded());
    assertEquals(List.of("ecr-repository/demo"), first.failed().stream().map(f -> f.resource().toString()).toList());
    assertTrue(first.done().size() > 10, "independent deletions went on: " + first.done());
    assertTrue(h.teardown().succeeded());
    assertEquals(List.of(), Inventory.of(h.clients));
  }

  @Test
  void teardown_ofAHalfDoneApply_deletesWhatTheCrashedCallMade() throws Exception {
    var h = new SandboxHarness(dir);
    h.loseResponseOf("ElasticLoadBalancingV2Client", "CreateLoadBalancer", 1);
    assertFalse(h.apply().succeeded());
    assertEquals(JournalEntry.State.INTENT, h.journal().entry(new ResourceRef(
        "elbv2-load-balancer", "demo-alb")).orElseThrow().state());

    assertTrue(h.teardown().succeeded());

    assertEquals(List.of(), Inventory.of(h.clients));
  }

  @Test
  void teardown_ofAJournalFromAnotherAccount_isRefused() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var journal = h.journal();
    var other = Journal.open(dir.resolve("elsewhere.json"));
    other.bindScope("111122223333/us-east-1");

    var refused = assertThrows(IllegalStateException.class,
        () -> h.ops.teardownPlan(h.spec, other));

    assertTrue(refused.getMessage().contains("111122223333/us-east-1"), refused.getMessage());
    assertFalse(journal.entries().isEmpty());
  }
}
