package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.ArtifactZip;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;

/** What a pipeline's build does with the repository's files, and how it fails (catalogue rows 21–23, 27). */
class CodeBuildRunTest {
  PipelineFixture f = new PipelineFixture();

  /** Runs the pipeline's first build with the repository as it is and returns it. */
  private Build runBuild() {
    f.createPipeline();
    f.throughBuild();
    Build b = f.latestBuild();
    assertTrue(b.buildComplete(), "build finished");
    return b;
  }

  private static BuildPhase failedPhase(Build b) {
    return b.phases().stream().filter(p -> "FAILED".equals(p.phaseStatusAsString())).findFirst().orElseThrow();
  }

  private String buildActionError() {
    return f.stage("Build").actionStates().get(0).latestExecution().errorDetails().message();
  }

  private void assertLogContains(Build b, String fragment) {
    List<String> log = f.buildLog(b);
    assertTrue(log.stream().anyMatch(l -> l.contains(fragment)), () -> "log lacks '" + fragment + "': " + log);
  }

  private void changeBuildspec(String from, String to) {
    String buildspec = f.generatedFiles().get("buildspec.yml");
    assertTrue(buildspec.contains(from), buildspec);
    f.commit(Map.of("buildspec.yml", buildspec.replace(from, to)), List.of());
  }

  @Test
  void aBuildRecordsEveryPhaseWithTimes_fromSubmittedToCompleted() {
    f.base();
    f.createPipeline();
    f.advance(5);
    Build running = f.latestBuild();
    assertEquals("SUBMITTED", running.currentPhase());
    assertEquals("IN_PROGRESS", running.buildStatusAsString());
    f.advance(122);

    Build b = f.latestBuild();
    assertEquals(List.of("SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
        "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"),
        b.phases().stream().map(BuildPhase::phaseTypeAsString).toList());
    assertEquals(b.startTime().plusSeconds(f.sandbox.account().settings().buildSeconds), b.endTime());
    assertEquals(f.head(), b.resolvedSourceVersion());
    assertEquals("/aws/codebuild/demo-build", b.logs().groupName());
    BuildPhase build = b.phases().get(6);
    assertEquals(35L, build.durationInSeconds());
    assertEquals(build.startTime().plusSeconds(35), build.endTime());
  }

  /** Seen on a real account: a running build writes its log group back when it was deleted. */
  @Test
  void aRunningBuild_recreatesItsDeletedLogGroup_aStoppedOneDoesNot() {
    f.base();
    f.createPipeline();
    String group = "/aws/codebuild/demo-build";
    for (int waited = 0; waited < 300 && f.sandbox.logs().describeLogGroups(r -> r.logGroupNamePrefix(group))
        .logGroups().isEmpty(); waited += 5) {
      f.advance(5); // until the build writes its first log line
    }
    assertEquals("IN_PROGRESS", f.latestBuild().buildStatusAsString());
    f.sandbox.logs().deleteLogGroup(r -> r.logGroupName(group));

    f.advance(30);

    assertEquals(1, f.sandbox.logs().describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().size());
    f.sandbox.codeBuild().stopBuild(r -> r.id(f.latestBuild().id()));
    f.advance(5);
    assertTrue(f.latestBuild().buildComplete());
    f.sandbox.logs().deleteLogGroup(r -> r.logGroupName(group));
    f.advance(300);
    assertEquals(0, f.sandbox.logs().describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().size());
  }

  @Test
  void withoutPrivilegedMode_dockerBuildFails_cannotConnectToTheDockerDaemon_catalogueRow22() {
    f.spec = f.spec.withCodeBuild(new CodeBuild("demo-build", SpecDefaults.BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL",
        false, TaskDefinitionMode.FILE_IN_REPO, null, 30));
    f.base();
    Build b = runBuild();

    assertEquals("FAILED", b.buildStatusAsString());
    BuildPhase failed = failedPhase(b);
    assertEquals("BUILD", failed.phaseTypeAsString());
    assertEquals("COMMAND_EXECUTION_ERROR", failed.contexts().get(0).statusCode());
    assertEquals("Error while executing command: docker build --platform linux/amd64 -t $REPOSITORY_URI:$IMAGE_TAG ."
        + ". Reason: exit status 1", failed.contexts().get(0).message());
    assertLogContains(b, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon"
        + " running?");
    assertTrue(buildActionError().startsWith("Build terminated with state: FAILED. Phase: BUILD, Code:"
        + " COMMAND_EXECUTION_ERROR, Message: Error while executing command: docker build"), buildActionError());
    assertEquals("Failed", f.execution(f.latestExecutionId()).statusAsString());
  }

