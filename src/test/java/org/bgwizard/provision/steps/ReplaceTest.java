package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply converges (issue 13): what AWS cannot change in place is planned as replace, and apply replaces it. */
class ReplaceTest {
  private static final ResourceRef SERVICE = new ResourceRef("ecs-service", "demo-service");
  private static final ResourceRef TG1 = new ResourceRef("elbv2-target-group", "demo-tg-1");

  @TempDir
  Path dir;

  private static SetupSpec withPort(SetupSpec spec, int port) {
    Container c = spec.container();
    return spec.withContainer(new Container(c.name(), port, c.cpu(), c.memory(), c.architecture(), c.environment(),
        c.healthCheckPath(), c.initialImage()));
  }

  @Test
  void containerPortChange_plansTheTargetGroupsAndServiceAsReplace_withWhyAndCost() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var changed = new SandboxHarness(dir, withPort(h.spec, 8081), h);

    SetupPlan plan = changed.ops.plan(changed.spec, changed.journal());

    PlanStatus tg = plan.status(TG1);
    assertEquals(PlanStatus.Kind.REPLACE, tg.kind(), plan::describe);
    assertEquals("port: 80 → 8081", tg.changes().get(0).toString());
    assertTrue(tg.differences().get(0).contains("ModifyTargetGroup changes only its health check"), tg::toString);
    assertEquals(PlanStatus.Kind.REPLACE, plan.status(SERVICE).kind(), plan::describe);
    assertTrue(plan.status(SERVICE).replaceCost().contains("down"), plan.status(SERVICE)::toString);
    assertEquals(PlanStatus.Kind.REPLACE, plan.status(new ResourceRef("codedeploy-deployment-group",
        "DgpECS-demo-cluster-demo-service"))
        .kind(), plan::describe);
    String text = plan.describe();
    assertTrue(text.contains("  replace  elbv2-target-group/demo-tg-1"), text);
    assertTrue(text.contains("! cost: a new target group"), text);
    assertTrue(text.contains("$ aws elbv2 delete-target-group --target-group-arn arn:aws:elasticloadbalancing:"), text);
  }

  @Test
  void apply_replacesTheTargetGroupsListenersServiceAndDeploymentGroup_andEndsAsAFreshApply() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    List<String> before = Inventory.of(h.clients);
    var changed = new SandboxHarness(dir, withPort(h.spec, 8081), h);

    var result = changed.ops.apply(changed.ops.plan(changed.spec, changed.journal()), changed.journal(),
        changed.listener());

    assertTrue(result.succeeded(), () -> result.failed().toString());
    var expected = new java.util.ArrayList<>(before);
    expected.add(expected.indexOf("ecs-task-definition/demo-task:1") + 1, "ecs-task-definition/demo-task:2");
    assertEquals(expected, Inventory.of(h.clients), "the same resources, none twice, and a new revision");
    var service = h.clients.ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service"))
        .services().get(0);
    assertEquals(8081, service.loadBalancers().get(0).containerPort());
    var tg = h.clients.elbv2().describeTargetGroups(r -> r.names("demo-tg-1")).targetGroups().get(0);
    assertEquals(8081, tg.port());
    assertTrue(changed.events.stream().anyMatch(e -> e.ref().equals(SERVICE) && e.message() != null
        && e.message().startsWith("replaced: load balancer container port: 80 → 8081")), changed.events::toString);
    var again = changed.ops.plan(changed.spec, changed.journal());
    assertTrue(again.awsSteps().stream().allMatch(s -> again.status(s.ref()).kind() == PlanStatus.Kind
        .EXISTS_MATCHES), again::describe);
  }

  @Test
  void plan_refusesToReplaceWhatIsNotTheSetups() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.clients.elbv2().removeTags(r -> r.resourceArns(h.clients.elbv2().describeTargetGroups(d -> d.names("demo-tg-1"))
        .targetGroups().get(0).targetGroupArn()).tagKeys("bgwizard:setup"));
    var other = new SandboxHarness(dir.resolve("other"), withPort(h.spec, 8081), h);

    var refused = assertThrows(PlanRefusedException.class, () -> other.ops.plan(other.spec, other.journal()));

    assertTrue(refused.getMessage().contains("elbv2-target-group/demo-tg-1: port: 80 → 8081"), refused::getMessage);
    assertTrue(refused.getMessage().contains("it must be replaced, but it is not this setup's"), refused::getMessage);
  }
}
