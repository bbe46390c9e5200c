package org.bgwizard.app;

import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Buckets;
import org.bgwizard.aws.CodeCommitRepos;
import org.bgwizard.aws.Pipelines;
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
}
