package org.bgwizard.sandbox.codebuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated CodeBuild service: plain data, saved as JSON with the whole account. */
public final class CodeBuildState {
  public Map<String, Project> projects = new TreeMap<>();
  /** Builds by id ({@code <project>:<uuid>}), oldest first. */
  public Map<String, Build> builds = new LinkedHashMap<>();

  public static final class Project {
    public String name;
    public String arn;
    public String description;
    public Source source;
    public String sourceVersion;
    public Artifacts artifacts;
    public Environment environment;
    public String serviceRole;
    public int timeoutInMinutes;
    public int queuedTimeoutInMinutes;
    public String encryptionKey;
    public Logs logs = new Logs();
    public Map<String, String> tags = new TreeMap<>();
    public Instant created;
    public Instant lastModified;
    public int lastBuildNumber;
  }

  public static final class Source {
    /** CODEPIPELINE, CODECOMMIT or NO_SOURCE (the types the sandbox builds). */
    public String type;
    /** CODECOMMIT: the repository's HTTPS clone URL. */
    public String location;
    /** Inline buildspec YAML, or a path in the source; null for {@code buildspec.yml}. */
    public String buildspec;
    public Integer gitCloneDepth;
  }

  public static final class Artifacts {
    /** CODEPIPELINE, S3 or NO_ARTIFACTS. */
    public String type;
    public String location;
    public String path;
    public String name;
    public String namespaceType;
    public String packaging;
  }

  public static final class Environment {
    public String type;
    public String image;
    public String computeType;
    public boolean privilegedMode;
    public String imagePullCredentialsType;
    public List<EnvVar> environmentVariables = new ArrayList<>();
  }

  public static final class EnvVar {
    public String name;
    public String value;
    /** PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER. */
    public String type;
  }

  public static final class Logs {
    public String status = "ENABLED";
    public String groupName;
    public String streamName;
  }

  public static final class Build {
    public String id;
    public String arn;
    public String projectName;
    public long buildNumber;
    public String initiator;
    public Instant startTime;
    public Instant endTime;
    public String currentPhase;
    public String buildStatus;
    public boolean buildComplete;
    public String sourceVersion;
    public String resolvedSourceVersion;
    public Source source;
    public Artifacts artifacts;
    public Environment environment;
    public List<EnvVar> environmentOverrides = new ArrayList<>();
    public String serviceRole;
    public int timeoutInMinutes;
    public int queuedTimeoutInMinutes;
    public String logGroup;
    public String logStream;
    public List<Phase> phases = new ArrayList<>();
    /** When the current phase ends; null once complete. */
    public Instant nextAt;
    /** CODEPIPELINE builds: where the input artifact is read from and the output artifact is written to. */
    public String inputBucket;
    public String inputKey;
    public String outputBucket;
    public String outputKey;
    /** Whether UPLOAD_ARTIFACTS stored an artifact (a buildspec without {@code artifacts:} stores none). */
    public boolean artifactUploaded;
    /** The running build's file system and shell; dropped when the build completes. */
    public Workspace workspace;
  }

  public static final class Phase {
    public String phaseType;
    public String phaseStatus;
    public Instant startTime;
    public Instant endTime;
    public Long durationInSeconds;
    public List<PhaseContext> contexts = new ArrayList<>();
  }

  public static final class PhaseContext {
    public String statusCode;
    public String message;
  }

  /** What a running build has: files, shell variables, docker images and logins. */
  public static final class Workspace {
    /** Files by path relative to the source directory. */
    public Map<String, String> files = new TreeMap<>();
    /** Shell variables set by commands (they win over the environment). */
    public Map<String, String> variables = new TreeMap<>();
    /** The buildspec's plain {@code env: variables:} (the lowest-precedence environment). */
    public Map<String, String> buildspecVariables = new TreeMap<>();
    /** Buildspec {@code env: secrets-manager:} references by variable name; values are read when needed, never kept. */
    public Map<String, String> secretRefs = new TreeMap<>();
    public Map<String, List<String>> phaseCommands = new LinkedHashMap<>();
    /** Artifact file patterns; null when the buildspec has no {@code artifacts:} section. */
    public List<String> artifactFiles;
    public String artifactBaseDirectory;
    public boolean discardPaths;
    /** Local docker images by reference ({@code host/repo:tag}). */
    public Map<String, LocalImage> images = new TreeMap<>();
    public List<String> loggedInRegistries = new ArrayList<>();
    /** Digests pushed by this build, by {@code repository@imageId}. */
    public Map<String, String> pushed = new TreeMap<>();
  }

  public static final class LocalImage {
    public String id;
    public String architecture;
    public String behaviour;
  }
}
