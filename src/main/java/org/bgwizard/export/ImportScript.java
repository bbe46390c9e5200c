package org.bgwizard.export;

import java.util.List;
import java.util.Locale;

/**
 * The AWS CLI commands of an import in order, with a comment before each group that says what it does: the commands
 * are the same in every language, the comments follow the reader's.
 */
public record ImportScript(List<Line> lines) {
  public ImportScript {
    lines = List.copyOf(lines);
  }

  /** A comment ({@code command} null) or a command ({@code comment} null). */
  public record Line(ImportText comment, String command) {
    static Line comment(String key, Object... args) {
      return new Line(ImportText.of(key, args), null);
    }

    static Line command(String command) {
      return new Line(null, command);
    }
  }

  /** The script as a shell reads it: "# " before each comment, a line each. */
  public String in(Locale locale) {
    var out = new StringBuilder();
    for (Line line : lines) {
      out.append(line.comment() == null ? line.command() : "# " + line.comment().in(locale)).append('\n');
    }
    return out.toString();
  }
}
