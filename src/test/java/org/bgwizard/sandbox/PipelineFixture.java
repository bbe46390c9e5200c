package org.bgwizard.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bgwizard.artifacts.Arns;
import org.bgwizard.artifacts.Buildspec;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.artifacts.RolePolicies;
import org.bgwizard.artifacts.Target;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codecommit.model.PutFileEntry;
import software.amazon.awssdk.services.codepipeline.model.CreatePipelineRequest;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecution;
import software.amazon.awssdk.services.codepipeline.model.StageState;

/**
 * The tutorial's pipeline in a sandbox on a manual clock: roles with the app's own policies, the repository with the
 * files the app generates, the build project, the artifact bucket and the pipeline, all through the SDK clients.
 * CodeDeploy is a {@link FakeDeployer}.
 */
public final class PipelineFixture {
  public static final String REGION = "us-east-1";
  public static final Target TARGET = new Target(Sandbox.ACCOUNT_ID, REGION);

  final ManualClock clock;
  public final Sandbox sandbox;
  final FakeDeployer deployer = new FakeDeployer();
  public SetupSpec spec;
  private String head;

  public PipelineFixture() {
    this(SpecDefaults.tutorial("demo", REGION));
  }

  public PipelineFixture(SetupSpec spec) {
    this(spec, ManualClock.startingAt("2026-01-05T09:00:00Z"));
  }

  private PipelineFixture(SetupSpec spec, ManualClock clock) {
    this(spec, Sandbox.inMemory(REGION, clock), clock);
  }

  /** A fixture over an existing sandbox (e.g. one reopened from its file) that runs on {@code clock}. */
  public PipelineFixture(SetupSpec spec, Sandbox sandbox, ManualClock clock) {
    this.clock = clock;
    this.sandbox = sandbox;
    this.spec = spec;
    sandbox.ports.deployer = deployer;
  }

  public Arns arns() {
    return Arns.of(spec, TARGET);
  }

  public void advance(long seconds) {
    clock.advance(Duration.ofSeconds(seconds));
    sandbox.account().advanceToNow();
  }

  /** The four roles with the app's trust and permission policies, {@code edit} applied to each document. */
  public void roles(UnaryOperator<String> editPermissions) {
    for (RolePolicies role : IamPolicies.generated(spec, TARGET)) {
      sandbox.iam().createRole(b -> b.roleName(role.roleName()).assumeRolePolicyDocument(role.trustJson()));
      sandbox.iam().putRolePolicy(b -> b.roleName(role.roleName()).policyName("permissions")
          .policyDocument(editPermissions.apply(role.permissionsJson())));
    }
  }

  public void propagate() {
    advance(sandbox.account().settings().propagationDelaySeconds);
  }

  /** Everything up to the pipeline, roles propagated. */
  PipelineFixture base() {
    return base(UnaryOperator.identity());
  }

  /** {@link #base()} with the roles' permission documents edited (to take a permission away). */
  PipelineFixture base(UnaryOperator<String> editPermissions) {
    roles(editPermissions);
    propagate();
    sandbox.ecr().createRepository(b -> b.repositoryName(spec.repository().name()));
    sandbox.s3().createBucket(b -> b.bucket(arns().artifactBucket()));
    sandbox.codeCommit().createRepository(b -> b.repositoryName(spec.source().repository()));
    commit(generatedFiles(), List.of());
    sandbox.codeBuild().createProject(projectRequest().build());
    return this;
  }

  /** {@link #base} and the pipeline (whose creation starts the first run). */
  PipelineFixture withPipeline() {
    base();
    createPipeline();
    return this;
  }

