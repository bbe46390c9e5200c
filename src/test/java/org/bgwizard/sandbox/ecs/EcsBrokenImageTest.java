package org.bgwizard.sandbox.ecs;

import org.bgwizard.sandbox.SandboxInternals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.EcsTestNetwork;
import org.bgwizard.sandbox.core.Ports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;

/** Each way a task can fail gives its stopped reason, a service event, and a replacement task. */
class EcsBrokenImageTest {
  private static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo";
  private final EcsFixture f = new EcsFixture();

  private EcsFixture.BlueGreen withPushedImage(String architecture, Ports.ImageBehaviour behaviour) {
    f.sandbox.ecr().createRepository(r -> r.repositoryName("demo"));
    SandboxInternals.ports(f.sandbox).registry.push("demo", List.of("v1"), architecture, behaviour);
    return f.blueGreen(REPO + ":v1");
  }

  private Task firstStopped() {
    List<Task> stopped = f.tasks("STOPPED");
    assertTrue(!stopped.isEmpty(), "no stopped task");
    return stopped.get(0);
  }

  private void assertReplaced() {
    assertEquals(1, f.tasks("RUNNING").size());
  }

  private void assertEvent(String fragment) {
    assertTrue(f.events().stream().anyMatch(e -> e.contains(fragment)), f.events().toString());
  }

  @Test
  void crashingImage_stopsWithEssentialContainerExited_inALoop() {
    var bg = withPushedImage("X86_64", Ports.ImageBehaviour.CRASHES);
    f.createService(bg);
    f.advance(40 + EcsTasks.CRASH_AFTER_SECONDS);

    Task t = firstStopped();
    assertEquals("Essential container in task exited", t.stoppedReason());
    assertEquals("EssentialContainerExited", t.stopCodeAsString());
    assertEquals(1, t.containers().get(0).exitCode());
    assertEvent("has stopped 1 running tasks: (task ");
    assertReplaced();

    f.advance(200);
    assertTrue(f.tasks("STOPPED").size() >= 3, "crash loop");
  }

  @Test
  void unhealthyImage_failsElbHealthChecks() {
    var bg = withPushedImage("X86_64", Ports.ImageBehaviour.UNHEALTHY);
    f.createService(bg);
    f.advance(150 + 45);

    Task t = firstStopped();
    assertEquals("Task failed ELB health checks in (target-group " + bg.targetGroup1() + ")", t.stoppedReason());
    assertEquals("ServiceSchedulerInitiated", t.stopCodeAsString());
    assertEvent("(service demo-service) (port 80) is unhealthy in (target-group " + bg.targetGroup1()
        + ") due to (reason Health checks failed with these codes: [500]).");
    assertEvent("has stopped 1 running tasks");
    assertReplaced();
  }

  @Test
  void securityGroupNotAdmittingTheLoadBalancer_failsHealthChecksWithTimeout() {
    f.network.ingress.clear();
    var bg = f.blueGreen(EcsFixture.NGINX);
    f.createService(bg);
    f.advance(150 + 45);

    assertEquals("Task failed ELB health checks in (target-group " + bg.targetGroup1() + ")",
        firstStopped().stoppedReason());
    assertEvent("due to (reason Request timed out).");
  }

  @Test
  void imageOfAnotherArchitecture_exitsWithExecFormatError_catalogueRow20() {
    var bg = withPushedImage("ARM64", Ports.ImageBehaviour.HEALTHY);
    f.createService(bg);
    f.advance(40 + EcsTasks.CRASH_AFTER_SECONDS);

    Task t = firstStopped();
    assertEquals("Essential container in task exited", t.stoppedReason());
    assertEquals(255, t.containers().get(0).exitCode());
    assertTrue(t.containers().get(0).reason().contains("exec format error"));
    String taskId = t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
    var log = f.sandbox.logs().getLogEvents(r -> r.logGroupName(EcsFixture.LOG_GROUP)
        .logStreamName("ecs/web/" + taskId).startFromHead(true)).events();
    assertTrue(log.stream().anyMatch(e -> e.message().contains("exec format error")));
    assertReplaced();
  }

  @Test
  void unqualifiedImageName_cannotBePulled_catalogueRow18() {
    f.createService(f.blueGreen("demo:latest"));
    f.advance(40);

    Task t = firstStopped();
    assertTrue(t.stoppedReason().startsWith("CannotPullContainerError"), t.stoppedReason());
    assertTrue(t.stoppedReason().contains("pull access denied, repository does not exist or may require authorization"));
    assertEquals("TaskFailedToStart", t.stopCodeAsString());
    assertEvent("is unable to consistently start tasks successfully");
    assertReplaced();
  }

  @Test
  void unknownEcrTag_cannotBePulled() {
    f.sandbox.ecr().createRepository(r -> r.repositoryName("demo"));
    f.createService(f.blueGreen(REPO + ":missing"));
    f.advance(40);

    Task t = firstStopped();
    assertTrue(t.stoppedReason().startsWith("CannotPullContainerError"));
    assertTrue(t.stoppedReason().endsWith(REPO + ":missing: not found"), t.stoppedReason());
  }

  @Test
  void noPublicIpAndNoNat_cannotReachEcr_catalogueRow19() {
    var bg = withPushedImage("X86_64", Ports.ImageBehaviour.HEALTHY);
    f.sandbox.ecs().createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder()
            .subnets(EcsTestNetwork.publicSubnets()).securityGroups(EcsTestNetwork.SG_TASK)
            .assignPublicIp(AssignPublicIp.DISABLED).build())).build());
    f.advance(40);

    String reason = firstStopped().stoppedReason();
    assertTrue(reason.startsWith("ResourceInitializationError: unable to pull secrets or registry auth"), reason);
    assertTrue(reason.contains("i/o timeout"));
  }

  @Test
  void privateSubnetWithoutNat_cannotReachEcrPublicEither() {
    var bg = f.blueGreen(EcsFixture.NGINX);
    f.sandbox.ecs().createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder()
            .subnets(EcsTestNetwork.SUBNET_PRIVATE).securityGroups(EcsTestNetwork.SG_TASK)
            .assignPublicIp(AssignPublicIp.ENABLED).build())).build());
    f.advance(40);

    String reason = firstStopped().stoppedReason();
    assertTrue(reason.startsWith("CannotPullContainerError") && reason.contains("i/o timeout"), reason);
  }

  @Test
  void missingLogGroup_stopsTheTask_catalogueRow24() {
    var bg = f.blueGreen(EcsFixture.NGINX);
    f.sandbox.logs().deleteLogGroup(r -> r.logGroupName(EcsFixture.LOG_GROUP));
    f.createService(bg);
    f.advance(40);

    String reason = firstStopped().stoppedReason();
    assertTrue(reason.contains("failed to create Cloudwatch log stream"), reason);
    assertTrue(reason.contains("The specified log group does not exist"), reason);
  }

  @Test
  void executionRoleNotAssumable_stopsTheTask_catalogueRow17() {
    f.iam.roles.put(EcsFixture.EXEC_ROLE, Ports.IamChecks.Assume.NOT_TRUSTED);
    f.createService(f.blueGreen(EcsFixture.NGINX));
    f.advance(40);

    assertTrue(firstStopped().stoppedReason().startsWith("ECS was unable to assume the role '" + EcsFixture.EXEC_ROLE));
  }
}
