package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.TutorialSandbox;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the account's ECS deployment groups for the dashboard, on the sandbox. */
class EcsDeploymentGroupsTest {
  @Test
  void targets_listOnlyEcsApplicationsGroups_acrossPages() {
    var bg = BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5);
    var cd = bg.sandbox().codeDeploy();
    for (int i = 0; i < 120; i++) {
      String name = String.format("Server-%03d", i);
      cd.createApplication(r -> r.applicationName(name).computePlatform("Server"));
    }
    cd.createApplication(r -> r.applicationName("ZZ-Ecs-without-groups").computePlatform("ECS"));
    var clients = AwsClients.sandbox(new SandboxClientSource(bg.sandbox()), "us-east-1");

    List<DeploymentTarget> targets = new EcsDeploymentGroups(clients).targets();

    assertEquals(List.of(new DeploymentTarget(BlueGreenSandbox.APPLICATION, BlueGreenSandbox.GROUP, null)), targets);
  }

  @Test
  void targets_nameThePipelineDeployingToTheGroup_andItsCodeCommitBranch(@TempDir Path dir) throws Exception {
    var tutorial = TutorialSandbox.applied(dir);

    List<DeploymentTarget> targets = new EcsDeploymentGroups(tutorial.clients).targets();

    assertEquals(List.of(DeploymentTarget.of(tutorial.spec)), targets);
    assertEquals("demo-pipeline", targets.get(0).pipeline());
    assertEquals(new DeploymentTarget.SourceBranch("demo", "main"), targets.get(0).source());
  }
}
