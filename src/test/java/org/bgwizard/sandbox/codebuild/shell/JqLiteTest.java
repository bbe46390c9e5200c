package org.bgwizard.sandbox.codebuild.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jq programs buildspecs use to turn describe-task-definition output into taskdef.json. */
class JqLiteTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DESCRIBED = """
      {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/demo-task:3",
        "family": "demo-task", "revision": 3, "status": "ACTIVE", "compatibilities": ["EC2", "FARGATE"],
        "requiresAttributes": [], "registeredAt": "2026-01-05T09:00:00Z", "registeredBy": "arn:aws:iam::1:user/x",
        "containerDefinitions": [{"name": "demo", "image": "old:1"}, {"name": "sidecar", "image": "envoy:1"}]}}
      """;

  private JsonNode run(String program, Map<String, String> args) throws Exception {
    List<JsonNode> out = JqLite.run(program, JSON.readTree(DESCRIBED), args);
    assertEquals(1, out.size());
    return out.get(0);
  }

  @Test
  void seed001Program_dropsTheReadOnlyFields_andSetsEveryImage() throws Exception {
    JsonNode td = run(".taskDefinition | del (.taskDefinitionArn, .revision, .status, .requiresAttributes,"
        + " .compatibilities)", Map.of());
    assertFalse(td.has("taskDefinitionArn"));
    assertFalse(td.has("revision"));
    assertEquals("demo-task", td.get("family").asText());
    List<JsonNode> out = JqLite.run(".containerDefinitions[].image=$image", td, Map.of("image", "repo:abc"));
    assertEquals("repo:abc", out.get(0).at("/containerDefinitions/1/image").asText());
  }

  @Test
  void generatedProgram_setsOnlyTheNamedContainersImage() throws Exception {
    JsonNode td = run(".taskDefinition | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,"
        + " .compatibilities, .registeredAt, .registeredBy) | (.containerDefinitions[] | select(.name == $name)"
        + " | .image) = $image", Map.of("name", "demo", "image", "<IMAGE1_NAME>"));
    assertEquals("<IMAGE1_NAME>", td.at("/containerDefinitions/0/image").asText());
    assertEquals("envoy:1", td.at("/containerDefinitions/1/image").asText());
    assertFalse(td.has("registeredBy"));
  }

  @Test
  void indexesAndLiterals() throws Exception {
    assertEquals("demo", run(".taskDefinition.containerDefinitions[0].name", Map.of()).asText());
    assertTrue(run(".taskDefinition.revision == 3", Map.of()).asBoolean());
  }

  @Test
  void unknownFunctionsAndSyntaxErrors_failLikeJq() {
    var e = assertThrows(JqLite.JqException.class, () -> run(".taskDefinition | keys", Map.of()));
    assertTrue(e.getMessage().contains("keys/0 is not defined"), e.getMessage());
    assertThrows(JqLite.JqException.class, () -> run(".taskDefinition |", Map.of()));
    assertThrows(JqLite.JqException.class, () -> run(".a = $missing", Map.of()));
  }
}
