package org.bgwizard.export;

import java.util.List;
import java.util.Locale;
import org.bgwizard.setup.Strategy;

/**
 * The README of the import folder: what each file is, the commands with their comments, what the import leaves out,
 * and what to watch afterwards; its sentences are keys of the bundle {@code org.bgwizard.export.import}, so that it
 * can be written in the reader's language.
 */
record ImportReadme(String setup, String stack, Strategy strategy, ImportScript commands, List<ImportText> leftOut) {
  ImportReadme {
    leftOut = List.copyOf(leftOut);
  }

  String in(Locale locale) {
    var out = new StringBuilder(line(locale, "readme.title", setup, stack)).append("\n\n");
    out.append(line(locale, "readme.intro")).append("\n\n")
        .append(line(locale, "readme.importTemplate", CloudFormationImport.IMPORT_TEMPLATE)).append('\n')
        .append(line(locale, "readme.resourcesToImport", CloudFormationImport.RESOURCES_TO_IMPORT)).append('\n')
        .append(line(locale, "readme.template", CloudFormationImport.TEMPLATE)).append("\n\n");
    out.append("```sh\n").append(commands.in(locale)).append("```\n\n");
    out.append(line(locale, "readme.leftOut")).append("\n\n");
    if (leftOut.isEmpty()) {
      out.append(line(locale, "readme.leftOut.none", CloudFormationImport.RESOURCES_TO_IMPORT)).append('\n');
    }
    leftOut.forEach(l -> out.append("- ").append(l.in(locale)).append('\n'));
    out.append('\n').append(line(locale, "readme.afterwards")).append("\n\n")
        .append(line(locale, "readme.drift", stack)).append('\n')
        .append(line(locale, strategy == Strategy.ECS_NATIVE ? "readme.deployments.native"
            : "readme.deployments.codeDeploy")).append('\n')
        .append(line(locale, "readme.listenerTags")).append('\n');
    return out.toString();
  }

  private static String line(Locale locale, String key, Object... args) {
    return ImportText.of(key, args).in(locale);
  }
}
