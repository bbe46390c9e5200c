package org.bgwizard.setup;

import java.util.List;

/**
 * Where the pipeline's source comes from. CodeCommit is the tutorial's choice, but AWS no longer lets new customers
 * create CodeCommit repositories (catalogue row 28); a repository on GitHub, GitLab or Bitbucket through an AWS
 * CodeConnections connection ({@link Provider#GITHUB}), or a zip in a versioned S3 bucket, work for every account.
 * A file without a provider is a CodeCommit source (files written before the choice existed).
 *
 * @param existingRepository true when the CodeCommit repository is the user's own
 * @param commitStarterApp put a small starter app (Dockerfile and a page) with the generated files into a new
 *     CodeCommit repository, or the S3 object, so the first pipeline run deploys end to end
 * @param connectionArn an existing connection to use; when absent, the connection {@code connectionName} is found
 *     or created (it must then be completed in the AWS console)
 * @param connectionProvider the connection's provider type: one of {@link #CONNECTION_PROVIDERS}
 */
public record Source(Provider provider, String repository, String branch, boolean existingRepository,
    boolean commitStarterApp, String s3Bucket, String s3ObjectKey, String connectionArn, String fullRepositoryId,
    String connectionName, String connectionProvider) {

  /** CodeConnections ProviderType values for cloud providers (CodeConnections API Reference, ProviderType). */
  public static final List<String> CONNECTION_PROVIDERS = List.of("GitHub", "GitLab", "Bitbucket");

  /** CODECOMMIT, S3, or GITHUB: a repository reached through a connection (GitHub, GitLab or Bitbucket). */
  public enum Provider { CODECOMMIT, S3, GITHUB }

  public Source {
    if (provider == null) {
      provider = Provider.CODECOMMIT;
    }
  }

  /** A CodeCommit source (the tutorial's). */
  public static Source codeCommit(String repository, String branch, boolean existing, boolean starterApp) {
    return new Source(Provider.CODECOMMIT, repository, branch, existing, starterApp, null, null, null, null, null,
        null);
  }

  /** An S3 source: the object {@code key} in the versioned bucket {@code bucket}. */
  public static Source s3(String bucket, String key, boolean starterApp) {
    return new Source(Provider.S3, null, null, false, starterApp, bucket, key, null, null, null, null);
  }

  /** A source through a CodeConnections connection, given by ARN or (ARN null) found or created by name. */
  public static Source connection(String providerType, String connectionName, String connectionArn,
      String fullRepositoryId, String branch) {
    return new Source(Provider.GITHUB, null, branch, false, false, null, null, connectionArn, fullRepositoryId,
        connectionName, providerType);
  }
}
