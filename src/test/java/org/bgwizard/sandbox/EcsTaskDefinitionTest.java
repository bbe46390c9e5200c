package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

class EcsTaskDefinitionTest {
  private final EcsFixture f = new EcsFixture();
  private final EcsClient ecs = f.sandbox.ecs();

  private ClientException rejected(software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest r) {
    var e = assertThrows(ClientException.class, () -> ecs.registerTaskDefinition(r));
    assertEquals("ClientException", e.awsErrorDetails().errorCode());
    return e;
  }

  @Test
  void registration_givesRevisionsPerFamily_andArns() {
    TaskDefinition first = ecs.registerTaskDefinition(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).build())
        .taskDefinition();
    TaskDefinition second = ecs.registerTaskDefinition(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).build())
        .taskDefinition();
    assertEquals(1, first.revision());
    assertEquals(2, second.revision());
    assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/demo-task:2", second.taskDefinitionArn());
    assertEquals(List.of("EC2", "FARGATE"), second.compatibilitiesAsStrings());
    assertEquals(80, second.containerDefinitions().get(0).portMappings().get(0).hostPort());
  }

  @ParameterizedTest
  @CsvSource({"256,4096", "512,512", "1024,1024", "300,1024"})
  void invalidFargateCpuMemoryPair_isRejected(String cpu, String memory) {
    var e = rejected(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).cpu(cpu).memory(memory).build());
    assertTrue(e.getMessage().contains("No Fargate configuration exists for given values."));
  }

  @ParameterizedTest
  @CsvSource({"256,512", "256,2048", "512,4096", "1024,8192", "4096,30720", "8192,16384", "16384,122880"})
  void validFargatePairs_areAccepted(String cpu, String memory) {
    assertEquals(cpu, ecs.registerTaskDefinition(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).cpu(cpu)
        .memory(memory).build()).taskDefinition().cpu());
  }

  @Test
  void vcpuAndGbStrings_areNormalizedToUnits() {
    TaskDefinition td = ecs.registerTaskDefinition(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).cpu("1 vCPU")
        .memory("2 GB").build()).taskDefinition();
    assertEquals("1024", td.cpu());
    assertEquals("2048", td.memory());
  }

  @Test
  void fargate_requiresAwsvpc() {
    var e = rejected(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).networkMode(NetworkMode.BRIDGE).build());
    assertTrue(e.getMessage().contains("Fargate only supports network mode"));
  }

  @Test
  void awslogsWithoutExecutionRole_isCatalogueRow24() {
    var e = rejected(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).executionRoleArn(null).build());
    assertTrue(e.getMessage().contains(
        "requires task definition to have execution role ARN to support log driver awslogs"), e.getMessage());
  }

  @Test
  void awsvpcHostPortDifferentFromContainerPort_isRejected() {
    var r = EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).build();
    var container = r.containerDefinitions().get(0).toBuilder()
        .portMappings(software.amazon.awssdk.services.ecs.model.PortMapping.builder().containerPort(80).hostPort(8080)
            .build()).build();
    var e = rejected(r.toBuilder().containerDefinitions(container).build());
    assertTrue(e.getMessage().contains("host ports and container ports in port mappings must match"));
  }

  @Test
  void missingImage_andNoContainers_areRejected() {
    var r = EcsFixture.taskDefinitionRequest(EcsFixture.NGINX).build();
    var noImage = r.containerDefinitions().get(0).toBuilder().image(null).build();
    assertTrue(rejected(r.toBuilder().containerDefinitions(noImage).build()).getMessage()
        .contains("Container.image should not be null or empty."));
    assertTrue(rejected(r.toBuilder().containerDefinitions(List.of()).build()).getMessage()
        .contains("Container list cannot be empty."));
  }

  @Test
  void describeByFamily_givesLatestActiveRevision_deregisteredOnesStayDescribable() {
    String first = f.taskDefinition(EcsFixture.NGINX);
    String second = f.taskDefinition(EcsFixture.NGINX);

    assertEquals(second, ecs.describeTaskDefinition(r -> r.taskDefinition("demo-task")).taskDefinition()
        .taskDefinitionArn());
    TaskDefinition gone = ecs.deregisterTaskDefinition(r -> r.taskDefinition("demo-task:2")).taskDefinition();
    assertEquals(TaskDefinitionStatus.INACTIVE, gone.status());
    assertEquals(first, ecs.describeTaskDefinition(r -> r.taskDefinition("demo-task")).taskDefinition()
        .taskDefinitionArn());
    assertEquals(TaskDefinitionStatus.INACTIVE, ecs.describeTaskDefinition(r -> r.taskDefinition(second))
        .taskDefinition().status());
  }

  @Test
  void unknownTaskDefinition_andBadRevision_areClientExceptions() {
    var missing = assertThrows(ClientException.class, () -> ecs.describeTaskDefinition(r -> r.taskDefinition("nope")));
    assertTrue(missing.getMessage().contains("Unable to describe task definition."));
    var bad = assertThrows(ClientException.class, () -> ecs.describeTaskDefinition(r -> r.taskDefinition("demo:x")));
    assertTrue(bad.getMessage().contains("Invalid revision number"));
  }

  @Test
  void listTaskDefinitionsPaginator_walksAllRevisions_byFamilyPrefixAndStatus() {
    for (int i = 0; i < 5; i++) {
      f.taskDefinition(EcsFixture.NGINX);
    }
    ecs.deregisterTaskDefinition(r -> r.taskDefinition("demo-task:1"));

    var active = ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix("demo").maxResults(2)).taskDefinitionArns()
        .stream().toList();
    assertEquals(4, active.size());
    assertTrue(active.get(0).endsWith("demo-task:2"));
    assertEquals(1, ecs.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns().size());
  }

  @Test
  void tags_areReturnedWhenAskedFor() {
    ecs.registerTaskDefinition(EcsFixture.taskDefinitionRequest(EcsFixture.NGINX)
        .tags(software.amazon.awssdk.services.ecs.model.Tag.builder().key("bgwizard:setup").value("demo").build())
        .build());
    var described = ecs.describeTaskDefinition(r -> r.taskDefinition("demo-task").include(TaskDefinitionField.TAGS));
    assertEquals("demo", described.tags().get(0).value());
  }

  @Test
  void taskdefJson_registersThroughTheCodeDeployApi() {
    String json = """
        {"family": "demo-task", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
         "cpu": "256", "memory": "512", "executionRoleArn": "%s",
         "taskDefinitionArn": "ignored", "revision": 7, "status": "ACTIVE",
         "containerDefinitions": [{"name": "web", "image": "public.ecr.aws/nginx/nginx:stable", "essential": true,
           "portMappings": [{"containerPort": 80, "protocol": "tcp"}]}],
         "tags": [{"key": "bgwizard:setup", "value": "demo"}]}
        """.formatted(EcsFixture.EXEC_ROLE);
    String arn = f.sandbox.ecsEngine.registerTaskDefinitionJson(json);
    assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/demo-task:1", arn);
    assertEquals("web", ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition().containerDefinitions()
        .get(0).name());

    var bad = assertThrows(ClientException.class, () -> f.sandbox.ecsEngine.registerTaskDefinitionJson(
        json.replace("\"512\"", "\"4096\"")));
    assertTrue(bad.getMessage().contains("No Fargate configuration exists for given values."));
  }
}
