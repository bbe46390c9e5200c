package org.bgwizard.setup;

/**
 * Where the pipeline's source comes from. CodeCommit is the tutorial's choice; an S3 object and a GitHub
 * connection (CodeStar connection) are options.
 *
 * @param existingRepository true when the CodeCommit repository is the user's own
 * @param commitStarterApp commit a small starter app (Dockerfile and a page) with the generated files into a
 *     new, empty repository so the first pipeline run deploys end to end
 */
public record Source(Provider provider, String repository, String branch, boolean existingRepository,
    boolean commitStarterApp, String s3Bucket, String s3ObjectKey, String connectionArn, String fullRepositoryId) {

  public enum Provider { CODECOMMIT, S3, GITHUB }
}
