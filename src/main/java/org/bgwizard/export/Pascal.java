package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The API's camelCase documents (the pipeline declaration, the task definition) in CloudFormation's PascalCase: the
 * same names with a capital first letter. Maps whose keys are data ({@code configuration}, log {@code options}) are
 * copied as they are.
 */
final class Pascal {
  private static final Set<String> DATA_MAPS = Set.of("configuration", "options");

  private Pascal() {}

  static JsonNode of(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = Cfn.object();
      node.fields().forEachRemaining(e -> copy.set(capital(e.getKey()),
          DATA_MAPS.contains(e.getKey()) ? e.getValue().deepCopy() : of(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Cfn.array();
      node.forEach(item -> copy.add(of(item)));
      return copy;
    }
    return node.deepCopy();
  }

  private static String capital(String key) {
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
