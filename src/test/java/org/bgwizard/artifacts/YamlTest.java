package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTest {

  @Test
  void numericLookingString_staysAStringWhenReadBack() {
    JsonNode lb = Yaml.read(Appspec.yaml(Specs.withContainer(Specs.tutorial(), "8080", 8080, "/", Map.of())))
        .path("Resources").path(0).path("TargetService").path("Properties").path("LoadBalancerInfo");
    assertTrue(lb.path("ContainerName").isTextual());
    assertEquals("8080", lb.path("ContainerName").asText());
    assertTrue(lb.path("ContainerPort").isInt());
  }

  @Test
  void booleanLookingString_staysAString() {
    ObjectNode doc = Json.object().put("name", "yes").put("other", "true");
    assertEquals(doc, Yaml.read(Yaml.write(doc)));
  }

  @Test
  void longString_isNotFoldedOverLines() {
    String command = "echo " + "x".repeat(200);
    String yaml = Yaml.write(Json.object().put("command", command));
    assertEquals("command: " + command + "\n", yaml);
  }

  @Test
  void noDocumentStartMarker() {
    assertEquals("a: b\n", Yaml.write(Json.object().put("a", "b")));
  }

  @Test
  void json_emptyArraysAndSpacing_areConventional() {
    ObjectNode doc = Json.object().put("a", 1);
    doc.putArray("list");
    assertEquals("{\n  \"a\": 1,\n  \"list\": []\n}\n", Json.pretty(doc));
  }
}
