package org.bgwizard.sandbox.codecommit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.ServiceEvents;
import software.amazon.awssdk.services.codecommit.model.BranchNameRequiredException;
import software.amazon.awssdk.services.codecommit.model.CommitRequiredException;
import software.amazon.awssdk.services.codecommit.model.InvalidMergeOptionException;
import software.amazon.awssdk.services.codecommit.model.ManualMergeRequiredException;
import software.amazon.awssdk.services.codecommit.model.MergeOptionRequiredException;

/**
 * Merging branches (AWS CodeCommit API Reference). MergeBranchesByFastForward moves the target branch (by default the
 * destination) to the source commit when the destination commit is an ancestor of it, and answers that commit and its
 * tree; otherwise the branches have diverged and it fails with ManualMergeRequiredException. GetMergeConflicts tells
 * beforehand: with FAST_FORWARD_MERGE, {@code mergeable} is whether a fast-forward is possible; with THREE_WAY_MERGE
 * or SQUASH_MERGE, whether no file was changed differently on both sides since the merge base (file-level conflicts
 * only, no hunks). The moved branch emits the "CodeCommit Repository State Change" event (referenceUpdated), which
 * starts the pipelines whose rules match that branch. A fast-forward onto a branch that already holds the source
 * commit changes nothing and emits nothing (unv: AWS's answer there is not documented).
 */
final class CodeCommitMerges {
  static final Set<String> OPTIONS = Set.of("FAST_FORWARD_MERGE", "SQUASH_MERGE", "THREE_WAY_MERGE");
  /** The exception's documented text (ManualMergeRequiredException, API Reference). */
  static final String MANUAL_MERGE = "The pull request cannot be merged automatically into the destination branch."
      + " You must manually merge the branches and resolve any conflicts.";

  private final SandboxAccount account;
  private final Ports ports;
  private final CodeCommitEngine cc;

  CodeCommitMerges(SandboxAccount account, Ports ports, CodeCommitEngine cc) {
    this.account = account;
    this.ports = ports;
    this.cc = cc;
  }

  record Merged(String commitId, String treeId) {}

  record Conflicts(boolean mergeable, String destinationCommitId, String sourceCommitId, String baseCommitId,
      List<String> conflictingPaths) {}

  Merged fastForward(String repository, String sourceSpecifier, String destinationSpecifier, String targetBranch) {
    CodeCommitState.Repository r = cc.repository(repository);
    CodeCommitState.Commit source = specified(r, sourceSpecifier);
    CodeCommitState.Commit destination = specified(r, destinationSpecifier);
    String branch = targetBranch != null ? targetBranch
        : r.branches.containsKey(destinationSpecifier) ? destinationSpecifier : null;
    if (branch == null) {
      throw cc.error(BranchNameRequiredException.builder(), "BranchNameRequiredException",
          "A branch name is required."); // (inf) a commit id as destination needs targetBranch
    }
    String tip = cc.branchTip(r.name, branch);
    if (!ancestors(r, source.id).contains(destination.id)) {
      throw cc.error(ManualMergeRequiredException.builder(), "ManualMergeRequiredException", MANUAL_MERGE);
    }
    if (!tip.equals(source.id)) {
      r.branches.put(branch, source.id);
      r.lastModified = account.now();
      ServiceEvents.referenceChanged(ports.events, account, cc.arn(r), r.id, r.name, branch, tip, source.id);
    }
    return new Merged(source.id, source.treeId);
  }

  Conflicts conflicts(String repository, String destinationSpecifier, String sourceSpecifier, String mergeOption) {
    CodeCommitState.Repository r = cc.repository(repository);
    if (mergeOption == null || mergeOption.isEmpty()) {
      throw cc.error(MergeOptionRequiredException.builder(), "MergeOptionRequiredException",
          "A merge option or stategy is required."); // (unv) wording
    }
    if (!OPTIONS.contains(mergeOption)) {
      throw cc.error(InvalidMergeOptionException.builder(), "InvalidMergeOptionException",
          "The specified merge option is not valid for this operation. Not all merge strategies are supported for all"
              + " operations."); // (unv) wording
    }
    CodeCommitState.Commit source = specified(r, sourceSpecifier);
    CodeCommitState.Commit destination = specified(r, destinationSpecifier);
    List<String> sourceLine = ancestors(r, source.id);
    String base = ancestors(r, destination.id).stream().filter(sourceLine::contains).findFirst().orElse(null);
    if (mergeOption.equals("FAST_FORWARD_MERGE")) {
      return new Conflicts(sourceLine.contains(destination.id), destination.id, source.id, base, List.of());
    }
    Map<String, CodeCommitState.FileEntry> baseFiles = base == null ? Map.of() : r.commits.get(base).files;
    Set<String> paths = new TreeSet<>(source.files.keySet());
    paths.addAll(destination.files.keySet());
    List<String> conflicting = new ArrayList<>();
    for (String path : paths) {
      String was = blob(baseFiles.get(path));
      String ours = blob(destination.files.get(path));
      String theirs = blob(source.files.get(path));
      if (!Objects.equals(was, ours) && !Objects.equals(was, theirs) && !Objects.equals(ours, theirs)) {
        conflicting.add(path);
      }
    }
    return new Conflicts(conflicting.isEmpty(), destination.id, source.id, base, conflicting);
  }

  private static String blob(CodeCommitState.FileEntry e) {
    return e == null ? null : e.blobId;
  }

  /** The commit named by a branch or a full commit id. */
  private CodeCommitState.Commit specified(CodeCommitState.Repository r, String specifier) {
    if (specifier == null || specifier.isEmpty()) {
      throw cc.error(CommitRequiredException.builder(), "CommitRequiredException",
          "A commit was not specified."); // (unv) wording
    }
    return cc.resolve(r, specifier);
  }

  /** The commit and its ancestors, nearest first (commits made through the API have one parent). */
  private static List<String> ancestors(CodeCommitState.Repository r, String commitId) {
    Set<String> line = new LinkedHashSet<>();
    String at = commitId;
    while (at != null && line.add(at)) {
      CodeCommitState.Commit c = r.commits.get(at);
      at = c == null ? null : c.parent;
    }
    return List.copyOf(line);
  }
}
