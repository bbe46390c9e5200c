package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener whose port changed is moved with ModifyListener, found by the route of the deployment group that names
 * it (issue 13): a move whose response was lost resumes without a second listener, and both ports changed at once
 * move each listener to its own new port.
 */
class ListenerMoveTest {
  @TempDir
  Path dir;

  private static SetupSpec withPorts(SetupSpec spec, int production, int test) {
    LoadBalancer lb = spec.loadBalancer();
    return spec.withLoadBalancer(new LoadBalancer(lb.existingArn(), lb.name(), production, test, lb.targetGroup1(),
        lb.targetGroup2(), lb.healthCheck(), lb.deregistrationDelaySeconds()));
  }

  private static Map<Integer, String> listeners(SandboxHarness h) {
    var elb = h.clients.elbv2();
    String lb = elb.describeLoadBalancers(r -> r.names("demo-alb")).loadBalancers().get(0).loadBalancerArn();
    var byPort = new TreeMap<Integer, String>();
    elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().forEach(l -> byPort.put(l.port(), l.listenerArn()));
    return byPort;
  }

  @Test
  void moveWhoseResponseWasLost_resumes_withoutASecondListener_andEndsRecordedUnderTheNewName() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    String test = listeners(h).get(8080);
    var changed = new SandboxHarness(dir, withPorts(h.spec, 80, 9000), h);
    changed.loseResponseOf("ElasticLoadBalancingV2Client", "ModifyListener", 1);

    assertFalse(changed.apply().succeeded(), "the move went through, its caller saw an error");
    int calls = h.calls().size();
    assertTrue(changed.apply().succeeded());

    List<String> again = h.operations().subList(calls, h.calls().size());
    assertFalse(again.stream().anyMatch(o -> o.startsWith("Create") || o.startsWith("Modify")), again::toString);
    assertEquals(Map.of(80, listeners(h).get(80), 9000, test), listeners(h));
    assertTrue(changed.journal().entries().stream().allMatch(e -> e.state() == JournalEntry.State.DONE
        && e.origin() == Origin.CREATE));
    assertEquals(test, changed.journal().entries().stream().filter(e -> e.ref().name().equals("demo-alb:9000"))
        .findFirst().orElseThrow().output("arn").orElseThrow());
    assertFalse(changed.journal().entries().stream().anyMatch(e -> e.ref().name().equals("demo-alb:8080")));
  }

  @Test
  void bothPortsChanged_eachListenerMovesToItsOwnNewPort_asTheDeploymentGroupRoutesIt() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    Map<Integer, String> before = listeners(h);
    var changed = new SandboxHarness(dir, withPorts(h.spec, 8000, 9000), h);

    SetupPlan plan = changed.ops.plan(changed.spec, changed.journal());
    assertEquals("port: 80 → 8000", plan.status(new org.bgwizard.provision.ResourceRef("elbv2-listener",
        "demo-alb:8000")).changes().get(0).toString(), plan::describe);
    assertTrue(changed.apply().succeeded());

    assertEquals(Map.of(8000, before.get(80), 9000, before.get(8080)), listeners(h));
    var route = h.clients.codeDeploy().getDeploymentGroup(r -> r.applicationName(h.spec.codeDeploy().application())
        .deploymentGroupName(h.spec.codeDeploy().deploymentGroup())).deploymentGroupInfo().loadBalancerInfo()
        .targetGroupPairInfoList().get(0);
    assertEquals(List.of(before.get(80)), route.prodTrafficRoute().listenerArns());
    assertEquals(List.of(before.get(8080)), route.testTrafficRoute().listenerArns());
  }

  @Test
  void deploymentAfterTheMove_shiftsProductionTrafficOnTheNewPort_throughTheSameListener() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    String production = listeners(h).get(80);
    var moved = new SandboxHarness(dir, withPorts(h.spec, 8000, 8080), h);
    assertTrue(moved.apply().succeeded());
    var c = moved.spec.container();
    var resized = new SandboxHarness(dir, moved.spec.withContainer(new org.bgwizard.setup.Container(c.name(), c.port(),
        512, 1024, c.architecture(), c.environment(), c.healthCheckPath(), c.initialImage())), h);

    assertTrue(resized.apply().succeeded());
    var cd = h.clients.codeDeploy();
    String id = cd.listDeployments(r -> r.applicationName(h.spec.codeDeploy().application())
        .deploymentGroupName(h.spec.codeDeploy().deploymentGroup())).deployments().get(0);
    String status = "";
    for (int i = 0; i < 240 && !status.equals("Succeeded") && !status.equals("Failed"); i++) {
      h.clock.advance(java.time.Duration.ofSeconds(30));
      status = cd.getDeployment(r -> r.deploymentId(id)).deploymentInfo().statusAsString();
    }

    assertEquals("Succeeded", status);
    assertEquals(production, listeners(h).get(8000));
    var forward = h.clients.elbv2().describeListeners(r -> r.listenerArns(production)).listeners().get(0)
        .defaultActions().get(0);
    String to = forward.targetGroupArn() != null ? forward.targetGroupArn()
        : forward.forwardConfig().targetGroups().stream().filter(t -> t.weight() > 0).findFirst().orElseThrow()
            .targetGroupArn();
    assertTrue(to.contains("/" + h.spec.loadBalancer().targetGroup2() + "/"), to);
  }
}
