package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.BuildspecFacts.IMAGE_DEFINITIONS;
import static org.bgwizard.artifacts.BuildspecFacts.IMAGE_DETAIL;
import static org.bgwizard.artifacts.BuildspecFacts.TASKDEF;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bgwizard.artifacts.BuildspecFacts.ArtifactFile;
import org.bgwizard.artifacts.BuildspecFacts.Command;
import org.bgwizard.setup.Container.Architecture;

/** Checks of buildspec.yml: structure, secrets, the image file the deploy action reads, the build platform. */
final class BuildspecChecks {
  private static final String FILE = Preflight.BUILDSPEC;
  private static final Pattern DOCKER_BUILD = Pattern.compile("\\bdocker\\s+(?:buildx\\s+)?build\\b");
  private static final Pattern PLATFORM = Pattern.compile("--platform(?:=|\\s+)[\"']?([^\\s\"']+)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern SECRET_NAME = Pattern.compile("TOKEN|PASSWORD|SECRET|PASS|KEY");
  private static final Pattern LOGIN_PASSWORD =
      Pattern.compile("(?:^|\\s)(?:-p|--password)(?:=|\\s+)[\"']?([^\\s\"']+)");
  private static final Pattern ECHO_INTO_LOGIN =
      Pattern.compile("\\becho\\s+[\"']?([^\\s|\"']+)[\"']?\\s*\\|\\s*docker\\s+login\\b");

  /** A {@code docker build --platform} value and the command that gives it. */
  record Platform(Command command, String value) {}

  private BuildspecChecks() {}

  static void check(Documents docs, List<Finding> out) {
    SourceLines doc = docs.buildspec();
    if (doc == null) {
      return;
    }
    BuildspecFacts build = docs.build();
    structure(doc, build, out);
    secrets(doc, build, out);
    if (docs.ecsAction()) {
      ImageDefinitionsChecks.check(doc, build, docs.spec(), out);
    } else {
      if (docs.taskDefinitionInRepo()) {
        imageDetail(doc, build, out);
      } else {
        generatedTaskdef(doc, build, out);
      }
      imageDefinitions(doc, build, out);
    }
    docs.taskArchitecture().ifPresent(arch -> platform(doc, build, arch, out));
  }

  /**
   * The unit tests' buildspec of a setup with environments: read as CodeBuild reads any buildspec (version, phases,
   * commands as text, no plain secrets). Findings name {@link Preflight#BUILDSPEC}; the caller moves them to the
   * file. Returns its facts, or null when it cannot be read.
   */
  static BuildspecFacts checkTestBuildspec(String text, List<Finding> out) {
    SourceLines doc;
    try {
      doc = SourceLines.yaml(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.add(Finding.error(FILE, SourceLines.lineOf(e), 27, "buildspec.unparseable", e.getOriginalMessage().strip()));
      return null;
    }
    if (!doc.root().isObject()) {
      out.add(Finding.error(FILE, null, 27, "buildspec.notMapping"));
      return null;
    }
    BuildspecFacts build = BuildspecFacts.of(doc.root());
    structure(doc, build, out);
    secrets(doc, build, out);
    return build;
  }

  static Stream<Platform> platforms(BuildspecFacts build) {
    return build.commands().stream()
        .filter(c -> c.text() != null && DOCKER_BUILD.matcher(c.text()).find())
        .flatMap(c -> PLATFORM.matcher(c.text()).results().map(m -> new Platform(c, m.group(1))));
  }

  private static void structure(SourceLines doc, BuildspecFacts build, List<Finding> out) {
    JsonNode version = doc.root().get("version");
    if (version == null || !version.asText().equals("0.2")) {
      out.add(Finding.error(FILE, line(doc, "/version"), 27, "buildspec.version",
          version == null ? "-" : version.asText()));
    }
    if (doc.root().path("phases").isEmpty()) {
      out.add(Finding.error(FILE, line(doc, "/phases"), 27, "buildspec.noPhases"));
    }
    build.commands().stream().filter(c -> c.text() == null).forEach(c ->
        out.add(Finding.error(FILE, doc.line(c.at()), 27, "buildspec.commandNotText", c.phase())));
    build.variables().stream()
        .filter(v -> !v.name().equals(v.name().strip()) || v.value() != null && !v.value().equals(v.value().strip()))
        .forEach(v -> out.add(Finding.error(FILE, doc.line(v.at()), 27, "buildspec.envSpaces", v.name().strip())));
  }

  private static void secrets(SourceLines doc, BuildspecFacts build, List<Finding> out) {
    build.variables().stream()
        .filter(v -> SECRET_NAME.matcher(v.name().toUpperCase(Locale.ROOT)).find() && isLiteral(v.value()))
        .forEach(v -> out.add(Finding.error(FILE, doc.line(v.at()), 21, "buildspec.plainSecret", v.name())));
    build.commands().stream()
        .filter(c -> c.text() != null && c.text().contains("docker login"))
        .filter(c -> Stream.of(LOGIN_PASSWORD, ECHO_INTO_LOGIN)
            .anyMatch(p -> p.matcher(c.text()).results().anyMatch(m -> isLiteral(m.group(1)))))
        .forEach(c -> out.add(Finding.error(FILE, doc.line(c.at()), 21, "buildspec.loginPassword")));
  }

  private static void imageDetail(SourceLines doc, BuildspecFacts build, List<Finding> out) {
    Optional<Command> writer = build.writing(IMAGE_DETAIL);
    List<ArtifactFile> published = build.publishing(IMAGE_DETAIL);
    Integer artifactsLine = build.artifactsAt() == null ? null : doc.line(build.artifactsAt());
    if (build.artifactsAt() == null) {
      out.add(Finding.error(FILE, null, 2, "buildspec.noArtifacts", IMAGE_DETAIL));
    } else if (published.isEmpty() && writer.isEmpty()) {
      out.add(Finding.error(FILE, artifactsLine, 1, "buildspec.imageDetailMissing"));
      return;
    } else if (published.isEmpty()) {
      out.add(Finding.error(FILE, artifactsLine, 1, "buildspec.imageDetailNotListed"));
    } else if (published.stream().allMatch(ArtifactFile::isWildcard)) {
      ArtifactFile wildcard = published.get(0);
      out.add(Finding.warning(FILE, doc.line(wildcard.at()), 1, "buildspec.imageDetailWildcard", wildcard.pattern()));
    }
    writer.ifPresentOrElse(w -> imageDetailWriter(doc, build, w, out),
        () -> out.add(Finding.error(FILE, artifactsLine, 1, "buildspec.imageDetailNotWritten")));
  }

  private static void imageDetailWriter(SourceLines doc, BuildspecFacts build, Command writer, List<Finding> out) {
    String text = writer.text();
    Integer line = doc.line(writer.at());
    if (!text.contains("ImageURI")) {
      var wrongKey = Pattern.compile("(?i)\"?(imageuri|name)\"?\\s*:").matcher(text);
      out.add(wrongKey.find()
          ? Finding.error(FILE, line, 1, "buildspec.imageDetailWrongKey", wrongKey.group(1))
          : Finding.warning(FILE, line, 1, "buildspec.imageDetailKeyUnknown"));
    }
    if (!namesEcrRegistry(text, qualifiedVariables(build.assignments()))) {
      out.add(Finding.error(FILE, line, 18, "buildspec.imageUriNotQualified", text.strip()));
    }
  }

  private static void generatedTaskdef(SourceLines doc, BuildspecFacts build, List<Finding> out) {
    if (build.artifactsAt() == null) {
      out.add(Finding.error(FILE, null, 2, "buildspec.noArtifacts", TASKDEF));
      return;
    }
    Integer artifactsLine = doc.line(build.artifactsAt());
    if (build.writing(TASKDEF).isEmpty()) {
      out.add(Finding.error(FILE, artifactsLine, 2, "buildspec.taskdefNotWritten"));
    }
    if (build.publishing(TASKDEF).isEmpty()) {
      out.add(Finding.error(FILE, artifactsLine, 2, "buildspec.taskdefNotListed"));
    }
  }

  private static void imageDefinitions(SourceLines doc, BuildspecFacts build, List<Finding> out) {
    Optional<JsonPointer> at = build.writing(IMAGE_DEFINITIONS).map(Command::at).or(() -> build.artifactFiles()
        .stream().filter(a -> a.pattern().endsWith(IMAGE_DEFINITIONS)).map(ArtifactFile::at).findFirst());
    at.ifPresent(p -> out.add(build.writing(IMAGE_DETAIL).isPresent()
        ? Finding.info(FILE, doc.line(p), 3, "buildspec.imageDefinitionsAlso")
        : Finding.warning(FILE, doc.line(p), 3, "buildspec.imageDefinitionsOnly")));
  }

  private static void platform(SourceLines doc, BuildspecFacts build, Architecture task, List<Finding> out) {
    platforms(build).forEach(p -> architectureOf(p.value())
        .filter(built -> built != task)
        .ifPresent(built -> out.add(Finding.error(FILE, doc.line(p.command().at()), 20, "buildspec.platformMismatch",
            p.value(), task.dockerPlatform()))));
  }

  private static Optional<Architecture> architectureOf(String platform) {
    String p = platform.toLowerCase(Locale.ROOT);
    boolean arm = p.contains("arm64") || p.contains("aarch64");
    boolean x86 = p.contains("amd64") || p.contains("x86_64");
    return arm == x86 ? Optional.empty() : Optional.of(arm ? Architecture.ARM64 : Architecture.X86_64);
  }

  private static boolean isLiteral(String value) {
    return value != null && !value.isBlank() && !value.strip().startsWith("$");
  }

  /** Variables whose value, directly or through other variables, names an ECR registry. */
  static Set<String> qualifiedVariables(Map<String, List<String>> assignments) {
    Set<String> qualified = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var a : assignments.entrySet()) {
        if (!qualified.contains(a.getKey()) && a.getValue().stream().anyMatch(v -> namesEcrRegistry(v, qualified))) {
          qualified.add(a.getKey());
          grew = true;
        }
      }
    }
    return qualified;
  }

  static boolean namesEcrRegistry(String text, Set<String> qualifiedVariables) {
    return text.contains("dkr.ecr") || text.contains("repositoryUri")
        || VARIABLE.matcher(text).results().anyMatch(m -> qualifiedVariables.contains(m.group(1)));
  }

  private static Integer line(SourceLines doc, String pointer) {
    return doc.line(JsonPointer.compile(pointer));
  }
}
