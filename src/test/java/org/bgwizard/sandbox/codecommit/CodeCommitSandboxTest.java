package org.bgwizard.sandbox.codecommit;

import org.bgwizard.sandbox.SandboxInternals;
import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.BasicServiceAssertions;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.model.BranchDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.CreateCommitResponse;
import software.amazon.awssdk.services.codecommit.model.DeleteFileEntry;
import software.amazon.awssdk.services.codecommit.model.FileDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.FileNameConflictsWithDirectoryNameException;
import software.amazon.awssdk.services.codecommit.model.InvalidBranchNameException;
import software.amazon.awssdk.services.codecommit.model.InvalidPathException;
import software.amazon.awssdk.services.codecommit.model.InvalidRepositoryNameException;
import software.amazon.awssdk.services.codecommit.model.InvalidResourceArnException;
import software.amazon.awssdk.services.codecommit.model.NoChangeException;
import software.amazon.awssdk.services.codecommit.model.OperationNotAllowedException;
import software.amazon.awssdk.services.codecommit.model.ParentCommitDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.ParentCommitIdOutdatedException;
import software.amazon.awssdk.services.codecommit.model.ParentCommitIdRequiredException;
import software.amazon.awssdk.services.codecommit.model.PutFileEntry;
import software.amazon.awssdk.services.codecommit.model.RepositoryDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.RepositoryMetadata;
import software.amazon.awssdk.services.codecommit.model.RepositoryNameExistsException;
import software.amazon.awssdk.services.codecommit.model.RepositoryNameIdPair;
import software.amazon.awssdk.services.codecommit.model.SamePathRequestException;

