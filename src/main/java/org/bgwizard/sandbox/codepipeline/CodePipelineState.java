package org.bgwizard.sandbox.codepipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated CodePipeline service: plain data, saved as JSON with the whole account. */
public final class CodePipelineState {
  public Map<String, Pipeline> pipelines = new TreeMap<>();
  /** Executions by id, oldest first. */
  public Map<String, Execution> executions = new LinkedHashMap<>();
  /** Numbers executions in start order (list keys). */
  public long lastSequence;

  public static final class Pipeline {
    public String name;
    public String arn;
    public String roleArn;
    public String artifactStoreType;
    public String artifactStoreLocation;
    public List<Stage> stages = new ArrayList<>();
    public int version;
    public String pipelineType;
    public String executionMode;
    public Instant created;
    public Instant updated;
    public Map<String, String> tags = new TreeMap<>();
    /**
     * When polling stopped because no run started for 30 days (GetPipeline's metadata); polled sources then start
     * nothing.
     */
    public Instant pollingDisabledAt;
    /** The commit each polled CodeCommit source action last read, by action name. */
    public Map<String, String> seenRevisions = new TreeMap<>();
  }

  public static final class Stage {
    public String name;
    public List<Action> actions = new ArrayList<>();
  }

  public static final class Action {
    public String name;
    public String category;
    public String owner;
    public String provider;
    public String version;
    public int runOrder = 1;
    public Map<String, String> configuration = new TreeMap<>();
    public List<String> inputArtifacts = new ArrayList<>();
    public List<String> outputArtifacts = new ArrayList<>();
    public String roleArn;
    public String region;
    public String namespace;
    public Integer timeoutInMinutes;
  }

  public static final class Execution {
    public String id;
    public long sequence;
    public String pipelineName;
    public int pipelineVersion;
    /** InProgress, Stopping, Stopped, Succeeded, Superseded, Failed. */
    public String status;
    public String statusSummary;
    public String triggerType;
    public String triggerDetail;
    public String executionMode;
    public Instant startTime;
    public Instant lastUpdateTime;
    /** The stage the execution is in, or waits to enter when {@code waiting}. */
    public int stageIndex;
    public boolean waiting;
    public String stopReason;
    public boolean abandon;
    public List<Revision> sourceRevisions = new ArrayList<>();
    /** Artifacts produced so far, by artifact name. */
    public Map<String, ArtifactLocation> artifacts = new TreeMap<>();
    /** Stage runs by stage name. */
    public Map<String, StageRun> stages = new LinkedHashMap<>();
  }

  public static final class StageRun {
    /** InProgress, Succeeded, Failed, Stopped, Cancelled. */
    public String status;
    public Instant enteredAt;
    public List<ActionRun> actions = new ArrayList<>();
  }

  public static final class ActionRun {
    public String actionName;
    public String actionExecutionId;
    /** InProgress, Succeeded, Failed, Abandoned. */
    public String status;
    public String summary;
    public Instant startTime;
    public Instant lastUpdateTime;
    public String updatedBy;
    /** A pending manual approval's token. */
    public String token;
    public String externalExecutionId;
    public String externalExecutionUrl;
    public String errorCode;
    public String errorMessage;
    /** When the action next looks at its work (source read, build or deployment poll, approval timeout). */
    public Instant dueAt;
    /** Deploy: the deployment has been created and is being followed. */
    public boolean started;
    public Map<String, String> outputVariables = new TreeMap<>();
    /** The configuration with its variables resolved when the action started (PipelineVariables); none before. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, String> resolvedConfiguration = new TreeMap<>();
  }

  public static final class Revision {
    public String actionName;
    public String revisionId;
    public String revisionSummary;
    public String revisionUrl;
    public Instant created;
  }

  public static final class ArtifactLocation {
    public String bucket;
    public String key;
  }
}