  @Test
  void aRoleWithoutGetAuthorizationToken_failsTheEcrLogin_catalogueRow23() {
    f.base(policy -> policy.replace("\"ecr:GetAuthorizationToken\"", "\"ecr:DescribeRepositories\""));
    Build b = runBuild();

    assertEquals("PRE_BUILD", failedPhase(b).phaseTypeAsString());
    assertLogContains(b, "An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation:"
        + " User: arn:aws:sts::123456789012:assumed-role/demo-codebuild/AWSCodeBuild-");
    assertLogContains(b, "is not authorized to perform: ecr:GetAuthorizationToken on resource: *");
    assertLogContains(b, "Error: Cannot perform an interactive login from a non TTY device");
  }

  @Test
  void aRoleWithoutCompleteLayerUpload_failsThePush_catalogueRow23() {
    f.base(policy -> policy.replace("\"ecr:CompleteLayerUpload\"", "\"ecr:ListImages\""));
    Build b = runBuild();

    assertEquals("POST_BUILD", failedPhase(b).phaseTypeAsString());
    assertLogContains(b, "denied: User: arn:aws:sts::123456789012:assumed-role/demo-codebuild/AWSCodeBuild-");
    assertLogContains(b, "is not authorized to perform: ecr:CompleteLayerUpload on resource:"
        + " arn:aws:ecr:us-east-1:123456789012:repository/demo");
    assertTrue(f.sandbox.ecr().describeImages(r -> r.repositoryName("demo")).imageDetails().isEmpty());
  }

