package org.bgwizard.sandbox.connections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.TagLists;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codeconnections.model.Connection;
import software.amazon.awssdk.services.codeconnections.model.CreateConnectionRequest;
import software.amazon.awssdk.services.codeconnections.model.CreateConnectionResponse;
import software.amazon.awssdk.services.codeconnections.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.codeconnections.model.DeleteConnectionResponse;
import software.amazon.awssdk.services.codeconnections.model.GetConnectionRequest;
import software.amazon.awssdk.services.codeconnections.model.GetConnectionResponse;
import software.amazon.awssdk.services.codeconnections.model.ListConnectionsRequest;
import software.amazon.awssdk.services.codeconnections.model.ListConnectionsResponse;
import software.amazon.awssdk.services.codeconnections.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.codeconnections.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.codeconnections.model.Tag;
import software.amazon.awssdk.services.codeconnections.model.TagResourceRequest;
import software.amazon.awssdk.services.codeconnections.model.TagResourceResponse;
import software.amazon.awssdk.services.codeconnections.model.UntagResourceRequest;
import software.amazon.awssdk.services.codeconnections.model.UntagResourceResponse;

/**
 * CodeConnections connections (CodeConnections API Reference): created PENDING, listed with a provider filter
 * (MaxResults 0–100, default 50 — model), deleted, tagged. Hosts, repository links and sync configurations are not
 * simulated.
 */
public final class SandboxCodeConnectionsClient implements CodeConnectionsClient {
  static final int DEFAULT_PAGE = 50;

  private final SandboxAccount account;
  private final ConnectionsEngine engine;

  public SandboxCodeConnectionsClient(SandboxAccount account, ConnectionsEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public CreateConnectionResponse createConnection(CreateConnectionRequest r) {
    return account.call(Service.CODECONNECTIONS, "CreateConnection", () -> {
      ConnectionsState.Connection c = engine.create(r.connectionName(), r.providerTypeAsString(), tags(r.tags()));
      return CreateConnectionResponse.builder().connectionArn(c.arn).tags(r.tags()).build();
    });
  }

  @Override
  public GetConnectionResponse getConnection(GetConnectionRequest r) {
    return account.call(Service.CODECONNECTIONS, "GetConnection",
        () -> GetConnectionResponse.builder().connection(connection(engine.get(r.connectionArn()))).build());
  }

  @Override
  public ListConnectionsResponse listConnections(ListConnectionsRequest r) {
    return account.call(Service.CODECONNECTIONS, "ListConnections", () -> {
      int max = r.maxResults() == null || r.maxResults() == 0 ? DEFAULT_PAGE : r.maxResults();
      if (max < 0 || max > 100) {
        throw engine.error(software.amazon.awssdk.services.codeconnections.model.CodeConnectionsException.builder(),
            "ValidationException", "1 validation error detected: Value '" + max + "' at 'maxResults' failed to"
                + " satisfy constraint: Member must have value less than or equal to 100");
      }
      var page = ListPage.of(engine.list(r.providerTypeFilterAsString()), c -> c.arn, r.nextToken(), max,
          () -> engine.error(software.amazon.awssdk.services.codeconnections.model.CodeConnectionsException.builder(),
              "ValidationException", "Invalid NextToken"));
      return ListConnectionsResponse.builder().connections(page.items().stream().map(this::connection).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DeleteConnectionResponse deleteConnection(DeleteConnectionRequest r) {
    return account.call(Service.CODECONNECTIONS, "DeleteConnection", () -> {
      engine.delete(r.connectionArn());
      return DeleteConnectionResponse.builder().build();
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return account.call(Service.CODECONNECTIONS, "TagResource", () -> {
      var c = engine.get(r.resourceArn());
      var union = new LinkedHashMap<>(c.tags);
      union.putAll(tags(r.tags()));
      if (union.size() > ConnectionsEngine.MAX_TAGS) {
        throw engine.error(software.amazon.awssdk.services.codeconnections.model.LimitExceededException.builder(),
            "LimitExceededException", "Too many tags: at most " + ConnectionsEngine.MAX_TAGS);
      }
      c.tags.putAll(tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return account.call(Service.CODECONNECTIONS, "UntagResource", () -> {
      engine.get(r.resourceArn()).tags.keySet().removeAll(r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return account.call(Service.CODECONNECTIONS, "ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(TagLists.fromMap(engine.get(r.resourceArn()).tags, (k, v) -> Tag.builder().key(k).value(v).build())).build());
  }

  private Connection connection(ConnectionsState.Connection c) {
    return Connection.builder().connectionName(c.name).connectionArn(c.arn).providerType(c.providerType)
        .ownerAccountId(c.ownerAccountId).connectionStatus(c.status).build();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return TagLists.toMap(tags, Tag::key, Tag::value);
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
