package org.bgwizard.provision.steps;

import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/** What the plan checks about the pipeline's source before anything is created. */
final class SourceChecks {
  private SourceChecks() {}

  /**
   * Catalogue row 28: since July 2024 CodeCommit creates repositories only for accounts (or AWS Organizations) that
   * already have one; CreateRepository otherwise answers OperationNotAllowedException (AWS DevOps blog "How to
   * migrate your AWS CodeCommit repository to another Git provider"; aws-containers/ecs-workshop-blue-green-
   * deployments#11). ListRepositories is the cheap call that tells: an account with none would be refused. An
   * Organization's repositories are not visible from here, which the message says.
   */
  static Optional<String> codeCommitClosed(SetupSpec spec, AwsResources aws, Map<ResourceRef, Optional<?>> found) {
    Source source = spec.source();
    if (source.provider() != Source.Provider.CODECOMMIT || source.existingRepository()) {
      return Optional.empty();
    }
    var ref = new ResourceRef(ResourceKind.CODECOMMIT_REPOSITORY.id(), source.repository());
    if (found.getOrDefault(ref, Optional.empty()).isPresent() || !aws.codeCommit().listNames().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("CodeCommit repository " + source.repository() + ": this account has no CodeCommit repository,"
        + " and AWS no longer lets such an account create one (\"CreateRepository request is not allowed because"
        + " there is no existing repository in this AWS account or AWS Organization\", catalogue row 28). Choose the"
        + " source 'github' (a GitHub, GitLab or Bitbucket repository through an AWS CodeConnections connection) or"
        + " 's3' (a zip in a versioned S3 bucket); or, if your AWS Organization has CodeCommit repositories, create"
        + " this one by hand and choose it as an existing repository.");
  }
}
