package org.bgwizard.sandbox.codebuild.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bgwizard.sandbox.codebuild.shell.BuildShell.Result;
import org.bgwizard.sandbox.codebuild.BuildRun;

/**
 * The programs a buildspec calls. {@code echo}, {@code printf}, {@code cut -c}, {@code date}, {@code cat},
 * {@code grep} ({@link BuildGrep}) and {@code jq} compute their output; {@code docker} and {@code aws} act on the simulated account. Any other command
 * (package installs, tests, {@code cd}, {@code ls} …) is not modeled: it succeeds with no output and no effect.
 */
public final class BuildPrograms implements BuildShell.Programs {
  public static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private final BuildRun run;

  public BuildPrograms(BuildRun run) {
    this.run = run;
  }

  @Override
  public Result run(List<String> argv, String stdin) {
    List<String> args = argv.subList(1, argv.size());
    return switch (argv.get(0)) {
      case "echo" -> echo(args);
      case "printf" -> Result.ok(printf(args));
      case "cut" -> cut(args, stdin);
      case "date" -> Result.ok(DATE.format(run.account().now()) + "\n");
      case "cat" -> cat(args, stdin);
      case "jq" -> jq(args, stdin);
      case "grep" -> BuildGrep.run(args, stdin, file -> run.workspace().files.get(run.relative(file)), run::output);
      case "docker" -> new BuildDocker(run).run(args, stdin);
      case "aws" -> new BuildAwsCli(run).run(args);
      case "false" -> Result.fail(1);
      default -> Result.ok("");
    };
  }

  private static Result echo(List<String> args) {
    boolean newline = true;
    int i = 0;
    if (!args.isEmpty() && args.get(0).equals("-n")) {
      newline = false;
      i = 1;
    }
    return Result.ok(String.join(" ", args.subList(i, args.size())) + (newline ? "\n" : ""));
  }

  /** {@code %s}, {@code %d} and {@code %%} with backslash escapes; the format repeats while arguments remain. */
  static String printf(List<String> args) {
    if (args.isEmpty()) {
      return "";
    }
    String format = args.get(0);
    List<String> rest = args.subList(1, args.size());
    StringBuilder out = new StringBuilder();
    int next = 0;
    do {
      for (int i = 0; i < format.length(); i++) {
        char c = format.charAt(i);
        if (c == '%' && i + 1 < format.length()) {
          char f = format.charAt(++i);
          if (f == '%') {
            out.append('%');
          } else {
            out.append(next < rest.size() ? rest.get(next) : "");
            next++;
          }
        } else if (c == '\\' && i + 1 < format.length()) {
          char e = format.charAt(++i);
          out.append(switch (e) {
            case 'n' -> "\n";
            case 't' -> "\t";
            default -> String.valueOf(e);
          });
        } else {
          out.append(c);
        }
      }
    } while (next > 0 && next < rest.size());
    return out.toString();
  }

  private Result cut(List<String> args, String stdin) {
    int c = args.indexOf("-c");
    String range = c >= 0 && c + 1 < args.size() ? args.get(c + 1)
        : args.stream().filter(a -> a.startsWith("-c")).map(a -> a.substring(2)).findFirst().orElse(null);
    if (range == null || !range.matches("\\d*-?\\d*") || range.isEmpty() || range.equals("-")) {
      run.output("cut: you must specify a list of bytes, characters, or fields");
      return Result.fail(1);
    }
    int dash = range.indexOf('-');
    int from = dash == 0 ? 1 : Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
    int to = dash < 0 ? from : dash == range.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(range.substring(dash + 1));
    if (stdin.isEmpty()) {
      return Result.ok("");
    }
    String body = stdin.endsWith("\n") ? stdin.substring(0, stdin.length() - 1) : stdin;
    StringBuilder out = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      int start = Math.min(line.length(), from - 1);
      out.append(line, start, Math.max(start, Math.min(line.length(), to))).append('\n');
    }
    return Result.ok(out.toString());
  }

  private Result cat(List<String> args, String stdin) {
    if (args.isEmpty()) {
      return Result.ok(stdin);
    }
    StringBuilder out = new StringBuilder();
    for (String file : args) {
      String content = run.workspace().files.get(run.relative(file));
      if (content == null) {
        run.output("cat: " + file + ": No such file or directory");
        return new Result(1, out.toString());
      }
      out.append(content);
    }
    return Result.ok(out.toString());
  }

  private Result jq(List<String> args, String stdin) {
    Map<String, String> vars = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    boolean raw = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--arg") && i + 2 < args.size()) {
        vars.put(args.get(i + 1), args.get(i + 2));
        i += 2;
      } else if (a.equals("-r") || a.equals("--raw-output")) {
        raw = true;
      } else if (!a.startsWith("-") || a.equals("-")) {
        positional.add(a);
      }
    }
    if (positional.isEmpty()) {
      run.output("Usage:\tjq [OPTIONS] FILTER [FILES...]");
      return Result.fail(2);
    }
    String input = stdin;
    if (positional.size() > 1) {
      input = run.workspace().files.get(run.relative(positional.get(1)));
      if (input == null) {
        run.output("jq: error: Could not open " + positional.get(1) + ": No such file or directory");
        return Result.fail(2);
      }
    }
    try {
      if (input.isBlank()) {
        return Result.ok("");
      }
      JsonNode doc = PRETTY.readTree(input);
      StringBuilder out = new StringBuilder();
      for (JsonNode result : JqLite.run(positional.get(0), doc, vars)) {
        out.append(raw && result.isTextual() ? result.asText() : PRETTY.writeValueAsString(result)).append('\n');
      }
      return Result.ok(out.toString());
    } catch (JqLite.JqException e) {
      run.output(e.getMessage());
      return Result.fail(e.getMessage().contains("compile error") ? 3 : 5);
    } catch (JsonProcessingException e) {
      run.output("jq: error (at <stdin>:1): Cannot parse input as JSON");
      return Result.fail(2);
    }
  }
}
