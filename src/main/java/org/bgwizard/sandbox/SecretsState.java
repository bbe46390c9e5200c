package org.bgwizard.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Persisted state of the simulated Secrets Manager. Secret values are kept here, in the sandbox's own state
 * file, and nowhere else: the engines never log or print them.
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
    public String secretString;
    /** Binary value, base64; null for string secrets. */
    public String secretBinary;
    public List<String> stages = new ArrayList<>();
    public Instant created;
  }
}
