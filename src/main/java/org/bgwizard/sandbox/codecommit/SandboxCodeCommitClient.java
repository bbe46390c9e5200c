package org.bgwizard.sandbox.codecommit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.model.BranchInfo;
import software.amazon.awssdk.services.codecommit.model.Commit;
import software.amazon.awssdk.services.codecommit.model.CreateBranchRequest;
import software.amazon.awssdk.services.codecommit.model.CreateBranchResponse;
import software.amazon.awssdk.services.codecommit.model.CreateCommitRequest;
import software.amazon.awssdk.services.codecommit.model.CreateCommitResponse;
import software.amazon.awssdk.services.codecommit.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.codecommit.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.codecommit.model.DeleteBranchRequest;
import software.amazon.awssdk.services.codecommit.model.DeleteBranchResponse;
import software.amazon.awssdk.services.codecommit.model.DeleteFileEntry;
import software.amazon.awssdk.services.codecommit.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.codecommit.model.DeleteRepositoryResponse;
import software.amazon.awssdk.services.codecommit.model.File;
import software.amazon.awssdk.services.codecommit.model.FileMetadata;
import software.amazon.awssdk.services.codecommit.model.Folder;
import software.amazon.awssdk.services.codecommit.model.GetBranchRequest;
import software.amazon.awssdk.services.codecommit.model.GetBranchResponse;
import software.amazon.awssdk.services.codecommit.model.GetCommitRequest;
import software.amazon.awssdk.services.codecommit.model.GetCommitResponse;
import software.amazon.awssdk.services.codecommit.model.ConflictMetadata;
import software.amazon.awssdk.services.codecommit.model.GetFileRequest;
import software.amazon.awssdk.services.codecommit.model.GetMergeConflictsRequest;
import software.amazon.awssdk.services.codecommit.model.GetMergeConflictsResponse;
import software.amazon.awssdk.services.codecommit.model.MergeBranchesByFastForwardRequest;
import software.amazon.awssdk.services.codecommit.model.MergeBranchesByFastForwardResponse;
import software.amazon.awssdk.services.codecommit.model.GetFileResponse;
import software.amazon.awssdk.services.codecommit.model.GetFolderRequest;
import software.amazon.awssdk.services.codecommit.model.GetFolderResponse;
import software.amazon.awssdk.services.codecommit.model.GetRepositoryRequest;
import software.amazon.awssdk.services.codecommit.model.GetRepositoryResponse;
import software.amazon.awssdk.services.codecommit.model.InvalidContinuationTokenException;
import software.amazon.awssdk.services.codecommit.model.InvalidSystemTagUsageException;
import software.amazon.awssdk.services.codecommit.model.ListBranchesRequest;
import software.amazon.awssdk.services.codecommit.model.ListBranchesResponse;
import software.amazon.awssdk.services.codecommit.model.ListRepositoriesRequest;
import software.amazon.awssdk.services.codecommit.model.ListRepositoriesResponse;
import software.amazon.awssdk.services.codecommit.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.codecommit.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.codecommit.model.PutFileEntry;
import software.amazon.awssdk.services.codecommit.model.RepositoryMetadata;
import software.amazon.awssdk.services.codecommit.model.RepositoryNameIdPair;
import software.amazon.awssdk.services.codecommit.model.SetFileModeEntry;
import software.amazon.awssdk.services.codecommit.model.TagResourceRequest;
import software.amazon.awssdk.services.codecommit.model.TagResourceResponse;
import software.amazon.awssdk.services.codecommit.model.TooManyTagsException;
import software.amazon.awssdk.services.codecommit.model.UntagResourceRequest;
import software.amazon.awssdk.services.codecommit.model.UntagResourceResponse;
import software.amazon.awssdk.services.codecommit.model.UserInfo;

/** CodeCommit repositories, branches, API commits and file reads. */
public final class SandboxCodeCommitClient implements CodeCommitClient {
  /** CodeCommit's list operations have no page-size parameter; this is the page size they use. */
  static final int PAGE_SIZE = 1000;

  private final SandboxAccount account;
  private final CodeCommitEngine engine;

