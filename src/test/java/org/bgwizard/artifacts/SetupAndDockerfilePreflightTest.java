package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.Fixtures.check;
import static org.bgwizard.artifacts.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetupAndDockerfilePreflightTest {

  private static List<Finding> dockerfile(String text) {
    return check(PreflightInput.files(null, null, null, null, text));
  }

  @Test
  void tutorialSetup_aloneHasNoFindings() {
    assertEquals(List.of(), check(PreflightInput.files(Fixtures.seed002Spec(), null, null, null, null)));
  }

  @Test
  void unprivilegedBuildProject_isRow22() {
    SetupSpec spec = Fixtures.seed002Spec();
    CodeBuild b = spec.codeBuild();
    spec = spec.withCodeBuild(new CodeBuild(b.project(), b.image(), b.computeType(), false, b.taskDefinitionMode(),
        b.dockerHubSecretArn(), b.timeoutMinutes()));
    List<Finding> findings = check(PreflightInput.files(spec, null, null, null, null));
    assertEquals(List.of("setup.notPrivileged"), findings.stream().map(Finding::key).toList());
    assertEquals(22, findings.get(0).catalogueRow());
    assertEquals(Preflight.SETUP, findings.get(0).file());
  }

  @Test
  void armBuildImage_forAnX86Task_isRow20_unlessTheBuildNamesThePlatform() {
    SetupSpec spec = Fixtures.seed002Spec();
    spec = spec.withCodeBuild(BuildspecPreflightTest.withImage(spec.codeBuild(),
        "aws/codebuild/amazonlinux-aarch64-standard:3.0"));
    List<Finding> findings = check(PreflightInput.files(spec, read("seed000-buildspec.yml"), null, null, null));
    assertEquals(List.of("setup.buildImageArchitecture"), findings.stream().map(Finding::key).toList());
    String crossBuild = Fixtures.edit(read("seed000-buildspec.yml"), "docker build -t",
        "docker buildx build --platform=linux/amd64 -t");
    assertEquals(List.of(), check(PreflightInput.files(spec, crossBuild, null, null, null)));
  }

  @Test
  void seed000Dockerfile_dockerHubBase_isRow21Warning() {
    List<Finding> findings = dockerfile(read("seed000-Dockerfile"));
    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(21, f.catalogueRow());
    assertEquals(Preflight.DOCKERFILE, f.file());
    assertEquals(1, f.line());
    assertEquals(List.of("node:14.15.4-slim"), f.args());
  }

  @ParameterizedTest
  @ValueSource(strings = {"FROM docker.io/library/node:18", "FROM --platform=linux/amd64 nginx AS web",
      "from bitnami/nginx:1.25"})
  void dockerHubBases_areWarned(String from) {
    assertEquals(1, dockerfile(from + "\n").size());
  }

  @Test
  void otherRegistries_stages_scratchAndArguments_areNotWarned() {
    String text = """
        ARG BASE=public.ecr.aws/docker/library/node:18
        FROM public.ecr.aws/docker/library/node:18-slim AS build
        RUN npm ci
        FROM 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/base:1
        FROM build
        FROM ${BASE}
        FROM localhost:5000/app
        FROM scratch
        """;
    assertEquals(List.of(), dockerfile(text));
  }
}
