package org.bgwizard.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.SetupSpec;

/**
 * The files of the source repository (walkthrough row 8), in the order they are shown. For a setup with environments
 * give the whole setup, not an environment's expanded spec: the repository is shared, every branch holds the same
 * files (the unit tests and each environment's {@code taskdef-<env>.json}, see {@link EnvironmentArtifacts}), and an S3
 * source's object of each environment holds them all too.
 */
public final class RepoFiles {
  public static final String DOCKERFILE = "Dockerfile";
  public static final String INDEX_HTML = "html/index.html";

  private RepoFiles() {}

  public static List<RepoFile> generate(SetupSpec spec, Target target) {
    List<RepoFile> files = new ArrayList<>();
    files.add(new RepoFile(FileNames.BUILDSPEC, Buildspec.yaml(spec)));
    // the Amazon ECS action of an ecs-native setup takes neither: it registers a revision of the service's own task
    // definition with the new image ("Amazon Elastic Container Service deploy action reference")
    if (!Buildspec.deploysWithEcsAction(spec)) {
      files.add(new RepoFile(FileNames.APPSPEC, Appspec.yaml(spec)));
    }
    if (!Buildspec.deploysWithEcsAction(spec) && !Buildspec.generatesTaskdef(spec)) {
      if (spec.hasEnvironments()) {
        for (var env : EnvironmentArtifacts.expanded(spec)) {
          files.add(new RepoFile(EnvironmentArtifacts.taskdefPath(env.name()),
              TaskDefinitions.taskdefJson(env.spec(), target)));
        }
      } else {
        files.add(new RepoFile(FileNames.TASKDEF, TaskDefinitions.taskdefJson(spec, target)));
      }
    }
    if (spec.source().commitStarterApp()) {
      files.add(new RepoFile(DOCKERFILE, StarterApp.dockerfile(spec)));
      files.add(new RepoFile(INDEX_HTML, StarterApp.indexHtml(spec)));
    }
    if (spec.hasEnvironments()) {
      // the Test stage every environment's pipeline runs before its image build (ENVIRONMENTS.md, decision 3)
      files.addAll(UnitTests.files(spec));
    }
    return List.copyOf(files);
  }
}
