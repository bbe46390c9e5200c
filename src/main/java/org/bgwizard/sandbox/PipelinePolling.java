package org.bgwizard.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bgwizard.sandbox.CodePipelineState.Action;
import org.bgwizard.sandbox.CodePipelineState.Execution;
import org.bgwizard.sandbox.CodePipelineState.Pipeline;

/**
 * CodePipeline's periodic checks of polled sources (PollForSourceChanges, the default when the parameter is left
 * out: "Valid settings for the PollForSourceChanges parameter"): every minute from the pipeline's creation, until
 * the pipeline has started no run for 30 days and AWS disables polling ({@code pollingDisabledAt}, API reference
 * PipelineMetadata).
 */
final class PipelinePolling {
  static final Duration POLL_INTERVAL = Duration.ofMinutes(1);
  static final Duration POLLING_DISABLED_AFTER = Duration.ofDays(30);

  private final SandboxAccount account;
  private final Sandbox sandbox;

  PipelinePolling(SandboxAccount account, Sandbox sandbox) {
    this.account = account;
    this.sandbox = sandbox;
  }

  /** When polling stops for lack of runs, for a pipeline that still polls; else null. */
  Instant disabledAfter(Pipeline p) {
    if (p.pollingDisabledAt != null || p.stages.get(0).actions.stream().noneMatch(PipelinePolling::polls)) {
      return null;
    }
    Instant lastActive = p.updated.isAfter(p.created) ? p.updated : p.created;
    for (Execution e : account.state().codePipeline.executions.values()) {
      if (e.pipelineName.equals(p.name) && e.startTime.isAfter(lastActive)) {
        lastActive = e.startTime;
      }
    }
    return lastActive.plus(POLLING_DISABLED_AFTER);
  }

  private static boolean polls(Action a) {
    return (a.provider.equals("CodeCommit") || a.provider.equals("S3"))
        && !"false".equalsIgnoreCase(a.configuration.get("PollForSourceChanges"));
  }

  /** Polled CodeCommit source actions whose branch moved since they last read it: action name to commit id. */
  Map<String, String> changes(Pipeline p) {
    Map<String, String> changed = new java.util.TreeMap<>();
    Ports.Sources sources = sandbox.sources;
    if (sources == null || p.pollingDisabledAt != null) {
      return changed;
    }
    for (Action a : p.stages.get(0).actions) {
      if (a.provider.equals("CodeCommit") && polls(a)) {
        sources.codeCommitHead(a.configuration.get("RepositoryName"), a.configuration.get("BranchName"))
            .map(Ports.Snapshot::commitId)
            .filter(commit -> !commit.equals(p.seenRevisions.get(a.name)))
            .ifPresent(commit -> changed.put(a.name, commit));
      }
    }
    return changed;
  }

  /** Polls happen every minute from the pipeline's creation; this is the first one after now. */
  Instant next(Pipeline p) {
    return lastPollBefore(p, account.now()).plus(POLL_INTERVAL);
  }

  static Instant lastPollBefore(Pipeline p, Instant t) {
    long periods = Duration.between(p.created, t).toMillis() / POLL_INTERVAL.toMillis();
    return p.created.plus(POLL_INTERVAL.multipliedBy(Math.max(0, periods)));
  }

}
