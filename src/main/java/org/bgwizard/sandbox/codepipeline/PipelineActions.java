package org.bgwizard.sandbox.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Action;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ActionRun;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ArtifactLocation;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Execution;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Pipeline;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Revision;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.bgwizard.sandbox.core.ArtifactZip;

/**
 * What each action type does in a run. Source: reads the CodeCommit branch head (or the S3 object) after
 * {@code sourceSeconds} and stores it zipped in the artifact bucket. Build: starts a CodeBuild build of the input
 * artifact and follows it, with the action's EnvironmentVariables ({@link CodeBuildActionVariables}). Manual: publishes
 * its notification ({@link ApprovalNotifications}), then waits for PutApprovalResult (7 days at most). Every action's
 * configuration has its variables resolved as it starts ({@link PipelineVariables}). CodeDeployToECS: reads
 * taskdef.json, appspec.yaml and imageDetail.json from the artifacts (catalogue rows 1, 2, 7), fills
 * {@code <IMAGE1_NAME>} and {@code <TASK_DEFINITION>}, registers the task definition and starts the deployment
 * through {@link Ports.Deployer}, then polls it until Succeeded (including the original task set's termination
 * wait), Failed or Stopped. ECS: {@link EcsDeployAction}.
 */
final class PipelineActions {
  /** How often the action looks at its deployment: a judgement (CodePipeline publishes no figure). */
  static final Duration DEPLOY_POLL = Duration.ofSeconds(15);
  static final Duration APPROVAL_TIMEOUT = Duration.ofDays(7);
  static final String IMAGE_DETAIL = "imageDetail.json";

  private final SandboxAccount account;
  private final Ports ports;
  private final EcsDeployAction ecsDeploy;

  PipelineActions(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
    this.ecsDeploy = new EcsDeployAction(account, ports);
  }

  private static <T> T port(T port, String name) {
    if (port == null) {
      throw new IllegalStateException("sandbox port " + name + " not wired");
    }
    return port;
  }

  private String console() {
    return "https://" + account.region() + ".console.aws.amazon.com/";
  }

  /** When the action next needs a look; a build is followed phase by phase. */
  Instant due(ActionRun r) {
    if (r.dueAt != null) {
      return r.dueAt;
    }
    var b = port(ports.builds, "Builds").build(r.externalExecutionId);
    return b.isEmpty() || b.get().complete() ? account.now() : b.get().nextAt();
  }

  void start(Pipeline p, Execution e, Action a, ActionRun r) {
    var resolved = PipelineVariables.resolve(p, e, a.configuration);
    if (resolved.failure() != null) {
      fail(r, resolved.failure());
      return;
    }
    r.resolvedConfiguration.putAll(resolved.configuration());
    switch (a.provider) {
      case "Manual" -> {
        r.token = account.ids().uuid();
        r.externalExecutionId = r.token;
        r.dueAt = account.now().plus(a.timeoutInMinutes == null ? APPROVAL_TIMEOUT
            : Duration.ofMinutes(a.timeoutInMinutes));
        ApprovalNotifications.publish(account, ports, p, CodePipelineEngine.stageName(e, p), a, r,
            r.resolvedConfiguration, r.dueAt).ifPresent(failure -> fail(r, failure));
      }
      case "CodeBuild" -> startBuild(p, e, a, r);
      case "CodeDeployToECS", "ECS" -> r.dueAt = account.now().plusSeconds(1);
      default -> r.dueAt = account.now().plusSeconds(account.settings().sourceSeconds);
    }
  }

  void step(Pipeline p, Execution e, Action a, ActionRun r) {
    r.lastUpdateTime = account.now();
    switch (a.provider) {
      case "CodeCommit" -> codeCommitSource(p, e, a, r);
      case "S3" -> s3Source(p, e, a, r);
      case "CodeStarSourceConnection" -> connectionSource(p, e, a, r);
      case "Manual" -> fail(r, "The approval action timed out: no response within "
          + (a.timeoutInMinutes == null ? "7 days" : a.timeoutInMinutes + " minutes"));
      case "CodeBuild" -> followBuild(e, a, r);
      case "CodeDeployToECS" -> {
        if (r.started) {
          followDeployment(r);
        } else {
          startDeployment(p, e, a, r);
        }
      }
      case "ECS" -> ecsAction(p, e, a, r);
      default -> throw new IllegalStateException("no simulation for action provider " + a.provider);
    }
  }

  private static void fail(ActionRun r, String message) {
    r.status = "Failed";
    r.errorCode = "JobFailed";
    r.errorMessage = message;
    r.summary = message;
    r.dueAt = null;
  }

