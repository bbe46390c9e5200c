package org.bgwizard.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.SetupSpec;

/**
 * Everything the wizard can preview or export: the repository files, the pipeline declaration, the policies
 * of the roles it creates ({@code iam/<role>-trust.json}, {@code iam/<role>-permissions.json}) and the event
 * pattern of the rule that starts the pipeline ({@code events/source-change-pattern.json}).
 */
public final class ExportFiles {
  public static final String PIPELINE = "pipeline.json";
  public static final String EVENT_PATTERN = "events/source-change-pattern.json";
  public static final String EVENTS_ROLE_SLUG = "events";

  private ExportFiles() {}

  /**
   * For a setup with environments: the shared repository's files, {@code pipeline-<env>.json} for each environment's
   * pipeline, the shared roles' policies covering every environment, and {@code events/source-change-pattern-<env>.json}
   * for each environment's rule.
   */
  public static List<RepoFile> generate(SetupSpec spec, Target target) {
    List<RepoFile> files = new ArrayList<>(RepoFiles.generate(spec, target));
    if (spec.hasEnvironments()) {
      for (var env : EnvironmentArtifacts.expanded(spec)) {
        files.add(new RepoFile(pipelineFile(env.name()), PipelineStructure.cliInputJson(spec, env.name(), target, null)));
      }
    } else {
      files.add(new RepoFile(PIPELINE, PipelineStructure.cliInputJson(spec, target)));
    }
    for (RolePolicies role : IamPolicies.generated(spec, target)) {
      files.add(new RepoFile("iam/" + role.role().slug() + "-trust.json", role.trustJson()));
      files.add(new RepoFile("iam/" + role.role().slug() + "-permissions.json", role.permissionsJson()));
    }
    if (Buildspec.deploysWithEcsAction(spec) && !spec.ecsNative().infrastructureRole().isExisting()) {
      files.add(new RepoFile("iam/" + InfrastructureRole.SLUG + "-trust.json", Json.pretty(InfrastructureRole.trust())));
    }
    if (ChangeDetection.needsRule(spec.source())) {
      files.add(new RepoFile("iam/" + EVENTS_ROLE_SLUG + "-trust.json", Json.pretty(ChangeDetection.trustPolicy())));
      files.add(new RepoFile("iam/" + EVENTS_ROLE_SLUG + "-permissions.json",
          Json.pretty(ChangeDetection.permissions(spec, target))));
    }
    if (spec.hasEnvironments()) {
      for (var env : EnvironmentArtifacts.expanded(spec)) {
        ChangeDetection.pattern(env.spec(), target).ifPresent(pattern ->
            files.add(new RepoFile(eventPatternFile(env.name()), Json.pretty(pattern))));
      }
    } else {
      ChangeDetection.pattern(spec, target).ifPresent(pattern ->
          files.add(new RepoFile(EVENT_PATTERN, Json.pretty(pattern))));
    }
    return List.copyOf(files);
  }

  /** {@code pipeline-<env>.json}: an environment's pipeline. */
  public static String pipelineFile(String environment) {
    return "pipeline-" + environment + ".json";
  }

  /** {@code events/source-change-pattern-<env>.json}: the pattern of an environment's rule (its own branch). */
  public static String eventPatternFile(String environment) {
    return "events/source-change-pattern-" + environment + ".json";
  }
}
