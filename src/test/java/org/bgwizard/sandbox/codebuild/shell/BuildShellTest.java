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
}
