package org.bgwizard.sandbox.codebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codebuild.CodeBuildState.Build;
import org.bgwizard.sandbox.codebuild.CodeBuildState.EnvVar;
import org.bgwizard.sandbox.codebuild.CodeBuildState.Phase;
import org.bgwizard.sandbox.codebuild.CodeBuildState.PhaseContext;
import org.bgwizard.sandbox.codebuild.CodeBuildState.Project;
import org.bgwizard.sandbox.codebuild.CodeBuildState.Workspace;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Simulated;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codebuild.model.InvalidInputException;
import software.amazon.awssdk.services.codebuild.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;

/**
 * CodeBuild projects and builds (CodeBuild API Reference). A build walks the phases SUBMITTED … COMPLETED over
 * {@code settings().buildSeconds}; each phase's work ({@link BuildRun}) happens when the phase ends. A failed
 * phase goes on as CodeBuild does: BUILD to POST_BUILD, POST_BUILD to UPLOAD_ARTIFACTS (always attempted after
 * BUILD), any other to FINALIZING.
 */
public final class CodeBuildEngine implements Simulated {
  static final List<String> PHASES = List.of("SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL",
      "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED");
  /**
   * Share of {@code buildSeconds} per phase from PROVISIONING on; SUBMITTED and QUEUED take a second each. A
   * reported CodeBuild run (blog.kriation.com, "CodeBuild cache for Jekyll build", 2021: provisioning 24 s, download
   * source 4 s, upload artifacts 5 s, finalizing 2 s) gives the fixed phases; the Docker work (ECR login in
   * PRE_BUILD, building FROM nginx in BUILD, pushing to ECR in POST_BUILD) is a judgement for a ~70 MB image.
   */
  private static final Map<String, Integer> PERCENT = Map.of("PROVISIONING", 24, "DOWNLOAD_SOURCE", 4, "INSTALL", 2,
      "PRE_BUILD", 6, "BUILD", 35, "POST_BUILD", 20, "UPLOAD_ARTIFACTS", 5, "FINALIZING", 2);
  static final String ASSUME_ROLE_DENIED = "CodeBuild is not authorized to perform: sts:AssumeRole on service role."
      + " Please verify that: 1) The provided service role exists, 2) The role name is case-sensitive and matches"
      + " exactly, and 3) The role has the necessary trust policy configured.";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");
  private static final Set<String> SIMULATED_SOURCES = Set.of("CODEPIPELINE", "CODECOMMIT", "NO_SOURCE");
  private static final Set<String> OTHER_SOURCES = Set.of("GITHUB", "GITHUB_ENTERPRISE", "BITBUCKET", "S3", "GITLAB",
      "GITLAB_SELF_MANAGED");
  private static final Set<String> ARTIFACT_TYPES = Set.of("CODEPIPELINE", "S3", "NO_ARTIFACTS");
  private static final Set<String> ENVIRONMENT_TYPES = Set.of("LINUX_CONTAINER", "LINUX_GPU_CONTAINER", "ARM_CONTAINER",
      "WINDOWS_CONTAINER", "WINDOWS_SERVER_2019_CONTAINER", "WINDOWS_SERVER_2022_CONTAINER", "LINUX_LAMBDA_CONTAINER",
      "ARM_LAMBDA_CONTAINER", "MAC_ARM");
  private static final Set<String> COMPUTE_TYPES = Set.of("BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM",
      "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE", "BUILD_LAMBDA_1GB", "BUILD_LAMBDA_2GB",
      "BUILD_LAMBDA_4GB", "BUILD_LAMBDA_8GB", "BUILD_LAMBDA_10GB", "ATTRIBUTE_BASED_COMPUTE", "CUSTOM_INSTANCE_TYPE");
  private static final Set<String> VARIABLE_TYPES = Set.of("PLAINTEXT", "PARAMETER_STORE", "SECRETS_MANAGER");

  private final SandboxAccount account;
  private final Ports ports;

