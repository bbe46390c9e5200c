package org.bgwizard.sandbox.secrets;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;

/** Secrets Manager: the Docker Hub credentials a build reads (catalogue row 21) live here, never in a buildspec. */
public final class SandboxSecretsManagerClient implements SecretsManagerClient {
  private final SandboxAccount account;
  private final SecretsEngine engine;

  public SandboxSecretsManagerClient(SandboxAccount account, SecretsEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public CreateSecretResponse createSecret(CreateSecretRequest r) {
    return account.call(Service.SECRETSMANAGER, "CreateSecret", () -> {
      SecretsState.Secret s = engine.create(r.name(), r.description(), r.kmsKeyId(), r.secretString(),
          r.secretBinary() == null ? null : Base64.getEncoder().encodeToString(r.secretBinary().asByteArray()),
          r.clientRequestToken(), tags(r.tags()));
      return CreateSecretResponse.builder().arn(s.arn).name(s.name)
          .versionId(s.versions.isEmpty() ? null : s.versions.keySet().iterator().next()).build();
    });
  }

  @Override
  public DescribeSecretResponse describeSecret(DescribeSecretRequest r) {
    return account.call(Service.SECRETSMANAGER, "DescribeSecret", () -> {
      SecretsState.Secret s = engine.find(r.secretId());
      return DescribeSecretResponse.builder().arn(s.arn).name(s.name).description(s.description)
          .kmsKeyId(s.kmsKeyId).createdDate(s.created).lastChangedDate(s.lastChanged)
          .lastAccessedDate(s.lastAccessed).deletedDate(s.deletionDate).rotationEnabled(false)
          .tags(tagList(s.tags)).versionIdsToStages(stages(s)).build();
    });
  }

  @Override
  public GetSecretValueResponse getSecretValue(GetSecretValueRequest r) {
    return account.call(Service.SECRETSMANAGER, "GetSecretValue", () -> {
      SecretsState.Version v = engine.value(r.secretId(), r.versionId(), r.versionStage());
      SecretsState.Secret s = engine.find(r.secretId());
      String value = engine.reveal(v);
      return GetSecretValueResponse.builder().arn(s.arn).name(s.name).versionId(v.id)
          .secretString(v.binary ? null : value)
          .secretBinary(v.binary ? SdkBytes.fromByteArray(Base64.getDecoder().decode(value)) : null)
          .versionStages(v.stages).createdDate(v.created).build();
    });
  }

  @Override
  public PutSecretValueResponse putSecretValue(PutSecretValueRequest r) {
    return account.call(Service.SECRETSMANAGER, "PutSecretValue", () -> {
      SecretsState.Version v = engine.put(r.secretId(), r.secretString(),
          r.secretBinary() == null ? null : Base64.getEncoder().encodeToString(r.secretBinary().asByteArray()),
          r.clientRequestToken());
      SecretsState.Secret s = engine.find(r.secretId());
      return PutSecretValueResponse.builder().arn(s.arn).name(s.name).versionId(v.id).versionStages(v.stages).build();
    });
  }

  @Override
  public DeleteSecretResponse deleteSecret(DeleteSecretRequest r) {
    return account.call(Service.SECRETSMANAGER, "DeleteSecret", () -> {
      SecretsState.Secret s = engine.delete(r.secretId(), r.recoveryWindowInDays(),
          Boolean.TRUE.equals(r.forceDeleteWithoutRecovery()));
      return DeleteSecretResponse.builder().arn(s.arn).name(s.name).deletionDate(s.deletionDate).build();
    });
  }

  @Override
  public RestoreSecretResponse restoreSecret(RestoreSecretRequest r) {
    return account.call(Service.SECRETSMANAGER, "RestoreSecret", () -> {
      SecretsState.Secret s = engine.restore(r.secretId());
      return RestoreSecretResponse.builder().arn(s.arn).name(s.name).build();
    });
  }

  @Override
  public ListSecretsResponse listSecrets(ListSecretsRequest r) {
    return account.call(Service.SECRETSMANAGER, "ListSecrets", () -> {
      int max = r.maxResults() == null ? 100 : r.maxResults();
      if (max < 1 || max > 100) {
        throw engine.error(InvalidParameterException.builder(), "InvalidParameterException",
            "MaxResults must be between 1 and 100.");
      }
      List<SecretsEngine.Filter> filters = r.filters().stream()
          .map(f -> new SecretsEngine.Filter(f.keyAsString(), f.values())).toList();
      var page = ListPage.of(engine.list(filters, Boolean.TRUE.equals(r.includePlannedDeletion()),
              "desc".equals(r.sortOrderAsString())), s -> s.name, r.nextToken(), max,
          () -> engine.error(InvalidNextTokenException.builder(), "InvalidNextTokenException",
              "The NextToken value is invalid."));
      return ListSecretsResponse.builder().secretList(page.items().stream().map(s -> SecretListEntry.builder()
          .arn(s.arn).name(s.name).description(s.description).kmsKeyId(s.kmsKeyId).createdDate(s.created)
          .lastChangedDate(s.lastChanged).lastAccessedDate(s.lastAccessed).deletedDate(s.deletionDate)
          .tags(tagList(s.tags)).secretVersionsToStages(stages(s)).build()).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return account.call(Service.SECRETSMANAGER, "TagResource", () -> {
      engine.tag(r.secretId(), tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return account.call(Service.SECRETSMANAGER, "UntagResource", () -> {
      engine.untag(r.secretId(), r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  private static Map<String, List<String>> stages(SecretsState.Secret s) {
    Map<String, List<String>> out = new TreeMap<>();
    s.versions.forEach((id, v) -> out.put(id, List.copyOf(v.stages)));
    return out;
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return TagLists.toMap(tags, Tag::key, Tag::value);
  }

  private static List<Tag> tagList(Map<String, String> tags) {
    return TagLists.fromMap(tags, (k, v) -> Tag.builder().key(k).value(v).build());
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
