package org.bgwizard.sandbox.codebuild.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The part of a POSIX shell that buildspec commands use: words with quotes and escapes, {@code $VAR},
 * {@code ${VAR}}, {@code ${VAR:=default}} / {@code :-} / {@code =} / {@code -}, {@code $(…)} and backticks,
 * word splitting of unquoted expansions, assignments and {@code export}, pipes, {@code > file} / {@code >>},
 * {@code &&}, {@code ||}, {@code ;}, {@code exit N} and {@code sh FILE} / {@code sh -c COMMANDS}. The commands
 * themselves are {@link Programs}.
 */
public final class BuildShell {
  /** What a command printed to stdout and its exit status; stderr goes straight to the build log. */
  record Result(int exit, String stdout) {
    static Result ok(String stdout) {
      return new Result(0, stdout);
    }

    static Result fail(int exit) {
      return new Result(exit, "");
    }
  }

  interface Programs {
    public Result run(List<String> argv, String stdin);
  }

  /** Where the shell writes: redirected files, and stdout that is not redirected (build log lines). */
  public interface Io {
    void writeFile(String path, String content, boolean append);

    void stdout(String text);
  }

  record Command(List<String> words, String redirect, boolean append) {}

  /** A pipeline and the operator that joins it to the previous one ({@code ;}, {@code &&} or {@code ||}). */
  record Step(String joiner, List<Command> pipeline) {}

  private final Map<String, String> variables;
  private final Map<String, String> environment;
  private final Programs programs;
  private final Io io;
  private int lastStatus;
  private boolean exited;

  /**
   * @param variables shell variables, updated by assignments (they win over the environment)
   * @param environment the build's environment: project variables, built-ins, secrets
   */
  public BuildShell(Map<String, String> variables, Map<String, String> environment, Programs programs, Io io) {
    this.variables = variables;
    this.environment = environment;
    this.programs = programs;
    this.io = io;
  }

  /** Runs one buildspec command (which may hold several lines); returns its exit status. */
  public int run(String line) {
    exited = false;
    return runSteps(ShellSyntax.parse(line), io::stdout);
  }

  private int runSteps(List<Step> steps, Consumer<String> out) {
    int status = 0;
    for (Step step : steps) {
      if (exited) {
        break;
      }
      if (step.joiner().equals("&&") && status != 0 || step.joiner().equals("||") && status == 0) {
        continue;
      }
      status = runPipeline(step.pipeline(), out);
      lastStatus = status;
    }
    return status;
  }

  private int runPipeline(List<Command> pipeline, Consumer<String> out) {
    String stdin = "";
    Result result = Result.ok("");
    for (int i = 0; i < pipeline.size() && !exited; i++) {
      Command c = pipeline.get(i);
      result = runCommand(c, stdin);
      if (c.redirect() != null) {
        List<String> target = expand(c.redirect());
        io.writeFile(String.join(" ", target), result.stdout(), c.append());
        result = new Result(result.exit(), "");
      }
      stdin = result.stdout();
    }
    if (!result.stdout().isEmpty()) {
      out.accept(result.stdout());
    }
    return result.exit();
  }

  private Result runCommand(Command c, String stdin) {
    List<String> words = c.words();
    int first = 0;
    while (first < words.size() && isAssignment(words.get(first))) {
      first++;
    }
    if (first == words.size()) {
      words.forEach(this::assign);
      return Result.ok("");
    }
    // prefix assignments (X=1 cmd) apply to that command only
    Map<String, String> saved = new java.util.HashMap<>(variables);
    words.subList(0, first).forEach(this::assign);
    List<String> argv = new ArrayList<>();
    for (String w : words.subList(first, words.size())) {
      argv.addAll(expand(w));
    }
    try {
      if (argv.isEmpty()) {
        return Result.ok("");
      }
      switch (argv.get(0)) {
        case "export" -> {
          argv.subList(1, argv.size()).stream().filter(a -> a.contains("="))
              .forEach(a -> variables.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
          return Result.ok("");
        }
        case "sh" -> {
          return script(argv, stdin);
        }
        case "exit" -> {
          exited = true;
          return Result.fail(argv.size() > 1 ? parseStatus(argv.get(1)) : lastStatus);
        }
        default -> {
          return programs.run(argv, stdin);
        }
      }
    } finally {
      if (first > 0) {
        variables.clear();
        variables.putAll(saved);
      }
    }
  }

  /**
   * {@code sh FILE} or {@code sh -c COMMANDS}: the commands run in a child shell that starts with this shell's
   * variables and whose assignments and {@code exit} stay in it; its status is that of its last command, or of
   * {@code exit N} ("sh", POSIX.1-2017 Shell and Utilities: "the exit status shall be the exit status of the last
   * command the shell invoked"). A script file that cannot be read is status 127, as bash reports it. The file is read
   * through the build's own {@code cat}.
   */
  private Result script(List<String> argv, String stdin) {
    String commands;
    if (argv.size() > 2 && argv.get(1).equals("-c")) {
      commands = argv.get(2);
    } else if (argv.size() > 1 && !argv.get(1).startsWith("-")) {
      Result file = programs.run(List.of("cat", argv.get(1)), "");
      if (file.exit() != 0) {
        return Result.fail(127);
      }
      commands = file.stdout();
    } else {
      // sh reading commands from its standard input
      commands = stdin;
    }
    BuildShell child = new BuildShell(new java.util.HashMap<>(variables), environment, programs, io);
    StringBuilder out = new StringBuilder();
    int status = child.runSteps(ShellSyntax.parse(commands), out::append);
    return new Result(status, out.toString());
  }

  private static int parseStatus(String s) {
    try {
      return Integer.parseInt(s) & 0xff;
    } catch (NumberFormatException e) {
      return 2;
    }
  }

  private static boolean isAssignment(String word) {
    int eq = word.indexOf('=');
    return eq > 0 && word.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
  }

  private void assign(String word) {
    int eq = word.indexOf('=');
    variables.put(word.substring(0, eq), expandNoSplit(word.substring(eq + 1)));
  }

  String lookup(String name) {
    if (name.equals("?")) {
      return String.valueOf(lastStatus);
    }
    String v = variables.get(name);
    return v != null ? v : environment.get(name);
  }

  // ---- expansion

  /** A word's fields after expansion and splitting of unquoted expansions. */
  List<String> expand(String word) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean[] started = {false};
    int i = 0;
    int n = word.length();
    while (i < n) {
      char ch = word.charAt(i);
      int next = ShellSyntax.skipUnit(word, i);
      if (ch == '\\') {
        current.append(next > i + 1 ? word.charAt(i + 1) : "");
        started[0] = true;
      } else if (ch == '\'') {
        current.append(word, i + 1, Math.max(i + 1, next - 1));
        started[0] = true;
      } else if (ch == '"') {
        current.append(expandDoubleQuoted(word.substring(i + 1, Math.max(i + 1, next - 1))));
        started[0] = true;
      } else if (ch == '$' || ch == '`') {
        int[] end = {next};
        String value = expansion(word, i, end);
        next = end[0];
        splitInto(value, fields, current, started);
      } else {
        current.append(ch);
        started[0] = true;
      }
      i = next;
    }
    if (started[0]) {
      fields.add(current.toString());
    }
    return fields;
  }

