package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

/**
 * apply converges (issue 13): a changed task definition is registered as a new revision and reaches the CODE_DEPLOY
 * service as one CodeDeploy deployment, also when a run dies after RegisterTaskDefinition or after CreateDeployment.
 */
class RolloutTest {
  private static final ResourceRef SERVICE = new ResourceRef("ecs-service", "demo-service");
  private static final String APP = "AppECS-demo-cluster-demo-service";
  private static final String GROUP = "DgpECS-demo-cluster-demo-service";

  @TempDir
  Path dir;

  private static SetupSpec withSize(SetupSpec spec, int cpu, int memory) {
    Container c = spec.container();
    return spec.withContainer(new Container(c.name(), c.port(), cpu, memory, c.architecture(), c.environment(),
        c.healthCheckPath(), c.initialImage()));
  }

  private static List<DeploymentInfo> deploymentsOf(SandboxHarness h, String revision) {
    var cd = h.clients.codeDeploy();
    return cd.listDeploymentsPaginator(r -> r.applicationName(APP).deploymentGroupName(GROUP)).deployments().stream()
        .map(id -> cd.getDeployment(r -> r.deploymentId(id)).deploymentInfo())
        .filter(d -> d.revision() != null && d.revision().appSpecContent() != null
            && d.revision().appSpecContent().content().contains(revision)).toList();
  }

  private static List<String> revisions(SandboxHarness h) {
    return h.clients.ecs().listTaskDefinitions(r -> r.familyPrefix("demo-task")).taskDefinitionArns();
  }

  @Test
  void plan_changedCpuAndMemory_saysANewRevision_rolledOutByANewDeployment() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var changed = new SandboxHarness(dir, withSize(h.spec, 512, 1024), h);

    SetupPlan plan = changed.ops.plan(changed.spec, changed.journal());

    PlanStatus service = plan.status(SERVICE);
    assertEquals(PlanStatus.Kind.EXISTS_DIFFERS, service.kind(), plan::describe);
    assertEquals("task definition: demo-task:1 → a new revision of demo-task, rolled out by a new CodeDeploy"
        + " deployment", service.changes().get(0).toString());
    assertTrue(service.updateCommand().startsWith("aws deploy create-deployment --application-name " + APP),
        service::updateCommand);
  }

  @Test
  void apply_changedCpuAndMemory_registersARevision_withTheRunningImage_andDeploysItThroughCodeDeploy()
      throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var changed = new SandboxHarness(dir, withSize(h.spec, 512, 1024), h);

    var result = changed.apply();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    List<String> revisions = revisions(h);
    assertEquals(2, revisions.size(), revisions::toString);
    String second = revisions.get(1);
    var td = h.clients.ecs().describeTaskDefinition(r -> r.taskDefinition(second)).taskDefinition();
    assertEquals("512", td.cpu());
    assertEquals(h.spec.container().initialImage(), td.containerDefinitions().get(0).image());
    assertEquals(1, deploymentsOf(h, second).size());
    assertTrue(changed.events.stream().anyMatch(e -> e.ref().equals(SERVICE) && e.message() != null
        && e.message().startsWith("updated: task definition: demo-task:1 →")), changed.events::toString);
  }

  @Test
  void apply_diedAfterRegisterTaskDefinition_resumes_withOneRevisionAndOneDeployment() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var changed = new SandboxHarness(dir, withSize(h.spec, 512, 1024), h);
    changed.loseResponseOf("EcsClient", "RegisterTaskDefinition", 1);

    assertFalse(changed.apply().succeeded(), "the revision was registered, its caller saw an error");
    assertTrue(changed.apply().succeeded());

    List<String> revisions = revisions(h);
    assertEquals(2, revisions.size(), revisions::toString);
    assertEquals(1, deploymentsOf(h, revisions.get(1)).size());
  }

  @Test
  void apply_diedAfterCreateDeployment_resumes_withoutASecondDeployment() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var changed = new SandboxHarness(dir, withSize(h.spec, 512, 1024), h);
    changed.loseResponseOf("CodeDeployClient", "CreateDeployment", 1);

    assertFalse(changed.apply().succeeded(), "the deployment was created, its caller saw an error");
    int calls = h.calls().size();
    assertTrue(changed.apply().succeeded());

    List<String> again = h.operations().subList(calls, h.calls().size());
    assertFalse(again.contains("CreateDeployment") || again.contains("RegisterTaskDefinition"), again::toString);
    List<String> revisions = revisions(h);
    assertEquals(2, revisions.size(), revisions::toString);
    assertEquals(1, deploymentsOf(h, revisions.get(1)).size());
  }
}
