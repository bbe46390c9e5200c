package org.bgwizard.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.SetupSpec;

/** The files of the source repository (walkthrough row 8), in the order they are shown. */
public final class RepoFiles {
  public static final String DOCKERFILE = "Dockerfile";
  public static final String INDEX_HTML = "html/index.html";

  private RepoFiles() {}

  public static List<RepoFile> generate(SetupSpec spec, Target target) {
    List<RepoFile> files = new ArrayList<>();
    files.add(new RepoFile(FileNames.BUILDSPEC, Buildspec.yaml(spec)));
    files.add(new RepoFile(FileNames.APPSPEC, Appspec.yaml(spec)));
    if (!Buildspec.generatesTaskdef(spec)) {
      files.add(new RepoFile(FileNames.TASKDEF, TaskDefinitions.taskdefJson(spec, target)));
    }
    if (spec.source().commitStarterApp()) {
      files.add(new RepoFile(DOCKERFILE, StarterApp.dockerfile(spec)));
      files.add(new RepoFile(INDEX_HTML, StarterApp.indexHtml(spec)));
    }
    return List.copyOf(files);
  }
}
