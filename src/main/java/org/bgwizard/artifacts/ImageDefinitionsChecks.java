package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.BuildspecFacts.IMAGE_DEFINITIONS;
import static org.bgwizard.artifacts.BuildspecFacts.IMAGE_DETAIL;

import java.util.List;
import java.util.Optional;
import org.bgwizard.artifacts.BuildspecFacts.ArtifactFile;
import org.bgwizard.artifacts.BuildspecFacts.Command;
import org.bgwizard.setup.SetupSpec;

/**
 * The buildspec of an ecs-native setup: the standard Amazon ECS action reads imagedefinitions.json, an array of
 * {@code {"name": container, "imageUri": …}} ("imagedefinitions.json file for Amazon ECS standard deployment
 * actions", CodePipeline User Guide), the reverse of catalogue row 1. An object instead of an array is row 3, a name
 * that is not the task's container row 35.
 */
final class ImageDefinitionsChecks {
  private static final String FILE = Preflight.BUILDSPEC;

  private ImageDefinitionsChecks() {}

  static void check(SourceLines doc, BuildspecFacts build, SetupSpec spec, List<Finding> out) {
    Optional<Command> writer = build.writing(IMAGE_DEFINITIONS);
    List<ArtifactFile> published = build.publishing(IMAGE_DEFINITIONS);
    Integer artifactsLine = build.artifactsAt() == null ? null : doc.line(build.artifactsAt());
    build.writing(IMAGE_DETAIL).ifPresent(c -> out.add(writer.isPresent()
        ? Finding.info(FILE, doc.line(c.at()), 35, "buildspec.imageDetailAlso")
        : Finding.error(FILE, doc.line(c.at()), 35, "buildspec.imageDetailForEcsAction")));
    if (build.artifactsAt() == null) {
      out.add(Finding.error(FILE, null, 2, "buildspec.noArtifacts", IMAGE_DEFINITIONS));
    } else if (published.isEmpty() && writer.isPresent()) {
      out.add(Finding.error(FILE, artifactsLine, 35, "buildspec.imageDefinitionsNotListed"));
    }
    if (writer.isEmpty()) {
      out.add(Finding.error(FILE, artifactsLine, 35, "buildspec.imageDefinitionsNotWritten"));
      return;
    }
    String text = writer.get().text();
    Integer line = doc.line(writer.get().at());
    if (!text.contains("[") || !text.contains("imageUri")) {
      out.add(Finding.error(FILE, line, 3, "buildspec.imageDefinitionsNotArray"));
    }
    if (spec != null && !text.contains(spec.container().name())) {
      out.add(Finding.warning(FILE, line, 35, "buildspec.imageDefinitionsContainer", spec.container().name()));
    }
    if (!BuildspecChecks.namesEcrRegistry(text, BuildspecChecks.qualifiedVariables(build.assignments()))) {
      out.add(Finding.error(FILE, line, 18, "buildspec.imageUriNotQualified", text.strip()));
    }
  }
}
