package org.bgwizard.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.SetupSpec;

/**
 * Everything the wizard can preview or export: the repository files, the pipeline declaration and the policies
 * of the roles it creates ({@code iam/<role>-trust.json}, {@code iam/<role>-permissions.json}).
 */
public final class ExportFiles {
  public static final String PIPELINE = "pipeline.json";

  private ExportFiles() {}

  public static List<RepoFile> generate(SetupSpec spec, Target target) {
    List<RepoFile> files = new ArrayList<>(RepoFiles.generate(spec, target));
    files.add(new RepoFile(PIPELINE, PipelineStructure.cliInputJson(spec, target)));
    for (RolePolicies role : IamPolicies.generated(spec, target)) {
      files.add(new RepoFile("iam/" + role.role().slug() + "-trust.json", role.trustJson()));
      files.add(new RepoFile("iam/" + role.role().slug() + "-permissions.json", role.permissionsJson()));
    }
    return List.copyOf(files);
  }
}