  @Test
  void aBuildspecThatIsNotYaml_failsInDownloadSource_withYamlFileError_catalogueRow27() {
    f.base();
    f.commit(Map.of("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - echo a\n     - echo b\n"),
        List.of());
    Build b = runBuild();

    BuildPhase failed = failedPhase(b);
    assertEquals("DOWNLOAD_SOURCE", failed.phaseTypeAsString());
    assertEquals("YAML_FILE_ERROR", failed.contexts().get(0).statusCode());
    assertTrue(failed.contexts().get(0).message().startsWith("yaml: line 6: "), failed.contexts().get(0).message());
    assertEquals(List.of("SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "FINALIZING", "COMPLETED"),
        b.phases().stream().map(BuildPhase::phaseTypeAsString).toList(), "no command phase runs");
    assertTrue(buildActionError().contains("Phase: DOWNLOAD_SOURCE, Code: YAML_FILE_ERROR"), buildActionError());
  }

  @Test
  void aCommandThatYamlReadsAsAMapping_isAYamlFileError() {
    f.base();
    changeBuildspec("- echo Logging in to Amazon ECR...", "- echo Step: login");
    Build b = runBuild();

    assertEquals("Expected Commands[0] to be of string type: found subkeys instead",
        failedPhase(b).contexts().get(0).message());
  }

  @Test
  void aMissingBuildspec_failsInDownloadSource() {
    f.base();
    f.commit(Map.of(), List.of("buildspec.yml"));
    Build b = runBuild();

    String message = failedPhase(b).contexts().get(0).message();
    assertTrue(message.matches("stat /codebuild/output/src\\d+/src/buildspec.yml: no such file or directory"), message);
  }

  @Test
  void aListedArtifactThatIsNotThere_failsUploadArtifacts() {
    f.base();
    changeBuildspec("    - imageDetail.json", "    - imageDetail.json\n    - missing.json");
    Build b = runBuild();

    BuildPhase failed = failedPhase(b);
    assertEquals("UPLOAD_ARTIFACTS", failed.phaseTypeAsString());
    assertEquals("CLIENT_ERROR", failed.contexts().get(0).statusCode());
    assertEquals("no matching artifact paths found", failed.contexts().get(0).message());
  }

  @Test
  void artifactGlobs_likeSeed002s_collectTheMatchingFiles() {
    f.base();
    changeBuildspec("    - imageDetail.json", "    - 'image*.json'\n    - 'appspec.yaml'\n    - 'taskdef.json'");
    runBuild();
    f.advance(1);

    assertEquals(1, f.deployer.registrations.size(), "the deploy read the build artifact");
  }

  @Test
  void aFailedBuildPhase_stillRunsPostBuild_andUploadsArtifacts() {
    f.base();
    changeBuildspec("      - docker tag $REPOSITORY_URI:$IMAGE_TAG $REPOSITORY_URI:latest",
        "      - docker tag $REPOSITORY_URI:$IMAGE_TAG $REPOSITORY_URI:latest\n      - exit 2");
    Build b = runBuild();

    assertEquals("BUILD", failedPhase(b).phaseTypeAsString());
    assertEquals("SUCCEEDED", b.phases().get(7).phaseStatusAsString(), "POST_BUILD ran");
    assertEquals("SUCCEEDED", b.phases().get(8).phaseStatusAsString(), "UPLOAD_ARTIFACTS ran");
    assertEquals("Error while executing command: exit 2. Reason: exit status 2",
        failedPhase(b).contexts().get(0).message());
  }

  @Test
  void aDockerHubBaseImage_hitsThePullRateLimit_whenTheSandboxSimulatesIt_catalogueRow21() {
    f.base();
    f.sandbox.account().settings().dockerHubRateLimited = true;
    f.commit(Map.of("Dockerfile", "FROM nginx:stable\nCOPY html/ /usr/share/nginx/html/\n"), List.of());
    Build b = runBuild();

    assertEquals("BUILD", failedPhase(b).phaseTypeAsString());
    assertLogContains(b, "toomanyrequests: You have reached your pull rate limit. You may increase the limit by"
        + " authenticating and upgrading: https://www.docker.com/increase-rate-limit");
  }

  @Test
  void theStarterAppsEcrPublicBaseImage_isNotRateLimited() {
    f.base();
    f.sandbox.account().settings().dockerHubRateLimited = true;
    assertEquals("SUCCEEDED", runBuild().buildStatusAsString());
  }

  @Test
  void aDockerHubLogin_withTheSecretFromSecretsManager_avoidsTheLimit_andTheTokenNeverReachesTheLog() {
    String token = "not-a-real-token-7f3a";
    String secret = f.sandbox.secretsManager().createSecret(r -> r.name("demo/dockerhub")
        .secretString("{\"username\":\"learner\",\"token\":\"" + token + "\"}")).arn();
    f.spec = f.spec.withCodeBuild(new CodeBuild("demo-build", SpecDefaults.BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL",
        true, TaskDefinitionMode.FILE_IN_REPO, secret, 30));
    f.base();
    f.sandbox.account().settings().dockerHubRateLimited = true;
    f.commit(Map.of("Dockerfile", "FROM nginx:stable\n"), List.of());
    String buildspec = f.generatedFiles().get("buildspec.yml");
    f.commit(Map.of("buildspec.yml", buildspec.replace("- echo Logging in to Docker Hub...",
        "- echo Logging in to Docker Hub as $DOCKERHUB_USERNAME with $DOCKERHUB_TOKEN")), List.of());
    Build b = runBuild();

    assertEquals("SUCCEEDED", b.buildStatusAsString());
    assertFalse(f.buildLog(b).stream().anyMatch(l -> l.contains(token)));
    assertLogContains(b, "Logging in to Docker Hub as *** with ***");
  }

  @Test
  void aSecretTheRoleMayNotRead_failsInDownloadSource() {
    String secret = f.sandbox.secretsManager().createSecret(r -> r.name("demo/dockerhub")
        .secretString("{\"username\":\"learner\",\"token\":\"not-a-real-token\"}")).arn();
    f.spec = f.spec.withCodeBuild(new CodeBuild("demo-build", SpecDefaults.BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL",
        true, TaskDefinitionMode.FILE_IN_REPO, secret, 30));
    f.base(policy -> policy.replace("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"));
    Build b = runBuild();

    BuildPhase failed = failedPhase(b);
    assertEquals("DOWNLOAD_SOURCE", failed.phaseTypeAsString());
    assertEquals("Secrets Manager Error", failed.contexts().get(0).statusCode());
    assertTrue(failed.contexts().get(0).message().contains("is not authorized to perform:"
        + " secretsmanager:GetSecretValue"), failed.contexts().get(0).message());
  }

  @Test
  void theGeneratedInBuildMode_writesTaskdefJsonFromTheLiveTaskDefinition_seed001() {
    f.spec = f.spec.withCodeBuild(new CodeBuild("demo-build", SpecDefaults.BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL",
        true, TaskDefinitionMode.GENERATED_IN_BUILD, null, 30));
    f.deployer.taskDefinitions.put("demo-task", """
        {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/demo-task:1", "revision": 1,
         "family": "demo-task", "status": "ACTIVE", "compatibilities": ["EC2", "FARGATE"], "requiresAttributes": [],
         "registeredAt": "2026-01-05T08:00:00Z", "registeredBy": "arn:aws:iam::123456789012:user/sandbox-learner",
         "containerDefinitions": [{"name": "demo", "image": "public.ecr.aws/nginx/nginx:stable"}]}
        """);
    f.base();
    assertEquals("SUCCEEDED", runBuild().buildStatusAsString());
    f.advance(1);

    String taskdef = f.deployer.registrations.get(0).taskdefJson();
    assertTrue(taskdef.contains("\"image\" : \"" + f.imageUri(f.head().substring(0, 7)) + "\""), taskdef);
    assertFalse(taskdef.contains("taskDefinitionArn"), taskdef);
    assertTrue(taskdef.contains("\"family\" : \"demo-task\""), taskdef);
  }

  @Test
  void theGeneratedInBuildMode_failsTheBuild_whenTheTaskDefinitionDoesNotExist() {
    f.spec = f.spec.withCodeBuild(new CodeBuild("demo-build", SpecDefaults.BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL",
        true, TaskDefinitionMode.GENERATED_IN_BUILD, null, 30));
    f.base();
    Build b = runBuild();

    assertEquals("POST_BUILD", failedPhase(b).phaseTypeAsString());
    assertLogContains(b, "An error occurred (ClientException) when calling the DescribeTaskDefinition operation:"
        + " Unable to describe task definition.");
  }

  @Test
  void anArm64Platform_buildsAnArm64Image() {
    f.base();
    changeBuildspec("--platform linux/amd64", "--platform linux/arm64");
    runBuild();

    var pull = f.sandbox.ports.registry.pull(f.imageUri("latest"), "X86_64", true);
    assertTrue(pull.stoppedReason().contains("exec format error"), pull.stoppedReason());
  }

  @Test
  void anImmutableRepository_refusesTheLatestTagOnTheSecondRelease() {
    f.roles(java.util.function.UnaryOperator.identity());
    f.propagate();
    f.sandbox.ecr().createRepository(r -> r.repositoryName("demo").imageTagMutability("IMMUTABLE"));
    f.sandbox.s3().createBucket(r -> r.bucket(f.arns().artifactBucket()));
    f.sandbox.codeCommit().createRepository(r -> r.repositoryName("demo"));
    f.commit(f.generatedFiles(), List.of());
    f.sandbox.codeBuild().createProject(f.projectRequest().build());
    assertEquals("SUCCEEDED", runBuild().buildStatusAsString());
    f.commit(Map.of("html/index.html", "<p>Version 2</p>"), List.of());
    // the pipeline does not poll (an EventBridge rule would start it, which this fixture does not make)
    f.sandbox.codePipeline().startPipelineExecution(r -> r.name(f.spec.pipeline().name()));
    f.advance(60 + 5 + 122);

    Build second = f.latestBuild();
    assertEquals(2L, second.buildNumber());
    assertEquals("POST_BUILD", failedPhase(second).phaseTypeAsString());
    assertLogContains(second, "tag invalid: The image tag 'latest' already exists in the 'demo' repository and cannot"
        + " be overwritten because the repository is immutable.");
  }

  @Test
  void aRepositoryThatDoesNotExist_failsThePush_nameUnknown() {
    f.base();
    f.sandbox.ecr().deleteRepository(r -> r.repositoryName("demo"));
    Build b = runBuild();

    assertLogContains(b, "name unknown: The repository with name 'demo' does not exist");
  }

  /** Seed 001's buildspec (its account and region made this sandbox's); returns the build artifact's files. */
  private Map<String, String> seed001Build() {
    f.deployer.taskDefinitions.put("sample-app-task", """
        {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/sample-app-task:4", "revision": 4,
         "family": "sample-app-task", "status": "ACTIVE", "compatibilities": ["FARGATE"], "requiresAttributes": [],
         "containerDefinitions": [{"name": "app", "image": "old"}]}
        """);
    f.base();
    f.commit(Map.of("docker/app/Dockerfile", "FROM public.ecr.aws/docker/library/node:20\n", "buildspec.yml", """
        version: 0.2

        env:
          variables:
            AWS_REGION: "us-east-1"
            AWS_ECR_DOMAIN: "123456789012.dkr.ecr.us-east-1.amazonaws.com"
            AWS_ECR_REPO: "demo"
        phases:
          pre_build:
            commands:
              - REPOSITORY_URI=$AWS_ECR_DOMAIN/$AWS_ECR_REPO
              # ECRにログイン
              - aws ecr get-login-password --region $AWS_REGION | docker login --username AWS --password-stdin $AWS_ECR_DOMAIN
              - COMMIT_HASH=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)
              - IMAGE_TAG=${COMMIT_HASH:=latest}
              - curl "https://awscli.amazonaws.com/awscli-exe-linux-aarch64.zip" -o "awscliv2.zip"
              - unzip -q awscliv2.zip
              - ./aws/install --bin-dir /root/.pyenv/shims --install-dir /usr/local/aws-cli --update
          build:
            commands:
              - docker build -t $AWS_ECR_REPO:app-latest -f docker/app/Dockerfile .
          post_build:
            commands:
              - docker tag $AWS_ECR_REPO:app-latest $REPOSITORY_URI:$IMAGE_TAG
              - docker push $REPOSITORY_URI:$IMAGE_TAG
              - IMAGE=$REPOSITORY_URI:$IMAGE_TAG
              - aws ecs describe-task-definition --task-definition sample-app-task | jq '.taskDefinition | del (.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities)' | jq --arg image $IMAGE '.containerDefinitions[].image=$image' > taskdef.json
        artifacts:
          files:
            - taskdef.json
            - appspec.yaml
        """), List.of());
    Build b = runBuild();
    assertEquals("SUCCEEDED", b.buildStatusAsString(), () -> "" + f.buildLog(b));
    String location = b.artifacts().location().substring("arn:aws:s3:::".length());
    byte[] zip = f.sandbox.ports.sources.getObject(location.substring(0, location.indexOf('/')),
        location.substring(location.indexOf('/') + 1)).orElseThrow();
    return ArtifactZip.unzip(zip).orElseThrow();
  }

  @Test
  void seed001sBuildspec_writesTaskdefJsonThroughTwoJqs_whenTheRoleMayDescribe() {
    f.spec = f.spec.withCodeBuild(new CodeBuild("demo-build", SpecDefaults.BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL",
        true, TaskDefinitionMode.GENERATED_IN_BUILD, null, 30));
    Map<String, String> artifact = seed001Build();

    assertEquals(java.util.Set.of("taskdef.json", "appspec.yaml"), artifact.keySet());
    String taskdef = artifact.get("taskdef.json");
    assertTrue(taskdef.contains("\"image\" : \"" + f.imageUri(f.head().substring(0, 7)) + "\""), taskdef);
    assertFalse(taskdef.contains("revision"), taskdef);
  }

  @Test
  void seed001sOneLiner_hidesAFailedDescribe_andUploadsAnEmptyTaskdef() {
    Map<String, String> artifact = seed001Build();

    assertEquals("", artifact.get("taskdef.json"), "the pipe's status is the last jq's");
    assertLogContains(f.latestBuild(), "is not authorized to perform: ecs:DescribeTaskDefinition on resource: *");
  }
}
