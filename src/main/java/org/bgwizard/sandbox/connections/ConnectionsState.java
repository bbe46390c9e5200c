package org.bgwizard.sandbox.connections;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Persisted state of the simulated AWS CodeConnections service, and of the third-party repositories (GitHub,
 * GitLab, Bitbucket) its connections reach: plain data, saved with the whole account.
 */
public final class ConnectionsState {
  /** By ARN. */
  public Map<String, Connection> connections = new TreeMap<>();
  /** Simulated provider repositories: {@code owner/repo} to branch to its head commit. */
  public Map<String, Map<String, ProviderCommit>> repositories = new TreeMap<>();

  public static final class Connection {
    public String name;
    public String arn;
    /** The SDK's ProviderType value: GitHub, GitLab, Bitbucket, … */
    public String providerType;
    /** PENDING until the console handshake is completed, then AVAILABLE. */
    public String status;
    public String ownerAccountId;
    public Instant created;
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  public static final class ProviderCommit {
    public String commitId;
    public String message;
    public Instant pushed;
    public Map<String, String> files = new TreeMap<>();
  }
}
