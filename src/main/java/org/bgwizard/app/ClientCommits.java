package org.bgwizard.app;

import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Buckets;
import org.bgwizard.aws.CodeCommitRepos;
import org.bgwizard.aws.Pipelines;
import org.bgwizard.aws.SourcePromotions;
import org.bgwizard.session.Commits;

/** Commits, uploads and pipeline runs over a session's clients. */
record ClientCommits(AwsClients clients) implements Commits {
  @Override
  public boolean repositoryExists(String repository) {
    return new CodeCommitRepos(clients).find(repository).isPresent();
  }

  @Override
  public Optional<String> commitFiles(String repository, String branch, Map<String, String> files, String message,
      String author) {
    return new CodeCommitRepos(clients).commitFiles(repository, branch, files, message, author);
  }

  @Override
  public String upload(String bucket, String key, byte[] content) {
    return new Buckets(clients).putObject(bucket, key, content);
  }

  @Override
  public String latestRun(String pipeline) {
    return new Pipelines(clients).latestRun(pipeline);
  }

  @Override
  public String startPipeline(String pipeline) {
    return new Pipelines(clients).start(pipeline);
  }

  @Override
  public Optional<String> branchHead(String repository, String branch) {
    return new SourcePromotions(clients).branchHead(repository, branch);
  }

  @Override
  public Optional<Boolean> reaches(String repository, String commit, String ancestor) {
    return new SourcePromotions(clients).reaches(repository, commit, ancestor);
  }

  @Override
  public Optional<String> fastForward(String repository, String sourceBranch, String targetBranch) {
    return new SourcePromotions(clients).fastForward(repository, sourceBranch, targetBranch);
  }

  @Override
  public void createBranch(String repository, String branch, String commitId) {
    new SourcePromotions(clients).createBranch(repository, branch, commitId);
  }

  @Override
  public String copyObject(String bucket, String fromKey, String toKey) {
    return new SourcePromotions(clients).copyObject(bucket, fromKey, toKey);
  }
}
