package org.bgwizard.sandbox.codebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A buildspec as CodeBuild reads it in DOWNLOAD_SOURCE: a YAML error fails the build there with
 * YAML_FILE_ERROR (catalogue row 27), as does a command YAML read as a mapping ({@code - echo a: b}).
 *
 * @param artifactFiles the {@code artifacts: files:} patterns; null without an {@code artifacts:} section
 */
record BuildspecFile(Map<String, String> variables, Map<String, String> secrets, Map<String, String> parameterStore,
    Map<String, List<String>> phases, List<String> artifactFiles, String baseDirectory, boolean discardPaths) {

  static final List<String> COMMAND_PHASES = List.of("install", "pre_build", "build", "post_build");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  static BuildspecFile parse(String text) throws Invalid {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new Invalid("yaml: line " + line + ": " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new Invalid("yaml: unmarshal errors: the buildspec is not a YAML mapping");
    }
    JsonNode env = root.path("env");
    Map<String, List<String>> phases = new LinkedHashMap<>();
    for (String phase : COMMAND_PHASES) {
      phases.put(phase, commands(root.path("phases").path(phase).path("commands")));
    }
    JsonNode artifacts = root.get("artifacts");
    List<String> files = null;
    String base = null;
    boolean discard = false;
    if (artifacts != null && artifacts.isObject()) {
      files = new ArrayList<>();
      JsonNode f = artifacts.path("files");
      if (f.isArray()) {
        for (JsonNode n : f) {
          files.add(n.asText());
        }
      } else if (!f.isMissingNode() && !f.isNull()) {
        files.add(f.asText());
      }
      base = artifacts.hasNonNull("base-directory") ? artifacts.get("base-directory").asText() : null;
      String d = artifacts.path("discard-paths").asText("no");
      discard = d.equals("yes") || d.equals("true");
    }
    return new BuildspecFile(scalars(env.path("variables")), scalars(env.path("secrets-manager")),
        scalars(env.path("parameter-store")), phases, files, base, discard);
  }

  private static List<String> commands(JsonNode node) throws Invalid {
    List<String> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      out.add(node.asText());
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      if (c.isContainerNode()) {
        throw new Invalid("Expected Commands[" + i + "] to be of string type: found subkeys instead");
      }
      out.add(c.asText());
    }
    return out;
  }

  private static Map<String, String> scalars(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static String firstLine(String message) {
    String m = message == null ? "invalid YAML" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
