package org.bgwizard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.Tag;

/** CodePipeline pipelines, created from a declaration built as data (PipelineStructure). */
public final class Pipelines {
  /** ListPipelineExecutions lists newest first; running ones are among the most recent. */
  private static final int RECENT_EXECUTIONS = 100;
  private final AwsClients clients;

  public Pipelines(AwsClients clients) {
    this.clients = clients;
  }

  private CodePipelineClient codePipeline() {
    return clients.codePipeline();
  }

  public Optional<PipelineInfo> find(String name) {
    try {
      return Optional.of(info(codePipeline().getPipeline(r -> r.name(name))));
    } catch (PipelineNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Creates the pipeline {@code declaration} describes; CodePipeline then starts its first run. */
  public void create(JsonNode declaration, Map<String, String> tags) {
    PipelineDeclaration pipeline = toModel(declaration);
    codePipeline().createPipeline(r -> r.pipeline(pipeline).tags(tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  /**
   * Replaces the pipeline's structure with {@code declaration} (UpdatePipeline, CodePipeline API Reference); the
   * pipeline's version goes up by one.
   */
  public void update(JsonNode declaration) {
    PipelineDeclaration pipeline = toModel(declaration);
    codePipeline().updatePipeline(r -> r.pipeline(pipeline));
  }

  /** Adds or overwrites {@code tags} (TagResource); other tags stay. */
  public void tag(String arn, Map<String, String> tags) {
    codePipeline().tagResource(r -> r.resourceArn(arn).tags(tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  /** {@code declaration} as CodePipeline returns it, for comparing with {@link PipelineInfo#declaration()}. */
  public static JsonNode canonical(JsonNode declaration) {
    return SdkJson.json(toModel(declaration));
  }

  public void delete(String name) {
    codePipeline().deletePipeline(r -> r.name(name));
  }

  /** The ids of the pipeline's executions that are still running (InProgress, or Stopping without abandon). */
  public List<String> runningExecutions(String name) {
    return codePipeline().listPipelineExecutions(r -> r.pipelineName(name).maxResults(RECENT_EXECUTIONS))
        .pipelineExecutionSummaries().stream()
        .filter(e -> e.status() == PipelineExecutionStatus.IN_PROGRESS || e.status() == PipelineExecutionStatus.STOPPING)
        .map(e -> e.pipelineExecutionId()).toList();
  }

  /** StopPipelineExecution with abandon: in-progress actions are abandoned instead of awaited. */
  public void stopAndAbandon(String name, String executionId, String reason) {
    codePipeline().stopPipelineExecution(r -> r.pipelineName(name).pipelineExecutionId(executionId).abandon(true)
        .reason(reason));
  }

  public List<String> names() {
    return codePipeline().listPipelinesPaginator(r -> { }).pipelines().stream().map(p -> p.name()).toList();
  }

  public Map<String, String> tagsOf(String arn) {
    var tags = new TreeMap<String, String>();
    codePipeline().listTagsForResourcePaginator(r -> r.resourceArn(arn)).tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  private static PipelineDeclaration toModel(JsonNode declaration) {
    return SdkJson.builder(declaration, PipelineDeclaration.serializableBuilderClass(),
        PipelineDeclaration.Builder.class).build();
  }

  private static PipelineInfo info(GetPipelineResponse r) {
    PipelineDeclaration p = r.pipeline();
    return new PipelineInfo(p.name(), r.metadata() == null ? null : r.metadata().pipelineArn(),
        p.version() == null ? 0 : p.version(), SdkJson.json(p));
  }

  /** StartPipelineExecution; returns the run's id. */
  public String start(String name) {
    return clients.codePipeline().startPipelineExecution(r -> r.name(name)).pipelineExecutionId();
  }

  /** The id of the newest run of {@code name}, or null when it has none. */
  public String latestRun(String name) {
    var runs = clients.codePipeline().listPipelineExecutions(r -> r.pipelineName(name).maxResults(1))
        .pipelineExecutionSummaries();
    return runs.isEmpty() ? null : runs.get(0).pipelineExecutionId();
  }
}