class CodeCommitSandboxTest {
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  CodeCommitClient cc;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    cc = sandbox.codeCommit();
  }

  private static PutFileEntry file(String path, String content) {
    return PutFileEntry.builder().filePath(path).fileContent(SdkBytes.fromUtf8String(content)).build();
  }

  private CreateCommitResponse commit(String parent, PutFileEntry... files) {
    return cc.createCommit(b -> b.repositoryName("demo").branchName("main").parentCommitId(parent)
        .commitMessage("change").authorName("learner").email("learner@example.com").putFiles(files));
  }

  private String firstCommit() {
    cc.createRepository(b -> b.repositoryName("demo"));
    return commit(null, file("buildspec.yml", "version: 0.2\n"), file("app/index.html", "<h1>blue</h1>\n"),
        file("app/css/site.css", "body{}")).commitId();
  }

  @Test
  void createRepository_returnsArnAndCloneUrls_andTheSameNameAgainIsRepositoryNameExists() {
    RepositoryMetadata m = cc.createRepository(b -> b.repositoryName("demo").repositoryDescription("practice"))
        .repositoryMetadata();

    assertEquals("arn:aws:codecommit:us-east-1:123456789012:demo", m.arn());
    assertEquals("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/demo", m.cloneUrlHttp());
    assertEquals(m.repositoryId(), cc.getRepository(b -> b.repositoryName("demo")).repositoryMetadata().repositoryId());
    assertAwsError(RepositoryNameExistsException.class, "RepositoryNameExistsException", "demo already exists",
        () -> cc.createRepository(b -> b.repositoryName("demo")));
  }

  @Test
  void createRepository_onANewAccount_isNotAllowed_andCreatesNothing() {
    sandbox.account().settings().codeCommitClosed = true;

    assertAwsError(OperationNotAllowedException.class, "OperationNotAllowedException",
        "there is no existing repository in this AWS account or AWS Organization",
        () -> cc.createRepository(b -> b.repositoryName("demo")));
    assertTrue(cc.listRepositories(b -> { }).repositories().isEmpty());
  }

  @Test
  void createRepository_onANewAccountThatAlreadyHasARepository_isAllowed() {
    cc.createRepository(b -> b.repositoryName("older"));
    sandbox.account().settings().codeCommitClosed = true;

    assertEquals("demo", cc.createRepository(b -> b.repositoryName("demo")).repositoryMetadata().repositoryName());
  }

  @Test
  void repositoryNames_invalidOrMissing_areRejected() {
    assertAwsError(InvalidRepositoryNameException.class, "InvalidRepositoryNameException", "not valid",
        () -> cc.createRepository(b -> b.repositoryName("has space")));
    assertAwsError(InvalidRepositoryNameException.class, "InvalidRepositoryNameException", "cannot end with .git",
        () -> cc.createRepository(b -> b.repositoryName("demo.git")));
    assertAwsError(RepositoryDoesNotExistException.class, "RepositoryDoesNotExistException", "nothing does not exist",
        () -> cc.getRepository(b -> b.repositoryName("nothing")));
  }

  @Test
  void firstCommit_createsTheBranch_andTheSourcesHeadHasEveryFile() {
    String id = firstCommit();

    assertTrue(id.matches("[0-9a-f]{40}"));
    assertEquals(id, cc.getBranch(b -> b.repositoryName("demo").branchName("main")).branch().commitId());
    assertEquals("main", cc.getRepository(b -> b.repositoryName("demo")).repositoryMetadata().defaultBranch());
    Ports.Snapshot head = SandboxInternals.ports(sandbox).sources.codeCommitHead("demo", "main").orElseThrow();
    assertEquals(id, head.commitId());
    assertEquals("change", head.message());
    assertEquals(Map.of("buildspec.yml", "version: 0.2\n", "app/index.html", "<h1>blue</h1>\n",
        "app/css/site.css", "body{}"), head.files());
    assertEquals(Optional.empty(), SandboxInternals.ports(sandbox).sources.codeCommitHead("demo", "other"));
  }

  @Test
  void laterCommit_withoutParent_isParentCommitIdRequired() {
    firstCommit();

    assertAwsError(ParentCommitIdRequiredException.class, "ParentCommitIdRequiredException", "parent commit ID is required",
        () -> commit(null, file("README.md", "hi")));
  }

  @Test
  void laterCommit_onAnOlderParent_isOutdated_andOnTheTipSucceeds() {
    String first = firstCommit();
    String second = commit(first, file("README.md", "hi")).commitId();

    assertAwsError(ParentCommitIdOutdatedException.class, "ParentCommitIdOutdatedException", "not the current tip",
        () -> commit(first, file("README.md", "again")));
    assertAwsError(ParentCommitDoesNotExistException.class, "ParentCommitDoesNotExistException", "does not exist",
        () -> commit("0".repeat(40), file("README.md", "again")));
    CreateCommitResponse third = commit(second, file("README.md", "hi there"), file("new.txt", "n"));
    assertEquals(List.of("new.txt"), third.filesAdded().stream().map(f -> f.absolutePath()).toList());
    assertEquals(List.of("README.md"), third.filesUpdated().stream().map(f -> f.absolutePath()).toList());
    assertEquals(List.of(second), cc.getCommit(b -> b.repositoryName("demo").commitId(third.commitId())).commit()
        .parents());
  }

  @Test
  void commit_thatChangesNothing_isNoChange() {
    String first = firstCommit();

    assertAwsError(NoChangeException.class, "NoChangeException", "no changes will be made",
        () -> commit(first, file("buildspec.yml", "version: 0.2\n")));
  }

  @Test
  void commit_deletingAMissingFile_orTouchingOnePathTwice_orFileOverFolder_isRejected() {
    String first = firstCommit();

    assertAwsError(FileDoesNotExistException.class, "FileDoesNotExistException", "nope.txt",
        () -> cc.createCommit(b -> b.repositoryName("demo").branchName("main").parentCommitId(first)
            .deleteFiles(DeleteFileEntry.builder().filePath("nope.txt").build())));
    assertAwsError(SamePathRequestException.class, "SamePathRequestException", "duplicate actions in the same file path",
        () -> cc.createCommit(b -> b.repositoryName("demo").branchName("main").parentCommitId(first)
            .putFiles(file("x", "1")).deleteFiles(DeleteFileEntry.builder().filePath("x").build())));
    assertAwsError(FileNameConflictsWithDirectoryNameException.class, "FileNameConflictsWithDirectoryNameException",
        "app", () -> commit(first, file("app", "not a folder")));
  }

  @Test
  void deleteFiles_removesThemFromTheNextSnapshot() {
    String first = firstCommit();
    cc.createCommit(b -> b.repositoryName("demo").branchName("main").parentCommitId(first)
        .deleteFiles(DeleteFileEntry.builder().filePath("app/css/site.css").build()));

    assertEquals(List.of("app/index.html", "buildspec.yml"),
        List.copyOf(SandboxInternals.ports(sandbox).sources.codeCommitHead("demo", "main").orElseThrow().files().keySet()));
  }

  @Test
  void getFile_byBranchOrCommit_returnsContentWithItsGitBlobId() {
    String first = firstCommit();
    commit(first, file("buildspec.yml", "version: 0.2\nphases: {}\n"));

    var atFirst = cc.getFile(b -> b.repositoryName("demo").commitSpecifier(first).filePath("/buildspec.yml"));
    assertEquals("version: 0.2\n", atFirst.fileContent().asUtf8String());
    assertEquals(CodeCommitEngine.gitBlobId("version: 0.2\n".getBytes(StandardCharsets.UTF_8)), atFirst.blobId());
    assertEquals("ce013625030ba8dba906f756967f9e9ca394464a",
        CodeCommitEngine.gitBlobId("hello\n".getBytes(StandardCharsets.UTF_8)), "git hash-object of hello");
    assertTrue(cc.getFile(b -> b.repositoryName("demo").filePath("buildspec.yml")).fileContent().asUtf8String()
        .contains("phases"));
    assertAwsError(FileDoesNotExistException.class, "FileDoesNotExistException", "missing.txt",
        () -> cc.getFile(b -> b.repositoryName("demo").filePath("missing.txt")));
  }

  @Test
  void getFolder_listsDirectFilesAndSubfolders() {
    firstCommit();

    var root = cc.getFolder(b -> b.repositoryName("demo").folderPath("/"));
    assertEquals(List.of("buildspec.yml"), root.files().stream().map(f -> f.relativePath()).toList());
    assertEquals(List.of("app"), root.subFolders().stream().map(f -> f.absolutePath()).toList());
    var app = cc.getFolder(b -> b.repositoryName("demo").folderPath("app"));
    assertEquals(List.of("app/index.html"), app.files().stream().map(f -> f.absolutePath()).toList());
    assertEquals(List.of("css"), app.subFolders().stream().map(f -> f.relativePath()).toList());
  }

  @Test
  void branches_createListAndMissing() {
    String first = firstCommit();
    for (int i = 0; i < SandboxCodeCommitClient.PAGE_SIZE; i++) {
      int n = i;
      cc.createBranch(b -> b.repositoryName("demo").branchName("feature/" + n).commitId(first));
    }

    assertEquals(SandboxCodeCommitClient.PAGE_SIZE + 1,
        cc.listBranchesPaginator(b -> b.repositoryName("demo")).branches().stream().count());
    assertEquals(first, cc.getBranch(b -> b.repositoryName("demo").branchName("feature/7")).branch().commitId());
    assertAwsError(BranchDoesNotExistException.class, "BranchDoesNotExistException", "Branch dev does not exist",
        () -> cc.getBranch(b -> b.repositoryName("demo").branchName("dev")));
  }

  @Test
  void listRepositories_withThePaginator_andDeleteRepository_returnsTheIdOnlyWhenItExisted() {
    String id = cc.createRepository(b -> b.repositoryName("b-repo")).repositoryMetadata().repositoryId();
    cc.createRepository(b -> b.repositoryName("a-repo"));

    assertEquals(List.of("a-repo", "b-repo"), cc.listRepositoriesPaginator(b -> b.sortBy("repositoryName"))
        .repositories().stream().map(RepositoryNameIdPair::repositoryName).toList());
    assertEquals(id, cc.deleteRepository(b -> b.repositoryName("b-repo")).repositoryId());
    assertNull(cc.deleteRepository(b -> b.repositoryName("b-repo")).repositoryId());
  }

  @Test
  void tags_byRepositoryArn() {
    String arn = cc.createRepository(b -> b.repositoryName("demo").tags(Map.of("bgwizard:setup", "demo")))
        .repositoryMetadata().arn();
    cc.tagResource(b -> b.resourceArn(arn).tags(Map.of("team", "ops")));

    assertEquals(Map.of("bgwizard:setup", "demo", "team", "ops"),
        cc.listTagsForResource(b -> b.resourceArn(arn)).tags());
    assertAwsError(InvalidResourceArnException.class, "InvalidResourceArnException", "not valid",
        () -> cc.listTagsForResource(b -> b.resourceArn("arn:aws:s3:::demo")));
  }

  @Test
  void sources_storeAndReadArtifactsInExistingBucketsOnly() {
    sandbox.s3().createBucket(b -> b.bucket("demo-artifacts"));

    assertTrue(SandboxInternals.ports(sandbox).sources.bucketExists("demo-artifacts"));
    assertTrue(SandboxInternals.ports(sandbox).sources.putObject("demo-artifacts", "BuildArtifact/out.zip", new byte[] {1, 2}));
    assertArrayEquals(new byte[] {1, 2}, SandboxInternals.ports(sandbox).sources.getObject("demo-artifacts", "BuildArtifact/out.zip").orElseThrow());
    assertEquals(false, SandboxInternals.ports(sandbox).sources.putObject("missing-bucket", "k", new byte[] {1}));
    assertEquals(Optional.empty(), SandboxInternals.ports(sandbox).sources.getObject("demo-artifacts", "other"));
  }

  @Test
  void commit_movingAFileAndMakingOneExecutable_recordsBothChanges() {
    String first = firstCommit();
    var moved = cc.createCommit(b -> b.repositoryName("demo").branchName("main").parentCommitId(first)
        .putFiles(PutFileEntry.builder().filePath("ci/buildspec.yml")
            .sourceFile(f -> f.filePath("buildspec.yml").isMove(true)).build())
        .setFileModes(m -> m.filePath("app/index.html").fileMode("EXECUTABLE")));

    assertEquals(List.of("ci/buildspec.yml"), moved.filesAdded().stream().map(f -> f.absolutePath()).toList());
    assertEquals(List.of("buildspec.yml"), moved.filesDeleted().stream().map(f -> f.absolutePath()).toList());
    assertEquals("EXECUTABLE", cc.getFile(b -> b.repositoryName("demo").filePath("app/index.html")).fileModeAsString());
  }

  @Test
  void commit_toAnInvalidBranchName_orWithADotDotPath_isRejected() {
    cc.createRepository(b -> b.repositoryName("demo"));

    assertAwsError(InvalidBranchNameException.class, "InvalidBranchNameException", "not valid",
        () -> cc.createCommit(b -> b.repositoryName("demo").branchName("bad..name").putFiles(file("a", "1"))));
    assertAwsError(InvalidPathException.class, "InvalidPathException", "not valid",
        () -> cc.createCommit(b -> b.repositoryName("demo").branchName("main").putFiles(file("../a", "1"))));
  }

  @Test
  void savedAccount_reopened_keepsRepositoriesCommitsAndBlobs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    CodeCommitClient first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE).codeCommit();
    first.createRepository(b -> b.repositoryName("demo"));
    String id = first.createCommit(b -> b.repositoryName("demo").branchName("main")
        .putFiles(file("taskdef.json", "{\"family\":\"demo\"}"))).commitId();

    Sandbox second = BasicServiceAssertions.reopen(file);
    assertEquals(id, second.codeCommit().getBranch(b -> b.repositoryName("demo").branchName("main")).branch().commitId());
    assertEquals(Map.of("taskdef.json", "{\"family\":\"demo\"}"),
        SandboxInternals.ports(second).sources.codeCommitHead("demo", "main").orElseThrow().files());
  }
}
