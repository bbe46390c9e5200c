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

  public static List<RepoFile> generate(SetupSpec spec, Target target) {
    List<RepoFile> files = new ArrayList<>(RepoFiles.generate(spec, target));
    files.add(new RepoFile(PIPELINE, PipelineStructure.cliInputJson(spec, target)));
    for (RolePolicies role : IamPolicies.generated(spec, target)) {
      files.add(new RepoFile("iam/" + role.role().slug() + "-trust.json", role.trustJson()));
      files.add(new RepoFile("iam/" + role.role().slug() + "-permissions.json", role.permissionsJson()));
    }
    if (Buildspec.deploysWithEcsAction(spec) && !spec.ecsNative().infrastructureRole().isExisting()) {
      files.add(new RepoFile("iam/" + InfrastructureRole.SLUG + "-trust.json", Json.pretty(InfrastructureRole.trust())));
    }
    ChangeDetection.pattern(spec, target).ifPresent(pattern -> {
      files.add(new RepoFile("iam/" + EVENTS_ROLE_SLUG + "-trust.json", Json.pretty(ChangeDetection.trustPolicy())));
      files.add(new RepoFile("iam/" + EVENTS_ROLE_SLUG + "-permissions.json",
          Json.pretty(ChangeDetection.permissions(spec, target))));
      files.add(new RepoFile(EVENT_PATTERN, Json.pretty(pattern)));
    });
    return List.copyOf(files);
  }
}
