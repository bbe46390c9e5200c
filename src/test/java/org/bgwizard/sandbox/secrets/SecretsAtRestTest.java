package org.bgwizard.sandbox.secrets;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bgwizard.sandbox.BasicServiceAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/** Secret values are in no file: the account keeps a salted hash, the process keeps the value. */
class SecretsAtRestTest {
  private static final String TOKEN = "dckr_pat_not-a-real-token-0123456789";
  private static final byte[] BINARY = "binary-not-a-real-key".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @AfterEach
  void newProcessForTheNextTest() {
    SecretVault.PROCESS.forgetAll();
  }

  private SecretsManagerClient open() throws Exception {
    return BasicServiceAssertions.reopen(dir.resolve("account.json")).secretsManager();
  }

  private String everyFile() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      var all = new StringBuilder();
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
      return all.toString();
    }
  }

  @Test
  void createSecret_leavesTheValueOutOfEveryFile_andThisProcessStillReadsIt() throws Exception {
    SecretsManagerClient sm = open();
    sm.createSecret(b -> b.name("demo/dockerhub").secretString(TOKEN));
    sm.createSecret(b -> b.name("demo/key").secretBinary(SdkBytes.fromByteArray(BINARY)));

    String files = everyFile();
    assertFalse(files.contains(TOKEN), files);
    assertFalse(files.contains("not-a-real"), files);
    assertFalse(files.contains(java.util.Base64.getEncoder().encodeToString(BINARY)), files);
    assertEquals(TOKEN, sm.getSecretValue(b -> b.secretId("demo/dockerhub")).secretString());
    assertEquals(TOKEN, open().getSecretValue(b -> b.secretId("demo/dockerhub")).secretString());
    assertArrayEquals(BINARY, open().getSecretValue(b -> b.secretId("demo/key")).secretBinary().asByteArray());
  }

  @Test
  void inANewProcess_getSecretValue_isDecryptionFailure_untilPutSecretValueStoresItAgain() throws Exception {
    open().createSecret(b -> b.name("demo/dockerhub").secretString(TOKEN));
    SecretVault.PROCESS.forgetAll();
    SecretsManagerClient later = open();

    assertAwsError(DecryptionFailureException.class, "DecryptionFailure",
        "Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
        () -> later.getSecretValue(b -> b.secretId("demo/dockerhub")));
    assertEquals(1, later.listSecrets().secretList().size());

    var put = later.putSecretValue(b -> b.secretId("demo/dockerhub").secretString(TOKEN + "-2")
        .clientRequestToken("token-00000000000000000000000000000002"));
    assertEquals(List.of("AWSCURRENT"), put.versionStages());
    assertEquals(TOKEN + "-2", later.getSecretValue(b -> b.secretId("demo/dockerhub")).secretString());
    assertEquals(put.versionId(), later.putSecretValue(b -> b.secretId("demo/dockerhub").secretString(TOKEN + "-2")
        .clientRequestToken("token-00000000000000000000000000000002")).versionId());
    assertAwsError(ResourceExistsException.class, "ResourceExistsException", "You can't modify an existing version",
        () -> later.putSecretValue(b -> b.secretId("demo/dockerhub").secretString("other")
            .clientRequestToken("token-00000000000000000000000000000002")));
    assertAwsError(DecryptionFailureException.class, "DecryptionFailure", null,
        () -> later.getSecretValue(b -> b.secretId("demo/dockerhub").versionStage("AWSPREVIOUS")));
    assertFalse(everyFile().contains(TOKEN));
  }
}
