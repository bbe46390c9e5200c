package org.bgwizard.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The one YAML mapper of the generated documents (buildspec.yml, appspec.yaml). */
public final class Yaml {
  public static final ObjectMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // a string such as "8080" must stay a string when read back
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      // long shell commands stay on one line
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build());

  private Yaml() {}

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a YAML tree always serializes", e);
    }
  }

  public static JsonNode read(String yaml) {
    try {
      return MAPPER.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not valid YAML: " + e.getOriginalMessage(), e);
    }
  }
}
