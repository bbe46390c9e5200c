package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.paginators.ListSecretsIterable;

class SecretsSandboxTest {
  /** Clearly fake credentials. */
  static final String VALUE = "{\"username\":\"learner\",\"token\":\"not-a-real-token\"}";
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  SecretsManagerClient sm;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    sm = sandbox.secretsManager();
  }

  private String create(String name) {
    return sm.createSecret(b -> b.name(name).secretString(VALUE)
        .tags(Tag.builder().key("bgwizard:setup").value("demo").build())).arn();
  }

  private void advance(Duration d) {
    clock.advance(d);
    sandbox.account().advanceToNow();
  }

  @Test
  void createSecret_thenGetSecretValue_byNameFullArnOrArnWithoutSuffix() {
    String arn = create("demo/dockerhub");

    assertTrue(arn.matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/dockerhub-[A-Z0-9]{6}"), arn);
    for (String id : List.of("demo/dockerhub", arn, arn.substring(0, arn.length() - 7))) {
      var v = sm.getSecretValue(b -> b.secretId(id));
      assertEquals(VALUE, v.secretString());
      assertEquals(List.of("AWSCURRENT"), v.versionStages());
    }
  }

  @Test
  void createSecret_sameNameAgain_isResourceExists() {
    create("demo/dockerhub");

    assertAwsError(ResourceExistsException.class, "ResourceExistsException",
        "The operation failed because the secret demo/dockerhub already exists.", () -> create("demo/dockerhub"));
  }

  @Test
  void createSecret_withStringAndBinary_isInvalidParameter() {
    assertAwsError(InvalidParameterException.class, "InvalidParameterException", "both a binary secret value and a string",
        () -> sm.createSecret(b -> b.name("x").secretString("a").secretBinary(SdkBytes.fromUtf8String("b"))));
  }

  @Test
  void getSecretValue_ofAMissingSecret_isResourceNotFound_andOfAnEmptyOneNamesTheStage() {
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException", "can't find the specified secret",
        () -> sm.getSecretValue(b -> b.secretId("nothing")));
    sm.createSecret(b -> b.name("empty"));
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException", "staging label: AWSCURRENT",
        () -> sm.getSecretValue(b -> b.secretId("empty")));
  }

  @Test
  void deleteSecret_withARecoveryWindow_isScheduled_readsFail_andItIsGoneWhenTheWindowEnds() {
    create("demo/dockerhub");
    Instant deletion = sm.deleteSecret(b -> b.secretId("demo/dockerhub").recoveryWindowInDays(7L)).deletionDate();

    assertEquals(Instant.parse(BasicServiceAssertions.START).plus(Duration.ofDays(7)), deletion);
    assertEquals(deletion, sm.describeSecret(b -> b.secretId("demo/dockerhub")).deletedDate());
    assertAwsError(InvalidRequestException.class, "InvalidRequestException", "marked for deletion",
        () -> sm.getSecretValue(b -> b.secretId("demo/dockerhub")));
    assertAwsError(InvalidRequestException.class, "InvalidRequestException", "already scheduled for deletion",
        () -> create("demo/dockerhub"));
    advance(Duration.ofDays(7).minusSeconds(1));
    assertEquals(1, sm.listSecrets(b -> b.includePlannedDeletion(true)).secretList().size());
    advance(Duration.ofSeconds(1));
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException", null,
        () -> sm.describeSecret(b -> b.secretId("demo/dockerhub")));
  }

  @Test
  void restoreSecret_beforeTheWindowEnds_makesItReadableAgain() {
    create("demo/dockerhub");
    sm.deleteSecret(b -> b.secretId("demo/dockerhub"));
    advance(Duration.ofDays(29));
    sm.restoreSecret(b -> b.secretId("demo/dockerhub"));
    advance(Duration.ofDays(2));

    assertEquals(VALUE, sm.getSecretValue(b -> b.secretId("demo/dockerhub")).secretString());
    assertNull(sm.describeSecret(b -> b.secretId("demo/dockerhub")).deletedDate());
  }

  @Test
  void deleteSecret_forced_isImmediate_andCannotBeCombinedWithAWindow() {
    create("demo/dockerhub");

    assertAwsError(InvalidParameterException.class, "InvalidParameterException", "in conjunction with RecoveryWindowInDays",
        () -> sm.deleteSecret(b -> b.secretId("demo/dockerhub").forceDeleteWithoutRecovery(true).recoveryWindowInDays(7L)));
    assertAwsError(InvalidParameterException.class, "InvalidParameterException", "between 7 and 30 days",
        () -> sm.deleteSecret(b -> b.secretId("demo/dockerhub").recoveryWindowInDays(3L)));
    sm.deleteSecret(b -> b.secretId("demo/dockerhub").forceDeleteWithoutRecovery(true));
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException", null,
        () -> sm.describeSecret(b -> b.secretId("demo/dockerhub")));
    create("demo/dockerhub");
  }

  @Test
  void listSecrets_paginatesWithTheSdkPaginator_andFiltersByTagKeyAndName() {
    for (int i = 0; i < 5; i++) {
      create("demo/s" + i);
    }
    sm.createSecret(b -> b.name("other").secretString("x"));
    sm.deleteSecret(b -> b.secretId("demo/s4"));

    assertEquals(List.of("demo/s0", "demo/s1", "demo/s2", "demo/s3", "other"),
        names(sm.listSecretsPaginator(b -> b.maxResults(2))));
    assertEquals(5, names(sm.listSecretsPaginator(b -> b.maxResults(2).includePlannedDeletion(true)
        .filters(f -> f.key("tag-key").values("bgwizard:setup")))).size());
    assertEquals(List.of("other"), names(sm.listSecretsPaginator(b -> b.filters(f -> f.key("name").values("oth")))));
  }

  private static List<String> names(ListSecretsIterable pages) {
    return pages.stream().flatMap(p -> p.secretList().stream()).map(SecretListEntry::name).toList();
  }

  @Test
  void tagResource_andUntagResource_changeWhatDescribeShows() {
    create("demo/dockerhub");
    sm.tagResource(b -> b.secretId("demo/dockerhub").tags(Tag.builder().key("team").value("ops").build()));
    sm.untagResource(b -> b.secretId("demo/dockerhub").tagKeys("bgwizard:setup"));

    assertEquals(List.of("team"),
        sm.describeSecret(b -> b.secretId("demo/dockerhub")).tags().stream().map(Tag::key).toList());
  }

  @Test
  void failures_neverEchoTheSecretValue() {
    create("demo/dockerhub");
    var e = assertAwsError(ResourceExistsException.class, "ResourceExistsException", null,
        () -> create("demo/dockerhub"));

    assertTrue(!e.getMessage().contains("not-a-real-token"));
    assertTrue(sandbox.account().calls().stream().noneMatch(c -> c.toString().contains("not-a-real-token")));
  }

  @Test
  void listSecrets_withAnUnknownFilterKey_isInvalidParameter() {
    create("demo/dockerhub");

    assertAwsError(InvalidParameterException.class, "InvalidParameterException", "filter",
        () -> sm.listSecrets(b -> b.filters(f -> f.key("colour").values("x"))));
  }

  @Test
  void savedAccount_reopened_keepsValues_andAScheduledDeletionStillHappens(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    SecretsManagerClient first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE).secretsManager();
    first.createSecret(b -> b.name("keep").secretString(VALUE));
    first.createSecret(b -> b.name("going").secretString("x"));
    first.deleteSecret(b -> b.secretId("going").recoveryWindowInDays(7L));

    SecretsManagerClient second = BasicServiceAssertions.reopen(file).secretsManager();
    assertEquals(VALUE, second.getSecretValue(b -> b.secretId("keep")).secretString());
    SecretsManagerClient later = Sandbox.open(file, "us-east-1",
        t -> java.time.Clock.fixed(t.plus(Duration.ofDays(8)), java.time.ZoneOffset.UTC), Sleeper.NONE).secretsManager();
    assertEquals(List.of("keep"), later.listSecrets(b -> b.includePlannedDeletion(true)).secretList().stream()
        .map(SecretListEntry::name).toList());
  }
}
