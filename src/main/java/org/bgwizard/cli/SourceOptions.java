package org.bgwizard.cli;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.bgwizard.setup.Source;
import picocli.CommandLine.Option;

/**
 * init's choice of the pipeline's source. AWS CodeCommit is closed to new AWS customers (catalogue row 28): they
 * choose github (GitHub, GitLab or Bitbucket through an AWS CodeConnections connection) or s3.
 */
final class SourceOptions {
  enum Kind { codecommit, github, s3 }

  @Option(names = "--source", paramLabel = "S", defaultValue = "codecommit", description = "Where the pipeline's"
      + " source lives: codecommit (accounts that already have a CodeCommit repository), github (a GitHub, GitLab or"
      + " Bitbucket repository through a connection), s3 (a zip in a versioned bucket). Default: ${DEFAULT-VALUE}.")
  Kind kind;

  @Option(names = "--repository", paramLabel = "OWNER/REPO", description = "With --source github: the repository.")
  String repository;

  @Option(names = "--branch", paramLabel = "B", defaultValue = "main", description = "The branch (default main).")
  String branch;

  @Option(names = "--connection-provider", paramLabel = "P", defaultValue = "GitHub",
      description = "With --source github: GitHub, GitLab or Bitbucket (default GitHub).")
  String provider;

  @Option(names = "--connection-name", paramLabel = "N",
      description = "With --source github: the connection to find or create (default NAME-<provider>).")
  String connectionName;

  @Option(names = "--connection-arn", paramLabel = "ARN",
      description = "With --source github: an existing connection to use instead.")
  String connectionArn;

  @Option(names = "--s3-bucket", paramLabel = "B",
      description = "With --source s3: the source bucket (default NAME-source-<random>; names are global).")
  String bucket;

  @Option(names = "--s3-key", paramLabel = "K", defaultValue = "source.zip",
      description = "With --source s3: the object key (default ${DEFAULT-VALUE}).")
  String key;

  /** The source for setup {@code name}; {@code tutorial} is the default CodeCommit one. */
  Source source(String name, Source tutorial) {
    return switch (kind) {
      case codecommit -> Source.codeCommit(tutorial.repository(), branch, false, tutorial.commitStarterApp());
      case s3 -> Source.s3(bucket != null ? bucket : name + "-source-" + HexFormat.of().formatHex(randomBytes()),
          key, true);
      case github -> Source.connection(provider, connectionArn != null ? null : connectionName != null
          ? connectionName : defaultConnectionName(name), connectionArn, repository, branch);
    };
  }

  private String defaultConnectionName(String name) {
    String n = name + "-" + provider.toLowerCase(Locale.ROOT);
    return n.length() <= 32 ? n : n.substring(0, 32);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
