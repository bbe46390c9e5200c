package org.bgwizard.sandbox.codebuild.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgwizard.sandbox.codebuild.shell.BuildShell.Result;
import org.junit.jupiter.api.Test;

/** The shell subset buildspec commands are run with. */
class BuildShellTest {
  final Map<String, String> variables = new TreeMap<>();
  final Map<String, String> environment = new HashMap<>(Map.of("CODEBUILD_RESOLVED_SOURCE_VERSION",
      "0123456789abcdef", "AWS_ACCOUNT_ID", "123456789012", "AWS_DEFAULT_REGION", "us-east-1"));
  final Map<String, String> files = new TreeMap<>();
  final List<String> out = new ArrayList<>();
  final List<List<String>> calls = new ArrayList<>();

  /** echo, cat (stdin), rev-cut (first 7 chars of stdin), fail (exit 3), and "args" which records its argv. */
  final BuildShell shell = new BuildShell(variables, environment, (argv, stdin) -> {
    calls.add(argv);
    return switch (argv.get(0)) {
      case "echo" -> Result.ok(String.join(" ", argv.subList(1, argv.size())) + "\n");
      case "cat" -> Result.ok(stdin);
      case "head7" -> Result.ok(stdin.substring(0, Math.min(7, stdin.length())) + "\n");
      case "fail" -> Result.fail(3);
      default -> Result.ok("");
    };
  }, new BuildShell.Io() {
    @Override
    public void writeFile(String path, String content, boolean append) {
      files.merge(path, content, (a, b) -> append ? a + b : b);
    }

    @Override
    public void stdout(String text) {
      out.add(text);
    }
  });

  @Test
  void assignments_commandSubstitution_andDefaultExpansion_asTheGeneratedBuildspecUsesThem() {
    shell.run("REPOSITORY_URI=$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/demo");
    shell.run("COMMIT_HASH=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | head7)");
    shell.run("IMAGE_TAG=${COMMIT_HASH:=latest}");
    assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", variables.get("REPOSITORY_URI"));
    assertEquals("0123456", variables.get("IMAGE_TAG"));

    environment.remove("CODEBUILD_RESOLVED_SOURCE_VERSION");
    shell.run("COMMIT_HASH=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | head7)");
    shell.run("IMAGE_TAG=${COMMIT_HASH:=latest}");
    assertEquals("latest", variables.get("IMAGE_TAG"));
    assertEquals("latest", variables.get("COMMIT_HASH"), ":= assigns the default");
  }

  @Test
  void quotes_keepWordsTogether_andUnquotedExpansionsSplit() {
    variables.put("SPACED", "demo ");
    shell.run("args 'a b' \"c $SPACED\" $SPACED:tag x\\ y");
    assertEquals(List.of("args", "a b", "c demo ", "demo", ":tag", "x y"), calls.get(0));
  }

  @Test
  void singleQuotes_areLiteral_andPrintfStyleFormatsSurvive() {
    variables.put("URI", "repo:1");
    shell.run("args '{\"ImageURI\":\"%s\"}' $URI");
    assertEquals(List.of("args", "{\"ImageURI\":\"%s\"}", "repo:1"), calls.get(0));
  }

  @Test
  void redirection_writesTheFile_andPipesFeedTheNextCommand() {
    shell.run("echo hello | cat > out.txt");
    shell.run("echo more >> out.txt");
    assertEquals("hello\nmore\n", files.get("out.txt"));
    assertEquals(List.of(), out);
  }

  @Test
  void andOr_andExit_decideWhatRuns_andTheStatus() {
    assertEquals(3, shell.run("fail && echo skipped"));
    assertEquals(0, shell.run("fail || echo recovered"));
    assertEquals(List.of("recovered\n"), out);
    assertEquals(5, shell.run("exit 5; echo never"));
    assertEquals(1, out.size());
  }

  @Test
  void aPipeline_hasTheStatusOfItsLastCommand() {
    assertEquals(0, shell.run("fail | cat"));
    assertEquals(3, shell.run("echo x | fail"));
  }

  @Test
  void prefixAssignments_applyToTheCommandOnly_andExportSetsVariables() {
    shell.run("A=1 args $A");
    shell.run("export B=two");
    assertEquals(null, variables.get("A"));
    assertEquals("two", variables.get("B"));
  }

