package org.bgwizard.artifacts;

import java.util.Objects;

/** A generated file: its path relative to the repository (or export folder) root, and its text. */
public record RepoFile(String path, String content) {
  public RepoFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
