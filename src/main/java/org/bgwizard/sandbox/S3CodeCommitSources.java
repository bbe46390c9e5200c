package org.bgwizard.sandbox;

import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.codecommit.CodeCommitEngine;
import org.bgwizard.sandbox.connections.ConnectionsEngine;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.s3.S3Engine;

/**
 * {@link Ports.Sources}: pipeline sources and artifacts, answered by the CodeCommit, S3 and CodeConnections engines;
 * wired here, in the composition root, so that none of the three services depends on another.
 */
final class S3CodeCommitSources implements Ports.Sources {
  private final CodeCommitEngine codeCommit;
  private final S3Engine s3;
  private final ConnectionsEngine connections;

  S3CodeCommitSources(CodeCommitEngine codeCommit, S3Engine s3, ConnectionsEngine connections) {
    this.codeCommit = codeCommit;
    this.s3 = s3;
    this.connections = connections;
  }

  @Override
  public Optional<Ports.Snapshot> codeCommitHead(String repository, String branch) {
    return codeCommit.head(repository, branch);
  }

  @Override
  public boolean bucketExists(String bucket) {
    return s3.bucketExists(bucket);
  }

  @Override
  public Optional<byte[]> getObject(String bucket, String key) {
    return s3.content(bucket, key);
  }

  @Override
  public boolean putObject(String bucket, String key, byte[] content) {
    if (!s3.bucketExists(bucket)) {
      return false;
    }
    s3.putObject(bucket, key, content, null, Map.of());
    return true;
  }

  @Override
  public Optional<String> objectVersion(String bucket, String key) {
    return s3.latestVersionId(bucket, key);
  }

  @Override
  public Optional<String> connectionStatus(String connectionArn) {
    return connections.status(connectionArn);
  }

  @Override
  public Optional<Ports.Snapshot> providerHead(String fullRepositoryId, String branch) {
    return connections.head(fullRepositoryId, branch);
  }
}
