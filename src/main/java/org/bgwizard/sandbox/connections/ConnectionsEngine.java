package org.bgwizard.sandbox.connections;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codeconnections.model.CodeConnectionsException;
import software.amazon.awssdk.services.codeconnections.model.LimitExceededException;
import software.amazon.awssdk.services.codeconnections.model.ResourceNotFoundException;

/**
 * AWS CodeConnections (formerly CodeStar Connections), after the CodeConnections API Reference (CreateConnection,
 * GetConnection, ListConnections, DeleteConnection, TagResource, UntagResource, ListTagsForResource) and the model
 * botocore/data/codeconnections/2023-12-01/service-2.json. A connection created through the API is {@code PENDING}
 * "until the third-party connection handshake is completed from the console" (CreateConnection's documentation);
 * the sandbox has no console, so {@link #completeHandshake} is that step, offered only as a simulated action.
 */
public final class ConnectionsEngine {
  /** ConnectionName: 1 to 32 characters (model). */
  static final int NAME_MAX = 32;
  /** ProviderType values the wizard offers; the model also has GitHubEnterpriseServer, GitLabSelfManaged, AzureDevOps. */
  static final List<String> PROVIDER_TYPES = List.of("Bitbucket", "GitHub", "GitHubEnterpriseServer", "GitLab",
      "GitLabSelfManaged", "AzureDevOps");
  /** Tags per resource (model: Tags 0–200). */
  static final int MAX_TAGS = 200;
  private static final Pattern ARN = Pattern.compile("arn:aws(-[\\w]+)*:(codeconnections|codestar-connections):.+:"
      + "[0-9]{12}:connection/.+");

  private final SandboxAccount account;

  public ConnectionsEngine(SandboxAccount account) {
    this.account = account;
  }

  private ConnectionsState st() {
    return account.state(ConnectionsState.class);
  }

  ConnectionsState.Connection create(String name, String providerType, Map<String, String> tags) {
    if (name == null || name.isEmpty() || name.length() > NAME_MAX) {
      throw validation("ConnectionName", name, "Member must have length less than or equal to " + NAME_MAX
          + " and greater than or equal to 1");
    }
    if (providerType == null || !PROVIDER_TYPES.contains(providerType)) {
      throw validation("ProviderType", providerType, "Member must satisfy enum value set: " + PROVIDER_TYPES);
    }
    if (tags != null && tags.size() > MAX_TAGS) {
      throw error(LimitExceededException.builder(), "LimitExceededException", "Too many tags: at most " + MAX_TAGS);
    }
    var c = new ConnectionsState.Connection();
    c.name = name;
    c.providerType = providerType;
    c.arn = "arn:aws:codeconnections:" + account.region() + ":" + account.accountId() + ":connection/"
        + account.ids().uuid();
    c.status = "PENDING";
    c.ownerAccountId = account.accountId();
    c.created = account.now();
    if (tags != null) {
      c.tags.putAll(tags);
    }
    st().connections.put(c.arn, c);
    return c;
  }

  /** Accepts the ARN of either service name: connections made before the rename keep {@code codestar-connections}. */
  ConnectionsState.Connection get(String arn) {
    if (arn == null || !ARN.matcher(arn).matches()) {
      throw validation("ConnectionArn", arn, "Member must satisfy regular expression pattern: " + ARN.pattern());
    }
    ConnectionsState.Connection c = st().connections.get(arn);
    if (c == null) {
      throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException", "Connection " + arn
          + " not found"); // (unv) wording
    }
    return c;
  }

  List<ConnectionsState.Connection> list(String providerTypeFilter) {
    return st().connections.values().stream()
        .filter(c -> providerTypeFilter == null || providerTypeFilter.equals(c.providerType))
        .toList();
  }

  void delete(String arn) {
    get(arn);
    st().connections.remove(arn);
  }

  /** The console's part: the user authorises the provider's app, and the connection becomes AVAILABLE. */
  public boolean completeHandshake(String arn) {
    ConnectionsState.Connection c = st().connections.get(arn);
    if (c == null || !c.status.equals("PENDING")) {
      return false;
    }
    c.status = "AVAILABLE";
    return true;
  }

  public List<String> pendingArns() {
    return st().connections.values().stream().filter(c -> c.status.equals("PENDING")).map(c -> c.arn).toList();
  }

  // ---- the simulated providers' repositories

  /** A push to {@code branch} of {@code owner/repo} at the provider: the branch head becomes this commit. */
  public String push(String fullRepositoryId, String branch, Map<String, String> files, String message) {
    var commit = new ConnectionsState.ProviderCommit();
    commit.commitId = account.ids().hex(40);
    commit.message = message;
    commit.pushed = account.now();
    commit.files.putAll(files);
    st().repositories.computeIfAbsent(fullRepositoryId, k -> new java.util.TreeMap<>()).put(branch, commit);
    return commit.commitId;
  }

  public Optional<Ports.Snapshot> head(String fullRepositoryId, String branch) {
    var branches = st().repositories.get(fullRepositoryId);
    ConnectionsState.ProviderCommit c = branches == null ? null : branches.get(branch);
    return c == null ? Optional.empty() : Optional.of(new Ports.Snapshot(c.commitId, c.message, Map.copyOf(c.files)));
  }

  public Optional<String> status(String arn) {
    return Optional.ofNullable(st().connections.get(arn)).map(c -> c.status);
  }

  private AwsServiceException validation(String member, String value, String constraint) {
    return error(CodeConnectionsException.builder(), "ValidationException", "1 validation error detected: Value '"
        + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
  }

  AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.CODECONNECTIONS, code, message);
  }
}
