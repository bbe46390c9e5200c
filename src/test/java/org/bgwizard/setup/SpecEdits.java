package org.bgwizard.setup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: a copy of a spec with fields replaced by dotted path, e.g. {@code loadBalancer.healthCheck.timeoutSeconds}. */
final class SpecEdits {
  // Lenient about the derived "existing" property the records' isExisting() adds when serialized.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private SpecEdits() {}

  /** {@code pathsAndValues}: path, value, path, value, … (values as Java objects: maps, lists, numbers, text). */
  static SetupSpec edit(SetupSpec spec, Object... pathsAndValues) {
    ObjectNode root = MAPPER.valueToTree(spec);
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      String[] parts = ((String) pathsAndValues[i]).split("\\.");
      ObjectNode parent = root;
      for (int p = 0; p < parts.length - 1; p++) {
        parent = (ObjectNode) parent.get(parts[p]);
      }
      parent.set(parts[parts.length - 1], MAPPER.valueToTree(pathsAndValues[i + 1]));
    }
    try {
      return MAPPER.treeToValue(root, SetupSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("edit does not fit the spec: " + e.getOriginalMessage(), e);
    }
  }
}
