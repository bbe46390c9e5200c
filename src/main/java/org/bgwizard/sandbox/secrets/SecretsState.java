package org.bgwizard.sandbox.secrets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Persisted state of the simulated Secrets Manager. Secret values are not part of it: {@link SecretVault} keeps them
 * in memory, and a version records only a salted hash of its value.
 */
public final class SecretsState {
  /** Secrets by name. */
  public Map<String, Secret> secrets = new TreeMap<>();

  public static final class Secret {
    public String name;
    public String arn;
    public String description;
    public String kmsKeyId;
    public Instant created;
    public Instant lastChanged;
    public Instant lastAccessed;
    /** When a scheduled deletion takes effect; null unless DeleteSecret scheduled one. */
    public Instant deletionDate;
    public Map<String, String> tags = new TreeMap<>();
    /** Versions by id. */
    public Map<String, Version> versions = new TreeMap<>();
  }

  public static final class Version {
    public String id;
    /** Random salt (base64) of {@link #valueHash}. */
    public String salt;
    /** SHA-256 (hex) of the salt and the value: the value itself is in no file ({@link SecretVault}). */
    public String valueHash;
    /** Whether the value is SecretBinary (kept as base64) rather than SecretString. */
    public boolean binary;
    public List<String> stages = new ArrayList<>();
    public Instant created;
  }
}
