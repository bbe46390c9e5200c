package org.bgwizard.sandbox.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the simulated Secrets Manager keeps secret values: in this process's memory only, found by a salted
 * SHA-256 of the value. The account file records the salt and the hash (enough to tell versions and values apart),
 * never the value, so a token a learner types is in no file. One vault per process, shared by every account opened
 * in it, so another window or command of the same process reads the value; a new process starts empty.
 */
final class SecretVault {
  static final SecretVault PROCESS = new SecretVault();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> byHash = new ConcurrentHashMap<>();

  /** Keeps {@code value} for the process and records its salt and hash in {@code version}. */
  void keep(SecretsState.Version version, String value) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    version.salt = Base64.getEncoder().encodeToString(salt);
    version.valueHash = hash(version.salt, value);
    byHash.put(version.valueHash, value);
  }

  /** The version's value, if this process stored it. */
  Optional<String> recall(SecretsState.Version version) {
    return Optional.ofNullable(version.valueHash == null ? null : byHash.get(version.valueHash));
  }

  /** Whether {@code value} is the version's value (an idempotent retry sends the same one). */
  boolean holds(SecretsState.Version version, String value) {
    return version.salt != null && hash(version.salt, value).equals(version.valueHash);
  }

  /** Forgets every value, as a new process would start: for tests. */
  void forgetAll() {
    byHash.clear();
  }

  private static String hash(String salt, String value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Base64.getDecoder().decode(salt));
      return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
