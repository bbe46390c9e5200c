package org.bgwizard.sandbox.codebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codebuild.CodeBuildState.Build;
import org.bgwizard.sandbox.codebuild.CodeBuildState.EnvVar;
import org.bgwizard.sandbox.codebuild.CodeBuildState.Workspace;
import org.bgwizard.sandbox.codebuild.shell.BuildPrograms;
import org.bgwizard.sandbox.codebuild.shell.BuildShell;
import org.bgwizard.sandbox.core.ArtifactZip;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;

/**
 * The work of one build phase, done when the phase ends: fetch the source and read the buildspec
 * (DOWNLOAD_SOURCE), run the phase's commands through {@link BuildShell} (INSTALL … POST_BUILD), zip the
 * artifact into S3 (UPLOAD_ARTIFACTS). Log lines go to CloudWatch Logs with secret values masked, as
 * CodeBuild masks them.
 */
public final class BuildRun {
  /** Why a phase failed: the phase context CodeBuild reports. */
  record Failure(String statusCode, String message) {}

  /**
   * A sandbox-only practice switch, ignored by real CodeBuild: a source file {@code {"behaviour": "HEALTHY" |
   * "UNHEALTHY" | "CRASHES"}} gives the image a build pushes that behaviour when ECS runs it. The dashboard's
   * "release a broken version" commits it; without the file images are healthy.
   */
  public static final String RELEASE_FILE = "sandbox-release.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private final SandboxAccount account;
  private final Ports ports;
  private final Build build;
  private final Workspace ws;
  private final Set<String> secretValues = new LinkedHashSet<>();

  BuildRun(SandboxAccount account, Ports ports, Build build) {
    this.account = account;
    this.ports = ports;
    this.build = build;
    this.ws = build.workspace;
  }

  // ---- what the commands reach

  public SandboxAccount account() {
    return account;
  }

  public Build build() {
    return build;
  }

  public Workspace workspace() {
    return ws;
  }

  public Ports.IamChecks iam() {
    return port(ports.iamChecks, "IamChecks");
  }

  public Ports.Registry registry() {
    return port(ports.registry, "Registry");
  }

  public Ports.Deployer deployer() {
    return port(ports.deployer, "Deployer");
  }

  private static <T> T port(T port, String name) {
    if (port == null) {
      throw new IllegalStateException("sandbox port " + name + " not wired");
    }
    return port;
  }

  /** The session the build's commands run as: {@code arn:aws:sts::…:assumed-role/<role>/AWSCodeBuild-<id>}. */
  public String assumedRoleArn() {
    String role = build.serviceRole.substring(build.serviceRole.lastIndexOf('/') + 1);
    return "arn:aws:sts::" + account.accountId() + ":assumed-role/" + role + "/AWSCodeBuild-" + buildUuid();
  }

  public String buildUuid() {
    return build.id.substring(build.id.indexOf(':') + 1);
  }

  public String registryHost() {
    return account.accountId() + ".dkr.ecr." + account.region() + ".amazonaws.com";
  }

  /** The source directory, e.g. {@code /codebuild/output/src123456789/src}. */
  String sourceDir() {
    return "/codebuild/output/src" + Math.floorMod(build.id.hashCode(), 1_000_000_000) + "/src";
  }