  public SandboxCodeCommitClient(SandboxAccount account, CodeCommitEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public CreateRepositoryResponse createRepository(CreateRepositoryRequest r) {
    return account.call(Service.CODECOMMIT, "CreateRepository", () -> {
      checkTags(r.tags(), r.tags().size());
      return CreateRepositoryResponse.builder().repositoryMetadata(
          metadata(engine.createRepository(r.repositoryName(), r.repositoryDescription(), r.tags()))).build();
    });
  }

  @Override
  public GetRepositoryResponse getRepository(GetRepositoryRequest r) {
    return account.call(Service.CODECOMMIT, "GetRepository", () -> GetRepositoryResponse.builder()
        .repositoryMetadata(metadata(engine.repository(r.repositoryName()))).build());
  }

  @Override
  public ListRepositoriesResponse listRepositories(ListRepositoriesRequest r) {
    return account.call(Service.CODECOMMIT, "ListRepositories", () -> {
      Comparator<CodeCommitState.Repository> order = "lastModifiedDate".equals(r.sortByAsString())
          ? Comparator.comparing((CodeCommitState.Repository x) -> x.lastModified).thenComparing(x -> x.name)
          : Comparator.comparing(x -> x.name);
      if ("descending".equals(r.orderAsString())) {
        order = order.reversed();
      }
      var page = page(engine.repositories().stream().sorted(order).toList(), x -> x.name, r.nextToken());
      return ListRepositoriesResponse.builder().repositories(page.items().stream()
          .map(x -> RepositoryNameIdPair.builder().repositoryName(x.name).repositoryId(x.id).build()).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DeleteRepositoryResponse deleteRepository(DeleteRepositoryRequest r) {
    return account.call(Service.CODECOMMIT, "DeleteRepository", () -> DeleteRepositoryResponse.builder()
        .repositoryId(engine.deleteRepository(r.repositoryName())).build());
  }

  @Override
  public CreateCommitResponse createCommit(CreateCommitRequest r) {
    return account.call(Service.CODECOMMIT, "CreateCommit", () -> {
      List<CodeCommitCommits.PutFile> puts = new ArrayList<>();
      for (PutFileEntry p : r.putFiles()) {
        puts.add(new CodeCommitCommits.PutFile(p.filePath(), p.fileModeAsString(),
            p.fileContent() == null ? null : p.fileContent().asByteArray(),
            p.sourceFile() == null ? null : p.sourceFile().filePath(),
            p.sourceFile() != null && Boolean.TRUE.equals(p.sourceFile().isMove())));
      }
      Map<String, String> modes = new LinkedHashMap<>();
      for (SetFileModeEntry m : r.setFileModes()) {
        modes.put(m.filePath(), m.fileModeAsString());
      }
      var result = engine.commits().createCommit(r.repositoryName(), r.branchName(), r.parentCommitId(), r.authorName(),
          r.email(), r.commitMessage(), puts, r.deleteFiles().stream().map(DeleteFileEntry::filePath).toList(), modes);
      return CreateCommitResponse.builder().commitId(result.commit().id).treeId(result.commit().treeId)
          .filesAdded(metadata(result.added())).filesUpdated(metadata(result.updated()))
          .filesDeleted(metadata(result.deleted())).build();
    });
  }

  @Override
  public GetBranchResponse getBranch(GetBranchRequest r) {
    return account.call(Service.CODECOMMIT, "GetBranch", () -> GetBranchResponse.builder()
        .branch(BranchInfo.builder().branchName(r.branchName())
            .commitId(engine.branchTip(r.repositoryName(), r.branchName())).build())
        .build());
  }

  @Override
  public ListBranchesResponse listBranches(ListBranchesRequest r) {
    return account.call(Service.CODECOMMIT, "ListBranches", () -> {
      var page = page(List.copyOf(engine.repository(r.repositoryName()).branches.keySet()), b -> b, r.nextToken());
      return ListBranchesResponse.builder().branches(page.items()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public CreateBranchResponse createBranch(CreateBranchRequest r) {
    return account.call(Service.CODECOMMIT, "CreateBranch", () -> {
      engine.createBranch(r.repositoryName(), r.branchName(), r.commitId());
      return CreateBranchResponse.builder().build();
    });
  }

  @Override
  public DeleteBranchResponse deleteBranch(DeleteBranchRequest r) {
    return account.call(Service.CODECOMMIT, "DeleteBranch", () -> {
      String tip = engine.deleteBranch(r.repositoryName(), r.branchName());
      return tip == null ? DeleteBranchResponse.builder().build() : DeleteBranchResponse.builder()
          .deletedBranch(BranchInfo.builder().branchName(r.branchName()).commitId(tip).build()).build();
    });
  }

  @Override
  public GetCommitResponse getCommit(GetCommitRequest r) {
    return account.call(Service.CODECOMMIT, "GetCommit", () -> {
      CodeCommitState.Commit c = engine.commit(engine.repository(r.repositoryName()), r.commitId());
      UserInfo who = UserInfo.builder().name(c.authorName).email(c.email)
          .date(c.date.getEpochSecond() + " +0000").build();
      return GetCommitResponse.builder().commit(Commit.builder().commitId(c.id).treeId(c.treeId)
          .parents(c.parent == null ? List.of() : List.of(c.parent)).message(c.message == null ? "" : c.message)
          .author(who).committer(who).additionalData("").build()).build();
    });
  }

  @Override
  public MergeBranchesByFastForwardResponse mergeBranchesByFastForward(MergeBranchesByFastForwardRequest r) {
    return account.call(Service.CODECOMMIT, "MergeBranchesByFastForward", () -> {
      var merged = engine.merges().fastForward(r.repositoryName(), r.sourceCommitSpecifier(),
          r.destinationCommitSpecifier(), r.targetBranch());
      return MergeBranchesByFastForwardResponse.builder().commitId(merged.commitId()).treeId(merged.treeId()).build();
    });
  }

  @Override
  public GetMergeConflictsResponse getMergeConflicts(GetMergeConflictsRequest r) {
    return account.call(Service.CODECOMMIT, "GetMergeConflicts", () -> {
      var c = engine.merges().conflicts(r.repositoryName(), r.destinationCommitSpecifier(), r.sourceCommitSpecifier(),
          r.mergeOptionAsString());
      return GetMergeConflictsResponse.builder().mergeable(c.mergeable()).destinationCommitId(c.destinationCommitId())
          .sourceCommitId(c.sourceCommitId()).baseCommitId(c.baseCommitId())
          .conflictMetadataList(c.conflictingPaths().stream().map(p -> ConflictMetadata.builder().filePath(p)
              .contentConflict(true).build()).toList())
          .build();
    });
  }

  @Override
  public GetFileResponse getFile(GetFileRequest r) {
    return account.call(Service.CODECOMMIT, "GetFile", () -> {
      CodeCommitState.Repository repo = engine.repository(r.repositoryName());
      CodeCommitState.Commit c = engine.resolve(repo, r.commitSpecifier());
      var file = engine.file(repo, c, r.filePath());
      return GetFileResponse.builder().commitId(c.id).blobId(file.getKey().blobId)
          .filePath(r.filePath().startsWith("/") ? r.filePath().substring(1) : r.filePath())
          .fileMode(file.getKey().mode).fileSize((long) file.getValue().length)
          .fileContent(SdkBytes.fromByteArray(file.getValue())).build();
    });
  }

  @Override
  public GetFolderResponse getFolder(GetFolderRequest r) {
    return account.call(Service.CODECOMMIT, "GetFolder", () -> {
      CodeCommitState.Repository repo = engine.repository(r.repositoryName());
      CodeCommitState.Commit c = engine.resolve(repo, r.commitSpecifier());
      var view = engine.folder(c, r.folderPath());
      return GetFolderResponse.builder().commitId(c.id).folderPath(r.folderPath()).treeId(view.treeId())
          .files(view.files().entrySet().stream().map(e -> File.builder().absolutePath(e.getKey())
              .relativePath(e.getKey().substring(e.getKey().lastIndexOf('/') + 1))
              .blobId(e.getValue().blobId).fileMode(e.getValue().mode).build()).toList())
          .subFolders(view.subFolderTrees().entrySet().stream().map(e -> Folder.builder().absolutePath(e.getKey())
              .relativePath(e.getKey().substring(e.getKey().lastIndexOf('/') + 1)).treeId(e.getValue()).build())
              .toList())
          .symbolicLinks(List.of()).subModules(List.of()).build();
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return account.call(Service.CODECOMMIT, "TagResource", () -> {
      TagLists.tag(engine.byArn(r.resourceArn()).tags, r.tags(), this::checkTags);
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return account.call(Service.CODECOMMIT, "UntagResource", () -> {
      TagLists.untag(engine.byArn(r.resourceArn()).tags, r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return account.call(Service.CODECOMMIT, "ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(Map.copyOf(engine.byArn(r.resourceArn()).tags)).build());
  }

  private void checkTags(Map<String, String> tags, int countAfter) {
    if (TagLists.anyReserved(tags)) {
      throw engine.error(InvalidSystemTagUsageException.builder(), "InvalidSystemTagUsageException",
          "The tag key contains a prefix that is reserved for system tags.");
    }
    if (countAfter > 50) {
      throw engine.error(TooManyTagsException.builder(), "TooManyTagsException",
          "The maximum number of tags for an AWS CodeCommit resource has been exceeded.");
    }
  }

  private <T> ListPage<T> page(List<T> all, java.util.function.Function<T, String> key, String token) {
    return ListPage.of(all, key, token, PAGE_SIZE, () -> engine.error(InvalidContinuationTokenException.builder(),
        "InvalidContinuationTokenException", "The specified continuation token is not valid."));
  }

  private static List<FileMetadata> metadata(List<CodeCommitCommits.Change> changes) {
    return changes.stream().map(c -> FileMetadata.builder().absolutePath(c.path()).blobId(c.blobId())
        .fileMode(c.mode()).build()).toList();
  }

  private RepositoryMetadata metadata(CodeCommitState.Repository r) {
    String host = "git-codecommit." + account.region() + ".amazonaws.com/v1/repos/" + r.name;
    return RepositoryMetadata.builder().accountId(account.accountId()).repositoryId(r.id).repositoryName(r.name)
        .repositoryDescription(r.description).defaultBranch(r.defaultBranch).creationDate(r.created)
        .lastModifiedDate(r.lastModified).cloneUrlHttp("https://" + host).cloneUrlSsh("ssh://" + host)
        .arn(engine.arn(r)).build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
