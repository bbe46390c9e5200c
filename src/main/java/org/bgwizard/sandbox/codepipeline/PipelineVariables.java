package org.bgwizard.sandbox.codepipeline;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Action;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ActionRun;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Execution;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Pipeline;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Stage;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.StageRun;

/**
 * Variables in action configuration, as CodePipeline resolves them when the action starts ("Variables reference",
 * CodePipeline User Guide): {@code #{namespace.key}}, where the namespace is the one an earlier action of the run
 * declared (its output variables: a CodeCommit source's CommitId, CommitMessage, BranchName, RepositoryName…) or
 * {@code codepipeline}, whose {@code PipelineExecutionId} is the run's id. A variable that does not resolve fails the
 * action (the wording is unv). Pipeline-level variables ({@code #{variables.name}}) are not modelled.
 */
final class PipelineVariables {
  private static final Pattern VARIABLE = Pattern.compile("#\\{([A-Za-z0-9@\\-_]+)\\.([A-Za-z0-9@\\-_]+)\\}");

  private PipelineVariables() {}

  /** The configuration with every variable replaced; else the failure message naming the first that did not resolve. */
  record Resolved(Map<String, String> configuration, String failure) {}

  static Resolved resolve(Pipeline p, Execution e, Map<String, String> configuration) {
    Map<String, String> out = new TreeMap<>();
    for (var entry : configuration.entrySet()) {
      Matcher m = VARIABLE.matcher(entry.getValue());
      StringBuilder text = new StringBuilder();
      while (m.find()) {
        Optional<String> value = value(p, e, m.group(1), m.group(2));
        if (value.isEmpty()) {
          return new Resolved(null, "Unable to resolve the variable " + m.group() + " in the configuration "
              + entry.getKey() + ": no action of this execution has produced it"); // (unv) wording
        }
        m.appendReplacement(text, Matcher.quoteReplacement(value.get()));
      }
      m.appendTail(text);
      out.put(entry.getKey(), text.toString());
    }
    return new Resolved(out, null);
  }

  private static Optional<String> value(Pipeline p, Execution e, String namespace, String key) {
    if (namespace.equals("codepipeline")) {
      return key.equals("PipelineExecutionId") ? Optional.of(e.id) : Optional.empty();
    }
    for (Stage stage : p.stages) {
      StageRun run = e.stages.get(stage.name);
      for (Action a : stage.actions) {
        if (!namespace.equals(a.namespace) || run == null) {
          continue;
        }
        for (ActionRun r : run.actions) {
          if (r.actionName.equals(a.name) && r.status.equals("Succeeded") && r.outputVariables.containsKey(key)) {
            return Optional.of(r.outputVariables.get(key));
          }
        }
      }
    }
    return Optional.empty();
  }
}