  public CodeBuildEngine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
    account.register(this);
  }

  private CodeBuildState st() {
    return account.state().codeBuild;
  }

  String projectArn(String name) {
    return "arn:aws:codebuild:" + account.region() + ":" + account.accountId() + ":project/" + name;
  }

  // ---- projects

  Project create(Project p) {
    validate(p);
    if (st().projects.containsKey(p.name)) {
      throw error(ResourceAlreadyExistsException.builder(), "ResourceAlreadyExistsException",
          "Project already exists: " + projectArn(p.name));
    }
    checkRole(p.serviceRole);
    p.arn = projectArn(p.name);
    p.created = account.now();
    p.lastModified = account.now();
    st().projects.put(p.name, p);
    return p;
  }

  /** Applies {@code change} to a copy of the project, validates it, and stores it. */
  Project update(String name, Consumer<Project> change) {
    Project current = project(name);
    Project next = SandboxAccount.STATE_MAPPER.convertValue(current, Project.class);
    change.accept(next);
    validate(next);
    if (!next.serviceRole.equals(current.serviceRole)) {
      checkRole(next.serviceRole);
    }
    next.lastModified = account.now();
    st().projects.put(name, next);
    return next;
  }

  void delete(String name) {
    if (name == null || name.isEmpty()) {
      throw invalid("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not"
          + " be null");
    }
    st().projects.remove(nameOf(name));
  }

  Project project(String nameOrArn) {
    Project p = nameOrArn == null ? null : st().projects.get(nameOf(nameOrArn));
    if (p == null) {
      throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException",
          "Project cannot be found: " + projectArn(nameOrArn == null ? "" : nameOf(nameOrArn)));
    }
    return p;
  }

  Project findProject(String nameOrArn) {
    return st().projects.get(nameOf(nameOrArn));
  }

  private static String nameOf(String nameOrArn) {
    return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
  }

  /** Projects in the requested order; keys sort ascending in that order (for {@link ListPage}). */
  List<Project> projects(String sortBy, boolean descending) {
    Comparator<Project> order = switch (sortBy == null ? "NAME" : sortBy) {
      case "CREATED_TIME" -> Comparator.comparing((Project p) -> p.created).thenComparing(p -> p.name);
      case "LAST_MODIFIED_TIME" -> Comparator.comparing((Project p) -> p.lastModified).thenComparing(p -> p.name);
      default -> Comparator.comparing((Project p) -> p.name);
    };
    List<Project> out = new ArrayList<>(st().projects.values());
    out.sort(descending ? order.reversed() : order);
    return out;
  }

  void tag(Project p, Map<String, String> tags) {
    if (tags.size() > 50) {
      throw invalid("Invalid tags: the maximum number of tags is 50");
    }
    p.tags.putAll(tags);
  }

  private void validate(Project p) {
    if (p.name == null || !NAME.matcher(p.name).matches()) {
      throw invalid("1 validation error detected: Value '" + p.name + "' at 'name' failed to satisfy constraint:"
          + " Member must satisfy regular expression pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");
    }
    validateSource(p);
    if (p.artifacts == null || !ARTIFACT_TYPES.contains(p.artifacts.type)) {
      throw invalid("Invalid artifacts: artifacts type must be one of CODEPIPELINE, S3, NO_ARTIFACTS");
    }
    if ("CODEPIPELINE".equals(p.source.type) != "CODEPIPELINE".equals(p.artifacts.type)) {
      // (inf) wording: CodeBuild rejects a pipeline source without pipeline artifacts and vice versa
      throw invalid("Invalid input: source type CODEPIPELINE requires artifacts type CODEPIPELINE, and artifacts"
          + " type CODEPIPELINE requires source type CODEPIPELINE");
    }
    if (p.artifacts.type.equals("S3") && (p.artifacts.location == null || p.artifacts.location.isBlank())) {
      throw invalid("Invalid artifacts: artifact location is required when artifact type is S3");
    }
    validateEnvironment(p.environment);
    if (p.serviceRole == null || p.serviceRole.isBlank()) {
      throw invalid("1 validation error detected: Value null at 'serviceRole' failed to satisfy constraint: Member"
          + " must not be null");
    }
    if (!p.serviceRole.startsWith("arn:")) {
      p.serviceRole = "arn:aws:iam::" + account.accountId() + ":role/" + p.serviceRole;
    }
    range("timeoutInMinutes", p.timeoutInMinutes, 5, 2160);
    range("queuedTimeoutInMinutes", p.queuedTimeoutInMinutes, 5, 480);
  }

  private void validateSource(Project p) {
    if (p.source == null || p.source.type == null) {
      throw invalid("1 validation error detected: Value null at 'source.type' failed to satisfy constraint: Member"
          + " must not be null");
    }
    String type = p.source.type;
    if (OTHER_SOURCES.contains(type)) {
      throw invalid("The sandbox simulates source types CODEPIPELINE, CODECOMMIT and NO_SOURCE; " + type
          + " is not simulated");
    }
    if (!SIMULATED_SOURCES.contains(type)) {
      throw invalid("1 validation error detected: Value '" + type + "' at 'source.type' failed to satisfy constraint:"
          + " Member must satisfy enum value set");
    }
    String repos = "https://git-codecommit." + account.region() + ".amazonaws.com/v1/repos/";
    if (type.equals("CODECOMMIT") && (p.source.location == null || !p.source.location.startsWith(repos)
        || p.source.location.length() == repos.length())) {
      throw invalid("Invalid source location: " + p.source.location + " (expected " + repos + "<repository>)");
    }
    if (type.equals("NO_SOURCE") && (p.source.buildspec == null || p.source.buildspec.isBlank())) {
      throw invalid("Invalid source: buildspec must be specified when source type is NO_SOURCE");
    }
  }

  private void validateEnvironment(CodeBuildState.Environment e) {
    if (e == null || !ENVIRONMENT_TYPES.contains(e.type)) {
      throw invalid("1 validation error detected: Value '" + (e == null ? null : e.type) + "' at 'environment.type'"
          + " failed to satisfy constraint: Member must satisfy enum value set");
    }
    if (e.image == null || e.image.isBlank()) {
      throw invalid("1 validation error detected: Value null at 'environment.image' failed to satisfy constraint:"
          + " Member must not be null");
    }
    if (!COMPUTE_TYPES.contains(e.computeType)) {
      throw invalid("1 validation error detected: Value '" + e.computeType + "' at 'environment.computeType' failed to"
          + " satisfy constraint: Member must satisfy enum value set");
    }
    validateVariables(e.environmentVariables);
  }

  private void validateVariables(List<EnvVar> variables) {
    for (EnvVar v : variables) {
      if (v.name == null || v.name.isEmpty()) {
        throw invalid("Invalid environment variable: name must not be empty");
      }
      if (v.value == null) {
        throw invalid("1 validation error detected: Value null at 'environment.environmentVariables.value' failed to"
            + " satisfy constraint: Member must not be null");
      }
      if (v.type == null) {
        v.type = "PLAINTEXT";
      } else if (!VARIABLE_TYPES.contains(v.type)) {
        throw invalid("1 validation error detected: Value '" + v.type + "' at 'environment.environmentVariables.type'"
            + " failed to satisfy constraint: Member must satisfy enum value set");
      }
    }
  }

  private void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid("1 validation error detected: Value '" + value + "' at '" + field + "' failed to satisfy"
          + " constraint: Member must have value " + (value < min ? "greater than or equal to " + min
              : "less than or equal to " + max));
    }
  }

  /** Catalogue row 15 (CodeBuild API Reference): a role CodeBuild cannot assume yet (or ever). */
  private void checkRole(String roleArn) {
    Ports.IamChecks iam = ports.iamChecks;
    if (iam == null) {
      throw new IllegalStateException("sandbox port IamChecks not wired");
    }
    if (iam.canAssume(roleArn, "codebuild.amazonaws.com") != Ports.IamChecks.Assume.OK) {
      throw invalid(ASSUME_ROLE_DENIED);
    }
  }

  // ---- builds

  /** StartBuild from the API; {@code overrides} are environmentVariablesOverride. */
  Build start(String projectName, String sourceVersion, List<EnvVar> overrides, String buildspecOverride,
      Boolean privilegedOverride) {
    Project p = project(projectName);
    if (p.source.type.equals("CODEPIPELINE")) {
      // (inf) such builds need the pipeline's input artifact; CodePipeline starts them
      throw invalid("Builds of project " + p.name + " (source type CODEPIPELINE) are started by CodePipeline");
    }
    validateVariables(overrides);
    checkRole(p.serviceRole);
    Build b = newBuild(p, callerArn());
    b.sourceVersion = sourceVersion != null ? sourceVersion : p.sourceVersion;
    b.environmentOverrides.addAll(overrides);
    if (buildspecOverride != null) {
      b.source.buildspec = buildspecOverride;
    }
    if (privilegedOverride != null) {
      b.environment.privilegedMode = privilegedOverride;
    }
    return b;
  }

  /** A build started by CodePipeline's CodeBuild action: the input artifact is the source. */
  public Build startForPipeline(String projectName, String pipelineName, String inputBucket, String inputKey,
      String outputBucket, String outputKey, String sourceRevision) {
    return startForPipeline(projectName, pipelineName, inputBucket, inputKey, outputBucket, outputKey, sourceRevision,
        List.of());
  }

  /**
   * As above, with the CodeBuild action's EnvironmentVariables, which override the project's for this build
   * (CodePipeline "AWS CodeBuild build and test action reference": EnvironmentVariables).
   */
  public Build startForPipeline(String projectName, String pipelineName, String inputBucket, String inputKey,
      String outputBucket, String outputKey, String sourceRevision, List<EnvVar> overrides) {
    Project p = project(projectName);
    validateVariables(overrides);
    checkRole(p.serviceRole);
    Build b = newBuild(p, "codepipeline/" + pipelineName);
    b.source.type = "CODEPIPELINE";
    b.source.location = "arn:aws:s3:::" + inputBucket + "/" + inputKey;
    b.artifacts.type = "CODEPIPELINE";
    b.artifacts.location = "arn:aws:s3:::" + outputBucket + "/" + outputKey;
    b.sourceVersion = b.source.location;
    b.resolvedSourceVersion = sourceRevision;
    b.inputBucket = inputBucket;
    b.inputKey = inputKey;
    b.outputBucket = outputBucket;
    b.outputKey = outputKey;
    b.environmentOverrides.addAll(overrides);
    return b;
  }

  private String callerArn() {
    return "arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME;
  }

  private Build newBuild(Project p, String initiator) {
    Build b = new Build();
    String uuid = account.ids().uuid();
    b.id = p.name + ":" + uuid;
    b.arn = "arn:aws:codebuild:" + account.region() + ":" + account.accountId() + ":build/" + b.id;
    b.projectName = p.name;
    b.buildNumber = ++p.lastBuildNumber;
    b.initiator = initiator;
    b.startTime = account.now();
    b.buildStatus = "IN_PROGRESS";
    Project copy = SandboxAccount.STATE_MAPPER.convertValue(p, Project.class);
    b.source = copy.source;
    b.artifacts = copy.artifacts;
    b.environment = copy.environment;
    b.serviceRole = p.serviceRole;
    b.timeoutInMinutes = p.timeoutInMinutes;
    b.queuedTimeoutInMinutes = p.queuedTimeoutInMinutes;
    if ("ENABLED".equals(p.logs.status)) {
      b.logGroup = p.logs.groupName != null ? p.logs.groupName : "/aws/codebuild/" + p.name;
      b.logStream = (p.logs.streamName != null ? p.logs.streamName + "/" : "") + uuid;
    }
    b.workspace = new Workspace();
    st().builds.put(b.id, b);
    enter(b, "SUBMITTED");
    return b;
  }

  public Build build(String id) {
    return id == null ? null : st().builds.get(id);
  }

  /** The project's builds, newest first. */
  List<Build> builds(String projectName) {
    project(projectName);
    List<Build> out = new ArrayList<>();
    for (Build b : st().builds.values()) {
      if (b.projectName.equals(nameOf(projectName))) {
        out.add(0, b);
      }
    }
    return out;
  }

  Build stop(String id) {
    Build b = build(id);
    if (b == null) {
      throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException", "Build " + id + " does not exist");
    }
    if (b.buildComplete) {
      return b;
    }
    Phase current = current(b);
    end(current, "STOPPED", null);
    b.buildStatus = "STOPPED";
    enter(b, current.phaseType.equals("FINALIZING") ? "COMPLETED" : "FINALIZING");
    return b;
  }

  private static Phase current(Build b) {
    return b.phases.get(b.phases.size() - 1);
  }

  private void enter(Build b, String phase) {
    Phase p = new Phase();
    p.phaseType = phase;
    p.startTime = account.now();
    b.phases.add(p);
    b.currentPhase = phase;
    if (phase.equals("COMPLETED")) {
      b.endTime = account.now();
      b.buildComplete = true;
      if (b.buildStatus.equals("IN_PROGRESS")) {
        b.buildStatus = "SUCCEEDED";
      }
      b.nextAt = null;
      b.workspace = null;
      return;
    }
    b.nextAt = account.now().plus(duration(phase));
    if (BuildRun.logsPhase(phase)) {
      new BuildRun(account, ports, b).container("Entering phase " + phase);
    }
  }

  private Duration duration(String phase) {
    Integer percent = PERCENT.get(phase);
    if (percent == null) {
      return Duration.ofSeconds(1);
    }
    return Duration.ofSeconds(Math.max(1, (long) account.settings().buildSeconds * percent / 100));
  }

  private void end(Phase p, String status, BuildRun.Failure failure) {
    p.endTime = account.now();
    p.phaseStatus = status;
    p.durationInSeconds = Duration.between(p.startTime, p.endTime).toSeconds();
    var context = new PhaseContext();
    context.statusCode = failure == null ? "" : failure.statusCode();
    context.message = failure == null ? "" : failure.message();
    p.contexts.add(context);
  }

  private void step(Build b) {
    Phase p = current(b);
    String phase = p.phaseType;
    BuildRun.Failure failure = PHASES.indexOf(phase) >= PHASES.indexOf("PROVISIONING")
        ? new BuildRun(account, ports, b).run(phase) : null;
    end(p, failure == null ? "SUCCEEDED" : "FAILED", failure);
    if (failure == null) {
      enter(b, PHASES.get(PHASES.indexOf(phase) + 1));
      return;
    }
    b.buildStatus = "FAILED";
    enter(b, switch (phase) {
      case "BUILD" -> "POST_BUILD";
      case "POST_BUILD" -> "UPLOAD_ARTIFACTS";
      default -> "FINALIZING";
    });
  }

  @Override
  public Instant nextTransition() {
    Instant next = null;
    for (Build b : st().builds.values()) {
      if (b.nextAt != null && (next == null || b.nextAt.isBefore(next))) {
        next = b.nextAt;
      }
    }
    return next;
  }

  @Override
  public void advanceTo(Instant t) {
    for (Build b : List.copyOf(st().builds.values())) {
      while (b.nextAt != null && !b.nextAt.isAfter(t)) {
        step(b);
      }
    }
  }

  // ---- errors

  AwsServiceException invalid(String message) {
    return error(InvalidInputException.builder(), "InvalidInputException", message);
  }

  private AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.CODEBUILD, code, message);
  }
}