  private void succeed(ActionRun r, String summary) {
    r.status = "Succeeded";
    r.summary = summary;
    r.dueAt = null;
    r.lastUpdateTime = account.now();
  }

  /** Where an output artifact goes: {@code <pipeline[:20]>/<artifact[:10]>/<7 characters>}, as CodePipeline names it. */
  private ArtifactLocation newArtifact(Pipeline p, String artifact) {
    var loc = new ArtifactLocation();
    loc.bucket = p.artifactStoreLocation;
    loc.key = p.name.substring(0, Math.min(20, p.name.length())) + "/"
        + artifact.substring(0, Math.min(10, artifact.length())) + "/" + account.ids().upperAlnum(7);
    return loc;
  }

  // ---- sources

  private void codeCommitSource(Pipeline p, Execution e, Action a, ActionRun r) {
    String repo = a.configuration.get("RepositoryName");
    String branch = a.configuration.get("BranchName");
    Optional<Ports.Snapshot> head = port(ports.sources, "Sources").codeCommitHead(repo, branch);
    if (head.isEmpty()) {
      fail(r, "The action failed because no branch named " + branch + " was found in the selected AWS CodeCommit"
          + " repository " + repo + ". Make sure you are using the correct branch name, and then try again.");
      return;
    }
    Ports.Snapshot s = head.get();
    if (!storeSource(p, e, a, r, ArtifactZip.zip(s.files()))) {
      return;
    }
    p.seenRevisions.put(a.name, s.commitId());
    String url = console() + "codesuite/codecommit/repositories/" + repo + "/commit/" + s.commitId() + "?region="
        + account.region();
    revision(e, a, s.commitId(), s.message(), url);
    r.externalExecutionId = s.commitId();
    r.externalExecutionUrl = url;
    r.outputVariables.putAll(Map.of("CommitId", s.commitId(), "CommitMessage", s.message(), "RepositoryName", repo,
        "BranchName", branch));
    succeed(r, s.message());
  }

  /**
   * The S3 source action reads the latest version of the object; the bucket must be versioned (CodePipeline action
   * reference "Amazon S3 source action"). Its revision is the object's version id; output variables ETag, VersionId.
   */
  private void s3Source(Pipeline p, Execution e, Action a, ActionRun r) {
    String bucket = a.configuration.get("S3Bucket");
    String key = a.configuration.get("S3ObjectKey");
    Ports.Sources sources = port(ports.sources, "Sources");
    Optional<byte[]> object = sources.getObject(bucket, key);
    Optional<String> version = sources.objectVersion(bucket, key);
    if (object.isEmpty() || version.isEmpty()) {
      fail(r, "The object with key '" + key + "' does not exist in bucket '" + bucket + "'."); // (unv)
      return;
    }
    if (version.get().equals("null")) {
      fail(r, "The bucket '" + bucket + "' is not versioned: an Amazon S3 source needs a bucket with versioning"
          + " enabled."); // (unv) wording; the requirement is the action reference's
      return;
    }
    if (!storeSource(p, e, a, r, object.get())) {
      return;
    }
    p.seenRevisions.put(a.name, version.get());
    revision(e, a, version.get(), null, null);
    r.externalExecutionId = version.get();
    r.outputVariables.put("VersionId", version.get());
    succeed(r, null);
  }

  /**
   * CodeStarSourceConnection (CodePipeline action reference "CodeStarSourceConnection for Bitbucket Cloud, GitHub,
   * GitHub Enterprise Server, GitLab.com, and GitLab self-managed actions"): the connection must be AVAILABLE and the
   * pipeline role allowed codeconnections:UseConnection (codestar-connections:UseConnection for ARNs of that
   * name) on it; then the branch head is zipped (CODE_ZIP). Failure texts are not documented (unv).
   */
  private void connectionSource(Pipeline p, Execution e, Action a, ActionRun r) {
    String arn = a.configuration.get("ConnectionArn");
    String repo = a.configuration.get("FullRepositoryId");
    String branch = a.configuration.get("BranchName");
    Ports.Sources sources = port(ports.sources, "Sources");
    Optional<String> status = sources.connectionStatus(arn);
    if (status.isEmpty() || !status.get().equals("AVAILABLE")) {
      fail(r, "Connection is not available: the connection " + arn + (status.isEmpty() ? " does not exist"
          : " is " + status.get() + "; complete its handshake in the console"));
      return;
    }
    String service = arn.contains(":codestar-connections:") ? "codestar-connections" : "codeconnections";
    String role = a.roleArn != null ? a.roleArn : p.roleArn;
    if (ports.iamChecks != null && !ports.iamChecks.allows(role, service + ":UseConnection", arn, null)) {
      fail(r, "Unable to use Connection: " + arn + ". The provided role does not have sufficient permissions.");
      return;
    }
    Optional<Ports.Snapshot> head = sources.providerHead(repo, branch);
    if (head.isEmpty()) {
      fail(r, "The branch " + branch + " of the repository " + repo + " was not found, or the repository is empty.");
      return;
    }
    Ports.Snapshot s = head.get();
    if (!storeSource(p, e, a, r, ArtifactZip.zip(s.files()))) {
      return;
    }
    p.seenRevisions.put(a.name, s.commitId());
    revision(e, a, s.commitId(), s.message(), null);
    r.externalExecutionId = s.commitId();
    r.outputVariables.putAll(Map.of("CommitId", s.commitId(), "FullRepositoryName", repo, "BranchName", branch,
        "ConnectionArn", arn));
    succeed(r, s.message());
  }

