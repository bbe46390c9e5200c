package org.bgwizard.aws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codecommit.CodeCommitClient;
import software.amazon.awssdk.services.codecommit.model.BranchDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.NoChangeException;
import software.amazon.awssdk.services.codecommit.model.PutFileEntry;
import software.amazon.awssdk.services.codecommit.model.RepositoryDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.RepositoryMetadata;

/** CodeCommit repositories: find, create with tags, a first commit of generated files, delete. */
public final class CodeCommitRepos {
  private final AwsClients clients;

  public CodeCommitRepos(AwsClients clients) {
    this.clients = clients;
  }

  private CodeCommitClient codeCommit() {
    return clients.codeCommit();
  }

  public Optional<CodeCommitRepoInfo> find(String name) {
    try {
      return Optional.of(info(codeCommit().getRepository(r -> r.repositoryName(name)).repositoryMetadata()));
    } catch (RepositoryDoesNotExistException e) {
      return Optional.empty();
    }
  }

  public CodeCommitRepoInfo create(String name, String description, Map<String, String> tags) {
    return info(codeCommit().createRepository(r -> r.repositoryName(name).repositoryDescription(description)
        .tags(tags)).repositoryMetadata());
  }

  /** The commit id at the tip of {@code branch}, empty when the branch does not exist. */
  public Optional<String> branchHead(String repository, String branch) {
    try {
      return Optional.of(codeCommit().getBranch(r -> r.repositoryName(repository).branchName(branch)).branch()
          .commitId());
    } catch (BranchDoesNotExistException e) {
      return Optional.empty();
    }
  }

  /** Creates {@code branch} at {@code commitId} (CreateBranch, AWS CodeCommit API Reference). */
  public void createBranch(String repository, String branch, String commitId) {
    codeCommit().createBranch(r -> r.repositoryName(repository).branchName(branch).commitId(commitId));
  }

  public List<String> branches(String repository) {
    return codeCommit().listBranchesPaginator(r -> r.repositoryName(repository)).branches().stream().toList();
  }

  /**
   * The first commit of an empty repository: creates {@code branch} with {@code files} (path to UTF-8 text).
   * Returns the commit id.
   */
  public String firstCommit(String repository, String branch, Map<String, String> files, String message,
      String author) {
    return codeCommit().createCommit(r -> r.repositoryName(repository).branchName(branch).putFiles(puts(files))
        .commitMessage(message).authorName(author)).commitId();
  }

  /**
   * Commits {@code files} (path to UTF-8 text) on top of {@code branch}, or as the first commit of an empty
   * repository. Returns the commit id, or empty when the branch already holds exactly these files.
   *
   * @throws RepositoryDoesNotExistException when there is no such repository
   * @throws IllegalArgumentException when the repository has commits but not this branch
   */
  public Optional<String> commitFiles(String repository, String branch, Map<String, String> files, String message,
      String author) {
    Optional<String> head = branchHead(repository, branch);
    if (head.isEmpty()) {
      if (!branches(repository).isEmpty()) {
        throw new IllegalArgumentException("The repository " + repository + " has no branch " + branch
            + "; its branches are " + String.join(", ", branches(repository)));
      }
      return Optional.of(firstCommit(repository, branch, files, message, author));
    }
    try {
      return Optional.of(codeCommit().createCommit(r -> r.repositoryName(repository).branchName(branch)
          .parentCommitId(head.get()).putFiles(puts(files)).commitMessage(message).authorName(author)).commitId());
    } catch (NoChangeException e) {
      return Optional.empty();
    }
  }

  /** {@code files} (path to UTF-8 text) as CreateCommit's file entries. */
  static List<PutFileEntry> puts(Map<String, String> files) {
    return files.entrySet().stream().map(f -> PutFileEntry.builder().filePath(f.getKey())
        .fileContent(SdkBytes.fromString(f.getValue(), StandardCharsets.UTF_8)).build()).toList();
  }

  public void delete(String name) {
    codeCommit().deleteRepository(r -> r.repositoryName(name));
  }

  public List<String> listNames() {
    return codeCommit().listRepositoriesPaginator(r -> { }).repositories().stream()
        .map(r -> r.repositoryName()).toList();
  }

  public Map<String, String> tagsOf(String arn) {
    return codeCommit().listTagsForResource(r -> r.resourceArn(arn)).tags();
  }

  private static CodeCommitRepoInfo info(RepositoryMetadata m) {
    return new CodeCommitRepoInfo(m.repositoryName(), m.arn(), m.repositoryId(), m.defaultBranch(), m.cloneUrlHttp());
  }
}