  @Test
  void backticks_andStderrRedirects_areUnderstood() {
    shell.run("echo Build started on `echo today` 2>&1");
    assertEquals(List.of("Build started on today\n"), out);
  }

  @Test
  void printf_substitutesAndRepeatsItsFormat() {
    assertEquals("{\"ImageURI\":\"r:1\"}", BuildPrograms.printf(List.of("{\"ImageURI\":\"%s\"}", "r:1")));
    assertEquals("a\nb\n", BuildPrograms.printf(List.of("%s\\n", "a", "b")));
    assertEquals("100%", BuildPrograms.printf(List.of("100%%")));
  }

  /** A shell whose programs are the build image's grep and echo, reading {@link #files} as the workspace. */
  private BuildShell withGrep() {
    return new BuildShell(variables, environment, (argv, stdin) -> switch (argv.get(0)) {
      case "grep" -> BuildGrep.run(argv.subList(1, argv.size()), stdin, files::get, out::add);
      case "echo" -> Result.ok(String.join(" ", argv.subList(1, argv.size())) + "\n");
      case "cat" -> files.containsKey(argv.get(1)) ? Result.ok(files.get(argv.get(1))) : Result.fail(1);
      default -> Result.ok("");
    }, new BuildShell.Io() {
      @Override
      public void writeFile(String path, String content, boolean append) {
        files.merge(path, content, (a, b) -> append ? a + b : b);
      }

      @Override
      public void stdout(String text) {
        out.add(text);
      }
    });
  }

  @Test
  void grep_selectsLines_andItsStatusSaysWhetherAnyWasSelected_orAnErrorHappened() {
    BuildShell sh = withGrep();
    files.put("page.html", "<h1>demo</h1>\n<div class=\"version\">Version 1</div>\n");
    assertEquals(0, sh.run("grep -q 'class=\"version\">[^<]*[0-9]' page.html"));
    assertEquals(1, sh.run("grep -q '<title>' page.html"));
    assertEquals(0, sh.run("grep -qi '<H1>' page.html"), "-i ignores case");
    assertEquals(0, sh.run("grep -v -q '<h1>' page.html"), "-v selects the other line");
    assertEquals(2, sh.run("grep -q x missing.html"));
    assertEquals("grep: missing.html: No such file or directory", out.get(out.size() - 1));
    assertEquals(0, sh.run("grep -q demo missing.html page.html"), "-q: a selected line wins over an error");
    assertEquals(0, sh.run("grep -c demo page.html > n.txt"));
    assertEquals("1\n", files.get("n.txt"));
    assertEquals(1, sh.run("echo '' | grep -q ."), "an empty line holds no character");
    assertEquals(0, sh.run("echo ' x' | grep -q ."));
  }

  @Test
  void grep_readsBasicRegularExpressions_asGnuGrepDoes() {
    assertEquals("a\\+b\\(c\\)", BuildGrep.basicToJava("a+b(c)"), "bare + ( ) are literal");
    assertEquals("(ab)+", BuildGrep.basicToJava("\\(ab\\)\\+"), "escaped they are operators");
    assertEquals("<title>..*</title>", BuildGrep.basicToJava("<title>..*</title>"));
    assertEquals("[^<]*", BuildGrep.basicToJava("[^<]*"));
    BuildShell sh = withGrep();
    files.put("f", "1+1\n");
    assertEquals(0, sh.run("grep -q '1+1' f"));
    assertEquals(1, sh.run("grep -qE '1+1' f"), "in an extended expression + repeats");
    assertEquals(0, sh.run("grep -qF '1+1' f"));
  }

  @Test
  void sh_runsAScriptFile_inAChildShell_withTheStatusOfItsExit() {
    BuildShell sh = withGrep();
    variables.put("GREETING", "hi");
    files.put("t.sh", "#!/bin/sh\n# a comment\nX=1\necho $GREETING $X\necho bye && exit 3\necho never\n");
    assertEquals(3, sh.run("sh t.sh"));
    assertEquals(List.of("hi 1\nbye\n"), out);
    assertEquals(null, variables.get("X"), "the script's assignments stay in it");
    assertEquals(0, sh.run("sh -c 'exit 0' && echo after"), "exit ends only the child shell");
    assertEquals("after\n", out.get(out.size() - 1));
    assertEquals(127, sh.run("sh nothing.sh"));
  }
}
