package org.bgwizard.sandbox.codepipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Action;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Execution;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Pipeline;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;

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
  private final Ports ports;

  PipelinePolling(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
  }

  /** When polling stops for lack of runs, for a pipeline that still polls; else null. */
  Instant disabledAfter(Pipeline p) {
    if (p.pollingDisabledAt != null || p.stages.get(0).actions.stream().noneMatch(PipelinePolling::polls)) {
      return null;
    }
    Instant lastActive = p.updated.isAfter(p.created) ? p.updated : p.created;
    for (Execution e : account.state(CodePipelineState.class).executions.values()) {
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

  /**
   * Source actions whose revision moved since they last read it (a polled CodeCommit branch or S3 object, a
   * connection's branch with DetectChanges): action name to revision.
   */
  Map<String, String> changes(Pipeline p) {
    Map<String, String> changed = new java.util.TreeMap<>();
    Ports.Sources sources = ports.sources;
    if (sources == null) {
      return changed;
    }
    for (Action a : p.stages.get(0).actions) {
      Map<String, String> c = a.configuration;
      Optional<String> head = switch (a.provider) {
        case "CodeCommit" -> !polls(a) || p.pollingDisabledAt != null ? Optional.empty()
            : sources.codeCommitHead(c.get("RepositoryName"), c.get("BranchName")).map(Ports.Snapshot::commitId);
        case "S3" -> !polls(a) || p.pollingDisabledAt != null ? Optional.empty()
            : sources.objectVersion(c.get("S3Bucket"), c.get("S3ObjectKey")).filter(version -> !version.equals("null"));
        // DetectChanges: the provider notifies CodePipeline of a push; the sandbox notices it at the next minute
        case "CodeStarSourceConnection" -> "false".equalsIgnoreCase(c.get("DetectChanges")) ? Optional.empty()
            : sources.providerHead(c.get("FullRepositoryId"), c.get("BranchName")).map(Ports.Snapshot::commitId);
        default -> Optional.empty();
      };
      head.filter(revision -> !revision.equals(p.seenRevisions.get(a.name)))
          .ifPresent(revision -> changed.put(a.name, revision));
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
