package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.SandboxFixtures.APPLICATION;
import static org.bgwizard.sandbox.SandboxFixtures.GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * UpdateDeploymentGroup may restate the group's own ECS service. ECSServiceMappingLimitExceededException means "The
 * Amazon ECS service is associated with more than one deployment groups" (CodeDeploy API reference, and botocore's
 * model): a group naming its own service again associates it with one group still.
 */
class CodeDeployUpdateGroupTest {
  private final BlueGreenService f = SandboxFixtures.serviceWithoutGroup(true);
  private final CodeDeployClient cd = f.sandbox.codeDeploy();

  @Test
  void update_restatingTheGroupsOwnService_isAccepted() {
    cd.createDeploymentGroup(SandboxFixtures.groupRequest(f, GroupOptions.defaults()).build());

    cd.updateDeploymentGroup(r -> r.applicationName(APPLICATION).currentDeploymentGroupName(GROUP)
        .ecsServices(s -> s.clusterName(SandboxFixtures.CLUSTER).serviceName(SandboxFixtures.SERVICE))
        .blueGreenDeploymentConfiguration(b -> b.deploymentReadyOption(o -> o.actionOnTimeout("CONTINUE_DEPLOYMENT"))
            .terminateBlueInstancesOnDeploymentSuccess(t -> t.action("TERMINATE").terminationWaitTimeInMinutes(7))));

    assertEquals(7, cd.getDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP))
        .deploymentGroupInfo().blueGreenDeploymentConfiguration().terminateBlueInstancesOnDeploymentSuccess()
        .terminationWaitTimeInMinutes());
  }
}
