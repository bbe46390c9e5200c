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
   * deployments#11). ListRepositories is the cheap call that hints at it: an account with none is refused unless
   * its AWS Organization has repositories, which cannot be seen from here; so the plan warns, and apply tries the
   * repository before anything else ({@link SetupPlan#applyFirst}).
   */
  static final String NO_REPOSITORY = "This account has no CodeCommit repository";

  static Optional<String> codeCommitClosed(SetupSpec spec, AwsResources aws, Map<ResourceRef, Optional<?>> found) {
    Source source = spec.source();
    if (source.provider() != Source.Provider.CODECOMMIT || source.existingRepository()) {
      return Optional.empty();
    }
    var ref = new ResourceRef(ResourceKind.CODECOMMIT_REPOSITORY.id(), source.repository());
    if (found.getOrDefault(ref, Optional.empty()).isPresent() || !aws.codeCommit().listNames().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(NO_REPOSITORY + ": unless your AWS Organization has one, AWS treats it as a new customer"
        + " and refuses to create " + source.repository() + " (\"CreateRepository request is not allowed because there"
        + " is no existing repository in this AWS account or AWS Organization\", catalogue row 28). Apply creates the"
        + " repository first, alone, so a refusal leaves nothing behind. If it is refused, choose the source 'github'"
        + " (GitHub, GitLab or Bitbucket through an AWS CodeConnections connection) or 's3' (a zip in a versioned"
        + " bucket).");
  }
}
