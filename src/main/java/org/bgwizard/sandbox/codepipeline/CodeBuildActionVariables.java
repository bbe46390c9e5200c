package org.bgwizard.sandbox.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.sandbox.core.Ports.Builds.Variable;

/**
 * The CodeBuild action's EnvironmentVariables configuration ("AWS CodeBuild build and test action reference",
 * CodePipeline User Guide): a JSON array of {@code {"name", "value", "type"}} objects, type PLAINTEXT (the default),
 * PARAMETER_STORE or SECRETS_MANAGER; they override the project's variables of the same name for that build. The
 * values may hold variables, resolved before ({@link PipelineVariables}). A value that is not such an array fails the
 * action (unv wording).
 */
final class CodeBuildActionVariables {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CodeBuildActionVariables() {}

  record Parsed(List<Variable> variables, String failure) {}

  static Parsed parse(String configuration) {
    if (configuration == null || configuration.isBlank()) {
      return new Parsed(List.of(), null);
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(configuration);
    } catch (IOException e) {
      doc = null;
    }
    if (doc == null || !doc.isArray()) {
      return new Parsed(null, bad(configuration));
    }
    List<Variable> out = new ArrayList<>();
    for (JsonNode n : doc) {
      if (!n.isObject() || !n.path("name").isTextual() || !n.path("value").isTextual()) {
        return new Parsed(null, bad(configuration));
      }
      out.add(new Variable(n.get("name").asText(), n.get("value").asText(),
          n.path("type").isTextual() ? n.get("type").asText() : "PLAINTEXT"));
    }
    return new Parsed(out, null);
  }

  private static String bad(String configuration) {
    return "Invalid action configuration: EnvironmentVariables must be a JSON array of objects with name, value and"
        + " optional type: " + configuration; // (unv) wording
  }
}
