package org.bgwizard.artifacts;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One result of a preflight check. Message and fix come from the bundle {@code org.bgwizard.artifacts.preflight}
 * (English and Japanese): {@code key} is the message, {@code key.fix} the fix, both filled with {@code args}.
 *
 * @param file {@code buildspec.yml}, {@code appspec.yaml}, {@code taskdef.json}, {@code Dockerfile},
 *     {@code setup} (the setup itself), {@code policy:<role>} or {@code trust:<role>} (IAM documents by role key)
 * @param line 1-based line in {@code file}, or null when the finding has no single line
 * @param catalogueRow the failure catalogue row this prevents, 0 when none
 */
public record Finding(Severity severity, String file, Integer line, int catalogueRow, String key, List<String> args) {

  /** By file, then line (findings without a line first). */
  public static final Comparator<Finding> BY_PLACE = Comparator.comparing(Finding::file)
      .thenComparing(Finding::line, Comparator.nullsFirst(Comparator.naturalOrder()));

  public Finding {
    args = List.copyOf(args);
  }

  static Finding error(String file, Integer line, int row, String key, Object... args) {
    return of(Severity.ERROR, file, line, row, key, args);
  }

  static Finding warning(String file, Integer line, int row, String key, Object... args) {
    return of(Severity.WARNING, file, line, row, key, args);
  }

  static Finding info(String file, Integer line, int row, String key, Object... args) {
    return of(Severity.INFO, file, line, row, key, args);
  }

  private static Finding of(Severity severity, String file, Integer line, int row, String key, Object... args) {
    // Strings, so that MessageFormat prints ports and sizes as they are (5000, not 5,000).
    return new Finding(severity, file, line, row, key, Arrays.stream(args).map(String::valueOf).toList());
  }

  public String message(Locale locale) {
    return format(key, locale);
  }

  public String fix(Locale locale) {
    return format(key + ".fix", locale);
  }

  public String message() {
    return message(Locale.ROOT);
  }

  public String fix() {
    return fix(Locale.ROOT);
  }

  public Finding inFile(String otherFile) {
    return new Finding(severity, otherFile, line, catalogueRow, key, args);
  }

  private String format(String bundleKey, Locale locale) {
    var bundle = ResourceBundle.getBundle("org.bgwizard.artifacts.preflight", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(bundleKey), locale).format(args.toArray());
  }

  /** {@code file:line: SEVERITY message (catalogue row N)}, in English. */
  @Override
  public String toString() {
    return file + (line == null ? "" : ":" + line) + ": " + severity + " " + message()
        + (catalogueRow == 0 ? "" : " (catalogue row " + catalogueRow + ")");
  }
}
