package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.ServiceRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.InvalidInputException;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codebuild.model.Tag;

/** CodeBuild projects through the API (CodeBuild API Reference, CreateProject), and builds started with StartBuild. */
class CodeBuildProjectTest {
  final PipelineFixture f = new PipelineFixture();
  final CodeBuildClient cb = f.sandbox.codeBuild();

  private void rolesReady() {
    f.roles(UnaryOperator.identity());
    f.propagate();
  }

  /** A project that builds an inline buildspec without source, for StartBuild tests. */
  private CreateProjectRequest.Builder noSource(String name, String buildspec) {
    return f.projectRequest().name(name).source(s -> s.type("NO_SOURCE").buildspec(buildspec))
        .artifacts(a -> a.type("NO_ARTIFACTS"));
  }

  @Test
  void createProject_returnsTheProjectWithArnAndDefaults() {
    rolesReady();
    Project p = cb.createProject(f.projectRequest().tags(Tag.builder().key("bgwizard:setup").value("demo").build())
        .build()).project();

    assertEquals("arn:aws:codebuild:us-east-1:123456789012:project/demo-build", p.arn());
    assertEquals("CODEPIPELINE", p.source().typeAsString());
    assertTrue(p.environment().privilegedMode());
    assertEquals(480, p.queuedTimeoutInMinutes());
    assertEquals("demo", p.tags().get(0).value());
    assertEquals(p, cb.batchGetProjects(r -> r.names("demo-build")).projects().get(0));
  }

  @Test
  void createProject_withARoleNotYetPropagated_isRejected_andSucceedsAfterTheDelay_catalogueRow15() {
    f.roles(UnaryOperator.identity());

    assertAwsError(InvalidInputException.class, "InvalidInputException", "CodeBuild is not authorized to perform:"
        + " sts:AssumeRole on service role. Please verify that: 1) The provided service role exists",
        () -> cb.createProject(f.projectRequest().build()));
    f.propagate();
    assertEquals("demo-build", cb.createProject(f.projectRequest().build()).project().name());
  }

  @Test
  void createProject_withARoleThatDoesNotTrustCodeBuild_isRejectedTheSameWay() {
    rolesReady();
    assertAwsError(InvalidInputException.class, "InvalidInputException", "CodeBuild is not authorized to perform:"
        + " sts:AssumeRole", () -> cb.createProject(f.projectRequest().serviceRole(f.arns().codePipelineRole()).build()));
  }

  @Test
  void createProject_acceptsARoleName_andStoresItsArn() {
    rolesReady();
    assertEquals(f.arns().codeBuildRole(),
        cb.createProject(f.projectRequest().serviceRole("demo-codebuild").build()).project().serviceRole());
  }

  @Test
  void createProject_twice_isResourceAlreadyExists() {
    rolesReady();
    cb.createProject(f.projectRequest().build());
    assertAwsError(ResourceAlreadyExistsException.class, "ResourceAlreadyExistsException",
        "Project already exists: arn:aws:codebuild:us-east-1:123456789012:project/demo-build",
        () -> cb.createProject(f.projectRequest().build()));
  }

