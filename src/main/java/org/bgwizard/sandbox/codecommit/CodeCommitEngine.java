package org.bgwizard.sandbox.codecommit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.ServiceEvents;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codecommit.model.BranchDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.BranchNameExistsException;
import software.amazon.awssdk.services.codecommit.model.BranchNameRequiredException;
import software.amazon.awssdk.services.codecommit.model.CommitDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.CommitIdDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.CommitIdRequiredException;
import software.amazon.awssdk.services.codecommit.model.DefaultBranchCannotBeDeletedException;
import software.amazon.awssdk.services.codecommit.model.FileDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.FolderDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.InvalidBranchNameException;
import software.amazon.awssdk.services.codecommit.model.InvalidCommitIdException;
import software.amazon.awssdk.services.codecommit.model.InvalidPathException;
import software.amazon.awssdk.services.codecommit.model.InvalidRepositoryDescriptionException;
import software.amazon.awssdk.services.codecommit.model.InvalidRepositoryNameException;
import software.amazon.awssdk.services.codecommit.model.OperationNotAllowedException;
import software.amazon.awssdk.services.codecommit.model.PathRequiredException;
import software.amazon.awssdk.services.codecommit.model.RepositoryDoesNotExistException;
import software.amazon.awssdk.services.codecommit.model.RepositoryNameExistsException;
import software.amazon.awssdk.services.codecommit.model.RepositoryNameRequiredException;

/**
 * CodeCommit repositories as the wizard uses them: repositories, branches, commits made through the API
 * (CreateCommit's parent rules, in {@link CodeCommitCommits}), and reading files and folders back. Each commit keeps its whole file tree;
 * blob ids are real git blob hashes. Error texts whose AWS wording is unknown are marked so where thrown.
 */
public final class CodeCommitEngine {
  private static final Pattern NAME = Pattern.compile("[\\w.-]{1,100}");
  static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");

  /** AWS's text for a new customer (aws-containers/ecs-workshop-blue-green-deployments#11 and many others). */
  static final String CLOSED_TO_NEW_CUSTOMERS = "CreateRepository request is not allowed because there is no existing"
      + " repository in this AWS account or AWS Organization";

  private final SandboxAccount account;
  private final Ports ports;
  private final CodeCommitCommits commits;
  private final CodeCommitMerges merges;

