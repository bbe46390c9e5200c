package org.bgwizard.artifacts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** A parsed YAML or JSON document and the 1-based line where each of its keys and values starts. */
final class SourceLines {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new JsonMapper();

  private final JsonNode root;
  private final Map<String, Integer> lines;

  private SourceLines(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  static SourceLines yaml(String text) throws JsonProcessingException {
    return parse(YAML, text);
  }

  static SourceLines json(String text) throws JsonProcessingException {
    return parse(JSON, text);
  }

  /** The line a parse error points at, or null when the parser gave none. */
  static Integer lineOf(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null : e.getLocation().getLineNr();
  }

  JsonNode root() {
    return root;
  }

  /** The line of {@code at}, or of its nearest ancestor that exists; null for the document itself. */
  Integer line(JsonPointer at) {
    for (JsonPointer p = at; p != null && !p.matches(); p = p.head()) {
      Integer line = lines.get(p.toString());
      if (line != null) {
        return line;
      }
    }
    return null;
  }

  private static SourceLines parse(ObjectMapper mapper, String text) throws JsonProcessingException {
    JsonNode root = mapper.readTree(text);
    var lines = new HashMap<String, Integer>();
    try (JsonParser parser = mapper.createParser(text)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
              parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
    return new SourceLines(root, lines);
  }
}
