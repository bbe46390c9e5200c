package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;

/**
 * apply converges (issue 13) the CODE_DEPLOY service's network configuration through the CLI's entry point: UpdateService
 * cannot change it on such a service (Amazon ECS API Reference, UpdateService), so plan shows the change old → new with
 * the {@code aws deploy create-deployment} command, and apply makes one CodeDeploy deployment and no UpdateService.
 */
class ConvergeNetworkCliTest extends SandboxCliTest {
  @Test
  void apply_changedAssignPublicIp_goesOutAsOneCodeDeployDeployment_carryingTheNetwork() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    String before = Files.readString(setup);
    String after = before.replace("\"assignPublicIp\" : true", "\"assignPublicIp\" : false");
    assertNotEquals(before, after, "the tutorial gives tasks a public IP");
    Files.writeString(setup, after);

    assertEquals(0, sandbox("plan"), err::toString);
    contains(out.toString(), "  update   ecs-service/demo-service");
    contains(out.toString(), "~ network assign public IP: ENABLED → DISABLED, rolled out by a new CodeDeploy"
        + " deployment");
    contains(out.toString(), "$ aws deploy create-deployment --application-name ");
    contains(out.toString(), "AssignPublicIp: DISABLED");

    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(1, calls().stream().filter("CreateDeployment"::equals).count(), calls()::toString);
    assertTrue(calls().stream().noneMatch("UpdateService"::equals), calls()::toString);
    contains(err.toString(), "ok ecs-service/demo-service: updated: network assign public IP: ENABLED → DISABLED");
    var codeDeploy = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE).codeDeploy();
    String id = codeDeploy.listDeployments(r -> r.applicationName("AppECS-demo-cluster-demo-service")
        .deploymentGroupName("DgpECS-demo-cluster-demo-service")).deployments().get(0);
    contains(codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo().revision().appSpecContent().content(),
        "\"AssignPublicIp\":\"DISABLED\"");
  }
}
