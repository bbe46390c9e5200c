package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** CloudFormation's intrinsic functions and common shapes, as JSON trees. */
final class Cfn {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Cfn() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array(JsonNode... items) {
    ArrayNode array = NODES.arrayNode();
    for (JsonNode item : items) {
      array.add(item);
    }
    return array;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  static JsonNode text(String value) {
    return NODES.textNode(value);
  }

  static ObjectNode ref(String logicalId) {
    ObjectNode ref = object();
    ref.put("Ref", logicalId);
    return ref;
  }

  static ObjectNode getAtt(String logicalId, String attribute) {
    ObjectNode getAtt = object();
    getAtt.set("Fn::GetAtt", strings(List.of(logicalId, attribute)));
    return getAtt;
  }

  static ObjectNode sub(String template) {
    ObjectNode sub = object();
    sub.put("Fn::Sub", template);
    return sub;
  }

  /** {@code [{Key, Value}, …]}, the Tags shape of most resource types. */
  static ArrayNode tags(Map<String, String> tags) {
    ArrayNode list = NODES.arrayNode();
    tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
    return list;
  }
}