  public Map<String, String> generatedFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    for (RepoFile f : RepoFiles.generate(spec, TARGET)) {
      files.put(f.path(), f.content());
    }
    return files;
  }

  /** Commits {@code files} (added or changed) and deletes {@code deleted} on the source branch. */
  String commit(Map<String, String> files, List<String> deleted) {
    List<PutFileEntry> puts = new ArrayList<>();
    files.forEach((path, content) -> puts.add(PutFileEntry.builder().filePath(path)
        .fileContent(SdkBytes.fromUtf8String(content)).build()));
    String parent = head;
    head = sandbox.codeCommit().createCommit(b -> b.repositoryName(spec.source().repository())
        .branchName(spec.source().branch()).parentCommitId(parent).commitMessage("change")
        .authorName("learner").email("learner@example.com").putFiles(puts)
        .deleteFiles(deleted.stream().map(p -> software.amazon.awssdk.services.codecommit.model.DeleteFileEntry
            .builder().filePath(p).build()).toList())).commitId();
    return head;
  }

  String head() {
    return head;
  }

  public CreateProjectRequest.Builder projectRequest() {
    var cb = spec.codeBuild();
    List<EnvironmentVariable> env = new ArrayList<>();
    Buildspec.projectEnvironment(spec, TARGET).forEach((k, v) ->
        env.add(EnvironmentVariable.builder().name(k).value(v).type("PLAINTEXT").build()));
    return CreateProjectRequest.builder().name(cb.project())
        .source(s -> s.type("CODEPIPELINE"))
        .artifacts(a -> a.type("CODEPIPELINE"))
        .environment(e -> e.type("LINUX_CONTAINER").image(cb.image()).computeType(cb.computeType())
            .privilegedMode(cb.privileged()).environmentVariables(env))
        .serviceRole(arns().codeBuildRole())
        .timeoutInMinutes(cb.timeoutMinutes());
  }

  CreatePipelineRequest.Builder pipelineRequest() {
    return CreatePipelineRequest.builder()
        .pipeline(PipelineDeclarations.from(PipelineStructure.declaration(spec, TARGET)));
  }

  public void createPipeline() {
    sandbox.codePipeline().createPipeline(pipelineRequest().build());
  }

  String pipelineName() {
    return spec.pipeline().name();
  }

  List<StageState> stages() {
    return sandbox.codePipeline().getPipelineState(b -> b.name(pipelineName())).stageStates();
  }

  /** Each stage's latest execution status, "-" for a stage no execution has entered. */
  public Map<String, String> stageStatuses() {
    Map<String, String> out = new LinkedHashMap<>();
    for (StageState s : stages()) {
      out.put(s.stageName(), s.latestExecution() == null ? "-" : s.latestExecution().statusAsString());
    }
    return out;
  }

  public StageState stage(String name) {
    return stages().stream().filter(s -> s.stageName().equals(name)).findFirst().orElseThrow();
  }

  public String latestExecutionId() {
    return sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(pipelineName()))
        .pipelineExecutionSummaries().get(0).pipelineExecutionId();
  }

  public PipelineExecution execution(String id) {
    return sandbox.codePipeline().getPipelineExecution(b -> b.pipelineName(pipelineName()).pipelineExecutionId(id))
        .pipelineExecution();
  }

  /** Runs the first execution through Source and Build. */
  public void throughBuild() {
    advance(sandbox.account().settings().sourceSeconds);
    advance(sandbox.account().settings().buildSeconds + 2);
  }

  Build build(String id) {
    return sandbox.codeBuild().batchGetBuilds(b -> b.ids(id)).builds().get(0);
  }

  /** The build the pipeline's Build action started most recently. */
  public Build latestBuild() {
    String id = sandbox.codeBuild().listBuildsForProject(b -> b.projectName(spec.codeBuild().project())).ids().get(0);
    return build(id);
  }

  List<String> buildLog(Build b) {
    return sandbox.logs().getLogEvents(r -> r.logGroupName(b.logs().groupName()).logStreamName(b.logs().streamName())
        .startFromHead(true)).events().stream().map(OutputLogEvent::message).toList();
  }

  String imageUri(String tag) {
    return arns().repositoryUri() + ":" + tag;
  }
}
