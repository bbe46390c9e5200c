package org.bgwizard.artifacts;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What a parsed buildspec runs, defines and publishes. */
record BuildspecFacts(List<Command> commands, List<Variable> variables, Map<String, List<String>> assignments,
    List<ArtifactFile> artifactFiles, JsonPointer artifactsAt) {

  static final String IMAGE_DETAIL = "imageDetail.json";
  static final String IMAGE_DEFINITIONS = "imagedefinitions.json";
  static final String TASKDEF = "taskdef.json";
  private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

  /** A command of a phase ({@code commands} or {@code finally}); {@code text} is null when it is not a string. */
  record Command(String text, String phase, JsonPointer at) {}

  /** An {@code env.variables} entry; {@code value} is null when it is not a scalar. */
  record Variable(String name, String value, JsonPointer at) {}

  record ArtifactFile(String pattern, JsonPointer at) {
    boolean isWildcard() {
      return pattern.matches(".*[*?\\[{].*");
    }

    boolean matches(String fileName) {
      String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
      return p.equals(fileName) || glob(p, fileName) || p.startsWith("**/") && glob(p.substring(3), fileName);
    }

    private static boolean glob(String p, String fileName) {
      try {
        return FileSystems.getDefault().getPathMatcher("glob:" + p).matches(Path.of(fileName));
      } catch (PatternSyntaxException e) {
        return false;
      }
    }
  }

  static BuildspecFacts of(JsonNode root) {
    var commands = new ArrayList<Command>();
    JsonPointer phases = JsonPointer.compile("/phases");
    root.path("phases").properties().forEach(phase -> {
      for (String block : List.of("commands", "finally")) {
        JsonPointer blockAt = phases.appendProperty(phase.getKey()).appendProperty(block);
        JsonNode list = phase.getValue().path(block);
        for (int i = 0; i < list.size(); i++) {
          JsonNode c = list.get(i);
          commands.add(new Command(c.isValueNode() ? c.asText() : null, phase.getKey(), blockAt.appendIndex(i)));
        }
      }
    });
    var variables = new ArrayList<Variable>();
    JsonPointer variablesAt = JsonPointer.compile("/env/variables");
    root.path("env").path("variables").properties().forEach(v -> variables.add(new Variable(v.getKey(),
        v.getValue().isValueNode() ? v.getValue().asText() : null, variablesAt.appendProperty(v.getKey()))));
    var assignments = new LinkedHashMap<String, List<String>>();
    variables.stream().filter(v -> v.value() != null)
        .forEach(v -> assignments.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v.value()));
    commands.stream().filter(c -> c.text() != null).map(c -> ASSIGNMENT.matcher(c.text())).filter(m -> m.matches())
        .forEach(m -> assignments.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2)));
    return new BuildspecFacts(commands, variables, assignments, artifactFiles(root), root.has("artifacts")
        ? JsonPointer.compile("/artifacts") : null);
  }

  private static List<ArtifactFile> artifactFiles(JsonNode root) {
    JsonNode files = root.path("artifacts").path("files");
    JsonPointer at = JsonPointer.compile("/artifacts/files");
    if (files.isValueNode()) {
      return List.of(new ArtifactFile(files.asText(), at));
    }
    var result = new ArrayList<ArtifactFile>();
    for (int i = 0; i < files.size(); i++) {
      result.add(new ArtifactFile(files.get(i).asText(), at.appendIndex(i)));
    }
    return result;
  }

  /** The first command that writes {@code fileName} by a shell redirect or {@code tee}. */
  Optional<Command> writing(String fileName) {
    var redirect = Pattern.compile("(?:>>?|\\btee\\s+(?:-a\\s+)?)\\s*[\"']?(?:\\./)?" + Pattern.quote(fileName)
        + "(?:[\"'\\s;&|)]|$)");
    return commands.stream().filter(c -> c.text() != null && redirect.matcher(c.text()).find()).findFirst();
  }

  /** The artifact entries that would publish {@code fileName}. */
  List<ArtifactFile> publishing(String fileName) {
    return artifactFiles.stream().filter(a -> a.matches(fileName)).toList();
  }

  /** True when the build writes taskdef.json itself (seed 001) instead of taking it from the repository. */
  boolean generatesTaskDefinition() {
    return writing(TASKDEF).isPresent();
  }
}
