package org.bgwizard.aws;

import java.util.Map;
import org.bgwizard.deploy.PracticeSource;
import software.amazon.awssdk.services.codecommit.model.FileDoesNotExistException;

/** Practice releases through CodeCommit and CodePipeline (used on the simulated account only). */
public final class SdkPracticeSource implements PracticeSource {
  private final AwsClients clients;

  public SdkPracticeSource(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public String readFile(String repository, String branch, String path) {
    try {
      return clients.codeCommit().getFile(r -> r.repositoryName(repository).commitSpecifier(branch).filePath(path))
          .fileContent().asUtf8String();
    } catch (FileDoesNotExistException e) {
      return null;
    }
  }

  @Override
  public String commit(String repository, String branch, Map<String, String> files, String message) {
    String head = clients.codeCommit().getBranch(r -> r.repositoryName(repository).branchName(branch)).branch()
        .commitId();
    return clients.codeCommit().createCommit(r -> r.repositoryName(repository).branchName(branch)
        .parentCommitId(head).commitMessage(message).authorName("practice").putFiles(CodeCommitRepos.puts(files)))
        .commitId();
  }

  @Override
  public String startPipeline(String pipeline) {
    return clients.codePipeline().startPipelineExecution(r -> r.name(pipeline)).pipelineExecutionId();
  }

  @Override
  public String latestRun(String pipeline) {
    return new Pipelines(clients).latestRun(pipeline);
  }
}
