package org.bgwizard.sandbox.ecr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Persisted state of the simulated ECR service: plain data, saved with the account. */
public final class EcrState {
  /** By repository name, in creation order. */
  public Map<String, Repository> repositories = new LinkedHashMap<>();

  public static final class Repository {
    public String name;
    public String arn;
    public String uri;
    public Instant createdAt;
    public String imageTagMutability;
    public boolean scanOnPush;
    public String encryptionType;
    public String lifecyclePolicyText;
    public Instant lifecyclePolicyUpdatedAt;
    public Map<String, String> tags = new LinkedHashMap<>();
    /** Oldest first. */
    public List<Image> images = new ArrayList<>();
  }

  public static final class Image {
    public String digest;
    public List<String> tags = new ArrayList<>();
    public Instant pushedAt;
    public long sizeBytes;
    public String architecture;
    public String behaviour;
  }
}
