package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.Fixtures.check;
import static org.bgwizard.artifacts.Fixtures.edit;
import static org.bgwizard.artifacts.Fixtures.errors;
import static org.bgwizard.artifacts.Fixtures.read;
import static org.bgwizard.artifacts.Fixtures.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildspecPreflightTest {
  private static final String SEED000 = read("seed000-buildspec.yml");
  private static final String SEED000_PRINTF =
      "printf '{\"ImageURI\":\"%s\"}' $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG"
          + " > imageDetail.json";

  private static List<Finding> buildspec(String text) {
    return check(PreflightInput.files(null, text, null, null, null));
  }

  private static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), findings::toString);
    return findings.get(0);
  }

  @Test
  void seed000FinalBuildspec_hasNoFindings() {
    assertEquals(List.of(), buildspec(SEED000));
  }

  @Test
  void seed000Error4_printfWithRepoNameOnly_isRow18AtThePrintfLine() {
    Finding f = only(buildspec(read("seed000-error4-buildspec.yml")));
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(18, f.catalogueRow());
    assertEquals(Preflight.BUILDSPEC, f.file());
    assertEquals(20, f.line());
    assertTrue(f.message().contains("$IMAGE_REPO_NAME:$IMAGE_TAG"));
  }

  @Test
  void repositoryUri_assignedFromEcrRegistry_isAccepted_butFromARepoName_isRow18() {
    String seed002 = read("seed002-buildspec.yml");
    assertEquals(List.of(), withKey(buildspec(seed002), "buildspec.imageUriNotQualified"));
    String bare = edit(seed002, "REPOSITORY_URI=291867443967.dkr.ecr.ap-northeast-1.amazonaws.com/labo-terraform-admin",
        "REPOSITORY_URI=labo-terraform-admin");
    assertEquals(18, only(withKey(buildspec(bare), "buildspec.imageUriNotQualified")).catalogueRow());
  }

  @Test
  void imageUri_throughVariablesOfVariables_isAccepted() {
    String text = edit(SEED000, SEED000_PRINTF, "printf '{\"ImageURI\":\"%s\"}' $IMAGE > imageDetail.json")
        .replace("phases:\n", "env:\n  variables:\n    ECR_DOMAIN: \"123456789012.dkr.ecr.ap-northeast-1.amazonaws.com\"\n"
            + "phases:\n")
        .replace("      - echo Build completed on `date`\n",
            "      - REPOSITORY_URI=$ECR_DOMAIN/app\n      - export IMAGE=${REPOSITORY_URI}:$IMAGE_TAG\n");
    assertEquals(List.of(), buildspec(text));
  }

  @Test
  void imageDetail_writtenWithImageUriKey_isRow1WrongKey() {
    Finding f = only(buildspec(edit(SEED000, "{\"ImageURI\":", "{\"imageUri\":")));
    assertEquals("buildspec.imageDetailWrongKey", f.key());
    assertEquals(1, f.catalogueRow());
    assertEquals(List.of("imageUri"), f.args());
  }

  @Test
  void imageDetail_writtenWithoutAVisibleKey_isAWarning() {
    Finding f = only(buildspec(edit(SEED000, SEED000_PRINTF,
        "jq -n --arg uri $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/app '$ARGS.named' > imageDetail.json")));
    assertEquals("buildspec.imageDetailKeyUnknown", f.key());
    assertEquals(Severity.WARNING, f.severity());
  }

  @Test
  void imagedefinitionsOnly_isRow1Error_andRow3Warning() {
    List<Finding> findings = buildspec(read("imagedefinitions-buildspec.yml"));
    Finding missing = only(errors(findings));
    assertEquals("buildspec.imageDetailMissing", missing.key());
    assertEquals(1, missing.catalogueRow());
    Finding rolling = only(withKey(findings, "buildspec.imageDefinitionsOnly"));
    assertEquals(Severity.WARNING, rolling.severity());
    assertEquals(3, rolling.catalogueRow());
    assertEquals(15, rolling.line());
  }

  @Test
  void imagedefinitionsBesideImageDetail_isRow3Info() {
    String text = edit(SEED000, "      - echo Writing image definitions file....\n",
        "      - printf '[{\"name\":\"app\",\"imageUri\":\"%s\"}]' $AWS_ACCOUNT_ID.dkr.ecr.x > imagedefinitions.json\n");
    Finding f = only(buildspec(text));
    assertEquals(Severity.INFO, f.severity());
    assertEquals(3, f.catalogueRow());
  }

  @Test
  void noArtifactsSection_isRow2() {
    Finding f = only(buildspec(edit(SEED000, "artifacts:\n    files: imageDetail.json\n", "")));
    assertEquals("buildspec.noArtifacts", f.key());
    assertEquals(2, f.catalogueRow());
  }

  @Test
  void imageDetailWrittenButNotListed_isRow1() {
    Finding f = only(buildspec(edit(SEED000, "files: imageDetail.json", "files: appspec.yaml")));
    assertEquals("buildspec.imageDetailNotListed", f.key());
    assertEquals(22, f.line());
  }

  @Test
  void imageDetailListedButNeverWritten_isRow1() {
    Finding f = only(buildspec(edit(SEED000, "      - " + SEED000_PRINTF + "\n", "")));
    assertEquals("buildspec.imageDetailNotWritten", f.key());
    assertEquals(1, f.catalogueRow());
  }

  @Test
  void seed002_imageWildcard_isRow1Warning_atTheArtifactLine() {
    Finding f = only(withKey(buildspec(read("seed002-buildspec.yml")), "buildspec.imageDetailWildcard"));
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(31, f.line());
    assertEquals(List.of("image*.json"), f.args());
  }

  @Test
  void seed002_plainDockerHubToken_isRow21Error() {
    Finding f = only(errors(buildspec(read("seed002-buildspec.yml"))));
    assertEquals("buildspec.plainSecret", f.key());
    assertEquals(21, f.catalogueRow());
    assertEquals(6, f.line());
    assertEquals(List.of("DOCKER_TOKEN"), f.args());
  }

  @Test
  void secretNamedVariable_referencingAnotherVariable_isNotASecret() {
    String text = edit(read("seed002-buildspec.yml"), "DOCKER_TOKEN: fake-token-not-real-0000", "DOCKER_TOKEN: $FROM_ELSEWHERE");
    assertEquals(List.of(), withKey(buildspec(text), "buildspec.plainSecret"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "docker login -u someone -p fake-password-0000",
      "docker login --username someone --password=fake-password-0000",
      "echo fake-password-0000 | docker login -u someone --password-stdin"})
  void dockerLogin_withALiteralPassword_isRow21(String login) {
    Finding f = only(buildspec(edit(SEED000, "      - echo Logging in to Amazon ECR...\n", "      - " + login + "\n")));
    assertEquals("buildspec.loginPassword", f.key());
    assertEquals(21, f.catalogueRow());
    assertEquals(6, f.line());
  }

  @Test
  void brokenYaml_isRow27_atTheParsersLine() {
    Finding f = only(buildspec(read("broken-buildspec.yml")));
    assertEquals("buildspec.unparseable", f.key());
    assertEquals(27, f.catalogueRow());
    assertEquals(17, f.line());
    assertTrue(f.message().contains("expected <block end>"), f.message());
  }

  @Test
  void emptyBuildspec_isRow27() {
    assertEquals("buildspec.notMapping", only(buildspec("")).key());
  }

  @Test
  void versionOtherThan02_isRow27() {
    Finding f = only(buildspec(edit(SEED000, "version: 0.2", "version: 0.1")));
    assertEquals("buildspec.version", f.key());
    assertEquals(1, f.line());
    assertEquals(List.of("0.1"), f.args());
  }

  @Test
  void noPhases_isRow27() {
    String text = "version: 0.2\nartifacts:\n  files: imageDetail.json\n";
    assertEquals(27, only(withKey(buildspec(text), "buildspec.noPhases")).catalogueRow());
  }

  @Test
  void commandWithColonSpace_isNotAString_row27() {
    Finding f = only(buildspec(edit(SEED000, "- echo Build completed on `date`", "- echo Build: completed")));
    assertEquals("buildspec.commandNotText", f.key());
    assertEquals(16, f.line());
    assertEquals(List.of("post_build"), f.args());
  }

  @ParameterizedTest
  @ValueSource(strings = {"IMAGE_TAG: \"latest \"", "\" IMAGE_TAG\": latest"})
  void envVariableWithStraySpace_isRow27(String variable) {
    Finding f = only(buildspec(SEED000.replace("phases:\n", "env:\n  variables:\n    " + variable + "\nphases:\n")));
    assertEquals("buildspec.envSpaces", f.key());
    assertEquals(27, f.catalogueRow());
    assertEquals(5, f.line());
    assertEquals(List.of("IMAGE_TAG"), f.args());
  }

  @Test
  void arm64Build_forAnX86Task_isRow20() {
    Finding f = only(check(PreflightInput.files(null, read("arm64-buildspec.yml"), null, read("seed000-taskdef.json"),
        null)));
    assertEquals("buildspec.platformMismatch", f.key());
    assertEquals(20, f.catalogueRow());
    assertEquals(12, f.line());
  }

  @Test
  void arm64Build_forAnArm64Setup_isAccepted() {
    SetupSpec arm = Fixtures.withArchitecture(Fixtures.seed002Spec(), Architecture.ARM64);
    arm = arm.withCodeBuild(withImage(arm.codeBuild(), "aws/codebuild/amazonlinux-aarch64-standard:3.0"));
    assertEquals(List.of(), check(PreflightInput.files(arm, read("arm64-buildspec.yml"), null, null, null)));
  }

  @Test
  void seed001_taskdefGeneratedInTheBuild_needsNoImageDetail() {
    assertEquals(List.of(), buildspec(read("seed001-buildspec.yml")));
  }

  @Test
  void generatedTaskdef_withoutArtifacts_isRow2() {
    String seed001 = read("seed001-buildspec.yml");
    String text = seed001.substring(0, seed001.indexOf("artifacts:"));
    Finding f = only(buildspec(text));
    assertEquals("buildspec.noArtifacts", f.key());
    assertEquals(List.of("taskdef.json"), f.args());
  }

  @Test
  void generatedTaskdef_notListed_isRow2() {
    String text = edit(read("seed001-buildspec.yml"), "    - taskdef.json\n", "");
    assertEquals(2, only(buildspec(text)).catalogueRow());
    assertEquals("buildspec.taskdefNotListed", only(buildspec(text)).key());
  }

  @Test
  void setupGeneratingTaskdef_withABuildThatDoesNotWriteIt_isRow2() {
    SetupSpec spec = Fixtures.seed002Spec();
    spec = spec.withCodeBuild(withMode(spec.codeBuild(), TaskDefinitionMode.GENERATED_IN_BUILD));
    List<Finding> findings = check(PreflightInput.files(spec, SEED000, null, null, null));
    assertEquals(List.of("buildspec.taskdefNotWritten", "buildspec.taskdefNotListed"),
        findings.stream().map(Finding::key).toList());
  }

  static CodeBuild withImage(CodeBuild b, String image) {
    return new CodeBuild(b.project(), image, b.computeType(), b.privileged(), b.taskDefinitionMode(),
        b.dockerHubSecretArn(), b.timeoutMinutes());
  }

  static CodeBuild withMode(CodeBuild b, TaskDefinitionMode mode) {
    return new CodeBuild(b.project(), b.image(), b.computeType(), b.privileged(), mode, b.dockerHubSecretArn(),
        b.timeoutMinutes());
  }
}
