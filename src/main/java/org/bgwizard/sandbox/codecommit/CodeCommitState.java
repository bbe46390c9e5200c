package org.bgwizard.sandbox.codecommit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated CodeCommit service: plain data, saved as JSON with the whole account. */
public final class CodeCommitState {
  public Map<String, Repository> repositories = new TreeMap<>();

  public static final class Repository {
    public String name;
    public String id;
    public String description;
    public String defaultBranch;
    public Instant created;
    public Instant lastModified;
    public Map<String, String> tags = new TreeMap<>();
    /** Branch name to the commit id at its tip. */
    public Map<String, String> branches = new TreeMap<>();
    public Map<String, Commit> commits = new TreeMap<>();
    /** File contents by git blob id, base64. */
    public Map<String, String> blobs = new TreeMap<>();
  }

  /** A commit and the complete file tree it records. */
  public static final class Commit {
    public String id;
    public String treeId;
    /** null for a branch's first commit. */
    public String parent;
    public String message;
    public String authorName;
    public String email;
    public Instant date;
    public Map<String, FileEntry> files = new TreeMap<>();
  }

  public static final class FileEntry {
    public String blobId;
    /** NORMAL, EXECUTABLE or SYMLINK. */
    public String mode;
  }
}