  private boolean storeSource(Pipeline p, Execution e, Action a, ActionRun r, byte[] zip) {
    String artifact = a.outputArtifacts.get(0);
    ArtifactLocation loc = newArtifact(p, artifact);
    if (!port(ports.sources, "Sources").putObject(loc.bucket, loc.key, zip)) {
      fail(r, "The artifact bucket " + loc.bucket + " does not exist; the source artifact could not be stored");
      return false;
    }
    e.artifacts.put(artifact, loc);
    return true;
  }

  private void revision(Execution e, Action a, String id, String summary, String url) {
    var rev = new Revision();
    rev.actionName = a.name;
    rev.revisionId = id;
    rev.revisionSummary = summary;
    rev.revisionUrl = url;
    rev.created = account.now();
    e.sourceRevisions.removeIf(x -> x.actionName.equals(a.name));
    e.sourceRevisions.add(rev);
  }

  /** Catalogue row 2: an input artifact the run never produced. */
  private static String missingArtifact(String name) {
    return "You are missing permissions to access input artifact: " + name + ".";
  }

  // ---- build

  private void startBuild(Pipeline p, Execution e, Action a, ActionRun r) {
    String input = a.inputArtifacts.get(0);
    ArtifactLocation in = e.artifacts.get(input);
    if (in == null) {
      fail(r, missingArtifact(input));
      return;
    }
    String outputName = a.outputArtifacts.isEmpty() ? "BuildOutput" : a.outputArtifacts.get(0);
    ArtifactLocation out = newArtifact(p, outputName);
    String revision = e.sourceRevisions.isEmpty() ? null : e.sourceRevisions.get(0).revisionId;
    var variables = CodeBuildActionVariables.parse(r.resolvedConfiguration.get("EnvironmentVariables"));
    if (variables.failure() != null) {
      fail(r, variables.failure());
      return;
    }
    try {
      var b = port(ports.builds, "Builds").startForPipeline(a.configuration.get("ProjectName"), p.name, in.bucket,
          in.key, out.bucket, out.key, revision, variables.variables());
      r.externalExecutionId = b.id();
      r.externalExecutionUrl = console() + "codesuite/codebuild/projects/" + b.projectName() + "/build/" + b.id()
          + "?region=" + account.region();
    } catch (AwsServiceException ex) {
      fail(r, "Error calling startBuild: " + ex.awsErrorDetails().errorMessage() + " (Service: AWSCodeBuild; Status"
          + " Code: 400; Error Code: " + ex.awsErrorDetails().errorCode() + ")");
    }
  }

  private void followBuild(Execution e, Action a, ActionRun r) {
    var found = port(ports.builds, "Builds").build(r.externalExecutionId);
    if (found.isEmpty()) {
      fail(r, "Build " + r.externalExecutionId + " does not exist");
      return;
    }
    var b = found.get();
    if (!b.complete()) {
      return;
    }
    if (b.status().equals("SUCCEEDED")) {
      if (!a.outputArtifacts.isEmpty() && b.artifactUploaded()) {
        var loc = new ArtifactLocation();
        loc.bucket = b.outputBucket();
        loc.key = b.outputKey();
        e.artifacts.put(a.outputArtifacts.get(0), loc);
      }
      succeed(r, null);
      return;
    }
    StringBuilder message = new StringBuilder("Build terminated with state: " + b.status());
    var phase = b.failedPhase();
    if (phase != null) {
      message.append(". Phase: ").append(phase.type()).append(", Code: ").append(phase.statusCode())
          .append(", Message: ").append(phase.message());
    }
    fail(r, message.toString());
  }

  // ---- deploy

