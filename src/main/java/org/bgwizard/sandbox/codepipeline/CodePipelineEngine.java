package org.bgwizard.sandbox.codepipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Action;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ActionRun;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Execution;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Pipeline;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Stage;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.StageRun;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Simulated;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codepipeline.model.InvalidArnException;
import software.amazon.awssdk.services.codepipeline.model.InvalidTagsException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PipelineNameInUseException;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PipelineVersionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.TooManyTagsException;

/**
 * Pipelines and their executions (CodePipeline API Reference). An execution moves stage by stage; within a stage,
 * actions of one runOrder run together ({@link PipelineActions} does their work; {@link PipelineControl} stops
 * and approves). A stage holds one execution at a time
 * (except in PARALLEL mode): the next waits before it, and in SUPERSEDED mode a newer execution arriving there
 * supersedes the one already waiting. CodeCommit and S3 sources with PollForSourceChanges are polled every minute (and
 * so, here, are connection sources with DetectChanges), and a new commit or object version starts an execution, until
 * the pipeline has been inactive for 30 days: then AWS disables polling and records {@code pollingDisabledAt} (API
 * reference, PipelineMetadata). Whether an update turns it on again is not documented; here it stays off. An
 * EventBridge rule whose target is the pipeline starts it with trigger CloudWatchEvent ("Start a pipeline in
 * CodePipeline").
 */
public final class CodePipelineEngine implements Simulated, Ports.PipelineStarter {

  private final SandboxAccount account;
  private final Ports ports;
  private final CodePipelineStructure structure;
  private final PipelineActions actions;
  private final PipelinePolling polling;
  private final PipelineControl control;

