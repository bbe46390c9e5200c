package org.bgwizard.setup;

import org.bgwizard.setup.Source.Provider;

/** The pipeline's source: what each provider needs (CodePipeline action reference). */
final class SourceRules {
  private SourceRules() {}

  static void check(Source s, Findings f) {
    if (!f.present("source.provider", s.provider())) {
      return;
    }
    switch (s.provider()) {
      case CODECOMMIT -> {
        f.name("source.repository", s.repository(), NameRule.CODECOMMIT, "codeCommitRepo.invalid");
        checkBranch(s, f);
      }
      case S3 -> {
        f.name("source.s3Bucket", s.s3Bucket(), NameRule.S3, "s3Bucket.invalid");
        f.present("source.s3ObjectKey", s.s3ObjectKey());
      }
      case GITHUB -> {
        if (s.connectionArn() != null) {
          f.require(AwsArns.isConnectionArn(s.connectionArn()), "source.connectionArn", s.connectionArn(),
              "connectionArn.invalid");
        } else if (f.present("source.connectionName", s.connectionName())) {
          // CreateConnection's ConnectionName: 1 to 32 characters (CodeConnections API Reference)
          f.require(s.connectionName().length() <= 32, "source.connectionName", s.connectionName(),
              "connectionName.invalid", s.connectionName().length());
        }
        if (s.connectionProvider() != null) {
          f.require(Source.CONNECTION_PROVIDERS.contains(s.connectionProvider()), "source.connectionProvider",
              s.connectionProvider(), "connectionProvider.invalid", Findings.join(Source.CONNECTION_PROVIDERS));
        }
        if (f.present("source.fullRepositoryId", s.fullRepositoryId())) {
          f.require(AwsNames.isFullRepositoryId(s.fullRepositoryId()), "source.fullRepositoryId",
              s.fullRepositoryId(), "fullRepositoryId.invalid");
        }
        checkBranch(s, f);
      }
    }
    if (s.commitStarterApp()) {
      if (s.provider() == Provider.GITHUB) {
        f.add("source.commitStarterApp", true, "starterApp.notCodeCommit", s.provider().name());
      } else {
        f.require(!s.existingRepository(), "source.commitStarterApp", true, "starterApp.existingRepo",
            String.valueOf(s.repository()));
      }
    }
  }

  private static void checkBranch(Source s, Findings f) {
    if (f.present("source.branch", s.branch())) {
      f.require(AwsNames.isGitBranch(s.branch()), "source.branch", s.branch(), "branch.invalid");
    }
  }
}