  private Optional<Map<String, String>> artifactFiles(Execution e, String name) {
    ArtifactLocation loc = e.artifacts.get(name);
    if (loc == null) {
      return Optional.empty();
    }
    return port(ports.sources, "Sources").getObject(loc.bucket, loc.key).flatMap(ArtifactZip::unzip);
  }

  private void startDeployment(Pipeline p, Execution e, Action a, ActionRun r) {
    for (String input : a.inputArtifacts) {
      if (artifactFiles(e, input).isEmpty()) {
        fail(r, missingArtifact(input));
        return;
      }
    }
    Map<String, String> c = a.configuration;
    String taskdefArtifact = c.get("TaskDefinitionTemplateArtifact");
    String appspecArtifact = c.get("AppSpecTemplateArtifact");
    String taskdef = artifactFiles(e, taskdefArtifact).orElseThrow()
        .get(c.getOrDefault("TaskDefinitionTemplatePath", "taskdef.json"));
    String appspec = artifactFiles(e, appspecArtifact).orElseThrow()
        .get(c.getOrDefault("AppSpecTemplatePath", "appspec.yaml"));
    if (taskdef == null) {
      fail(r, "Exception while trying to read the task definition artifact file from: " + taskdefArtifact + "."); // (unv)
      return;
    }
    if (appspec == null) {
      fail(r, "An AppSpec file is required, but could not be found in the revision");
      return;
    }
    for (int n = 1; n <= 4; n++) {
      String imageArtifact = c.get("Image" + n + "ArtifactName");
      if (imageArtifact == null) {
        continue;
      }
      Optional<String> uri = imageUri(artifactFiles(e, imageArtifact).orElseThrow().get(IMAGE_DETAIL));
      if (uri.isEmpty()) {
        fail(r, "Invalid action configuration Exception while trying to read the image artifact file from the"
            + " artifact: " + imageArtifact + ".");
        return;
      }
      String container = c.get("Image" + n + "ContainerName");
      if (container != null) {
        taskdef = taskdef.replace("<" + container + ">", uri.get());
      }
    }
    Ports.Deployer deployer = port(ports.deployer, "Deployer");
    String role = a.roleArn != null ? a.roleArn : p.roleArn;
    try {
      String taskDefinitionArn = deployer.registerTaskDefinition(taskdef, role);
      String deployment = deployer.createDeployment(c.get("ApplicationName"), c.get("DeploymentGroupName"),
          appspec.replace("<TASK_DEFINITION>", taskDefinitionArn));
      r.externalExecutionId = deployment;
      r.externalExecutionUrl = console() + "codesuite/codedeploy/deployments/" + deployment + "?region="
          + account.region();
      r.started = true;
      r.dueAt = account.now().plus(DEPLOY_POLL);
    } catch (AwsServiceException ex) {
      fail(r, ex.awsErrorDetails().errorMessage());
    }
  }

  /** imageDetail.json's ImageURI (taken as it is: a name:tag fails later, when ECS pulls it — row 18). */
  private static Optional<String> imageUri(String imageDetail) {
    if (imageDetail == null) {
      return Optional.empty();
    }
    try {
      JsonNode uri = SandboxAccount.STATE_MAPPER.readTree(imageDetail).get("ImageURI");
      return uri != null && uri.isTextual() && !uri.asText().isEmpty() ? Optional.of(uri.asText()) : Optional.empty();
    } catch (IOException ex) {
      return Optional.empty();
    }
  }

  private void ecsAction(Pipeline p, Execution e, Action a, ActionRun r) {
    if (!r.started) {
      Optional<String> failure = ecsDeploy.start(a, r, a.roleArn != null ? a.roleArn : p.roleArn,
          name -> artifactFiles(e, name));
      if (failure.isPresent()) {
        fail(r, failure.get());
        return;
      }
    } else {
      var outcome = ecsDeploy.follow(a, r);
      if (outcome.isPresent()) {
        if (outcome.get().getKey()) {
          succeed(r, outcome.get().getValue());
        } else {
          fail(r, outcome.get().getValue());
        }
        return;
      }
    }
    r.dueAt = ecsDeploy.nextLook(a, r, DEPLOY_POLL);
  }

  private void followDeployment(ActionRun r) {
    Ports.Deployer deployer = port(ports.deployer, "Deployer");
    String status = deployer.deploymentStatus(r.externalExecutionId);
    switch (status) {
      case "Succeeded" -> succeed(r, "Deployment " + r.externalExecutionId + " succeeded");
      case "Failed", "Stopped" -> {
        String error = deployer.deploymentError(r.externalExecutionId);
        fail(r, error != null ? error : "Deployment " + r.externalExecutionId + " " + status.toLowerCase());
      }
      default -> r.dueAt = account.now().plus(DEPLOY_POLL);
    }
  }
}