  public CodeCommitEngine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
    this.commits = new CodeCommitCommits(account, ports, this);
    this.merges = new CodeCommitMerges(account, ports, this);
  }

  CodeCommitCommits commits() {
    return commits;
  }

  CodeCommitMerges merges() {
    return merges;
  }

  private Map<String, CodeCommitState.Repository> repos() {
    return account.state(CodeCommitState.class).repositories;
  }

  // ---- repositories

  CodeCommitState.Repository createRepository(String name, String description, Map<String, String> tags) {
    checkRepositoryName(name);
    if (description != null && description.length() > 1000) {
      throw error(InvalidRepositoryDescriptionException.builder(), "InvalidRepositoryDescriptionException",
          "The repository description is not valid. Repository descriptions can be no longer than 1000 characters.");
    }
    if (account.settings().codeCommitClosed && repos().isEmpty()) {
      throw error(OperationNotAllowedException.builder(), "OperationNotAllowedException", CLOSED_TO_NEW_CUSTOMERS);
    }
    if (repos().containsKey(name)) {
      throw error(RepositoryNameExistsException.builder(), "RepositoryNameExistsException",
          "Repository named " + name + " already exists");
    }
    var r = new CodeCommitState.Repository();
    r.name = name;
    r.id = account.ids().uuid();
    r.description = description;
    r.created = account.now();
    r.lastModified = account.now();
    if (tags != null) {
      r.tags.putAll(tags);
    }
    repos().put(name, r);
    return r;
  }

  CodeCommitState.Repository repository(String name) {
    checkRepositoryName(name);
    CodeCommitState.Repository r = repos().get(name);
    if (r == null) {
      throw error(RepositoryDoesNotExistException.builder(), "RepositoryDoesNotExistException", name + " does not exist");
    }
    return r;
  }

  List<CodeCommitState.Repository> repositories() {
    return List.copyOf(repos().values());
  }

  /** Deletes the repository; returns its id, or null when there was none (CodeCommit then succeeds too). */
  String deleteRepository(String name) {
    checkRepositoryName(name);
    CodeCommitState.Repository r = repos().remove(name);
    return r == null ? null : r.id;
  }

  String arn(CodeCommitState.Repository r) {
    return "arn:aws:codecommit:" + account.region() + ":" + account.accountId() + ":" + r.name;
  }

  /** The repository an ARN of this account and region names. */
  CodeCommitState.Repository byArn(String arn) {
    String prefix = "arn:aws:codecommit:" + account.region() + ":" + account.accountId() + ":";
    if (arn == null || !arn.startsWith(prefix)) {
      throw error(software.amazon.awssdk.services.codecommit.model.InvalidResourceArnException.builder(),
          "InvalidResourceArnException", "The value for the resource ARN is not valid.");
    }
    return repository(arn.substring(prefix.length()));
  }

  // ---- branches and commits

  String branchTip(String repository, String branch) {
    CodeCommitState.Repository r = repository(repository);
    checkBranchName(branch);
    String tip = r.branches.get(branch);
    if (tip == null) {
      throw error(BranchDoesNotExistException.builder(), "BranchDoesNotExistException",
          "Branch " + branch + " does not exist in repository " + r.name + ".");
    }
    return tip;
  }

  void createBranch(String repository, String branch, String commitId) {
    CodeCommitState.Repository r = repository(repository);
    checkBranchName(branch);
    if (commitId == null || commitId.isEmpty()) {
      throw error(CommitIdRequiredException.builder(), "CommitIdRequiredException", "A commit ID is required.");
    }
    if (!r.commits.containsKey(commitId)) {
      throw error(CommitDoesNotExistException.builder(), "CommitDoesNotExistException",
          "The specified commit does not exist: " + commitId);
    }
    if (r.branches.containsKey(branch)) {
      throw error(BranchNameExistsException.builder(), "BranchNameExistsException",
          "Branch " + branch + " already exists in repository " + r.name + ".");
    }
    r.branches.put(branch, commitId);
    if (r.defaultBranch == null) {
      r.defaultBranch = branch;
    }
    ServiceEvents.referenceChanged(ports.events, account, arn(r), r.id, r.name, branch, null, commitId);
  }

  /**
   * Deletes a branch, unless it is the repository's default branch (CodeCommit API Reference, DeleteBranch: "Deletes
   * a branch from a repository, unless that branch is the default branch for the repository";
   * DefaultBranchCannotBeDeletedException). Returns the tip commit of the branch deleted; null when there was no such
   * branch (DeleteBranch lists no BranchDoesNotExistException; its deletedBranch is then empty).
   */
  String deleteBranch(String repository, String branch) {
    CodeCommitState.Repository r = repository(repository);
    checkBranchName(branch);
    if (branch.equals(r.defaultBranch)) {
      throw error(DefaultBranchCannotBeDeletedException.builder(), "DefaultBranchCannotBeDeletedException",
          "The specified branch is the default branch for the repository, and cannot be deleted. To delete this"
              + " branch, you must first set another branch as the default branch.");
    }
    return r.branches.remove(branch);
  }

  CodeCommitState.Commit commit(CodeCommitState.Repository r, String commitId) {
    if (commitId == null || commitId.isEmpty()) {
      throw error(CommitIdRequiredException.builder(), "CommitIdRequiredException", "A commit ID is required.");
    }
    if (!COMMIT_ID.matcher(commitId).matches()) {
      throw error(InvalidCommitIdException.builder(), "InvalidCommitIdException",
          "The specified commit ID is not valid: " + commitId);
    }
    CodeCommitState.Commit c = r.commits.get(commitId);
    if (c == null) {
      throw error(CommitIdDoesNotExistException.builder(), "CommitIdDoesNotExistException",
          "Could not find a commit with ID " + commitId + " in repository " + r.name + ".");
    }
    return c;
  }

  /** A commit named by a branch, a full commit id, or (null) the default branch. */
  CodeCommitState.Commit resolve(CodeCommitState.Repository r, String specifier) {
    String spec = specifier == null ? r.defaultBranch : specifier;
    String id = spec == null ? null : r.branches.getOrDefault(spec, spec);
    CodeCommitState.Commit c = id == null ? null : r.commits.get(id);
    if (c == null) {
      throw error(CommitDoesNotExistException.builder(), "CommitDoesNotExistException",
          "The specified commit does not exist or no commit was specified, and the specified repository has no"
              + " default branch.");
    }
    return c;
  }

  // ---- reading

  /** The file at {@code path} in the commit; its content is decoded from the repository's blobs. */
  Map.Entry<CodeCommitState.FileEntry, byte[]> file(CodeCommitState.Repository r, CodeCommitState.Commit c,
      String path) {
    String p = normalise(path);
    CodeCommitState.FileEntry e = c.files.get(p);
    if (e == null) {
      throw fileMissing(p);
    }
    return Map.entry(e, Base64.getDecoder().decode(r.blobs.get(e.blobId)));
  }

  /** A folder's direct files and subfolders ({@code ""} or {@code /} is the root). */
  record FolderView(String treeId, Map<String, CodeCommitState.FileEntry> files, Map<String, String> subFolderTrees) {}

  FolderView folder(CodeCommitState.Commit c, String folderPath) {
    String folder = folderPath == null ? "" : folderPath.replaceAll("^/+|/+$", "");
    String prefix = folder.isEmpty() ? "" : folder + "/";
    Map<String, CodeCommitState.FileEntry> files = new TreeMap<>();
    Set<String> subFolders = new java.util.TreeSet<>();
    for (var e : c.files.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      String rest = e.getKey().substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        files.put(e.getKey(), e.getValue());
      } else {
        subFolders.add(prefix + rest.substring(0, slash));
      }
    }
    if (files.isEmpty() && subFolders.isEmpty() && !folder.isEmpty()) {
      throw error(FolderDoesNotExistException.builder(), "FolderDoesNotExistException",
          "The specified folder does not exist. Either the folder name is not correct, or you did not enter the"
              + " full path to the folder.");
    }
    Map<String, String> trees = new TreeMap<>();
    subFolders.forEach(s -> trees.put(s, treeId(c.files, s + "/")));
    return new FolderView(treeId(c.files, prefix), files, trees);
  }

  /** The head of a branch as a pipeline source reads it (text files, UTF-8). */
  public Optional<Ports.Snapshot> head(String repository, String branch) {
    CodeCommitState.Repository r = repos().get(repository);
    String tip = r == null ? null : r.branches.get(branch);
    if (tip == null) {
      return Optional.empty();
    }
    CodeCommitState.Commit c = r.commits.get(tip);
    Map<String, String> files = new TreeMap<>();
    c.files.forEach((path, e) -> files.put(path,
        new String(Base64.getDecoder().decode(r.blobs.get(e.blobId)), StandardCharsets.UTF_8)));
    return Optional.of(new Ports.Snapshot(c.id, c.message, files));
  }

  // ---- validation, hashing, errors

  private void checkRepositoryName(String name) {
    if (name == null || name.isEmpty()) {
      throw error(RepositoryNameRequiredException.builder(), "RepositoryNameRequiredException",
          "A repository name is required, but was not specified.");
    }
    if (!NAME.matcher(name).matches() || name.endsWith(".git")) {
      throw error(InvalidRepositoryNameException.builder(), "InvalidRepositoryNameException",
          "The repository name is not valid. Repository names can be any valid combination of letters, numbers,"
              + " periods, underscores, and dashes between 1 and 100 characters in length. Names are case sensitive."
              + " Names cannot end with .git.");
    }
  }

  void checkBranchName(String branch) {
    if (branch == null || branch.isEmpty()) {
      throw error(BranchNameRequiredException.builder(), "BranchNameRequiredException", "A branch name is required.");
    }
    boolean bad = branch.length() > 256 || branch.contains("..") || branch.matches(".*[\\s~^:?*\\[\\\\\\p{Cntrl}].*")
        || branch.endsWith("/") || branch.endsWith(".lock") || branch.endsWith(".") || branch.startsWith("/")
        || branch.contains("//") || branch.contains("@{");
    if (bad) {
      throw error(InvalidBranchNameException.builder(), "InvalidBranchNameException",
          "The specified branch name is not valid.");
    }
  }

  String normalise(String path) {
    if (path == null || path.isEmpty()) {
      throw error(PathRequiredException.builder(), "PathRequiredException",
          "The commit cannot be created because a path was not specified.");
    }
    String p = path.startsWith("/") ? path.substring(1) : path;
    for (String segment : p.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equals(".git")) {
        throw error(InvalidPathException.builder(), "InvalidPathException", "The specified path is not valid.");
      }
    }
    return p;
  }

  AwsServiceException fileMissing(String path) {
    return error(FileDoesNotExistException.builder(), "FileDoesNotExistException",
        "The specified file does not exist. Verify that you have provided the correct name of the file, including"
            + " its full path and extension: " + path);
  }

  /** git's blob hash: sha1 of {@code "blob <size>\0" + content}. */
  static String gitBlobId(byte[] content) {
    MessageDigest sha1 = sha1();
    sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(sha1.digest(content));
  }

  /** A stable tree id for everything under {@code prefix} (not git's tree encoding, but as unique). */
  static String treeId(Map<String, CodeCommitState.FileEntry> files, String prefix) {
    MessageDigest sha1 = sha1();
    files.forEach((path, e) -> {
      if (path.startsWith(prefix)) {
        sha1.update((e.mode + " " + path.substring(prefix.length()) + " " + e.blobId + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    });
    return HexFormat.of().formatHex(sha1.digest());
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.CODECOMMIT, code, message);
  }
}
