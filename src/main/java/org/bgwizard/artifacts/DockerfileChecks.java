package org.bgwizard.artifacts;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of the Dockerfile: base images pulled anonymously from Docker Hub hit its rate limit in CodeBuild. */
final class DockerfileChecks {
  private static final Pattern FROM = Pattern.compile(
      "(?i)^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");

  private DockerfileChecks() {}

  static void check(String dockerfile, List<Finding> out) {
    if (dockerfile == null) {
      return;
    }
    Set<String> stages = new HashSet<>();
    List<String> lines = dockerfile.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      var m = FROM.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      String image = m.group(1);
      boolean local = image.equalsIgnoreCase("scratch") || image.contains("$")
          || stages.contains(image.toLowerCase(Locale.ROOT));
      if (!local && ImageRef.onDockerHub(image)) {
        out.add(Finding.warning(Preflight.DOCKERFILE, i + 1, 21, "dockerfile.dockerHubBase", image));
      }
      if (m.group(2) != null) {
        stages.add(m.group(2).toLowerCase(Locale.ROOT));
      }
    }
  }
}
