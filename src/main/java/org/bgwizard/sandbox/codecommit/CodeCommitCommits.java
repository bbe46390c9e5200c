package org.bgwizard.sandbox.codecommit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.ServiceEvents;
import software.amazon.awssdk.services.codecommit.model.BranchNameRequiredException;
import software.amazon.awssdk.services.codecommit.model.DirectoryNameConflictsWithFileNameException;
import software.amazon.awssdk.services.codecommit.model.FileContentAndSourceFileSpecifiedException;
import software.amazon.awssdk.services.codecommit.model.FileContentSizeLimitExceededException;
import software.amazon.awssdk.services.codecommit.model.FileNameConflictsWithDirectoryNameException;
import software.amazon.awssdk.services.codecommit.model.InvalidFileModeException;
import software.amazon.awssdk.services.codecommit.model.InvalidParentCommitIdException;
import software.amazon.awssdk.services.codecommit.model.NoChangeException;
import software.amazon.awssdk.services.codecommit.model.ParentCommitDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.ParentCommitIdOutdatedException;
import software.amazon.awssdk.services.codecommit.model.ParentCommitIdRequiredException;
import software.amazon.awssdk.services.codecommit.model.SamePathRequestException;
import software.amazon.awssdk.services.codecommit.model.SourceFileOrContentRequiredException;

/** CodeCommit CreateCommit: its parent rules, file checks and the new commit's tree (AWS CodeCommit API Reference). */
final class CodeCommitCommits {
  private static final Set<String> MODES = Set.of("NORMAL", "EXECUTABLE", "SYMLINK");
  private static final int MAX_FILE_BYTES = 6 * 1024 * 1024;

  /** One file to write: content, or a copy (or move) of {@code sourcePath} from the parent commit. */
  record PutFile(String path, String mode, byte[] content, String sourcePath, boolean move) {}

  record Change(String path, String blobId, String mode) {}

  record CommitResult(CodeCommitState.Commit commit, List<Change> added, List<Change> updated, List<Change> deleted) {}

  private final SandboxAccount account;
  private final Ports ports;
  private final CodeCommitEngine cc;

  CodeCommitCommits(SandboxAccount account, Ports ports, CodeCommitEngine cc) {
    this.account = account;
    this.ports = ports;
    this.cc = cc;
  }

  CommitResult createCommit(String repository, String branch, String parentCommitId, String authorName,
      String email, String message, List<PutFile> puts, List<String> deletes, Map<String, String> modes) {
    CodeCommitState.Repository r = cc.repository(repository);
    if (branch == null || branch.isEmpty()) {
      throw cc.error(BranchNameRequiredException.builder(), "BranchNameRequiredException", "A branch name is required.");
    }
    cc.checkBranchName(branch);
    CodeCommitState.Commit parent = parentFor(r, branch, parentCommitId);
    Map<String, CodeCommitState.FileEntry> files = new TreeMap<>(parent == null ? Map.of() : parent.files);
    Map<String, String> newBlobs = new TreeMap<>();
    checkDistinctPaths(puts, deletes, modes);

    for (String d : deletes) {
      String path = cc.normalise(d);
      if (files.remove(path) == null) {
        throw cc.fileMissing(path);
      }
    }
    for (PutFile p : puts) {
      String path = cc.normalise(p.path());
      String mode = p.mode() == null ? "NORMAL" : p.mode();
      if (!MODES.contains(mode)) {
        throw cc.error(InvalidFileModeException.builder(), "InvalidFileModeException", "The specified file mode is not valid.");
      }
      byte[] content;
      if (p.sourcePath() != null) {
        if (p.content() != null) {
          throw cc.error(FileContentAndSourceFileSpecifiedException.builder(),
              "FileContentAndSourceFileSpecifiedException",
              "The commit cannot be created because both a source file and file content have been specified for the"
                  + " same file. You cannot provide both. Either specify a source file or provide the file content"
                  + " directly.");
        }
        String source = cc.normalise(p.sourcePath());
        CodeCommitState.FileEntry from = parent == null ? null : parent.files.get(source);
        if (from == null) {
          throw cc.fileMissing(source);
        }
        content = Base64.getDecoder().decode(r.blobs.get(from.blobId));
        if (p.move()) {
          files.remove(source);
        }
      } else if (p.content() != null) {
        content = p.content();
      } else {
        throw cc.error(SourceFileOrContentRequiredException.builder(), "SourceFileOrContentRequiredException",
            "The commit cannot be created because no source files or file content have been specified for the commit.");
      }
      if (content.length > MAX_FILE_BYTES) {
        throw cc.error(FileContentSizeLimitExceededException.builder(), "FileContentSizeLimitExceededException",
            "The file cannot be added because it is too large. The maximum file size is 6 MB.");
      }
      checkNoConflict(files, path);
      var entry = new CodeCommitState.FileEntry();
      entry.blobId = CodeCommitEngine.gitBlobId(content);
      entry.mode = mode;
      files.put(path, entry);
      newBlobs.put(entry.blobId, Base64.getEncoder().encodeToString(content));
    }
    modes.forEach((rawPath, mode) -> {
      String path = cc.normalise(rawPath);
      CodeCommitState.FileEntry e = files.get(path);
      if (e == null) {
        throw cc.fileMissing(path);
      }
      if (!MODES.contains(mode)) {
        throw cc.error(InvalidFileModeException.builder(), "InvalidFileModeException", "The specified file mode is not valid.");
      }
      var changed = new CodeCommitState.FileEntry();
      changed.blobId = e.blobId;
      changed.mode = mode;
      files.put(path, changed);
    });

    Map<String, CodeCommitState.FileEntry> before = parent == null ? Map.of() : parent.files;
    List<Change> added = new ArrayList<>();
    List<Change> updated = new ArrayList<>();
    List<Change> deleted = new ArrayList<>();
    files.forEach((path, e) -> {
      CodeCommitState.FileEntry old = before.get(path);
      if (old == null) {
        added.add(new Change(path, e.blobId, e.mode));
      } else if (!old.blobId.equals(e.blobId) || !old.mode.equals(e.mode)) {
        updated.add(new Change(path, e.blobId, e.mode));
      }
    });
    before.forEach((path, e) -> {
      if (!files.containsKey(path)) {
        deleted.add(new Change(path, e.blobId, e.mode));
      }
    });
    if (added.isEmpty() && updated.isEmpty() && deleted.isEmpty()) {
      throw cc.error(NoChangeException.builder(), "NoChangeException", "The commit cannot be created because no changes"
          + " will be made to the repository as a result of this commit. A commit must contain at least one change.");
    }

    var c = new CodeCommitState.Commit();
    c.id = account.ids().hex(40);
    c.parent = parent == null ? null : parent.id;
    c.message = message;
    c.authorName = authorName;
    c.email = email;
    c.date = account.now();
    c.files = files;
    c.treeId = cc.treeId(files, "");
    r.commits.put(c.id, c);
    r.blobs.putAll(newBlobs);
    String oldTip = r.branches.put(branch, c.id);
    ServiceEvents.referenceChanged(ports.events, account, cc.arn(r), r.id, r.name, branch, oldTip, c.id);
    if (r.defaultBranch == null) {
      r.defaultBranch = branch;
    }
    r.lastModified = account.now();
    return new CommitResult(c, added, updated, deleted);
  }

