package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskDefinitionsTest {

  @Test
  void document_isAFargateAwsvpcTaskWithTheExecutionRole() {
    JsonNode doc = TaskDefinitions.document(Specs.tutorial(), Specs.TARGET, "img");
    assertEquals("demo-task", doc.path("family").asText());
    assertEquals("arn:aws:iam::123456789012:role/demo-ecs-task-execution", doc.path("executionRoleArn").asText());
    assertEquals("awsvpc", doc.path("networkMode").asText());
    assertEquals("[\"FARGATE\"]", doc.path("requiresCompatibilities").toString());
    assertEquals("LINUX", doc.path("runtimePlatform").path("operatingSystemFamily").asText());
  }

  @Test
  void cpuAndMemory_areStrings() {
    JsonNode doc = TaskDefinitions.document(Specs.tutorial(), Specs.TARGET, "img");
    assertTrue(doc.path("cpu").isTextual());
    assertEquals("256", doc.path("cpu").asText());
    assertTrue(doc.path("memory").isTextual());
    assertEquals("512", doc.path("memory").asText());
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void cpuArchitecture_followsTheSpec(Architecture architecture) {
    SetupSpec spec = Specs.withArchitecture(Specs.tutorial(), architecture);
    assertEquals(architecture.name(), TaskDefinitions.document(spec, Specs.TARGET, "img")
        .path("runtimePlatform").path("cpuArchitecture").asText());
  }

  @Test
  void container_isEssential_withHostPortEqualToContainerPort() {
    SetupSpec spec = Specs.withContainer(Specs.tutorial(), "web", 8080, "/", Map.of());
    JsonNode c = TaskDefinitions.document(spec, Specs.TARGET, "img").path("containerDefinitions").path(0);
    assertTrue(c.path("essential").asBoolean());
    JsonNode port = c.path("portMappings").path(0);
    assertEquals(8080, port.path("containerPort").asInt());
    assertEquals(8080, port.path("hostPort").asInt());
    assertEquals("tcp", port.path("protocol").asText());
  }

  @Test
  void environment_isSortedByName() {
    SetupSpec spec = Specs.withContainer(Specs.tutorial(), "demo", 80, "/", Map.of("ZONE", "z", "APP_MODE", "a", "LOG", "l"));
    JsonNode env = TaskDefinitions.document(spec, Specs.TARGET, "img").path("containerDefinitions").path(0).path("environment");
    assertEquals("[{\"name\":\"APP_MODE\",\"value\":\"a\"},{\"name\":\"LOG\",\"value\":\"l\"},{\"name\":\"ZONE\",\"value\":\"z\"}]",
        env.toString());
  }

  @Test
  void logConfiguration_awslogsToTheSetupGroupInTheTargetRegion() {
    JsonNode logs = TaskDefinitions.document(Specs.tutorial(), Specs.TARGET, "img")
        .path("containerDefinitions").path(0).path("logConfiguration");
    assertEquals("awslogs", logs.path("logDriver").asText());
    assertEquals("/ecs/demo", logs.path("options").path("awslogs-group").asText());
    assertEquals("ap-northeast-1", logs.path("options").path("awslogs-region").asText());
    assertEquals("ecs", logs.path("options").path("awslogs-stream-prefix").asText());
  }

  @Test
  void firstRevision_runsTheInitialImage() {
    SetupSpec spec = Specs.tutorial();
    JsonNode doc = TaskDefinitions.document(spec, Specs.TARGET, spec.container().initialImage());
    assertEquals(SpecDefaults.INITIAL_IMAGE, doc.path("containerDefinitions").path(0).path("image").asText());
  }

  @Test
  void taskdefJson_isTheDocumentWithThePlaceholderImage() {
    SetupSpec spec = Specs.tutorial();
    assertEquals(TaskDefinitions.document(spec, Specs.TARGET, "<IMAGE1_NAME>"),
        Json.read(TaskDefinitions.taskdefJson(spec, Specs.TARGET)));
  }

  @Test
  void china_executionRoleArnUsesAwsCnPartition() {
    SetupSpec spec = SpecDefaults.tutorial("demo", "cn-north-1");
    assertEquals("arn:aws-cn:iam::123456789012:role/demo-ecs-task-execution",
        TaskDefinitions.document(spec, new Target("123456789012", "cn-north-1"), "img").path("executionRoleArn").asText());
  }
}
