package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.bgwizard.sandbox.core.Service;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * A changed listener port is moved in place with ModifyListener (issue 13), through the CLI's entry point against a
 * sandbox file on manual time: the plan shows old → new with the command and why the deployment group is unaffected,
 * apply keeps the listener (its ARN, which the deployment group names) and opens the new port in the load balancer's
 * group instead of the old one, and a run stopped during the update resumes to the same state.
 */
class ListenerPortCliTest extends SandboxCliTest {

  /** The load balancer's listeners, port → ARN. */
  private Map<Integer, String> listeners() throws Exception {
    var elb = account().elbv2();
    String lb = elb.describeLoadBalancers(r -> r.names("demo-alb")).loadBalancers().get(0).loadBalancerArn();
    var byPort = new TreeMap<Integer, String>();
    elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().forEach(l -> byPort.put(l.port(), l.listenerArn()));
    return byPort;
  }

  private List<Integer> openPorts() throws Exception {
    var ec2 = account().ec2();
    return ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name").values("demo-alb").build())).securityGroups()
        .get(0).ipPermissions().stream().map(p -> p.fromPort()).sorted().toList();
  }

  private List<String> journalNames() throws Exception {
    return StreamSupport.stream(new ObjectMapper().readTree(journal.toFile()).path("entries").spliterator(), false)
        .map(e -> e.path("ref").path("kind").asText() + "/" + e.path("ref").path("name").asText() + " "
            + e.path("state").asText())
        .filter(s -> s.startsWith("elbv2-listener/")).sorted().toList();
  }

  @Test
  void productionPortOntoTheTestListenersPort_isRefused_withTheWayThrough_andApplyChangesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Map<Integer, String> before = listeners();
    edit(s -> s.replace("\"productionPort\" : 80", "\"productionPort\" : 8080")
        .replace("\"testPort\" : 8080", "\"testPort\" : 9090"));

    sandbox("plan");
    contains(out.toString() + err, "Port 8080 is the setup's test listener now");
    contains(out.toString() + err, "Move the test listener to a free port first");
    assertEquals(1, sandbox("apply", "--yes"));
    contains(err.toString(), "Port 8080 is the setup's test listener now");
    assertEquals(before, listeners());
  }

  @Test
  void testPortChange_isPlannedAsAnUpdate_andAppliedWithModifyListener_keepingTheListenerAndItsArn() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    String testListener = listeners().get(8080);
    edit(s -> s.replace("\"testPort\" : 8080", "\"testPort\" : 9090"));
    assertEquals(1, sandbox("status"), err::toString);
    contains(out.toString(), "DRIFTED     elbv2-listener/demo-alb:9090  " + testListener + "\n              port: 8080 → 9090");

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "  update   elbv2-listener/demo-alb:9090");
    contains(plan, "~ port: 8080 → 9090");
    contains(plan, "$ aws elbv2 modify-listener --listener-arn " + testListener + " --port 9090");
    contains(plan, "! why: ModifyListener changes the port in place");
    contains(plan, "so the CodeDeploy deployment group, which names the listener by ARN, goes on routing test traffic");
    contains(plan, "  update   ec2-security-group/demo-alb");
    contains(plan, "does not admit TCP 9090 from 0.0.0.0/0: the rule will be added");
    contains(plan, "admits TCP 8080 from 0.0.0.0/0, which no listener of the setup uses: the rule will be removed");
    assertFalse(plan.contains("  replace "), plan);
    assertFalse(plan.contains("  create "), plan);
    assertEquals(0, sandbox("plan", "--json"), err::toString);
    JsonNode step = StreamSupport.stream(new ObjectMapper().readTree(out.toString()).path("steps").spliterator(),
        false).filter(n -> n.path("name").asText().equals("demo-alb:9090")).findFirst().orElseThrow();
    assertEquals("update", step.path("action").asText(), step.toString());
    assertEquals("SETUP", step.path("owner").asText(), step.toString());
    assertEquals("8080", step.path("changes").path(0).path("from").asText(), step.toString());
    assertTrue(step.path("differences").path(0).asText().startsWith("ModifyListener changes the port"), step::toString);

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress", "ModifyListener"), writes());
    contains(err.toString(), "ok elbv2-listener/demo-alb:9090: updated: port: 8080 → 9090");
    assertEquals(Map.of(80, listeners().get(80), 9090, testListener), listeners(), "the same listener, moved");
    assertEquals(List.of(80, 9090), openPorts());
    assertEquals(List.of("elbv2-listener/demo-alb:80 DONE", "elbv2-listener/demo-alb:9090 DONE"), journalNames());
    var group = account().codeDeploy().getDeploymentGroup(r -> r.applicationName("AppECS-demo-cluster-demo-service")
        .deploymentGroupName("DgpECS-demo-cluster-demo-service")).deploymentGroupInfo();
    assertEquals(List.of(testListener), group.loadBalancerInfo().targetGroupPairInfoList().get(0).testTrafficRoute()
        .listenerArns(), "the deployment group still names the moved listener");

    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(List.of(), writes());
    assertEquals(0, sandbox("status"), err::toString);
    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    contains(err.toString(), "- elbv2-listener/demo-alb:9090");
    assertFalse(err.toString().contains("delete it by hand"), err.toString());
  }

  @Test
  void productionPortChange_whenModifyListenerFailsFirst_resumes_withoutADuplicate_andEndsMoved() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    String production = listeners().get(80);
    edit(s -> s.replace("\"productionPort\" : 80", "\"productionPort\" : 8000"));

    assertEquals(1, sandbox(s -> s.faults().failNth(Service.ELBV2, "ModifyListener", 1,
        () -> SdkClientException.create("connection reset: the process died")), "apply", "--yes"), out::toString);
    assertEquals(List.of("elbv2-listener/demo-alb:8000 CREATED", "elbv2-listener/demo-alb:8080 DONE"), journalNames(),
        "the journal follows the listener to its new name before the call");
    assertEquals(Map.of(80, production, 8080, listeners().get(8080)), listeners());

    assertEquals(0, sandbox("plan"), err::toString);
    contains(out.toString(), "  update   elbv2-listener/demo-alb:8000");
    contains(out.toString(), "~ port: 80 → 8000");
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("ModifyListener"), writes());
    assertEquals(Map.of(8000, production, 8080, listeners().get(8080)), listeners());
    assertEquals(List.of(8000, 8080), openPorts());
    assertEquals(List.of("elbv2-listener/demo-alb:8000 DONE", "elbv2-listener/demo-alb:8080 DONE"), journalNames());
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(List.of(), writes());
  }
}
