package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.sandbox.core.CallRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyTest {
  private static final List<String> MUTATING = List.of("Create", "Put", "Update", "Register", "Authorize", "Modify",
      "Delete", "Deregister", "Tag", "Untag", "Attach", "Detach");

  @TempDir
  Path dir;

  static boolean mutating(String operation) {
    return MUTATING.stream().anyMatch(operation::startsWith);
  }

  @Test
  void apply_tutorialSetup_createsEveryResourceTaggedAndJournaled() throws Exception {
    var h = new SandboxHarness(dir);
    SetupPlan plan = h.ops.plan(h.spec);
    assertTrue(plan.plan().steps().stream().allMatch(s -> plan.status(s.ref()).kind() == PlanStatus.Kind.CREATE));

    ProvisionResult result = h.ops.apply(plan, h.journal(), h.listener());

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertEquals(plan.plan().steps().size(), result.done().size());
    var journal = h.journal();
    assertTrue(journal.entries().stream().allMatch(e -> e.state() == JournalEntry.State.DONE
        && e.origin() == Origin.CREATE), journal.entries()::toString);
    assertEquals("123456789012/us-east-1", journal.scope().orElseThrow());
    List<String> inventory = Inventory.of(h.clients);
    assertTrue(inventory.contains("ecs-service/demo-service"), inventory::toString);
    assertTrue(inventory.contains("codecommit-repository/demo commits=1"), inventory::toString);
    assertEquals(List.of(), h.ops.orphans(h.spec, journal), "every tagged resource is in the journal");
    SetupStatus status = h.ops.status(h.spec, journal, false);
    assertTrue(status.healthy());
    assertTrue(status.resources().stream().allMatch(r -> r.state() == ResourceStatus.State.PRESENT),
        status::toString);
    assertEquals(inventory.size(), status.resources().size(), "one resource per step, and nothing else");
  }

  @Test
  void apply_again_changesNothing_andPlanSaysEverythingExists() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    List<String> before = Inventory.of(h.clients);
    int calls = h.calls().size();

    ProvisionResult again = h.apply();

    assertTrue(again.succeeded());
    List<String> operations = h.operations().subList(calls, h.calls().size());
    assertEquals(List.of(), operations.stream().filter(ApplyTest::mutating).toList());
    assertEquals(before, Inventory.of(h.clients));
    SetupPlan plan = h.ops.plan(h.spec);
    assertTrue(plan.plan().steps().stream().allMatch(s -> plan.status(s.ref()).kind()
        == PlanStatus.Kind.EXISTS_MATCHES), plan::describe);
  }

  @Test
  void apply_withAFreshJournal_adoptsEverythingFromItsTag_andCreatesNothing() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var other = new SandboxHarness(dir.resolve("other"), h);
    int calls = h.calls().size();

    assertTrue(other.apply().succeeded());

    assertEquals(List.of(), h.operations().subList(calls, h.calls().size()).stream()
        .filter(ApplyTest::mutating).toList());
    var entries = other.journal().entries();
    assertTrue(entries.stream().allMatch(e -> e.origin() == Origin.CREATE
        && "adopted from its tag bgwizard:setup=demo".equals(e.adopted())), entries::toString);
  }

  @Test
  void apply_survivesA120SecondIamPropagationDelay() throws Exception {
    var h = new SandboxHarness(dir);
    h.sandbox.account().settings().propagationDelaySeconds = 120;

    ProvisionResult result = h.apply();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertTrue(h.events.stream().anyMatch(e -> e.message().contains("new IAM role propagates")),
        "the consumers of new roles were retried");
    Duration slept = h.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(slept.compareTo(Duration.ofSeconds(120)) >= 0, slept::toString);
  }

  @Test
  void apply_survivesAThrottlingStorm() throws Exception {
    var h = new SandboxHarness(dir);
    SetupPlan plan = h.ops.plan(h.spec);
    h.sandbox.faults().throttleUntil(null, null, h.clock.instant().plus(Duration.ofSeconds(90)));

    ProvisionResult result = h.ops.apply(plan, h.journal(), h.listener());

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertTrue(h.events.stream().anyMatch(e -> e.message().contains("was throttled")));
    assertFalse(Inventory.of(h.clients).isEmpty());
  }

  @Test
  void apply_createsTheLoadBalancerWithoutWaitingForItToBecomeActive() throws Exception {
    var h = new SandboxHarness(dir);

    assertTrue(h.apply().succeeded());

    CallRecord createLb = h.calls().stream().filter(c -> c.operation().equals("CreateLoadBalancer")).findFirst()
        .orElseThrow();
    CallRecord createGroup = h.calls().stream().filter(c -> c.operation().equals("CreateDeploymentGroup"))
        .reduce((a, b) -> b).orElseThrow();
    assertTrue(Duration.between(createLb.at(), createGroup.at()).compareTo(Duration.ofSeconds(150)) < 0,
        "listeners, service and deployment group follow while the load balancer provisions (ECS CLI tutorial)");
  }

  @Test
  void apply_updatesAFoundDeploymentGroupsSettings_whatCodeDeployAllowsBetweenDeployments() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var cd = h.spec.codeDeploy();
    var changed = h.spec.withCodeDeploy(new org.bgwizard.setup.CodeDeploy(cd.application(), cd.deploymentGroup(),
        "CodeDeployDefault.ECSCanary10Percent5Minutes", cd.reroute(), cd.rerouteWaitMinutes(), 5, cd.autoRollback()));
    var other = new SandboxHarness(dir.resolve("other"), changed, h);

    SetupPlan plan = other.ops.plan(changed);
    var ref = new org.bgwizard.provision.ResourceRef("codedeploy-deployment-group", cd.deploymentGroup());
    assertEquals(PlanStatus.Kind.EXISTS_DIFFERS, plan.status(ref).kind());
    assertFalse(plan.status(ref).refused());
    var result = other.ops.apply(plan, other.journal(), other.listener());
    assertTrue(result.succeeded(), () -> result.failed().toString());

    var group = h.clients.codeDeploy().getDeploymentGroup(r -> r.applicationName(cd.application())
        .deploymentGroupName(cd.deploymentGroup())).deploymentGroupInfo();
    assertEquals("CodeDeployDefault.ECSCanary10Percent5Minutes", group.deploymentConfigName());
    assertEquals(5, group.blueGreenDeploymentConfiguration().terminateBlueInstancesOnDeploymentSuccess()
        .terminationWaitTimeInMinutes());
  }
}
