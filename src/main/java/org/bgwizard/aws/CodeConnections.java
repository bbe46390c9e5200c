package org.bgwizard.aws;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codeconnections.model.Connection;
import software.amazon.awssdk.services.codeconnections.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeconnections.model.Tag;

/**
 * AWS CodeConnections connections (CodeConnections API Reference: CreateConnection, GetConnection, ListConnections,
 * DeleteConnection). A connection created here is PENDING until someone completes its handshake with the provider
 * in the AWS console; the API cannot do that part.
 */
public final class CodeConnections {
  private final AwsClients clients;

  public CodeConnections(AwsClients clients) {
    this.clients = clients;
  }

  private CodeConnectionsClient client() {
    return clients.codeConnections();
  }

  public Optional<ConnectionInfo> get(String arn) {
    try {
      return Optional.of(info(client().getConnection(r -> r.connectionArn(arn)).connection()));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private Stream<ConnectionInfo> all(String providerType) {
    return client().listConnectionsPaginator(r -> r.providerTypeFilter(providerType)).stream()
        .flatMap(page -> page.connections().stream())
        .map(CodeConnections::info);
  }

  /** The connection named {@code name} for {@code providerType}, an available one first when several share it. */
  public Optional<ConnectionInfo> findByName(String name, String providerType) {
    return all(providerType).filter(c -> c.name().equals(name))
        .sorted((a, b) -> Boolean.compare(b.available(), a.available())).findFirst();
  }

  /** Some AVAILABLE connection of {@code providerType} in the account and region, if there is one. */
  public Optional<ConnectionInfo> anyAvailable(String providerType) {
    return all(providerType).filter(ConnectionInfo::available).findFirst();
  }

  public ConnectionInfo create(String name, String providerType, Map<String, String> tags) {
    String arn = client().createConnection(r -> r.connectionName(name).providerType(providerType)
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
        .connectionArn();
    return get(arn).orElse(new ConnectionInfo(arn, name, providerType, "PENDING"));
  }

  public void delete(String arn) {
    client().deleteConnection(r -> r.connectionArn(arn));
  }

  private static ConnectionInfo info(Connection c) {
    return new ConnectionInfo(c.connectionArn(), c.connectionName(), c.providerTypeAsString(),
        c.connectionStatusAsString());
  }
}
