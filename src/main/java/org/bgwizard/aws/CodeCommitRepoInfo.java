package org.bgwizard.aws;

/** A CodeCommit repository; {@code defaultBranch} is null while the repository has no commit. */
public record CodeCommitRepoInfo(String name, String arn, String id, String defaultBranch, String cloneUrlHttp) {}
