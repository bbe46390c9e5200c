package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bgwizard.artifacts.Json;

/** Where a found document falls short of a wanted one: every wanted field must be there with the same value. */
final class JsonDiff {
  private static final int SHOWN = 60;

  private JsonDiff() {}

  static List<String> missingOrDifferent(JsonNode wanted, JsonNode found) {
    return changes(wanted, found).stream().map(c -> c.field() + ": " + (c.from() == null ? "missing"
        : "found " + c.from()) + ", the setup wants " + c.to()).toList();
  }

  /** The same as field changes: the path, what was found (null: missing), what the setup wants. */
  static List<Change> changes(JsonNode wanted, JsonNode found) {
    var out = new ArrayList<Change>();
    compare(wanted, found, "", out);
    return out;
  }

  static JsonNode parse(String json) {
    return Json.read(json);
  }

  private static void compare(JsonNode wanted, JsonNode found, String path, List<Change> out) {
    if (found == null || found.isMissingNode() || found.isNull()) {
      out.add(new Change(name(path), null, shorten(wanted)));
    } else if (wanted.isObject() && found.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
        var field = it.next();
        compare(field.getValue(), found.get(field.getKey()), path.isEmpty() ? field.getKey()
            : path + "." + field.getKey(), out);
      }
    } else if (wanted.isArray() && found.isArray() && wanted.size() == found.size()) {
      for (int i = 0; i < wanted.size(); i++) {
        compare(wanted.get(i), found.get(i), path + "[" + i + "]", out);
      }
    } else if (!sameValue(wanted, found)) {
      out.add(new Change(name(path), shorten(found), shorten(wanted)));
    }
  }

  /** Numbers and strings compare by text: APIs return "256" where a document says 256, and back. */
  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isValueNode() && b.isValueNode()) {
      return a.asText().equals(b.asText());
    }
    return a.equals(b);
  }

  private static String name(String path) {
    return path.isEmpty() ? "document" : path;
  }

  private static String shorten(JsonNode node) {
    String text = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }
}