  public CodePipelineEngine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
    this.structure = new CodePipelineStructure(account);
    this.actions = new PipelineActions(account, ports);
    this.polling = new PipelinePolling(account, ports);
    this.control = new PipelineControl(account, this);
    account.register(this);
  }

  PipelineControl control() {
    return control;
  }

  private CodePipelineState st() {
    return account.state(CodePipelineState.class);
  }

  String arn(String name) {
    return "arn:aws:codepipeline:" + account.region() + ":" + account.accountId() + ":" + name;
  }

  // ---- pipelines

  Pipeline create(Pipeline p, Map<String, String> tags) {
    structure.check(p);
    if (st().pipelines.containsKey(p.name)) {
      throw error(PipelineNameInUseException.builder(), "PipelineNameInUseException",
          "A pipeline with the name '" + p.name + "' already exists in account '" + account.accountId() + "'");
    }
    checkRole(p.roleArn);
    checkTags(tags, tags.size());
    p.arn = arn(p.name);
    p.version = 1;
    p.created = account.now();
    p.updated = account.now();
    p.tags.putAll(tags);
    st().pipelines.put(p.name, p);
    start(p, "CreatePipeline", callerArn());
    return p;
  }

  Pipeline update(Pipeline next) {
    Pipeline current = pipeline(next.name);
    structure.check(next);
    checkRole(next.roleArn);
    for (Execution e : executions(current.name)) {
      if (e.status.equals("InProgress") || e.status.equals("Stopping")) {
        finish(e, "Cancelled", "The pipeline was updated while this execution was in progress");
      }
    }
    next.arn = current.arn;
    next.version = current.version + 1;
    next.created = current.created;
    next.updated = account.now();
    next.tags = current.tags;
    next.seenRevisions = current.seenRevisions;
    next.pollingDisabledAt = current.pollingDisabledAt;
    st().pipelines.put(next.name, next);
    return next;
  }

  void delete(String name) {
    if (st().pipelines.remove(name) != null) {
      st().executions.values().removeIf(e -> e.pipelineName.equals(name));
    }
  }

  Pipeline pipeline(String name) {
    Pipeline p = name == null ? null : st().pipelines.get(name);
    if (p == null) {
      throw error(PipelineNotFoundException.builder(), "PipelineNotFoundException",
          "Account '" + account.accountId() + "' does not have a pipeline with name '" + name + "'");
    }
    return p;
  }

  Pipeline pipeline(String name, Integer version) {
    Pipeline p = pipeline(name);
    if (version != null && version != p.version) {
      throw error(PipelineVersionNotFoundException.builder(), "PipelineVersionNotFoundException",
          "Pipeline '" + name + "' does not have version " + version); // (unv)
    }
    return p;
  }

  List<Pipeline> pipelines() {
    return List.copyOf(st().pipelines.values());
  }

  private void checkRole(String roleArn) {
    Ports.IamChecks iam = ports.iamChecks;
    if (iam == null) {
      throw new IllegalStateException("sandbox port IamChecks not wired");
    }
    if (iam.canAssume(roleArn, "codepipeline.amazonaws.com") != Ports.IamChecks.Assume.OK) {
      throw structure.structure("CodePipeline is not authorized to perform AssumeRole on role " + roleArn);
    }
  }

  String callerArn() {
    return "arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME;
  }

  // ---- tags

  Pipeline byArn(String arn) {
    String prefix = "arn:aws:codepipeline:" + account.region() + ":" + account.accountId() + ":";
    if (arn == null || !arn.startsWith("arn:aws:codepipeline:") || arn.split(":", -1).length != 6) {
      throw error(InvalidArnException.builder(), "InvalidArnException", "The ARN " + arn + " is not valid");
    }
    Pipeline p = arn.startsWith(prefix) ? st().pipelines.get(arn.substring(prefix.length())) : null;
    if (p == null) {
      throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException", "The account with id '"
          + account.accountId() + "' does not include a pipeline with the name '" + arn.substring(arn.lastIndexOf(':') + 1)
          + "'");
    }
    return p;
  }

  void tag(String arn, Map<String, String> tags) {
    TagLists.tag(byArn(arn).tags, tags, this::checkTags);
  }

  void untag(String arn, List<String> keys) {
    TagLists.untag(byArn(arn).tags, keys);
  }

  /** {@code countAfter}: how many tags the pipeline would have. */
  private void checkTags(Map<String, String> tags, int countAfter) {
    if (TagLists.anyReserved(tags)) {
      throw error(InvalidTagsException.builder(), "InvalidTagsException",
          "Tag keys starting with 'aws:' are reserved for AWS use");
    }
    if (countAfter > 50) {
      throw error(TooManyTagsException.builder(), "TooManyTagsException", "A resource can have at most 50 tags");
    }
  }

  // ---- executions

  List<Execution> executions(String pipelineName) {
    List<Execution> out = new ArrayList<>();
    for (Execution e : st().executions.values()) {
      if (e.pipelineName.equals(pipelineName)) {
        out.add(0, e);
      }
    }
    return out;
  }

  Execution execution(String pipelineName, String id) {
    pipeline(pipelineName);
    Execution e = id == null ? null : st().executions.get(id);
    if (e == null || !e.pipelineName.equals(pipelineName)) {
      throw error(PipelineExecutionNotFoundException.builder(), "PipelineExecutionNotFoundException",
          "Pipeline Execution " + id + " does not exist in pipeline with name '" + pipelineName + "'"); // (unv)
    }
    return e;
  }

  Execution start(Pipeline p, String triggerType, String triggerDetail) {
    var e = new Execution();
    e.id = account.ids().uuid();
    e.sequence = ++st().lastSequence;
    e.pipelineName = p.name;
    e.pipelineVersion = p.version;
    e.status = "InProgress";
    e.triggerType = triggerType;
    e.triggerDetail = triggerDetail;
    e.executionMode = p.executionMode;
    e.startTime = account.now();
    e.lastUpdateTime = account.now();
    e.stageIndex = 0;
    e.waiting = true;
    st().executions.put(e.id, e);
    admit(p);
    return e;
  }

  @Override
  public boolean startByEvent(String pipelineName, String ruleArn) {
    Pipeline p = st().pipelines.get(pipelineName);
    if (p == null) {
      return false;
    }
    // the rule's ARN as triggerDetail is how the console shows such runs (unv in the API reference)
    start(p, "CloudWatchEvent", ruleArn);
    return true;
  }

  // ---- the run: stages, actions, waiting

  static String stageName(Execution e, Pipeline p) {
    return p.stages.get(e.stageIndex).name;
  }

  String stageName(Execution e) {
    return stageName(e, pipeline(e.pipelineName));
  }

  /** Lets waiting executions into free stages; in SUPERSEDED mode only the newest one waits at a stage. */
  private void admit(Pipeline p) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s = 0; s < p.stages.size(); s++) {
        int stage = s;
        List<Execution> waiting = executions(p.name).stream()
            .filter(e -> e.status.equals("InProgress") && e.waiting && e.stageIndex == stage)
            .sorted(Comparator.comparingLong(e -> e.sequence)).toList();
        if (waiting.isEmpty()) {
          continue;
        }
        if (p.executionMode.equals("SUPERSEDED")) {
          Execution newest = waiting.get(waiting.size() - 1);
          for (Execution older : waiting.subList(0, waiting.size() - 1)) {
            finish(older, "Superseded", "Superseded by execution " + newest.id);
          }
          waiting = List.of(newest);
        }
        boolean occupied = st().executions.values().stream().anyMatch(e -> e.pipelineName.equals(p.name)
            && !e.waiting && e.stageIndex == stage && (e.status.equals("InProgress") || e.status.equals("Stopping")));
        if (p.executionMode.equals("PARALLEL")) {
          waiting.forEach(e -> enter(p, e, stage));
          changed = true;
        } else if (!occupied) {
          enter(p, waiting.get(0), stage);
          changed = true;
        }
      }
    }
  }

  private void enter(Pipeline p, Execution e, int stage) {
    e.waiting = false;
    e.stageIndex = stage;
    var run = new StageRun();
    run.status = "InProgress";
    run.enteredAt = account.now();
    e.stages.put(p.stages.get(stage).name, run);
    e.lastUpdateTime = account.now();
    startGroup(p, e, run);
  }

  /** Starts the actions of the lowest runOrder not yet run; false when every action has run. */
  private boolean startGroup(Pipeline p, Execution e, StageRun run) {
    Stage stage = p.stages.get(e.stageIndex);
    List<String> done = run.actions.stream().map(a -> a.actionName).toList();
    Optional<Integer> order = stage.actions.stream().filter(a -> !done.contains(a.name)).map(a -> a.runOrder)
        .min(Integer::compare);
    if (order.isEmpty()) {
      return false;
    }
    for (Action a : stage.actions) {
      if (a.runOrder == order.get()) {
        var r = new ActionRun();
        r.actionName = a.name;
        r.actionExecutionId = account.ids().uuid();
        r.status = "InProgress";
        r.startTime = account.now();
        r.lastUpdateTime = account.now();
        run.actions.add(r);
        actions.start(p, e, a, r);
      }
    }
    settle(p, e);
    return true;
  }

  /** Moves the execution on after its actions changed: next group, next stage, or the end. */
  void settle(Pipeline p, Execution e) {
    if (e.waiting || !(e.status.equals("InProgress") || e.status.equals("Stopping"))) {
      if (e.waiting && e.status.equals("Stopping")) {
        finish(e, "Stopped", e.stopReason);
      }
      return;
    }
    StageRun run = e.stages.get(stageName(e, p));
    if (run.actions.stream().anyMatch(a -> a.status.equals("InProgress"))) {
      return;
    }
    e.lastUpdateTime = account.now();
    if (e.status.equals("Stopping")) {
      run.status = "Stopped";
      finish(e, "Stopped", e.stopReason);
      admit(p);
      return;
    }
    if (run.actions.stream().anyMatch(a -> a.status.equals("Failed"))) {
      run.status = "Failed";
      ActionRun failed = run.actions.stream().filter(a -> a.status.equals("Failed")).findFirst().orElseThrow();
      finish(e, "Failed", failed.errorMessage != null ? failed.errorMessage : failed.summary);
      admit(p);
      return;
    }
    if (startGroup(p, e, run)) {
      return;
    }
    run.status = "Succeeded";
    if (e.stageIndex + 1 == p.stages.size()) {
      finish(e, "Succeeded", null);
    } else {
      e.stageIndex++;
      e.waiting = true;
    }
    admit(p);
  }

  private void finish(Execution e, String status, String summary) {
    e.status = status;
    e.statusSummary = summary;
    e.lastUpdateTime = account.now();
    for (StageRun run : e.stages.values()) {
      if (run.status.equals("InProgress")) {
        run.status = status.equals("Failed") ? "Failed" : status.equals("Succeeded") ? "Succeeded"
            : status.equals("Stopped") ? "Stopped" : "Cancelled";
      }
      run.actions.stream().filter(a -> a.status.equals("InProgress")).forEach(PipelineControl::abandonAction);
    }
  }

  // ---- Simulated

  @Override
  public Instant nextTransition() {
    Instant next = null;
    for (Execution e : st().executions.values()) {
      if (e.waiting || !(e.status.equals("InProgress") || e.status.equals("Stopping"))) {
        continue;
      }
      Pipeline p = st().pipelines.get(e.pipelineName);
      StageRun run = e.stages.get(stageName(e, p));
      for (ActionRun r : run.actions) {
        Instant due = r.status.equals("InProgress") ? actions.due(r) : null;
        if (due != null && (next == null || due.isBefore(next))) {
          next = due;
        }
      }
    }
    for (Pipeline p : st().pipelines.values()) {
      if (!polling.changes(p).isEmpty()) {
        Instant poll = polling.next(p);
        if (next == null || poll.isBefore(next)) {
          next = poll;
        }
      }
      Instant off = polling.disabledAfter(p);
      if (off != null && off.isAfter(account.now()) && (next == null || off.isBefore(next))) {
        next = off;
      }
    }
    return next;
  }

  @Override
  public void advanceTo(Instant t) {
    for (Execution e : List.copyOf(st().executions.values())) {
      Pipeline p = st().pipelines.get(e.pipelineName);
      boolean moved = true;
      while (moved && !e.waiting && (e.status.equals("InProgress") || e.status.equals("Stopping"))) {
        moved = false;
        Stage stage = p.stages.get(e.stageIndex);
        for (ActionRun r : List.copyOf(e.stages.get(stage.name).actions)) {
          Instant due = r.status.equals("InProgress") ? actions.due(r) : null;
          if (due != null && !due.isAfter(t)) {
            Action a = stage.actions.stream().filter(x -> x.name.equals(r.actionName)).findFirst().orElseThrow();
            actions.step(p, e, a, r);
            settle(p, e);
            moved = true;
            break;
          }
        }
      }
    }
    for (Pipeline p : List.copyOf(st().pipelines.values())) {
      Instant off = polling.disabledAfter(p);
      if (off != null && !off.isAfter(t)) {
        p.pollingDisabledAt = off;
      }
      if (t.isAfter(p.created) && PipelinePolling.lastPollBefore(p, t).equals(t)) {
        Map<String, String> changed = polling.changes(p);
        if (!changed.isEmpty()) {
          p.seenRevisions.putAll(changed);
          start(p, "PollForSourceChanges", changed.keySet().iterator().next());
        }
      }
    }
  }

  AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.CODEPIPELINE, code, message);
  }
}
