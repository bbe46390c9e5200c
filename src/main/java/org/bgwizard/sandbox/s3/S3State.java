package org.bgwizard.sandbox.s3;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated S3 service: plain data, saved as JSON with the whole account. */
public final class S3State {
  public Map<String, Bucket> buckets = new TreeMap<>();

  public static final class Bucket {
    public String name;
    public String region;
    public Instant createdAt;
    /** null (never enabled), {@code Enabled} or {@code Suspended}. */
    public String versioning;
    /** The tag set, or null when the bucket has none (GetBucketTagging then fails with NoSuchTagSet). */
    public Map<String, String> tags;
    /** BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets; null when deleted. */
    public List<Boolean> publicAccessBlock;
    public String encryptionAlgorithm = "AES256";
    public String kmsKeyId;
    public boolean bucketKeyEnabled;
    /** Notifications to EventBridge (PutBucketNotificationConfiguration's EventBridgeConfiguration). */
    public boolean eventBridgeEnabled;
    /** Versions of each key, oldest first; unversioned buckets keep one version with id {@code null}. */
    public Map<String, List<ObjectVersion>> objects = new TreeMap<>();
  }

  public static final class ObjectVersion {
    public String versionId;
    public boolean deleteMarker;
    public Instant lastModified;
    /** The content, base64; null for delete markers. */
    public String data;
    public long size;
    public String etag;
    public String contentType;
    public Map<String, String> metadata = new LinkedHashMap<>();
  }
}
