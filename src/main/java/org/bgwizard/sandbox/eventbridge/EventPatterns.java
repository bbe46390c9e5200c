package org.bgwizard.sandbox.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * EventBridge event patterns ("Amazon EventBridge event patterns", EventBridge User Guide): a JSON object whose
 * fields name event fields; an object descends into the event, an array lists the values that match (a field
 * whose event value is an array matches when any element does). Of the content filters only {@code prefix} is
 * simulated; the others never match here.
 */
final class EventPatterns {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventPatterns() {}

  /** Why {@code pattern} is not a valid event pattern, or empty when it is. */
  static Optional<String> problem(String pattern) {
    JsonNode node;
    try {
      node = JSON.readTree(pattern);
    } catch (JsonProcessingException e) {
      return Optional.of("Filter is not valid JSON");
    }
    if (node == null || !node.isObject() || node.isEmpty()) {
      return Optional.of("Filter is not an object");
    }
    return leaves(node);
  }

  private static Optional<String> leaves(JsonNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        Optional<String> inner = leaves(value);
        if (inner.isPresent()) {
          return inner;
        }
      } else if (!value.isArray()) {
        return Optional.of("Match value must be String, number, true, false, or null at " + field.getKey());
      }
    }
    return Optional.empty();
  }

  static boolean matches(String pattern, JsonNode event) {
    try {
      return matches(JSON.readTree(pattern), event);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static boolean matches(JsonNode pattern, JsonNode event) {
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = event == null ? null : event.get(field.getKey());
      boolean ok = field.getValue().isObject()
          ? value != null && value.isObject() && matches(field.getValue(), value)
          : anyMatches(field.getValue(), value);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyMatches(JsonNode allowed, JsonNode value) {
    if (value == null) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (anyMatches(allowed, element)) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode candidate : allowed) {
      if (candidate.isObject()) {
        JsonNode prefix = candidate.get("prefix");
        if (prefix != null && prefix.isTextual() && value.isTextual() && value.asText().startsWith(prefix.asText())) {
          return true;
        }
      } else if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
