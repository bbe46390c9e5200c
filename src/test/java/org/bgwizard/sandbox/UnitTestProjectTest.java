package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bgwizard.artifacts.FileNames;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.artifacts.StarterApp;
import org.bgwizard.artifacts.UnitTests;
import org.junit.jupiter.api.Test;

/**
 * The unit-test project of a setup with environments, run by the sandbox's CodeBuild on the starter app's
 * repository: buildspec-test.yml runs tests/page-test.sh through the build shell, which passes on the starter page
 * and fails the build when the page is broken.
 */
class UnitTestProjectTest {
  final PipelineFixture f = new PipelineFixture();

  private String buildTheBranchHead(Map<String, String> files) {
    f.roles(UnaryOperator.identity());
    f.propagate();
    f.sandbox.codeCommit().createRepository(r -> r.repositoryName("demo"));
    f.commit(files, List.of());
    f.sandbox.codeBuild().createProject(f.projectRequest().name(UnitTests.projectName(f.spec))
        .source(s -> s.type("CODECOMMIT").location("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/demo")
            .buildspec(FileNames.BUILDSPEC_TEST))
        .sourceVersion("main").artifacts(a -> a.type("NO_ARTIFACTS")).build());
    String id = f.sandbox.codeBuild().startBuild(r -> r.projectName(UnitTests.projectName(f.spec))).build().id();
    f.advance(300);
    return id;
  }

  private Map<String, String> repository(UnaryOperator<String> page) {
    Map<String, String> files = new LinkedHashMap<>();
    for (RepoFile file : RepoFiles.generate(f.spec, PipelineFixture.TARGET)) {
      files.put(file.path(), file.content());
    }
    for (RepoFile file : UnitTests.files(f.spec)) {
      files.put(file.path(), file.content());
    }
    files.put(RepoFiles.INDEX_HTML, page.apply(StarterApp.indexHtml(f.spec)));
    return files;
  }

  @Test
  void theStarterPage_passesItsTest() {
    var b = f.build(buildTheBranchHead(repository(UnaryOperator.identity())));

    assertEquals("SUCCEEDED", b.buildStatusAsString(), () -> String.join("", f.buildLog(b)));
    assertTrue(f.buildLog(b).stream().anyMatch(l -> l.startsWith("PASS: html/index.html")), () -> "" + f.buildLog(b));
  }

  @Test
  void aPageWithoutItsVersionLine_failsTheBuild_namingWhatIsMissing() {
    var b = f.build(buildTheBranchHead(repository(p -> p.replaceAll(".*class=\"version\".*\n", ""))));

    assertEquals("FAILED", b.buildStatusAsString(), () -> String.join("", f.buildLog(b)));
    List<String> log = f.buildLog(b);
    assertTrue(log.stream().anyMatch(l -> l.startsWith("FAIL: html/index.html is missing: version-line")), () -> "" + log);
    assertTrue(log.stream().anyMatch(l -> l.contains("Command did not exit successfully sh tests/page-test.sh exit status 1")),
        () -> "" + log);
  }
}
