package org.bgwizard.sandbox.secrets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Simulated;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets Manager secrets: creation, new versions, reading by name or ARN, and deletion after a recovery window (a
 * simulated transition) or at once when forced. Values live in {@link SecretVault} (this process's memory), never in
 * the state file; nothing here logs them. A value stored by an earlier process cannot be read: GetSecretValue
 * answers DecryptionFailure, the error Secrets Manager gives when it cannot decrypt a value (Secrets Manager API
 * reference, GetSecretValue errors), and PutSecretValue stores it again.
 */
public final class SecretsEngine implements Simulated {
  static final String CURRENT = "AWSCURRENT";
  static final String PREVIOUS = "AWSPREVIOUS";
  private static final Pattern NAME = Pattern.compile("[\\w/+=.@!-]{1,512}");

  /** A ListSecrets filter: a key (name, description, tag-key, tag-value, all) and prefixes any of which match. */
  record Filter(String key, List<String> values) {}

  private final SandboxAccount account;

  public SecretsEngine(SandboxAccount account) {
    this.account = account;
    account.register(this);
  }

  private Map<String, SecretsState.Secret> secrets() {
    return account.state(SecretsState.class).secrets;
  }

  SecretsState.Secret create(String name, String description, String kmsKeyId, String secretString,
      String secretBinary, String clientRequestToken, Map<String, String> tags) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw error(InvalidParameterException.builder(), "InvalidParameterException", "Invalid name. Must be a valid"
          + " name containing alphanumeric characters, or any of the following: -/_+=.@!");
    }
    if (secretString != null && secretBinary != null) {
      throw error(InvalidParameterException.builder(), "InvalidParameterException",
          "You can't specify both a binary secret value and a string secret value in the same secret.");
    }
    SecretsState.Secret existing = secrets().get(name);
    if (existing != null) {
      if (existing.deletionDate != null) {
        throw error(InvalidRequestException.builder(), "InvalidRequestException",
            "You can't create this secret because a secret with this name is already scheduled for deletion.");
      }
      throw error(ResourceExistsException.builder(), "ResourceExistsException",
          "The operation failed because the secret " + name + " already exists.");
    }
    var s = new SecretsState.Secret();
    s.name = name;
    s.arn = "arn:aws:secretsmanager:" + account.region() + ":" + account.accountId() + ":secret:" + name + "-"
        + account.ids().upperAlnum(6);
    s.description = description;
    s.kmsKeyId = kmsKeyId;
    s.created = account.now();
    s.lastChanged = account.now();
    if (tags != null) {
      s.tags.putAll(tags);
    }
    if (secretString != null || secretBinary != null) {
      SecretsState.Version v = newVersion(clientRequestToken, secretString, secretBinary);
      v.stages.add(CURRENT);
      s.versions.put(v.id, v);
    }
    secrets().put(name, s);
    return s;
  }

  private SecretsState.Version newVersion(String token, String secretString, String secretBinary) {
    var v = new SecretsState.Version();
    v.id = token != null ? token : account.ids().uuid();
    v.binary = secretBinary != null;
    v.created = account.now();
    SecretVault.PROCESS.keep(v, v.binary ? secretBinary : secretString);
    return v;
  }

  /**
   * PutSecretValue: a new version becomes AWSCURRENT, the former current one AWSPREVIOUS. The same token again with
   * the same value returns that version; with another value it is ResourceExistsException (API reference).
   */
  SecretsState.Version put(String secretId, String secretString, String secretBinary, String clientRequestToken) {
    SecretsState.Secret s = find(secretId);
    if (s.deletionDate != null) {
      throw markedForDeletion();
    }
    if ((secretString == null) == (secretBinary == null)) {
      throw error(InvalidParameterException.builder(), "InvalidParameterException",
          "You must provide either SecretString or SecretBinary, but not both.");
    }
    SecretsState.Version same = clientRequestToken == null ? null : s.versions.get(clientRequestToken);
    if (same != null) {
      if (SecretVault.PROCESS.holds(same, secretBinary != null ? secretBinary : secretString)) {
        return same;
      }
      throw error(ResourceExistsException.builder(), "ResourceExistsException",
          "You can't modify an existing version, you can only create a new version.");
    }
    s.versions.values().forEach(v -> v.stages.remove(PREVIOUS));
    s.versions.values().stream().filter(v -> v.stages.remove(CURRENT)).forEach(v -> v.stages.add(PREVIOUS));
    s.versions.values().removeIf(v -> v.stages.isEmpty());
    SecretsState.Version v = newVersion(clientRequestToken, secretString, secretBinary);
    v.stages.add(CURRENT);
    s.versions.put(v.id, v);
    s.lastChanged = account.now();
    return v;
  }

  /** The version's value: SecretString, or SecretBinary as base64. */
  String reveal(SecretsState.Version v) {
    return SecretVault.PROCESS.recall(v).orElseThrow(() -> error(DecryptionFailureException.builder(),
        "DecryptionFailure", "Secrets Manager can't decrypt the protected secret text using the provided KMS key."
            + " (The simulated account keeps secret values in memory only, and this one was stored by an earlier run"
            + " of the app: store it again with PutSecretValue.)"));
  }

  /** A secret by name, full ARN, or ARN without the random suffix; scheduled-for-deletion ones included. */
  SecretsState.Secret find(String secretId) {
    if (secretId != null) {
      SecretsState.Secret byName = secrets().get(secretId);
      if (byName != null) {
        return byName;
      }
      for (SecretsState.Secret s : secrets().values()) {
        if (s.arn.equals(secretId) || s.arn.substring(0, s.arn.length() - 7).equals(secretId)) {
          return s;
        }
      }
    }
    throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret.");
  }

  /** The version GetSecretValue returns: by id, by stage, or AWSCURRENT. */
  SecretsState.Version value(String secretId, String versionId, String stage) {
    SecretsState.Secret s = find(secretId);
    if (s.deletionDate != null) {
      throw markedForDeletion();
    }
    String wantedStage = versionId == null && stage == null ? CURRENT : stage;
    for (SecretsState.Version v : s.versions.values()) {
      if ((versionId == null || v.id.equals(versionId)) && (wantedStage == null || v.stages.contains(wantedStage))) {
        s.lastAccessed = account.now().truncatedTo(ChronoUnit.DAYS);
        return v;
      }
    }
    throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for "
            + (versionId != null ? "VersionId: " + versionId : "staging label: " + wantedStage));
  }

  /** Schedules deletion after the recovery window (default 30 days), or deletes now when forced. */
  SecretsState.Secret delete(String secretId, Long recoveryWindowDays, boolean force) {
    if (force && recoveryWindowDays != null) {
      throw error(InvalidParameterException.builder(), "InvalidParameterException",
          "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
    }
    long days = recoveryWindowDays == null ? 30 : recoveryWindowDays;
    if (days < 7 || days > 30) {
      throw error(InvalidParameterException.builder(), "InvalidParameterException",
          "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
    }
    SecretsState.Secret s = find(secretId);
    if (force) {
      secrets().remove(s.name);
      s.deletionDate = account.now();
      return s;
    }
    if (s.deletionDate != null) {
      throw markedForDeletion();
    }
    s.deletionDate = account.now().plus(days, ChronoUnit.DAYS);
    return s;
  }

  SecretsState.Secret restore(String secretId) {
    SecretsState.Secret s = find(secretId);
    s.deletionDate = null;
    return s;
  }

  /** Secrets matching every filter, oldest first; scheduled deletions only when asked for. */
  List<SecretsState.Secret> list(List<Filter> filters, boolean includePlannedDeletion, boolean descending) {
    List<SecretsState.Secret> out = new ArrayList<>();
    for (SecretsState.Secret s : secrets().values()) {
      if ((includePlannedDeletion || s.deletionDate == null) && filters.stream().allMatch(f -> matches(s, f))) {
        out.add(s);
      }
    }
    Comparator<SecretsState.Secret> order = Comparator.comparing((SecretsState.Secret s) -> s.created)
        .thenComparing(s -> s.name);
    out.sort(descending ? order.reversed() : order);
    return out;
  }

  private boolean matches(SecretsState.Secret s, Filter f) {
    List<String> actual = switch (f.key()) {
      case "name" -> List.of(s.name);
      case "description" -> s.description == null ? List.of() : List.of(s.description);
      case "tag-key" -> List.copyOf(s.tags.keySet());
      case "tag-value" -> List.copyOf(s.tags.values());
      case "all" -> {
        List<String> all = new ArrayList<>(s.tags.keySet());
        all.addAll(s.tags.values());
        all.add(s.name);
        if (s.description != null) {
          all.add(s.description);
        }
        yield all;
      }
      default -> throw error(InvalidParameterException.builder(), "InvalidParameterException",
          "Invalid filter key: " + f.key());
    };
    return actual.stream().anyMatch(a -> f.values().stream().anyMatch(a::startsWith));
  }

  void tag(String secretId, Map<String, String> tags) {
    TagLists.tag(find(secretId).tags, tags, (added, countAfter) -> {
      if (TagLists.anyReserved(added)) {
        throw error(InvalidParameterException.builder(), "InvalidParameterException",
            "Invalid tag key: the aws: prefix is reserved for AWS use.");
      }
    });
  }

  void untag(String secretId, Collection<String> keys) {
    TagLists.untag(find(secretId).tags, keys);
  }

  // ---- Simulated: scheduled deletions

  @Override
  public Instant nextTransition() {
    return secrets().values().stream().map(s -> s.deletionDate).filter(d -> d != null).min(Instant::compareTo)
        .orElse(null);
  }

  @Override
  public void advanceTo(Instant t) {
    secrets().values().removeIf(s -> s.deletionDate != null && !s.deletionDate.isAfter(t));
  }

  private AwsServiceException markedForDeletion() {
    return error(InvalidRequestException.builder(), "InvalidRequestException",
        "You can't perform this operation on the secret because it was marked for deletion.");
  }

  AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.SECRETSMANAGER, code, message);
  }
}
