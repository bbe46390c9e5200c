package org.bgwizard.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;

/**
 * Colours YAML and JSON for reading: keys, strings and comments become {@link Text} runs with the style classes
 * {@code code-key}, {@code code-string} and {@code code-comment} (the rest {@code code-plain}), for a TextFlow.
 */
public final class CodeHighlighter {
  public enum Kind { KEY, STRING, COMMENT, PLAIN }

  /** A piece of the text and what it is. */
  public record Run(String text, Kind kind) {}

  // A key: a quoted or bare word before ':' (YAML may start the line with '- '); a comment: '#' at a word start.
  private static final Pattern YAML = Pattern.compile(
      "(?<key>(?<=^|^\\s{1,40}|- )(\"[^\"]*\"|'[^']*'|[\\w./-]+)(?=:(\\s|$)))"
          + "|(?<string>\"(\\\\.|[^\"\\\\])*\"|'[^']*')|(?<comment>(?<=^|\\s)#.*$)", Pattern.MULTILINE);
  private static final Pattern JSON = Pattern.compile(
      "(?<key>\"(\\\\.|[^\"\\\\])*\"(?=\\s*:))|(?<string>\"(\\\\.|[^\"\\\\])*\")|(?<comment>(?!))");

  private CodeHighlighter() {}

  /** The runs of {@code content}, read as JSON when {@code fileName} ends in {@code .json}, else as YAML. */
  public static List<Run> runs(String fileName, String content) {
    Matcher m = (fileName.endsWith(".json") ? JSON : YAML).matcher(content);
    var runs = new ArrayList<Run>();
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        runs.add(new Run(content.substring(at, m.start()), Kind.PLAIN));
      }
      Kind kind = m.group("key") != null ? Kind.KEY : m.group("string") != null ? Kind.STRING : Kind.COMMENT;
      runs.add(new Run(m.group(), kind));
      at = m.end();
    }
    if (at < content.length()) {
      runs.add(new Run(content.substring(at), Kind.PLAIN));
    }
    return runs;
  }

  public static List<Text> texts(String fileName, String content) {
    return runs(fileName, content).stream().map(run -> {
      var text = new Text(run.text());
      text.getStyleClass().addAll("code", "code-" + run.kind().name().toLowerCase(Locale.ROOT));
      return text;
    }).toList();
  }
}
