package org.bgwizard.sandbox.codepipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ActionRun;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Execution;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.StageRun;
import org.bgwizard.sandbox.core.ListKeys;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ActionExecution;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionInput;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionOutput;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionResult;
import software.amazon.awssdk.services.codepipeline.model.ActionRevision;
import software.amazon.awssdk.services.codepipeline.model.ActionState;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.ArtifactDetail;
import software.amazon.awssdk.services.codepipeline.model.ArtifactRevision;
import software.amazon.awssdk.services.codepipeline.model.ArtifactStore;
import software.amazon.awssdk.services.codepipeline.model.CreatePipelineRequest;
import software.amazon.awssdk.services.codepipeline.model.CreatePipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.DeletePipelineRequest;
import software.amazon.awssdk.services.codepipeline.model.DeletePipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.ErrorDetails;
import software.amazon.awssdk.services.codepipeline.model.ExecutionTrigger;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineExecutionRequest;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineExecutionResponse;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineRequest;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineStateRequest;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineStateResponse;
import software.amazon.awssdk.services.codepipeline.model.InputArtifact;
import software.amazon.awssdk.services.codepipeline.model.InvalidNextTokenException;
import software.amazon.awssdk.services.codepipeline.model.ListActionExecutionsRequest;
import software.amazon.awssdk.services.codepipeline.model.ListActionExecutionsResponse;
import software.amazon.awssdk.services.codepipeline.model.ListPipelineExecutionsRequest;
import software.amazon.awssdk.services.codepipeline.model.ListPipelineExecutionsResponse;
import software.amazon.awssdk.services.codepipeline.model.ListPipelinesRequest;
import software.amazon.awssdk.services.codepipeline.model.ListPipelinesResponse;
import software.amazon.awssdk.services.codepipeline.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.codepipeline.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.codepipeline.model.OutputArtifact;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecution;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineMetadata;
import software.amazon.awssdk.services.codepipeline.model.PipelineSummary;
import software.amazon.awssdk.services.codepipeline.model.PutApprovalResultRequest;
import software.amazon.awssdk.services.codepipeline.model.PutApprovalResultResponse;
import software.amazon.awssdk.services.codepipeline.model.S3Location;
import software.amazon.awssdk.services.codepipeline.model.SourceRevision;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageExecution;
import software.amazon.awssdk.services.codepipeline.model.StageState;
import software.amazon.awssdk.services.codepipeline.model.StartPipelineExecutionRequest;
import software.amazon.awssdk.services.codepipeline.model.StartPipelineExecutionResponse;
import software.amazon.awssdk.services.codepipeline.model.StopExecutionTrigger;
import software.amazon.awssdk.services.codepipeline.model.StopPipelineExecutionRequest;
import software.amazon.awssdk.services.codepipeline.model.StopPipelineExecutionResponse;
import software.amazon.awssdk.services.codepipeline.model.Tag;
import software.amazon.awssdk.services.codepipeline.model.TagResourceRequest;
import software.amazon.awssdk.services.codepipeline.model.TagResourceResponse;
import software.amazon.awssdk.services.codepipeline.model.TransitionState;
import software.amazon.awssdk.services.codepipeline.model.UntagResourceRequest;
import software.amazon.awssdk.services.codepipeline.model.UntagResourceResponse;
import software.amazon.awssdk.services.codepipeline.model.UpdatePipelineRequest;
import software.amazon.awssdk.services.codepipeline.model.UpdatePipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/** CodePipeline: the pipeline setup creates, and the runs the dashboard watches, approves and stops. */
public final class SandboxCodePipelineClient implements CodePipelineClient {
  private final SandboxAccount account;
  private final CodePipelineEngine engine;