  /** A word expanded without splitting (assignment values, defaults). */
  private String expandNoSplit(String word) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < word.length()) {
      char ch = word.charAt(i);
      int next = ShellSyntax.skipUnit(word, i);
      if (ch == '\\') {
        sb.append(next > i + 1 ? word.charAt(i + 1) : "");
      } else if (ch == '\'') {
        sb.append(word, i + 1, Math.max(i + 1, next - 1));
      } else if (ch == '"') {
        sb.append(expandDoubleQuoted(word.substring(i + 1, Math.max(i + 1, next - 1))));
      } else if (ch == '$' || ch == '`') {
        int[] end = {next};
        sb.append(expansion(word, i, end));
        next = end[0];
      } else {
        sb.append(ch);
      }
      i = next;
    }
    return sb.toString();
  }

  private String expandDoubleQuoted(String inner) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < inner.length()) {
      char ch = inner.charAt(i);
      if (ch == '\\' && i + 1 < inner.length() && "$`\"\\".indexOf(inner.charAt(i + 1)) >= 0) {
        sb.append(inner.charAt(i + 1));
        i += 2;
      } else if (ch == '$' || ch == '`') {
        int[] end = {ShellSyntax.skipUnit(inner, i)};
        sb.append(expansion(inner, i, end));
        i = end[0];
      } else {
        sb.append(ch);
        i++;
      }
    }
    return sb.toString();
  }

  /** The value of the expansion at {@code s[i]}; {@code end[0]} is set to the index after it. */
  private String expansion(String s, int i, int[] end) {
    if (s.charAt(i) == '`') {
      return substitute(s.substring(i + 1, Math.max(i + 1, end[0] - 1)));
    }
    if (i + 1 >= s.length()) {
      end[0] = i + 1;
      return "$";
    }
    char c = s.charAt(i + 1);
    if (c == '(') {
      return substitute(s.substring(i + 2, Math.max(i + 2, end[0] - 1)));
    }
    if (c == '{') {
      return parameter(s.substring(i + 2, Math.max(i + 2, end[0] - 1)));
    }
    int j = i + 1;
    if (c == '?') {
      end[0] = j + 1;
      return lookup("?");
    }
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    end[0] = j;
    if (j == i + 1) {
      return "$";
    }
    String v = lookup(s.substring(i + 1, j));
    return v == null ? "" : v;
  }

  /** {@code ${NAME}}, {@code ${NAME:=word}}, {@code ${NAME:-word}}, {@code ${NAME=word}}, {@code ${NAME-word}}. */
  private String parameter(String body) {
    int k = 0;
    while (k < body.length() && (Character.isLetterOrDigit(body.charAt(k)) || body.charAt(k) == '_')) {
      k++;
    }
    String name = body.substring(0, k);
    String v = lookup(name);
    String rest = body.substring(k);
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(1) : rest;
    boolean unset = v == null || colon && v.isEmpty();
    if (op.startsWith("=") || op.startsWith("-")) {
      if (!unset) {
        return v;
      }
      String dflt = expandNoSplit(op.substring(1));
      if (op.startsWith("=")) {
        variables.put(name, dflt);
      }
      return dflt;
    }
    return v == null ? "" : v;
  }

  private String substitute(String commandLine) {
    StringBuilder out = new StringBuilder();
    boolean wasExited = exited;
    runSteps(ShellSyntax.parse(commandLine), out::append);
    exited = wasExited;
    String s = out.toString();
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }

  private static void splitInto(String value, List<String> fields, StringBuilder current, boolean[] started) {
    int i = 0;
    int n = value.length();
    while (i < n) {
      if (Character.isWhitespace(value.charAt(i))) {
        if (started[0]) {
          fields.add(current.toString());
          current.setLength(0);
          started[0] = false;
        }
        i++;
      } else {
        current.append(value.charAt(i));
        started[0] = true;
        i++;
      }
    }
  }
}
