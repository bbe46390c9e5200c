package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.LoadBalancer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply converges (issue 13): a target group's deregistration delay is compared and changed in place. */
class TargetGroupUpdateTest {
  @TempDir
  Path dir;

  @Test
  void changedDeregistrationDelay_isPlannedAsAnUpdate_andAppliedWithModifyTargetGroupAttributes() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    LoadBalancer lb = h.spec.loadBalancer();
    var changed = new SandboxHarness(dir, h.spec.withLoadBalancer(new LoadBalancer(lb.existingArn(), lb.name(),
        lb.productionPort(), lb.testPort(), lb.targetGroup1(), lb.targetGroup2(), lb.healthCheck(), 120)), h);

    SetupPlan plan = changed.ops.plan(changed.spec, changed.journal());

    PlanStatus tg = plan.status(new ResourceRef("elbv2-target-group", "demo-tg-2"));
    assertEquals(PlanStatus.Kind.EXISTS_DIFFERS, tg.kind(), plan::describe);
    assertEquals("deregistration delay (s): " + lb.deregistrationDelaySeconds() + " → 120",
        tg.changes().get(0).toString());
    assertTrue(tg.updateCommand().startsWith("aws elbv2 modify-target-group-attributes --target-group-arn arn:"),
        tg::updateCommand);
    int calls = h.calls().size();

    assertTrue(changed.ops.apply(plan, changed.journal(), changed.listener()).succeeded());

    List<String> writes = h.operations().subList(calls, h.calls().size()).stream().filter(ApplyTest::mutating)
        .toList();
    assertEquals(List.of("ModifyTargetGroupAttributes", "ModifyTargetGroupAttributes"), writes);
    String arn = h.clients.elbv2().describeTargetGroups(r -> r.names("demo-tg-2")).targetGroups().get(0)
        .targetGroupArn();
    assertTrue(h.clients.elbv2().describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes().stream()
        .anyMatch(a -> a.key().equals("deregistration_delay.timeout_seconds") && a.value().equals("120")));
    assertFalse(changed.ops.plan(changed.spec, changed.journal()).describe().contains("deregistration delay"));
  }
}
