package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;

class RepoFilesTest {

  private static List<String> paths(SetupSpec spec) {
    return RepoFiles.generate(spec, Specs.TARGET).stream().map(RepoFile::path).toList();
  }

  private static String content(SetupSpec spec, String path) {
    return RepoFiles.generate(spec, Specs.TARGET).stream().filter(f -> f.path().equals(path))
        .findFirst().orElseThrow().content();
  }

  @Test
  void fileInRepo_withStarterApp_allFiles() {
    assertEquals(List.of("buildspec.yml", "appspec.yaml", "taskdef.json", "Dockerfile", "html/index.html"),
        paths(Specs.tutorial()));
  }

  @Test
  void generatedInBuild_noTaskdefInTheRepository() {
    assertEquals(List.of("buildspec.yml", "appspec.yaml", "Dockerfile", "html/index.html"), paths(Specs.variant()));
  }

  @Test
  void noStarterApp_onlyThePipelineFiles() {
    assertEquals(List.of("buildspec.yml", "appspec.yaml", "taskdef.json"),
        paths(Specs.withStarterApp(Specs.tutorial(), false)));
  }

  @Test
  void dockerfile_baseImageFromEcrPublic_neverDockerHub() {
    String dockerfile = content(Specs.tutorial(), "Dockerfile");
    List<String> froms = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
    assertEquals(List.of("FROM public.ecr.aws/nginx/nginx:stable"), froms);
  }

  @Test
  void dockerfile_port80AndRootHealthCheck_needNoChange() {
    String dockerfile = content(Specs.tutorial(), "Dockerfile");
    assertFalse(dockerfile.contains("RUN "), dockerfile);
    assertTrue(dockerfile.contains("COPY html/ /usr/share/nginx/html/"));
    assertTrue(dockerfile.endsWith("EXPOSE 80\n"));
  }

  @Test
  void dockerfile_otherPort_nginxListensOnTheContainerPort() {
    String dockerfile = content(Specs.withContainer(Specs.tutorial(), "demo", 8080, "/", Map.of()), "Dockerfile");
    assertTrue(dockerfile.contains("RUN sed -i -E 's/listen( +)80;/listen\\18080;/' /etc/nginx/conf.d/default.conf"),
        dockerfile);
    assertTrue(dockerfile.endsWith("EXPOSE 8080\n"));
  }

  @Test
  void dockerfile_healthCheckPath_isServed() {
    assertTrue(content(Specs.withContainer(Specs.tutorial(), "demo", 80, "/health", Map.of()), "Dockerfile")
        .contains("RUN echo ok > /usr/share/nginx/html/health"));
    assertTrue(content(Specs.withContainer(Specs.tutorial(), "demo", 80, "/api/status/", Map.of()), "Dockerfile")
        .contains("RUN mkdir -p /usr/share/nginx/html/api/status && echo ok > /usr/share/nginx/html/api/status/index.html"));
  }

  @Test
  void dockerfile_healthCheckPathWithShellCharacters_isRejected() {
    SetupSpec spec = Specs.withContainer(Specs.tutorial(), "demo", 80, "/x;rm -rf /", Map.of());
    assertThrows(IllegalArgumentException.class, () -> StarterApp.dockerfile(spec));
  }

  @Test
  void indexHtml_showsTheSetupNameAndAVersionLine() {
    String html = content(Specs.tutorial(), "html/index.html");
    assertTrue(html.contains("<title>demo</title>"));
    assertTrue(html.contains("<h1>demo</h1>"));
    assertTrue(html.contains("Version 1"));
    assertFalse(html.contains("{{"));
  }

  @Test
  void indexHtml_escapesTheName() {
    String html = StarterApp.indexHtml(SpecDefaults.tutorial("a<b>&\"c", "ap-northeast-1"));
    assertTrue(html.contains("<h1>a&lt;b&gt;&amp;&quot;c</h1>"), html);
  }

  @Test
  void repoFiles_areTheGeneratorsOutputs() {
    SetupSpec spec = Specs.tutorial();
    assertEquals(Buildspec.yaml(spec), content(spec, "buildspec.yml"));
    assertEquals(Appspec.yaml(spec), content(spec, "appspec.yaml"));
    assertEquals(TaskDefinitions.taskdefJson(spec, Specs.TARGET), content(spec, "taskdef.json"));
  }

  @Test
  void exportFiles_addPipelineAndPoliciesOfCreatedRoles() {
    List<String> paths = ExportFiles.generate(Specs.withExistingRoles(Specs.tutorial(), true, false), Specs.TARGET)
        .stream().map(RepoFile::path).toList();
    assertTrue(paths.contains("pipeline.json"));
    assertTrue(paths.contains("iam/codebuild-trust.json"));
    assertTrue(paths.contains("iam/codebuild-permissions.json"));
    assertFalse(paths.contains("iam/task-execution-trust.json"));
    assertFalse(paths.contains("iam/task-execution-permissions.json"));
  }
}
