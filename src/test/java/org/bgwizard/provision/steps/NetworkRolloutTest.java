package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.Network;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * apply converges (issue 13): the CODE_DEPLOY service's network configuration changes only through a CodeDeploy
 * deployment whose appspec carries NetworkConfiguration (Amazon ECS API Reference, UpdateService), together with a new
 * task definition revision when both change, and once even when a run loses CreateDeployment's response.
 */
class NetworkRolloutTest {
  private static final ResourceRef SERVICE = new ResourceRef("ecs-service", "demo-service");
  private static final String APP = "AppECS-demo-cluster-demo-service";
  private static final String GROUP = "DgpECS-demo-cluster-demo-service";

  @TempDir
  Path dir;

  private static SetupSpec withPublicIp(SetupSpec spec, boolean publicIp) {
    Network n = spec.network();
    return spec.withNetwork(new Network(n.vpcId(), n.subnets(), publicIp, n.ingressCidr()));
  }

  private static SetupSpec withCpu(SetupSpec spec, int cpu, int memory) {
    Container c = spec.container();
    return spec.withContainer(new Container(c.name(), c.port(), cpu, memory, c.architecture(), c.environment(),
        c.healthCheckPath(), c.initialImage()));
  }

  private static List<DeploymentInfo> deployments(SandboxHarness h) {
    var cd = h.clients.codeDeploy();
    return cd.listDeploymentsPaginator(r -> r.applicationName(APP).deploymentGroupName(GROUP)).deployments().stream()
        .map(id -> cd.getDeployment(r -> r.deploymentId(id)).deploymentInfo()).toList();
  }

  private static String runningPublicIp(SandboxHarness h) {
    return h.clients.ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service")).services()
        .get(0).networkConfiguration().awsvpcConfiguration().assignPublicIpAsString();
  }

  @Test
  void plan_changedPublicIp_isAnUpdateByCodeDeployDeployment_withOldAndNew_andTheCommand() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    boolean before = h.spec.network().assignPublicIp();
    var changed = new SandboxHarness(dir, withPublicIp(h.spec, !before), h);

    PlanStatus service = changed.ops.plan(changed.spec, changed.journal()).status(SERVICE);

    assertEquals(PlanStatus.Kind.EXISTS_DIFFERS, service.kind());
    assertEquals(List.of("network assign public IP: " + (before ? "ENABLED → DISABLED" : "DISABLED → ENABLED")
        + ", rolled out by a new CodeDeploy deployment"), service.differences());
    assertTrue(service.updateCommand().startsWith("aws deploy create-deployment --application-name " + APP),
        service::updateCommand);
    assertTrue(service.updateCommand().contains("AssignPublicIp: " + (before ? "DISABLED" : "ENABLED")),
        service::updateCommand);
  }

  @Test
  void apply_changedPublicIpAndCpu_createsOneDeployment_whoseAppSpecCarriesTheRevisionAndTheNetwork()
      throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    boolean before = h.spec.network().assignPublicIp();
    String wanted = before ? "DISABLED" : "ENABLED";
    var changed = new SandboxHarness(dir, withCpu(withPublicIp(h.spec, !before), 512, 1024), h);
    int calls = h.calls().size();

    var result = changed.apply();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    List<String> operations = h.operations().subList(calls, h.calls().size());
    assertEquals(1, operations.stream().filter("CreateDeployment"::equals).count(), operations::toString);
    assertFalse(operations.contains("UpdateService"), operations::toString);
    String content = deployments(h).get(0).revision().appSpecContent().content();
    assertTrue(content.contains("demo-task:2") && content.contains("\"AssignPublicIp\":\"" + wanted + "\""), content);
    h.clock.advance(Duration.ofSeconds(5));
    h.sandbox.account().advanceToNow();
    var green = h.clients.ecs().describeTaskSets(r -> r.cluster("demo-cluster").service("demo-service")).taskSets()
        .stream().filter(t -> "ACTIVE".equals(t.status())).findFirst().orElseThrow();
    assertEquals(wanted, green.networkConfiguration().awsvpcConfiguration().assignPublicIpAsString());
  }

  @Test
  void apply_changedPublicIp_diedAfterCreateDeployment_resumes_withoutASecondDeployment() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var changed = new SandboxHarness(dir, withPublicIp(h.spec, !h.spec.network().assignPublicIp()), h);
    changed.loseResponseOf("CodeDeployClient", "CreateDeployment", 1);

    assertFalse(changed.apply().succeeded(), "the deployment was created, its caller saw an error");
    int calls = h.calls().size();
    assertTrue(changed.apply().succeeded());

    List<String> again = h.operations().subList(calls, h.calls().size());
    assertFalse(again.contains("CreateDeployment") || again.contains("RegisterTaskDefinition"), again::toString);
    assertEquals(1, deployments(h).size());
    assertEquals(h.spec.network().assignPublicIp() ? "ENABLED" : "DISABLED", runningPublicIp(h),
        "the service shows its network until the deployment has shifted traffic");
  }
}
