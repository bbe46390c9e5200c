package org.bgwizard.sandbox.codebuild.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bgwizard.sandbox.codebuild.shell.BuildShell.Result;

/**
 * {@code grep} as the build image's GNU grep runs it, for the options tests in a buildspec use: {@code -q},
 * {@code -i}, {@code -v}, {@code -c}, {@code -F}, {@code -E}, {@code -e PATTERN}, combined short options, files or
 * stdin. Exit status 0 when a line is selected, 1 when none is, 2 on an error unless {@code -q} selected a line
 * (GNU grep manual, "2.3 Exit Status"). Basic regular expressions are read as GNU grep reads them: {@code \( \) \{ \}
 * \| \+ \?} are operators and the bare characters literal (GNU grep manual, "3.6 Basic vs Extended Regular
 * Expressions").
 */
final class BuildGrep {
  private BuildGrep() {}

  /**
   * @param readFile a workspace file's text, or null when it does not exist
   * @param log where error messages go (the build log)
   */
  static Result run(List<String> args, String stdin, Function<String, String> readFile, Consumer<String> log) {
    boolean quiet = false;
    boolean ignoreCase = false;
    boolean invert = false;
    boolean count = false;
    boolean fixed = false;
    boolean extended = false;
    List<String> patterns = new ArrayList<>();
    List<String> operands = new ArrayList<>();
    boolean optionsEnd = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (optionsEnd || !a.startsWith("-") || a.equals("-")) {
        operands.add(a);
      } else if (a.equals("--")) {
        optionsEnd = true;
      } else if (a.equals("-e")) {
        if (i + 1 >= args.size()) {
          log.accept("grep: option requires an argument -- 'e'");
          return Result.fail(2);
        }
        patterns.add(args.get(++i));
      } else if (a.startsWith("--")) {
        switch (a) {
          case "--quiet", "--silent" -> quiet = true;
          case "--ignore-case" -> ignoreCase = true;
          case "--invert-match" -> invert = true;
          case "--count" -> count = true;
          case "--fixed-strings" -> fixed = true;
          case "--extended-regexp" -> extended = true;
          default -> {
            log.accept("grep: unrecognized option '" + a + "'");
            return Result.fail(2);
          }
        }
      } else {
        for (char c : a.substring(1).toCharArray()) {
          switch (c) {
            case 'q' -> quiet = true;
            case 's' -> { }
            case 'i' -> ignoreCase = true;
            case 'v' -> invert = true;
            case 'c' -> count = true;
            case 'F' -> fixed = true;
            case 'E' -> extended = true;
            default -> {
              log.accept("grep: invalid option -- '" + c + "'");
              return Result.fail(2);
            }
          }
        }
      }
    }
    if (patterns.isEmpty()) {
      if (operands.isEmpty()) {
        log.accept("Usage: grep [OPTION]... PATTERNS [FILE]...");
        return Result.fail(2);
      }
      patterns.add(operands.remove(0));
    }
    List<Pattern> compiled = new ArrayList<>();
    try {
      for (String p : patterns) {
        // a pattern holding newlines is one pattern per line (GNU grep manual, "2.1.2 Matching Control")
        for (String one : p.split("\n", -1)) {
          String regex = fixed ? Pattern.quote(one) : extended ? one : basicToJava(one);
          compiled.add(Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
        }
      }
    } catch (PatternSyntaxException e) {
      log.accept("grep: " + e.getDescription());
      return Result.fail(2);
    }
    boolean error = false;
    boolean selectedAny = false;
    StringBuilder out = new StringBuilder();
    List<String> files = operands.isEmpty() ? List.of("-") : operands;
    for (String file : files) {
      String text = file.equals("-") ? stdin : readFile.apply(file);
      if (text == null) {
        log.accept("grep: " + file + ": No such file or directory");
        error = true;
        continue;
      }
      String prefix = files.size() > 1 ? file + ":" : "";
      int selected = 0;
      String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      if (!text.isEmpty()) {
        for (String line : body.split("\n", -1)) {
          boolean matches = compiled.stream().anyMatch(p -> p.matcher(line).find());
          if (matches != invert) {
            selected++;
            if (!quiet && !count) {
              out.append(prefix).append(line).append('\n');
            }
          }
        }
      }
      if (count && !quiet) {
        out.append(prefix).append(selected).append('\n');
      }
      selectedAny |= selected > 0;
      if (quiet && selectedAny) {
        return Result.ok("");
      }
    }
    return new Result(error ? 2 : selectedAny ? 0 : 1, out.toString());
  }

  /** A basic regular expression as a Java one. */
  static String basicToJava(String bre) {
    StringBuilder sb = new StringBuilder();
    boolean inBracket = false;
    for (int i = 0; i < bre.length(); i++) {
      char c = bre.charAt(i);
      if (inBracket) {
        // inside [...] every character is literal but the closing bracket (and [ which Java would nest)
        if (c == ']' && !(bre.charAt(i - 1) == '[' || bre.charAt(i - 1) == '^' && bre.charAt(i - 2) == '[')) {
          inBracket = false;
          sb.append(c);
        } else {
          sb.append(c == '[' || c == '\\' || c == '&' ? "\\" + c : String.valueOf(c));
        }
      } else if (c == '[') {
        inBracket = true;
        sb.append(c);
      } else if (c == '\\' && i + 1 < bre.length()) {
        char n = bre.charAt(++i);
        sb.append("(){}|+?".indexOf(n) >= 0 ? String.valueOf(n) : "\\" + n);
      } else if ("(){}|+?".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else if (c == '*' && (sb.length() == 0 || i == 0)) {
        sb.append("\\*");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