  public SandboxCodePipelineClient(SandboxAccount account, CodePipelineEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public CreatePipelineResponse createPipeline(CreatePipelineRequest r) {
    return account.call(Service.CODEPIPELINE, "CreatePipeline", () -> {
      var p = engine.create(pipeline(r.pipeline()), tags(r.tags()));
      return CreatePipelineResponse.builder().pipeline(declaration(p)).tags(tagList(p.tags)).build();
    });
  }

  @Override
  public UpdatePipelineResponse updatePipeline(UpdatePipelineRequest r) {
    return account.call(Service.CODEPIPELINE, "UpdatePipeline",
        () -> UpdatePipelineResponse.builder().pipeline(declaration(engine.update(pipeline(r.pipeline())))).build());
  }

  @Override
  public GetPipelineResponse getPipeline(GetPipelineRequest r) {
    return account.call(Service.CODEPIPELINE, "GetPipeline", () -> {
      var p = engine.pipeline(r.name(), r.version());
      return GetPipelineResponse.builder().pipeline(declaration(p))
          .metadata(PipelineMetadata.builder().pipelineArn(p.arn).created(p.created).updated(p.updated)
              .pollingDisabledAt(p.pollingDisabledAt).build())
          .build();
    });
  }

  @Override
  public DeletePipelineResponse deletePipeline(DeletePipelineRequest r) {
    return account.call(Service.CODEPIPELINE, "DeletePipeline", () -> {
      engine.delete(r.name());
      return DeletePipelineResponse.builder().build();
    });
  }

  @Override
  public ListPipelinesResponse listPipelines(ListPipelinesRequest r) {
    return account.call(Service.CODEPIPELINE, "ListPipelines", () -> {
      var page = ListPage.of(engine.pipelines(), p -> p.name, r.nextToken(), max(r.maxResults(), 1000),
          this::badToken);
      return ListPipelinesResponse.builder().pipelines(page.items().stream().map(p -> PipelineSummary.builder()
              .name(p.name).version(p.version).pipelineType(p.pipelineType).executionMode(p.executionMode)
              .created(p.created).updated(p.updated).build()).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public StartPipelineExecutionResponse startPipelineExecution(StartPipelineExecutionRequest r) {
    return account.call(Service.CODEPIPELINE, "StartPipelineExecution", () -> {
      Execution e = engine.start(engine.pipeline(r.name()), "StartPipelineExecution", engine.callerArn());
      return StartPipelineExecutionResponse.builder().pipelineExecutionId(e.id).build();
    });
  }

  @Override
  public StopPipelineExecutionResponse stopPipelineExecution(StopPipelineExecutionRequest r) {
    return account.call(Service.CODEPIPELINE, "StopPipelineExecution", () -> {
      Execution e = engine.control().stop(r.pipelineName(), r.pipelineExecutionId(), Boolean.TRUE.equals(r.abandon()), r.reason());
      return StopPipelineExecutionResponse.builder().pipelineExecutionId(e.id).build();
    });
  }

  @Override
  public PutApprovalResultResponse putApprovalResult(PutApprovalResultRequest r) {
    return account.call(Service.CODEPIPELINE, "PutApprovalResult", () -> {
      var at = engine.control().approve(r.pipelineName(), r.stageName(), r.actionName(), r.token(),
          r.result() == null ? null : r.result().statusAsString(), r.result() == null ? null : r.result().summary());
      return PutApprovalResultResponse.builder().approvedAt(at).build();
    });
  }

  @Override
  public GetPipelineExecutionResponse getPipelineExecution(GetPipelineExecutionRequest r) {
    return account.call(Service.CODEPIPELINE, "GetPipelineExecution", () -> {
      Execution e = engine.execution(r.pipelineName(), r.pipelineExecutionId());
      var p = engine.pipeline(e.pipelineName);
      List<ArtifactRevision> revisions = new ArrayList<>();
      for (var rev : e.sourceRevisions) {
        String artifact = p.stages.get(0).actions.stream().filter(a -> a.name.equals(rev.actionName))
            .map(a -> a.outputArtifacts.get(0)).findFirst().orElse(rev.actionName);
        revisions.add(ArtifactRevision.builder().name(artifact).revisionId(rev.revisionId)
            .revisionSummary(rev.revisionSummary).revisionUrl(rev.revisionUrl).created(rev.created).build());
      }
      return GetPipelineExecutionResponse.builder().pipelineExecution(PipelineExecution.builder()
          .pipelineName(e.pipelineName).pipelineVersion(e.pipelineVersion).pipelineExecutionId(e.id).status(e.status)
          .statusSummary(e.statusSummary).artifactRevisions(revisions).trigger(trigger(e))
          .executionMode(e.executionMode).executionType("STANDARD").build()).build();
    });
  }

  @Override
  public ListPipelineExecutionsResponse listPipelineExecutions(ListPipelineExecutionsRequest r) {
    return account.call(Service.CODEPIPELINE, "ListPipelineExecutions", () -> {
      engine.pipeline(r.pipelineName());
      var page = ListPage.of(engine.executions(r.pipelineName()),
          e -> ListKeys.ordered(String.format("%019d", e.sequence), true), r.nextToken(), max(r.maxResults(), 100),
          this::badToken);
      return ListPipelineExecutionsResponse.builder().pipelineExecutionSummaries(page.items().stream()
              .map(this::summary).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public GetPipelineStateResponse getPipelineState(GetPipelineStateRequest r) {
    return account.call(Service.CODEPIPELINE, "GetPipelineState", () -> {
      var p = engine.pipeline(r.name());
      List<Execution> newestFirst = engine.executions(p.name);
      List<StageState> stages = new ArrayList<>();
      for (int s = 0; s < p.stages.size(); s++) {
        stages.add(stageState(p, s, newestFirst));
      }
      return GetPipelineStateResponse.builder().pipelineName(p.name).pipelineVersion(p.version).created(p.created)
          .updated(p.updated).stageStates(stages).build();
    });
  }

  @Override
  public ListActionExecutionsResponse listActionExecutions(ListActionExecutionsRequest r) {
    return account.call(Service.CODEPIPELINE, "ListActionExecutions", () -> {
      var p = engine.pipeline(r.pipelineName());
      String only = r.filter() == null ? null : r.filter().pipelineExecutionId();
      if (only != null) {
        engine.execution(p.name, only);
      }
      List<ActionExecutionDetail> details = new ArrayList<>();
      for (Execution e : engine.executions(p.name)) {
        if (only != null && !only.equals(e.id)) {
          continue;
        }
        for (var stage : e.stages.entrySet()) {
          for (ActionRun a : stage.getValue().actions) {
            details.add(detail(p, e, stage.getKey(), a));
          }
        }
      }
      details.sort(Comparator.comparing(ActionExecutionDetail::startTime).thenComparing(d -> d.actionExecutionId())
          .reversed());
      var page = ListPage.of(details, d -> ListKeys.ordered(ListKeys.time(d.startTime()) + "|" + d.actionExecutionId(),
          true), r.nextToken(), max(r.maxResults(), 100), this::badToken);
      return ListActionExecutionsResponse.builder().actionExecutionDetails(page.items()).nextToken(page.nextToken())
          .build();
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return account.call(Service.CODEPIPELINE, "TagResource", () -> {
      engine.tag(r.resourceArn(), tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return account.call(Service.CODEPIPELINE, "UntagResource", () -> {
      engine.untag(r.resourceArn(), r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return account.call(Service.CODEPIPELINE, "ListTagsForResource", () -> {
      var p = engine.byArn(r.resourceArn());
      var page = ListPage.of(tagList(p.tags), Tag::key, r.nextToken(), max(r.maxResults(), 100), this::badToken);
      return ListTagsForResourceResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
    });
  }

  private int max(Integer requested, int limit) {
    if (requested == null) {
      return limit;
    }
    if (requested < 1 || requested > limit) {
      throw account.error(ValidationException.builder(), Service.CODEPIPELINE, "ValidationException",
          "1 validation error detected: Value '" + requested + "' at 'maxResults' failed to satisfy constraint: Member"
              + " must have value between 1 and " + limit);
    }
    return requested;
  }

  private RuntimeException badToken() {
    return account.error(InvalidNextTokenException.builder(), Service.CODEPIPELINE, "InvalidNextTokenException",
        "The next token was specified in an invalid format. Make sure that the next token you provide is the token"
            + " returned by a previous call.");
  }

  // ---- declarations

  private static CodePipelineState.Pipeline pipeline(PipelineDeclaration d) {
    var p = new CodePipelineState.Pipeline();
    if (d == null) {
      return p;
    }
    p.name = d.name();
    p.roleArn = d.roleArn();
    if (d.artifactStore() != null) {
      p.artifactStoreType = d.artifactStore().typeAsString();
      p.artifactStoreLocation = d.artifactStore().location();
    }
    p.pipelineType = d.pipelineTypeAsString() == null ? "V1" : d.pipelineTypeAsString();
    p.executionMode = d.executionModeAsString() == null ? "SUPERSEDED" : d.executionModeAsString();
    for (StageDeclaration sd : d.stages()) {
      var stage = new CodePipelineState.Stage();
      stage.name = sd.name();
      for (ActionDeclaration ad : sd.actions()) {
        var a = new CodePipelineState.Action();
        a.name = ad.name();
        if (ad.actionTypeId() != null) {
          a.category = ad.actionTypeId().categoryAsString();
          a.owner = ad.actionTypeId().ownerAsString();
          a.provider = ad.actionTypeId().provider();
          a.version = ad.actionTypeId().version();
        }
        a.runOrder = ad.runOrder() == null ? 1 : ad.runOrder();
        a.configuration.putAll(ad.configuration());
        ad.inputArtifacts().forEach(i -> a.inputArtifacts.add(i.name()));
        ad.outputArtifacts().forEach(o -> a.outputArtifacts.add(o.name()));
        a.roleArn = ad.roleArn();
        a.region = ad.region();
        a.namespace = ad.namespace();
        a.timeoutInMinutes = ad.timeoutInMinutes();
        stage.actions.add(a);
      }
      p.stages.add(stage);
    }
    return p;
  }

  private static PipelineDeclaration declaration(CodePipelineState.Pipeline p) {
    return PipelineDeclaration.builder().name(p.name).roleArn(p.roleArn)
        .artifactStore(ArtifactStore.builder().type(p.artifactStoreType).location(p.artifactStoreLocation).build())
        .stages(p.stages.stream().map(s -> StageDeclaration.builder().name(s.name).actions(s.actions.stream()
            .map(a -> ActionDeclaration.builder().name(a.name)
                .actionTypeId(ActionTypeId.builder().category(a.category).owner(a.owner).provider(a.provider)
                    .version(a.version).build())
                .runOrder(a.runOrder).configuration(a.configuration)
                .inputArtifacts(a.inputArtifacts.stream().map(n -> InputArtifact.builder().name(n).build()).toList())
                .outputArtifacts(a.outputArtifacts.stream().map(n -> OutputArtifact.builder().name(n).build()).toList())
                .roleArn(a.roleArn).region(a.region).namespace(a.namespace).timeoutInMinutes(a.timeoutInMinutes)
                .build()).toList()).build()).toList())
        .version(p.version).pipelineType(p.pipelineType).executionMode(p.executionMode).build();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static List<Tag> tagList(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  // ---- runs

  private static ExecutionTrigger trigger(Execution e) {
    return ExecutionTrigger.builder().triggerType(e.triggerType).triggerDetail(e.triggerDetail).build();
  }

  private PipelineExecutionSummary summary(Execution e) {
    return PipelineExecutionSummary.builder().pipelineExecutionId(e.id).status(e.status).statusSummary(e.statusSummary)
        .startTime(e.startTime).lastUpdateTime(e.lastUpdateTime)
        .sourceRevisions(e.sourceRevisions.stream().map(r -> SourceRevision.builder().actionName(r.actionName)
            .revisionId(r.revisionId).revisionSummary(r.revisionSummary).revisionUrl(r.revisionUrl).build()).toList())
        .trigger(trigger(e))
        .stopTrigger(e.stopReason == null && !e.status.startsWith("Stop") ? null
            : StopExecutionTrigger.builder().reason(e.stopReason).build())
        .executionMode(e.executionMode).executionType("STANDARD").build();
  }

  /** D2: the stage's latest execution, the executions waiting to enter it, and each action's latest run. */
  private StageState stageState(CodePipelineState.Pipeline p, int s, List<Execution> newestFirst) {
    var stage = p.stages.get(s);
    Execution latest = null;
    for (Execution e : newestFirst) {
      StageRun run = e.stages.get(stage.name);
      if (run != null && (latest == null || run.enteredAt.isAfter(latest.stages.get(stage.name).enteredAt))) {
        latest = e;
      }
    }
    List<StageExecution> inbound = new ArrayList<>();
    for (Execution e : newestFirst) {
      if (e.waiting && e.stageIndex == s && e.status.equals("InProgress")) {
        inbound.add(0, StageExecution.builder().pipelineExecutionId(e.id).status("InProgress").type("STANDARD").build());
      }
    }
    List<ActionState> actions = new ArrayList<>();
    for (var a : stage.actions) {
      ActionRun last = null;
      for (Execution e : newestFirst) {
        StageRun run = e.stages.get(stage.name);
        ActionRun candidate = run == null ? null
            : run.actions.stream().filter(x -> x.actionName.equals(a.name)).findFirst().orElse(null);
        if (candidate != null && (last == null || candidate.startTime.isAfter(last.startTime))) {
          last = candidate;
        }
      }
      var state = ActionState.builder().actionName(a.name);
      if (last != null) {
        state.latestExecution(actionExecution(last));
        if (a.category.equals("Source") && last.externalExecutionId != null && last.status.equals("Succeeded")) {
          state.currentRevision(ActionRevision.builder().revisionId(last.externalExecutionId)
              .revisionChangeId(last.externalExecutionId).created(last.lastUpdateTime).build());
        }
      }
      actions.add(state.build());
    }
    var out = StageState.builder().stageName(stage.name).actionStates(actions);
    if (s > 0) {
      out.inboundTransitionState(TransitionState.builder().enabled(true).build());
    }
    if (latest != null) {
      out.latestExecution(StageExecution.builder().pipelineExecutionId(latest.id)
          .status(latest.stages.get(stage.name).status).type("STANDARD").build());
    }
    if (!inbound.isEmpty()) {
      // the next to enter; QUEUED mode lists every waiting run, oldest first
      out.inboundExecution(inbound.get(0)).inboundExecutions(inbound);
    }
    return out.build();
  }

  private static ActionExecution actionExecution(ActionRun a) {
    return ActionExecution.builder().actionExecutionId(a.actionExecutionId).status(a.status).summary(a.summary)
        .lastStatusChange(a.lastUpdateTime).token(a.status.equals("InProgress") ? a.token : null)
        .lastUpdatedBy(a.updatedBy).externalExecutionId(a.externalExecutionId)
        .externalExecutionUrl(a.externalExecutionUrl)
        .errorDetails(a.errorMessage == null ? null
            : ErrorDetails.builder().code(a.errorCode).message(a.errorMessage).build())
        .build();
  }

  private static ActionExecutionDetail detail(CodePipelineState.Pipeline p, Execution e, String stageName,
      ActionRun run) {
    var a = p.stages.stream().filter(s -> s.name.equals(stageName)).flatMap(s -> s.actions.stream())
        .filter(x -> x.name.equals(run.actionName)).findFirst().orElseThrow();
    List<ArtifactDetail> inputs = a.inputArtifacts.stream().map(n -> artifact(e, n)).toList();
    List<ArtifactDetail> outputs = a.outputArtifacts.stream().filter(e.artifacts::containsKey)
        .map(n -> artifact(e, n)).toList();
    return ActionExecutionDetail.builder().pipelineExecutionId(e.id).actionExecutionId(run.actionExecutionId)
        .pipelineVersion(e.pipelineVersion).stageName(stageName).actionName(run.actionName).startTime(run.startTime)
        .lastUpdateTime(run.lastUpdateTime).updatedBy(run.updatedBy).status(run.status)
        .input(ActionExecutionInput.builder()
            .actionTypeId(ActionTypeId.builder().category(a.category).owner(a.owner).provider(a.provider)
                .version(a.version).build())
            .configuration(a.configuration)
            .resolvedConfiguration(run.resolvedConfiguration.isEmpty() ? a.configuration : run.resolvedConfiguration)
            .roleArn(a.roleArn)
            .region(a.region).namespace(a.namespace).inputArtifacts(inputs).build())
        .output(ActionExecutionOutput.builder().outputArtifacts(outputs).outputVariables(run.outputVariables)
            .executionResult(ActionExecutionResult.builder().externalExecutionId(run.externalExecutionId)
                .externalExecutionSummary(run.summary).externalExecutionUrl(run.externalExecutionUrl)
                .errorDetails(run.errorMessage == null ? null
                    : ErrorDetails.builder().code(run.errorCode).message(run.errorMessage).build())
                .build())
            .build())
        .build();
  }

  private static ArtifactDetail artifact(Execution e, String name) {
    var loc = e.artifacts.get(name);
    return ArtifactDetail.builder().name(name)
        .s3location(loc == null ? null : S3Location.builder().bucket(loc.bucket).key(loc.key).build()).build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