  static Stream<Arguments> invalidProjects() {
    return Stream.of(
        Arguments.of("one-char name", (UnaryOperator<CreateProjectRequest.Builder>) b -> b.name("d"), "at 'name'"),
        Arguments.of("name starting with -", (UnaryOperator<CreateProjectRequest.Builder>) b -> b.name("-demo"),
            "at 'name'"),
        Arguments.of("no source", (UnaryOperator<CreateProjectRequest.Builder>) b -> b.source((
            software.amazon.awssdk.services.codebuild.model.ProjectSource) null), "'source.type'"),
        Arguments.of("GitHub source", (UnaryOperator<CreateProjectRequest.Builder>) b -> b.source(s -> s.type("GITHUB"))
            .artifacts(a -> a.type("NO_ARTIFACTS")), "GITHUB is not simulated"),
        Arguments.of("CodeCommit without its clone URL", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .source(s -> s.type("CODECOMMIT").location("demo")).artifacts(a -> a.type("NO_ARTIFACTS")),
            "Invalid source location"),
        Arguments.of("NO_SOURCE without buildspec", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .source(s -> s.type("NO_SOURCE")).artifacts(a -> a.type("NO_ARTIFACTS")), "buildspec must be specified"),
        Arguments.of("pipeline source, no pipeline artifacts", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .artifacts(a -> a.type("NO_ARTIFACTS")), "requires artifacts type CODEPIPELINE"),
        Arguments.of("S3 artifacts without bucket", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .source(s -> s.type("NO_SOURCE").buildspec("version: 0.2")).artifacts(a -> a.type("S3")),
            "artifact location is required"),
        Arguments.of("unknown environment type", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .environment(e -> e.type("LINUX").image("aws/codebuild/standard:7.0").computeType("BUILD_GENERAL1_SMALL")),
            "'environment.type'"),
        Arguments.of("no image", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .environment(e -> e.type("LINUX_CONTAINER").computeType("BUILD_GENERAL1_SMALL")), "'environment.image'"),
        Arguments.of("unknown compute type", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .environment(e -> e.type("LINUX_CONTAINER").image("x").computeType("SMALL")), "'environment.computeType'"),
        Arguments.of("variable without name", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .environment(e -> e.type("LINUX_CONTAINER").image("x").computeType("BUILD_GENERAL1_SMALL")
                .environmentVariables(EnvironmentVariable.builder().name("").value("v").build())),
            "name must not be empty"),
        Arguments.of("variable of unknown type", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .environment(e -> e.type("LINUX_CONTAINER").image("x").computeType("BUILD_GENERAL1_SMALL")
                .environmentVariables(EnvironmentVariable.builder().name("A").value("v").type("SECRET").build())),
            "environmentVariables.type"),
        Arguments.of("timeout under 5 minutes", (UnaryOperator<CreateProjectRequest.Builder>) b -> b.timeoutInMinutes(4),
            "greater than or equal to 5"),
        Arguments.of("queued timeout over 480", (UnaryOperator<CreateProjectRequest.Builder>) b -> b
            .queuedTimeoutInMinutes(481), "less than or equal to 480"),
        Arguments.of("no service role", (UnaryOperator<CreateProjectRequest.Builder>) b -> b.serviceRole(null),
            "'serviceRole'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidProjects")
  void createProject_rejectsInvalidInput(String what, UnaryOperator<CreateProjectRequest.Builder> change,
      String fragment) {
    rolesReady();
    assertAwsError(InvalidInputException.class, "InvalidInputException", fragment,
        () -> cb.createProject(change.apply(f.projectRequest()).build()));
  }

  @Test
  void updateProject_changesWhatIsGiven_replacesTags_andAMissingProjectIsNotFound() {
    rolesReady();
    cb.createProject(f.projectRequest().tags(Tag.builder().key("a").value("1").build()).build());
    Project p = cb.updateProject(r -> r.name("demo-build").timeoutInMinutes(45)
        .tags(Tag.builder().key("b").value("2").build())).project();

    assertEquals(45, p.timeoutInMinutes());
    assertTrue(p.environment().privilegedMode(), "unchanged");
    assertEquals(List.of("b"), p.tags().stream().map(Tag::key).toList());
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException",
        "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/other",
        () -> cb.updateProject(r -> r.name("other").timeoutInMinutes(45)));
    assertAwsError(InvalidInputException.class, "InvalidInputException", "greater than or equal to 5",
        () -> cb.updateProject(r -> r.name("demo-build").timeoutInMinutes(1)));
  }

  @Test
  void deleteProject_removesIt_andDeletingAMissingOneSucceeds() {
    rolesReady();
    cb.createProject(f.projectRequest().build());
    cb.deleteProject(r -> r.name("demo-build"));
    cb.deleteProject(r -> r.name("demo-build"));

    var got = cb.batchGetProjects(r -> r.names("demo-build"));
    assertEquals(List.of("demo-build"), got.projectsNotFound());
    assertTrue(got.projects().isEmpty());
  }

  @Test
  void listProjects_paginates_andSortsAsAsked() {
    rolesReady();
    for (String name : List.of("b-build", "a-build", "c-build")) {
      cb.createProject(noSource(name, "version: 0.2").build());
      f.advance(1);
    }
    List<String> byName = new ArrayList<>();
    cb.listProjectsPaginator(r -> r.sortBy("NAME").sortOrder("DESCENDING")).forEach(p -> byName.addAll(p.projects()));
    assertEquals(List.of("c-build", "b-build", "a-build"), byName);
    assertEquals(List.of("b-build", "a-build", "c-build"), cb.listProjects(r -> r.sortBy("CREATED_TIME")).projects());
  }

  @Test
  void startBuild_ofAMissingProject_isNotFound_andOfAPipelineProject_isRefused() {
    rolesReady();
    cb.createProject(f.projectRequest().build());
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException", "Project cannot be found",
        () -> cb.startBuild(r -> r.projectName("other")));
    assertAwsError(InvalidInputException.class, "InvalidInputException", "are started by CodePipeline",
        () -> cb.startBuild(r -> r.projectName("demo-build")));
  }

  @Test
  void listBuildsForProject_pagesByHundred_newestFirst_withTheSdkPaginator() {
    rolesReady();
    cb.createProject(noSource("quick", "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n").build());
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      started.add(cb.startBuild(r -> r.projectName("quick")).build().id());
    }
    List<Integer> pageSizes = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    cb.listBuildsForProjectPaginator(r -> r.projectName("quick")).forEach(p -> {
      pageSizes.add(p.ids().size());
      listed.addAll(p.ids());
    });

