package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.bgwizard.sandbox.SandboxFixtures.APPLICATION;
import static org.bgwizard.sandbox.SandboxFixtures.GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.bgwizard.sandbox.core.Ports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;

/** The pipeline's deploy action through Ports.Deployer: iam:PassRole (catalogue row 16) and deployments. */
class SandboxDeployerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlueGreenService f = SandboxFixtures.blueGreenService(GroupOptions.defaults().terminationWait(0)
      .autoRollback(false));
  private final Ports.Deployer deployer = f.sandbox.ports.deployer;

  private String taskdef() {
    ObjectNode td = JSON.createObjectNode().put("family", "demo-task").put("networkMode", "awsvpc")
        .put("cpu", "256").put("memory", "512").put("executionRoleArn", f.executionRoleArn);
    td.putArray("requiresCompatibilities").add("FARGATE");
    ObjectNode container = td.putArray("containerDefinitions").addObject().put("name", "web")
        .put("image", SandboxFixtures.NGINX).put("essential", true);
    container.putArray("portMappings").addObject().put("containerPort", 80).put("protocol", "tcp");
    return td.toString();
  }

  /** A CodePipeline role allowed to pass the execution role to {@code passedToService}; propagated. */
  private String pipelineRole(String name, String passedToService) {
    String arn = SandboxFixtures.role(f.sandbox, name, "codepipeline.amazonaws.com",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
    ObjectNode pass = policy.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "iam:PassRole")
        .put("Resource", f.executionRoleArn);
    pass.putObject("Condition").putObject("StringEquals").put("iam:PassedToService", passedToService);
    f.sandbox.iam().putRolePolicy(r -> r.roleName(name).policyName("pass").policyDocument(policy.toString()));
    f.advance(Duration.ofSeconds(11));
    return arn;
  }

  @Test
  void registeringWithoutPassRoleToEcsTasks_isDeniedAsEcsDeniesIt() {
    String role = pipelineRole("demo-pipeline", "codebuild.amazonaws.com");
    var e = assertAwsError(AccessDeniedException.class, "AccessDeniedException",
        "is not authorized to perform: iam:PassRole on resource: " + f.executionRoleArn,
        () -> deployer.registerTaskDefinition(taskdef(), role));
    assertTrue(e.awsErrorDetails().errorMessage().startsWith("User: arn:aws:sts::123456789012:assumed-role/"
        + "demo-pipeline/"), e.awsErrorDetails().errorMessage());
    assertEquals(1, f.sandbox.ecs().listTaskDefinitions(r -> { }).taskDefinitionArns().size());
  }

  @Test
  void registeringWithPassRole_addsARevision_andItsDeploymentRunsToSucceeded() {
    String role = pipelineRole("demo-pipeline", "ecs-tasks.amazonaws.com");
    String td = deployer.registerTaskDefinition(taskdef(), role);
    assertTrue(td.endsWith(":task-definition/demo-task:2"), td);

    String id = deployer.createDeployment(APPLICATION, GROUP, BlueGreenService.appSpec(td, "web", 80));
    assertEquals("Created", deployer.deploymentStatus(id));
    assertAwsError(DeploymentLimitExceededException.class, "DeploymentLimitExceededException", id,
        () -> deployer.createDeployment(APPLICATION, GROUP, BlueGreenService.appSpec(td, "web", 80)));
    f.advanceUntil(id, "Succeeded", Duration.ofSeconds(10), Duration.ofMinutes(10));
    assertEquals("Succeeded", deployer.deploymentStatus(id));
    assertNull(deployer.deploymentError(id));
  }

  @Test
  void aFailedDeployment_reportsItsError() {
    String td = f.registerTaskDefinition(SandboxFixtures.NGINX);
    String id = deployer.createDeployment(APPLICATION, GROUP, BlueGreenService.appSpec(td, "app", 80));
    f.advance(Duration.ofSeconds(5));
    assertEquals("Failed", deployer.deploymentStatus(id));
    assertTrue(deployer.deploymentError(id).contains("The container app does not exist in the task definition."));
  }
}