  /** A line of command output (stdout or stderr) in the build log. */
  public void output(String text) {
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        log(line);
      }
    }
  }

  void container(String text) {
    log("[Container] " + LOG_TIME.format(account.now()) + " " + text);
  }

  private void log(String line) {
    if (build.logGroup == null) {
      return;
    }
    String masked = line;
    for (String secret : secretValues) {
      if (!secret.isEmpty()) {
        masked = masked.replace(secret, "***");
      }
    }
    Ports.LogSink sink = port(ports.logSink, "LogSink");
    sink.ensureGroup(build.logGroup);
    sink.append(build.logGroup, build.logStream, masked);
  }

  // ---- phases

  /** Runs the work of {@code phase}; null when it succeeded. */
  Failure run(String phase) {
    if (phase.equals("PROVISIONING")) {
      container("Running on CodeBuild On-demand");
      container("Waiting for agent ping");
      container("Waiting for DOWNLOAD_SOURCE");
      return null;
    }
    Failure failure = switch (phase) {
      case "DOWNLOAD_SOURCE" -> downloadSource();
      case "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD" -> commands(phase);
      case "UPLOAD_ARTIFACTS" -> uploadArtifacts();
      default -> null;
    };
    if (logsPhase(phase)) {
      container("Phase complete: " + phase + " State: " + (failure == null ? "SUCCEEDED" : "FAILED"));
      container("Phase context status code: " + (failure == null ? "" : failure.statusCode()) + " Message: "
          + (failure == null ? "" : failure.message()));
    }
    return failure;
  }

  /** The build agent logs the phases from DOWNLOAD_SOURCE to UPLOAD_ARTIFACTS. */
  static boolean logsPhase(String phase) {
    int i = CodeBuildEngine.PHASES.indexOf(phase);
    return i >= CodeBuildEngine.PHASES.indexOf("DOWNLOAD_SOURCE") && i <= CodeBuildEngine.PHASES.indexOf("UPLOAD_ARTIFACTS");
  }

  private Failure downloadSource() {
    Optional<Map<String, String>> files = fetchSource();
    if (files.isEmpty()) {
      return new Failure("CLIENT_ERROR", build.source.type.equals("CODEPIPELINE")
          ? "error while downloading the input artifact " + build.source.location + ": NoSuchKey: The specified key"
              + " does not exist."
          : "repository not found for primary source and source version "
              + (build.sourceVersion == null ? "" : build.sourceVersion));
    }
    ws.files.putAll(files.get());
    String spec = build.source.buildspec;
    String text;
    if (spec != null && (spec.contains("\n") || spec.startsWith("version"))) {
      text = spec;
    } else {
      String path = spec == null || spec.isBlank() ? "buildspec.yml" : spec;
      text = ws.files.get(path);
      if (text == null) {
        return new Failure("YAML_FILE_ERROR", "stat " + sourceDir() + "/" + path + ": no such file or directory");
      }
    }
    BuildspecFile buildspec;
    try {
      buildspec = BuildspecFile.parse(text);
    } catch (BuildspecFile.Invalid e) {
      return new Failure("YAML_FILE_ERROR", e.getMessage());
    }
    ws.buildspecVariables.putAll(buildspec.variables());
    ws.secretRefs.putAll(buildspec.secrets());
    ws.phaseCommands.putAll(buildspec.phases());
    ws.artifactFiles = buildspec.artifactFiles();
    ws.artifactBaseDirectory = buildspec.baseDirectory();
    ws.discardPaths = buildspec.discardPaths();
    List<String> parameters = new ArrayList<>(buildspec.parameterStore().keySet());
    allEnvironmentVariables().stream().filter(v -> "PARAMETER_STORE".equals(v.type)).forEach(v -> parameters.add(v.name));
    if (!parameters.isEmpty()) {
      return new Failure("Parameter Store Error", "the sandbox does not simulate Systems Manager Parameter Store"
          + " (variables " + String.join(", ", parameters) + ")");
    }
    try {
      environment();
    } catch (SecretError e) {
      return new Failure("Secrets Manager Error", e.getMessage());
    }
    return null;
  }

  private Optional<Map<String, String>> fetchSource() {
    Ports.Sources sources = port(ports.sources, "Sources");
    switch (build.source.type) {
      case "CODEPIPELINE" -> {
        return sources.getObject(build.inputBucket, build.inputKey).flatMap(ArtifactZip::unzip);
      }
      case "CODECOMMIT" -> {
        String location = build.source.location;
        String repo = location.substring(location.lastIndexOf('/') + 1);
        String branch = build.sourceVersion == null ? "main" : build.sourceVersion.replaceFirst("^refs/heads/", "");
        Optional<Ports.Snapshot> head = sources.codeCommitHead(repo, branch);
        head.ifPresent(h -> build.resolvedSourceVersion = h.commitId());
        return head.map(Ports.Snapshot::files);
      }
      default -> {
        return Optional.of(Map.of());
      }
    }
  }

  private Failure commands(String phase) {
    List<String> commands = ws.phaseCommands.getOrDefault(phase.toLowerCase(java.util.Locale.ROOT), List.of());
    Map<String, String> env;
    try {
      env = environment();
    } catch (SecretError e) {
      return new Failure("Secrets Manager Error", e.getMessage());
    }
    BuildShell shell = new BuildShell(ws.variables, env, new BuildPrograms(this), new BuildShell.Io() {
      @Override
      public void writeFile(String path, String content, boolean append) {
        String key = relative(path);
        ws.files.put(key, append ? ws.files.getOrDefault(key, "") + content : content);
      }

      @Override
      public void stdout(String text) {
        output(text);
      }
    });
    for (String command : commands) {
      container("Running command " + command);
      int status = shell.run(command);
      if (status != 0) {
        container("Command did not exit successfully " + command + " exit status " + status);
        return new Failure("COMMAND_EXECUTION_ERROR",
            "Error while executing command: " + command + ". Reason: exit status " + status);
      }
    }
    return null;
  }

  /** A path as a key of the workspace: relative to the source directory. */
  public String relative(String path) {
    String p = path.startsWith(sourceDir() + "/") ? path.substring(sourceDir().length() + 1) : path;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  private Failure uploadArtifacts() {
    String type = build.artifacts.type;
    if (ws.artifactFiles == null || type.equals("NO_ARTIFACTS")) {
      return null;
    }
    String base = ws.artifactBaseDirectory == null ? "" : relative(ws.artifactBaseDirectory).replaceAll("/+$", "");
    Map<String, String> chosen = new TreeMap<>();
    for (String pattern : ws.artifactFiles) {
      Pattern glob = glob(relative(pattern));
      boolean matched = false;
      for (var file : ws.files.entrySet()) {
        String name = base.isEmpty() ? file.getKey()
            : file.getKey().startsWith(base + "/") ? file.getKey().substring(base.length() + 1) : null;
        if (name != null && glob.matcher(name).matches()) {
          chosen.put(ws.discardPaths ? name.substring(name.lastIndexOf('/') + 1) : name, file.getValue());
          matched = true;
        }
      }
      if (!matched) {
        return new Failure("CLIENT_ERROR", "no matching artifact paths found");
      }
    }
    Ports.Sources sources = port(ports.sources, "Sources");
    String bucket = type.equals("CODEPIPELINE") ? build.outputBucket : build.artifacts.location;
    String key = type.equals("CODEPIPELINE") ? build.outputKey : s3ArtifactKey();
    boolean zip = type.equals("CODEPIPELINE") || !"NONE".equals(build.artifacts.packaging);
    boolean stored = zip ? sources.putObject(bucket, key, ArtifactZip.zip(chosen))
        : chosen.entrySet().stream().allMatch(e -> sources.putObject(bucket, key + "/" + e.getKey(),
            e.getValue().getBytes(StandardCharsets.UTF_8)));
    if (!stored) {
      return new Failure("CLIENT_ERROR", "NoSuchBucket: The specified bucket does not exist");
    }
    build.artifactUploaded = true;
    return null;
  }

  private String s3ArtifactKey() {
    List<String> parts = new ArrayList<>();
    if (build.artifacts.path != null && !build.artifacts.path.isBlank()) {
      parts.add(build.artifacts.path.replaceAll("^/+|/+$", ""));
    }
    if ("BUILD_ID".equals(build.artifacts.namespaceType)) {
      parts.add(buildUuid());
    }
    parts.add(build.artifacts.name == null || build.artifacts.name.isBlank() ? build.projectName : build.artifacts.name);
    return String.join("/", parts);
  }

  /** CodeBuild's artifact patterns: {@code **} crosses directories, {@code *} and {@code ?} do not. */
  static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (pattern.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 2;
      } else if (pattern.startsWith("**", i)) {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  // ---- environment

  private static final class SecretError extends Exception {
    SecretError(String message) {
      super(message);
    }
  }

  private List<EnvVar> allEnvironmentVariables() {
    List<EnvVar> all = new ArrayList<>(build.environment.environmentVariables);
    all.addAll(build.environmentOverrides);
    return all;
  }

  /**
   * The build's environment, lowest precedence first: the buildspec's {@code env:}, the project's variables,
   * StartBuild's overrides, then CodeBuild's own {@code CODEBUILD_*} values.
   */
  private Map<String, String> environment() throws SecretError {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", account.region());
    env.put("AWS_DEFAULT_REGION", account.region());
    env.put("HOME", "/root");
    env.putAll(ws.buildspecVariables);
    for (var ref : ws.secretRefs.entrySet()) {
      env.put(ref.getKey(), secret(ref.getValue()));
    }
    for (EnvVar v : allEnvironmentVariables()) {
      if ("SECRETS_MANAGER".equals(v.type)) {
        env.put(v.name, secret(v.value));
      } else if (!"PARAMETER_STORE".equals(v.type)) {
        env.put(v.name, v.value);
      }
    }
    env.put("CODEBUILD_BUILD_ID", build.id);
    env.put("CODEBUILD_BUILD_ARN", build.arn);
    env.put("CODEBUILD_BUILD_NUMBER", String.valueOf(build.buildNumber));
    env.put("CODEBUILD_BUILD_IMAGE", build.environment.image);
    env.put("CODEBUILD_INITIATOR", build.initiator);
    env.put("CODEBUILD_SRC_DIR", sourceDir());
    env.put("CODEBUILD_BUILD_SUCCEEDING", "FAILED".equals(build.buildStatus) ? "0" : "1");
    if (build.sourceVersion != null) {
      env.put("CODEBUILD_SOURCE_VERSION", build.sourceVersion);
    }
    if (build.resolvedSourceVersion != null) {
      env.put("CODEBUILD_RESOLVED_SOURCE_VERSION", build.resolvedSourceVersion);
    }
    return env;
  }

  /** A {@code secret-id:json-key:version-stage:version-id} reference's value; the value is masked in logs. */
  private String secret(String reference) throws SecretError {
    String[] parts = reference.split(":", -1);
    int idParts = reference.startsWith("arn:") ? Math.min(7, parts.length) : 1;
    String secretId = String.join(":", java.util.Arrays.copyOfRange(parts, 0, idParts));
    String jsonKey = parts.length > idParts ? parts[idParts] : "";
    Ports.Secrets secrets = port(ports.secrets, "Secrets");
    Optional<Ports.Secrets.Secret> found = secrets.secret(secretId);
    String resource = found.map(Ports.Secrets.Secret::arn).orElse(secretId);
    if (!iam().allows(build.serviceRole, "secretsmanager:GetSecretValue", resource, null)) {
      throw new SecretError("AccessDeniedException: User: " + assumedRoleArn() + " is not authorized to perform:"
          + " secretsmanager:GetSecretValue on resource: " + secretId
          + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
    }
    if (found.isEmpty() || found.get().secretString() == null) {
      throw new SecretError("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    }
    String value = found.get().secretString();
    if (!jsonKey.isEmpty()) {
      JsonNode node;
      try {
        node = JSON.readTree(value).get(jsonKey);
      } catch (java.io.IOException e) {
        node = null;
      }
      if (node == null || node.isContainerNode()) {
        throw new SecretError("secrets manager key not found: " + jsonKey + " in secret " + secretId);
      }
      value = node.asText();
    }
    secretValues.add(value);
    return value;
  }
}