    assertEquals(List.of(100, 1), pageSizes);
    assertEquals(started.get(100), listed.get(0));
    assertEquals(started.get(0), listed.get(100));
    assertEquals(started.get(0), cb.listBuildsForProject(r -> r.projectName("quick").sortOrder("ASCENDING")).ids()
        .get(0));
  }

  @Test
  void environmentPrecedence_buildspecThenProjectThenStartBuildOverride() {
    rolesReady();
    String buildspec = "version: 0.2\nenv:\n  variables:\n    A: buildspec\n    B: buildspec\n    C: buildspec\n"
        + "phases:\n  build:\n    commands:\n      - echo A=$A B=$B C=$C region=$AWS_DEFAULT_REGION\n";
    cb.createProject(noSource("env", buildspec).environment(e -> e.type("LINUX_CONTAINER").image("x")
        .computeType("BUILD_GENERAL1_SMALL").environmentVariables(
            EnvironmentVariable.builder().name("B").value("project").build(),
            EnvironmentVariable.builder().name("C").value("project").build())).build());
    var b = cb.startBuild(r -> r.projectName("env").environmentVariablesOverride(
        EnvironmentVariable.builder().name("C").value("override").build())).build();
    f.advance(200);

    assertTrue(f.buildLog(f.build(b.id())).contains("A=buildspec B=project C=override region=us-east-1"),
        () -> "" + f.buildLog(f.build(b.id())));
  }

  @Test
  void stopBuild_stopsTheCurrentPhase_andFinalizes() {
    rolesReady();
    cb.createProject(noSource("quick", "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n").build());
    String id = cb.startBuild(r -> r.projectName("quick")).build().id();
    f.advance(30);
    var stopped = cb.stopBuild(r -> r.id(id)).build();

    assertEquals("STOPPED", stopped.buildStatusAsString());
    assertEquals("FINALIZING", stopped.currentPhase());
    f.advance(10);
    var b = f.build(id);
    assertTrue(b.buildComplete());
    assertEquals("STOPPED", b.phases().stream().filter(p -> p.phaseStatus() != null)
        .filter(p -> !"SUCCEEDED".equals(p.phaseStatusAsString())).findFirst().orElseThrow().phaseStatusAsString());
  }

  @Test
  void aCodeCommitProject_buildsTheBranchHead() {
    rolesReady();
    f.sandbox.codeCommit().createRepository(r -> r.repositoryName("demo"));
    String commit = f.commit(java.util.Map.of("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n"
        + "      - echo built $CODEBUILD_RESOLVED_SOURCE_VERSION\n"), List.of());
    cb.createProject(f.projectRequest().name("cc").source(s -> s.type("CODECOMMIT")
        .location("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/demo")).sourceVersion("main")
        .artifacts(a -> a.type("NO_ARTIFACTS")).build());
    String id = cb.startBuild(r -> r.projectName("cc")).build().id();
    f.advance(200);

    var b = f.build(id);
    assertEquals(commit, b.resolvedSourceVersion());
    assertTrue(f.buildLog(b).contains("built " + commit));
  }

  @Test
  void startBuild_withARoleThatNoLongerTrustsCodeBuild_isRejected_catalogueRow15() {
    rolesReady();
    cb.createProject(noSource("quick", "version: 0.2").build());
    f.sandbox.iam().updateAssumeRolePolicy(r -> r.roleName("demo-codebuild").policyDocument(
        IamPolicies.trustPolicy(ServiceRole.CODE_PIPELINE).toString()));
    f.propagate();

    assertAwsError(InvalidInputException.class, "InvalidInputException", "CodeBuild is not authorized to perform:"
        + " sts:AssumeRole on service role", () -> cb.startBuild(r -> r.projectName("quick")));
  }

  @Test
  void theAwsCli_takesGlobalOptionsAnywhere_andTellsTheBuildWhoItIs() {
    rolesReady();
    String buildspec = "version: 0.2\nphases:\n  build:\n    commands:\n"
        + "      - ACCOUNT=$(aws sts get-caller-identity --query Account --output text)\n"
        + "      - aws --region us-east-1 ecr get-login-password | docker login -u AWS --password-stdin"
        + " $ACCOUNT.dkr.ecr.us-east-1.amazonaws.com\n"
        + "      - echo account=$ACCOUNT\n";
    String id = cb.startBuild(r -> r.projectName(cb.createProject(noSource("cli", buildspec).build()).project().name()))
        .build().id();
    f.advance(200);

    var b = f.build(id);
    assertEquals("SUCCEEDED", b.buildStatusAsString(), () -> "" + f.buildLog(b));
    assertTrue(f.buildLog(b).contains("account=123456789012"));
    assertTrue(f.buildLog(b).contains("Login Succeeded"));
  }
}