  /** The commit a new one builds on: a branch's tip must be named; a new branch starts from any commit. */
  private CodeCommitState.Commit parentFor(CodeCommitState.Repository r, String branch, String parentCommitId) {
    String tip = r.branches.get(branch);
    if (parentCommitId == null || parentCommitId.isEmpty()) {
      if (tip != null || !r.commits.isEmpty()) {
        throw cc.error(ParentCommitIdRequiredException.builder(), "ParentCommitIdRequiredException",
            "A parent commit ID is required. To view the full commit ID of a branch in a repository, use GetBranch"
                + " or a Git command (for example, git pull or git log).");
      }
      return null;
    }
    if (!CodeCommitEngine.COMMIT_ID.matcher(parentCommitId).matches()) {
      throw cc.error(InvalidParentCommitIdException.builder(), "InvalidParentCommitIdException",
          "The parent commit ID is not valid. The commit ID cannot be empty, and must match the head commit ID for"
              + " the branch of the repository where you want to add or update a file.");
    }
    CodeCommitState.Commit parent = r.commits.get(parentCommitId);
    if (parent == null) {
      throw cc.error(ParentCommitDoesNotExistException.builder(), "ParentCommitDoesNotExistException",
          "The parent commit ID is not valid because it does not exist. The specified parent commit ID does not"
              + " exist in the specified branch of the repository.");
    }
    if (tip != null && !tip.equals(parentCommitId)) {
      throw cc.error(ParentCommitIdOutdatedException.builder(), "ParentCommitIdOutdatedException",
          "The file could not be added because the provided parent commit ID is not the current tip of the"
              + " specified branch. To view the full commit ID of the current head of the branch, use GetBranch.");
    }
    return parent;
  }

  private void checkDistinctPaths(List<PutFile> puts, List<String> deletes, Map<String, String> modes) {
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>();
    puts.forEach(p -> {
      all.add(p.path());
      if (p.move() && p.sourcePath() != null) {
        all.add(p.sourcePath());
      }
    });
    all.addAll(deletes);
    all.addAll(modes.keySet());
    for (String p : all) {
      if (!seen.add(cc.normalise(p))) {
        throw cc.error(SamePathRequestException.builder(), "SamePathRequestException", "The commit cannot be created"
            + " because one or more changes in this commit duplicate actions in the same file path. For example,"
            + " you cannot make the same delete request to the same file in the same file path twice, or make a"
            + " delete request and a move request to the same file as part of the same commit.");
      }
    }
  }

  private void checkNoConflict(Map<String, CodeCommitState.FileEntry> files, String path) {
    for (String existing : files.keySet()) {
      if (existing.startsWith(path + "/")) {
        throw cc.error(FileNameConflictsWithDirectoryNameException.builder(),
            "FileNameConflictsWithDirectoryNameException",
            "File name " + path + " conflicts with a directory name in the repository.");
      }
      if (path.startsWith(existing + "/")) {
        throw cc.error(DirectoryNameConflictsWithFileNameException.builder(),
            "DirectoryNameConflictsWithFileNameException",
            "Directory name " + existing + " conflicts with a file name in the repository.");
      }
    }
  }
}
