package org.bgwizard.artifacts;

import java.util.List;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;

/** Checks of the setup's CodeBuild project that decide whether the build can produce a runnable image. */
final class SetupChecks {
  private SetupChecks() {}

  static void check(Documents docs, List<Finding> out) {
    SetupSpec spec = docs.spec();
    if (spec == null) {
      return;
    }
    if (!spec.codeBuild().privileged()) {
      out.add(Finding.error(Preflight.SETUP, null, 22, "setup.notPrivileged", spec.codeBuild().project()));
    }
    Architecture task = spec.container().architecture();
    Architecture builder = buildImageArchitecture(spec.codeBuild().image());
    boolean crossBuilds = docs.build() != null && BuildspecChecks.platforms(docs.build()).findAny().isPresent();
    if (builder != task && !crossBuilds) {
      out.add(Finding.error(Preflight.SETUP, null, 20, "setup.buildImageArchitecture", spec.codeBuild().image(),
          builder, task));
    }
  }

  static Architecture buildImageArchitecture(String image) {
    return image.contains("aarch64") || image.contains("arm64") ? Architecture.ARM64 : Architecture.X86_64;
  }
}
