package org.bgwizard.sandbox.codebuild.shell;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.sandbox.codebuild.shell.BuildShell.Command;
import org.bgwizard.sandbox.codebuild.shell.BuildShell.Step;

/**
 * How {@link BuildShell} splits a command line: words (quotes, escapes, {@code $( … )}, {@code ${ … }}, backticks),
 * pipes, redirections and the {@code ;} / {@code &&} / {@code ||} operators between pipelines (POSIX "Shell Command
 * Language", 2.3 Token Recognition and 2.9 Shell Commands).
 */
final class ShellSyntax {
  private ShellSyntax() {}

  static List<Step> parse(String line) {
    List<Step> steps = new ArrayList<>();
    List<Command> pipeline = new ArrayList<>();
    List<String> words = new ArrayList<>();
    String redirect = null;
    boolean append = false;
    boolean expectRedirect = false;
    String joiner = ";";
    int i = 0;
    int n = line.length();
    while (i <= n) {
      char ch = i < n ? line.charAt(i) : '\n';
      if (ch == ' ' || ch == '\t') {
        i++;
        continue;
      }
      boolean end = i == n;
      String op = end ? "END" : operatorAt(line, i);
      if (op == null && ch == '#' ) {
        while (i < n && line.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (op == null) {
        int stop = wordEnd(line, i);
        String word = line.substring(i, stop);
        if (expectRedirect) {
          redirect = word;
          expectRedirect = false;
        } else {
          words.add(word);
        }
        i = stop;
        continue;
      }
      i += op.equals("END") ? 1 : op.length();
      switch (op) {
        case ">", ">>" -> {
          expectRedirect = true;
          append = op.equals(">>");
        }
        case "2>&1" -> { }
        case "2>" -> i = wordEnd(line, skipBlanks(line, i));
        case "|" -> {
          pipeline.add(new Command(List.copyOf(words), redirect, append));
          words.clear();
          redirect = null;
        }
        default -> {
          if (!words.isEmpty() || redirect != null) {
            pipeline.add(new Command(List.copyOf(words), redirect, append));
          }
          if (!pipeline.isEmpty()) {
            steps.add(new Step(joiner, List.copyOf(pipeline)));
          }
          pipeline.clear();
          words.clear();
          redirect = null;
          joiner = op.equals("&&") || op.equals("||") ? op : ";";
        }
      }
    }
    return steps;
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String operatorAt(String s, int i) {
    for (String op : List.of("2>&1", "2>", "&&", "||", ">>", "|", ";", ">", "\n")) {
      if (s.startsWith(op, i)) {
        boolean wordStart = i == 0 || " \t;|&\n".indexOf(s.charAt(i - 1)) >= 0;
        return op.startsWith("2") && !wordStart ? null : op;
      }
    }
    return null;
  }

  /** The end of the word starting at {@code i}: unquoted blank or operator, respecting quotes and $( ). */
  private static int wordEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      char ch = s.charAt(i);
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == ';' || ch == '|' || ch == '>' || ch == '&') {
        return i;
      }
      i = skipUnit(s, i);
    }
    return n;
  }

  /** Skips one lexical unit: a character, an escape, a quoted string, $( … ), ${ … } or a backtick string. */
  static int skipUnit(String s, int i) {
    char ch = s.charAt(i);
    if (ch == '\\') {
      return Math.min(s.length(), i + 2);
    }
    if (ch == '\'') {
      int close = s.indexOf('\'', i + 1);
      return close < 0 ? s.length() : close + 1;
    }
    if (ch == '"') {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != '"') {
        j = s.charAt(j) == '\\' ? j + 2 : s.charAt(j) == '$' || s.charAt(j) == '`' ? skipUnit(s, j) : j + 1;
      }
      return Math.min(s.length(), j + 1);
    }
    if (ch == '`') {
      int close = s.indexOf('`', i + 1);
      return close < 0 ? s.length() : close + 1;
    }
    if (ch == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
      char open = s.charAt(i + 1);
      char close = open == '(' ? ')' : '}';
      int depth = 0;
      int j = i + 1;
      while (j < s.length()) {
        char c = s.charAt(j);
        if (c == open) {
          depth++;
        } else if (c == close && --depth == 0) {
          return j + 1;
        } else if (c == '\'' || c == '"' || c == '`') {
          j = skipUnit(s, j);
          continue;
        }
        j++;
      }
      return s.length();
    }
    return i + 1;
  }
}
