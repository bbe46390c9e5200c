package org.bgwizard.sandbox.codecommit;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.sandbox.BasicServiceAssertions;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.model.BranchDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.ConflictMetadata;
import software.amazon.awssdk.services.codecommit.model.GetMergeConflictsResponse;
import software.amazon.awssdk.services.codecommit.model.InvalidMergeOptionException;
import software.amazon.awssdk.services.codecommit.model.ManualMergeRequiredException;
import software.amazon.awssdk.services.codecommit.model.MergeOptionRequiredException;
import software.amazon.awssdk.services.codecommit.model.PutFileEntry;

/** MergeBranchesByFastForward and GetMergeConflicts (CodeCommit API Reference), as promotion between branches uses them. */
class CodeCommitMergesTest {
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  CodeCommitClient cc;
  String first;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    cc = sandbox.codeCommit();
    cc.createRepository(b -> b.repositoryName("demo"));
    first = commit("main", null, "index.html", "v1");
    cc.createBranch(b -> b.repositoryName("demo").branchName("prod").commitId(first));
  }

  private String commit(String branch, String parent, String path, String content) {
    return cc.createCommit(b -> b.repositoryName("demo").branchName(branch).parentCommitId(parent).commitMessage(content)
        .authorName("learner").email("learner@example.com").putFiles(PutFileEntry.builder().filePath(path)
            .fileContent(SdkBytes.fromUtf8String(content)).build())).commitId();
  }

  private String head(String branch) {
    return cc.getBranch(b -> b.repositoryName("demo").branchName(branch)).branch().commitId();
  }

  private GetMergeConflictsResponse check(String option) {
    return cc.getMergeConflicts(b -> b.repositoryName("demo").sourceCommitSpecifier("main")
        .destinationCommitSpecifier("prod").mergeOption(option));
  }

  private void promote() {
    cc.mergeBranchesByFastForward(b -> b.repositoryName("demo").sourceCommitSpecifier("main")
        .destinationCommitSpecifier("prod"));
  }

  @Test
  void aBranchBehind_isFastForwardMergeable_andTheMergeMovesItToTheSourceCommit() {
    String second = commit("main", first, "index.html", "v2");

    GetMergeConflictsResponse before = check("FAST_FORWARD_MERGE");
    assertTrue(before.mergeable());
    assertEquals(second, before.sourceCommitId());
    assertEquals(first, before.destinationCommitId());
    assertEquals(first, before.baseCommitId());
    var merged = cc.mergeBranchesByFastForward(b -> b.repositoryName("demo").sourceCommitSpecifier("main")
        .destinationCommitSpecifier("prod"));
    assertEquals(second, merged.commitId());
    assertEquals(cc.getCommit(b -> b.repositoryName("demo").commitId(second)).commit().treeId(), merged.treeId());
    assertEquals(second, head("prod"));
    assertEquals(second, head("main"), "the source branch stays");
  }

  @Test
  void divergedBranches_areNotFastForwardMergeable_andTheMergeNeedsAManualMerge() {
    commit("main", first, "index.html", "v2");
    commit("prod", first, "hotfix.txt", "fix");

    assertFalse(check("FAST_FORWARD_MERGE").mergeable());
    var e = assertAwsError(ManualMergeRequiredException.class, "ManualMergeRequiredException",
        "You must manually merge the branches", this::promote);
    assertEquals(400, e.statusCode());
    assertTrue(check("THREE_WAY_MERGE").mergeable(), "different files: a three-way merge has no conflict");
  }

  @Test
  void theSameFileChangedOnBothSides_isAThreeWayConflict() {
    commit("main", first, "index.html", "v2");
    commit("prod", first, "index.html", "v1-hotfix");

    GetMergeConflictsResponse c = check("THREE_WAY_MERGE");
    assertFalse(c.mergeable());
    assertEquals(List.of("index.html"), c.conflictMetadataList().stream().map(ConflictMetadata::filePath).toList());
  }

  @Test
  void aBranchAlreadyThere_mergesToItsOwnHead_andBadInputIsRefused() {
    promote();
    assertEquals(first, head("prod"));

    assertAwsError(MergeOptionRequiredException.class, "MergeOptionRequiredException", null,
        () -> cc.getMergeConflicts(b -> b.repositoryName("demo").sourceCommitSpecifier("main")
            .destinationCommitSpecifier("prod")));
    assertAwsError(InvalidMergeOptionException.class, "InvalidMergeOptionException", null,
        () -> check("OCTOPUS"));
    assertAwsError(BranchDoesNotExistException.class, "BranchDoesNotExistException", "qa",
        () -> cc.mergeBranchesByFastForward(b -> b.repositoryName("demo").sourceCommitSpecifier("main")
            .destinationCommitSpecifier(first).targetBranch("qa")));
  }

  @Test
  void deleteBranch_givesTheTipOfTheBranchDeleted_refusesTheDefaultBranch_andAnswersEmptyForNoSuchBranch() {
    var deleted = cc.deleteBranch(b -> b.repositoryName("demo").branchName("prod")).deletedBranch();

    assertEquals("prod", deleted.branchName());
    assertEquals(first, deleted.commitId());
    assertFalse(cc.listBranches(b -> b.repositoryName("demo")).branches().contains("prod"));
    assertEquals(null, cc.deleteBranch(b -> b.repositoryName("demo").branchName("prod")).deletedBranch());
    assertAwsError(software.amazon.awssdk.services.codecommit.model.DefaultBranchCannotBeDeletedException.class,
        "DefaultBranchCannotBeDeletedException", "is the default branch for the repository",
        () -> cc.deleteBranch(b -> b.repositoryName("demo").branchName("main")));
  }
}
