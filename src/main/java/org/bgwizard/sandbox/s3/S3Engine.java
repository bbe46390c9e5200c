package org.bgwizard.sandbox.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.ServiceEvents;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 buckets and objects of one region: bucket name rules, versioning with delete markers, tags, public
 * access block and default encryption (new buckets get both, as AWS has done since 2023). Object content is
 * kept base64 in the state.
 */
public final class S3Engine {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  /**
   * The bucket namespace is global: these common names belong to someone else in real S3, so practising
   * with them shows the BucketAlreadyExists a learner would meet.
   */
  private static final Set<String> TAKEN = Set.of("test", "bucket", "my-bucket", "mybucket", "example",
      "examplebucket", "backup", "data", "logs");

  private final SandboxAccount account;
  private final Ports ports;

  public S3Engine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
  }

  private Map<String, S3State.Bucket> buckets() {
    return account.state().s3.buckets;
  }

  // ---- buckets

  /** Creates the bucket; false when it already existed and us-east-1 answered 200 anyway. */
  boolean createBucket(String name, String locationConstraint) {
    checkBucketName(name);
    String region = account.region();
    String constraint = locationConstraint == null || locationConstraint.isEmpty() ? null : locationConstraint;
    if (region.equals("us-east-1")) {
      if (constraint != null) {
        throw constraint.equals("us-east-1")
            ? error(S3Exception.builder(), 400, "InvalidLocationConstraint", "The specified location-constraint is not valid")
            : illegalConstraint(constraint);
      }
    } else if (!region.equals(constraint)) {
      throw illegalConstraint(constraint == null ? "unspecified" : constraint);
    }
    if (TAKEN.contains(name)) {
      throw error(BucketAlreadyExistsException.builder(), 409, "BucketAlreadyExists",
          "The requested bucket name is not available. The bucket namespace is shared by all users of the system."
              + " Please select a different name and try again.");
    }
    if (buckets().containsKey(name)) {
      if (region.equals("us-east-1")) {
        return false;
      }
      throw error(BucketAlreadyOwnedByYouException.builder(), 409, "BucketAlreadyOwnedByYou",
          "Your previous request to create the named bucket succeeded and you already own it.");
    }
    var b = new S3State.Bucket();
    b.name = name;
    b.region = region;
    b.createdAt = account.now();
    b.publicAccessBlock = List.of(true, true, true, true);
    buckets().put(name, b);
    return true;
  }

  private AwsServiceException illegalConstraint(String constraint) {
    return error(S3Exception.builder(), 400, "IllegalLocationConstraintException", "The " + constraint
        + " location constraint is incompatible for the region specific endpoint this request was sent to.");
  }

  private void checkBucketName(String name) {
    boolean ok = name != null && BUCKET.matcher(name).matches() && !name.contains("..")
        && !IP_LIKE.matcher(name).matches() && !name.startsWith("xn--") && !name.startsWith("sthree-")
        && !name.startsWith("amzn-s3-demo-") && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3")
        && !name.endsWith(".mrap") && !name.endsWith("--x-s3");
    if (!ok) {
      throw error(S3Exception.builder(), 400, "InvalidBucketName", "The specified bucket is not valid.");
    }
  }

  S3State.Bucket bucket(String name) {
    S3State.Bucket b = name == null ? null : buckets().get(name);
    if (b == null) {
      throw error(NoSuchBucketException.builder(), 404, "NoSuchBucket", "The specified bucket does not exist");
    }
    return b;
  }

  /** HeadBucket's answer for a missing bucket: 404 without a body, so no message. */
  S3State.Bucket headBucket(String name) {
    S3State.Bucket b = name == null ? null : buckets().get(name);
    if (b == null) {
      throw error(NoSuchBucketException.builder(), 404, "NoSuchBucket", null);
    }
    return b;
  }

  List<S3State.Bucket> buckets(String prefix) {
    return buckets().values().stream().filter(b -> prefix == null || b.name.startsWith(prefix)).toList();
  }

  void deleteBucket(String name) {
    S3State.Bucket b = bucket(name);
    if (!b.objects.isEmpty()) {
      throw error(S3Exception.builder(), 409, "BucketNotEmpty", b.versioning == null
          ? "The bucket you tried to delete is not empty"
          : "The bucket you tried to delete is not empty. You must delete all versions in the bucket.");
    }
    buckets().remove(name);
  }

  void putVersioning(String name, String status) {
    S3State.Bucket b = bucket(name);
    if (!"Enabled".equals(status) && !"Suspended".equals(status)) {
      throw error(S3Exception.builder(), 400, "MalformedXML",
          "The XML you provided was not well-formed or did not validate against our published schema");
    }
    b.versioning = status;
  }

  void putTags(String name, Map<String, String> tags, int requested) {
    S3State.Bucket b = bucket(name);
    if (requested != tags.size()) {
      throw error(S3Exception.builder(), 400, "InvalidTag", "Cannot provide multiple Tags with the same key");
    }
    if (tags.size() > 50) {
      throw error(S3Exception.builder(), 400, "InvalidTag", "Bucket tag count cannot be greater than 50");
    }
    for (var e : tags.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw error(S3Exception.builder(), 400, "InvalidTag", "System tags cannot be added/updated by requester");
      }
      if (e.getKey().isEmpty() || e.getKey().length() > 128 || e.getValue().length() > 256) {
        throw error(S3Exception.builder(), 400, "InvalidTag", "The TagKey or TagValue you have provided is invalid");
      }
    }
    b.tags = new LinkedHashMap<>(tags);
  }

  Map<String, String> tags(String name) {
    S3State.Bucket b = bucket(name);
    if (b.tags == null) {
      throw error(S3Exception.builder(), 404, "NoSuchTagSet", "The TagSet does not exist");
    }
    return b.tags;
  }

  List<Boolean> publicAccessBlock(String name) {
    S3State.Bucket b = bucket(name);
    if (b.publicAccessBlock == null) {
      throw error(S3Exception.builder(), 404, "NoSuchPublicAccessBlockConfiguration",
          "The public access block configuration was not found");
    }
    return b.publicAccessBlock;
  }

  void putEncryption(String name, String algorithm, String kmsKeyId, boolean bucketKey) {
    S3State.Bucket b = bucket(name);
    if (!List.of("AES256", "aws:kms", "aws:kms:dsse").contains(algorithm)) {
      throw error(S3Exception.builder(), 400, "MalformedXML",
          "The XML you provided was not well-formed or did not validate against our published schema");
    }
    b.encryptionAlgorithm = algorithm;
    b.kmsKeyId = algorithm.equals("AES256") ? null : kmsKeyId;
    b.bucketKeyEnabled = bucketKey;
  }

  // ---- objects

  S3State.ObjectVersion putObject(String bucket, String key, byte[] content, String contentType,
      Map<String, String> metadata) {
    return putObject(bucket, key, content, contentType, metadata, "PutObject");
  }

  /** Stores a new version; {@code reason} is the Object Created event's (PutObject, CopyObject). */
  S3State.ObjectVersion putObject(String bucket, String key, byte[] content, String contentType,
      Map<String, String> metadata, String reason) {
    S3State.Bucket b = bucket(bucket);
    checkKey(key);
    var v = new S3State.ObjectVersion();
    v.versionId = "Enabled".equals(b.versioning) ? versionId() : "null";
    v.lastModified = account.now();
    v.data = Base64.getEncoder().encodeToString(content);
    v.size = content.length;
    v.etag = "\"" + md5(content) + "\"";
    v.contentType = contentType == null ? "binary/octet-stream" : contentType;
    if (metadata != null) {
      v.metadata.putAll(metadata);
    }
    addVersion(b, key, v);
    if (b.eventBridgeEnabled) {
      ServiceEvents.objectCreated(ports.events, account, b.name, key, v, reason);
    }
    return v;
  }

  /** PutBucketNotificationConfiguration with (or without) an EventBridgeConfiguration. */
  void eventBridgeNotifications(String bucket, boolean enabled) {
    bucket(bucket).eventBridgeEnabled = enabled;
  }

  private void addVersion(S3State.Bucket b, String key, S3State.ObjectVersion v) {
    List<S3State.ObjectVersion> versions = b.objects.computeIfAbsent(key, k -> new ArrayList<>());
    if (v.versionId.equals("null")) {
      versions.removeIf(x -> x.versionId.equals("null"));
    }
    versions.add(v);
  }

  /**
   * The version GetObject/HeadObject return: the latest, or {@code versionId}. A missing key, or a latest
   * version that is a delete marker, is NoSuchKey (404, without a body for HEAD); a delete marker asked for by
   * id is MethodNotAllowed.
   */
  S3State.ObjectVersion getObject(String bucket, String key, String versionId, boolean head) {
    S3State.Bucket b = bucket(bucket);
    List<S3State.ObjectVersion> versions = b.objects.get(key);
    if (versionId == null) {
      S3State.ObjectVersion latest = versions == null ? null : versions.get(versions.size() - 1);
      if (latest == null || latest.deleteMarker) {
        throw error(NoSuchKeyException.builder(), 404, "NoSuchKey", head ? null : "The specified key does not exist.");
      }
      return latest;
    }
    S3State.ObjectVersion v = versions == null ? null
        : versions.stream().filter(x -> x.versionId.equals(versionId)).findFirst().orElse(null);
    if (v == null) {
      throw error(S3Exception.builder(), 404, "NoSuchVersion", head ? null : "The specified version does not exist.");
    }
    if (v.deleteMarker) {
      throw error(S3Exception.builder(), 405, "MethodNotAllowed", head ? null
          : "The specified method is not allowed against this resource.");
    }
    return v;
  }

  /** What one delete did: whether the version it created or removed is a delete marker, and its id. */
  record Deleted(String key, String versionId, boolean deleteMarker) {}

  /**
   * Deletes like S3: a specific version is removed for good; otherwise an unversioned bucket drops the key, a
   * versioned one adds a delete marker. Deleting what is not there succeeds.
   */
  Deleted deleteObject(String bucket, String key, String versionId) {
    S3State.Bucket b = bucket(bucket);
    List<S3State.ObjectVersion> versions = b.objects.get(key);
    if (versionId != null) {
      S3State.ObjectVersion v = versions == null ? null
          : versions.stream().filter(x -> x.versionId.equals(versionId)).findFirst().orElse(null);
      if (v == null) {
        return new Deleted(key, versionId, false);
      }
      versions.remove(v);
      if (versions.isEmpty()) {
        b.objects.remove(key);
      }
      return new Deleted(key, versionId, v.deleteMarker);
    }
    if (b.versioning == null) {
      b.objects.remove(key);
      return new Deleted(key, null, false);
    }
    var marker = new S3State.ObjectVersion();
    marker.versionId = b.versioning.equals("Enabled") ? versionId() : "null";
    marker.deleteMarker = true;
    marker.lastModified = account.now();
    addVersion(b, key, marker);
    return new Deleted(key, marker.versionId, true);
  }

  /** Latest live objects under {@code prefix}, in key order. */
  List<Map.Entry<String, S3State.ObjectVersion>> liveObjects(String bucket, String prefix) {
    List<Map.Entry<String, S3State.ObjectVersion>> out = new ArrayList<>();
    bucket(bucket).objects.forEach((key, versions) -> {
      S3State.ObjectVersion latest = versions.get(versions.size() - 1);
      if (!latest.deleteMarker && (prefix == null || key.startsWith(prefix))) {
        out.add(Map.entry(key, latest));
      }
    });
    return out;
  }

  /** Every version and delete marker under {@code prefix}: keys in order, each key's newest first. */
  List<Map.Entry<String, S3State.ObjectVersion>> allVersions(String bucket, String prefix) {
    List<Map.Entry<String, S3State.ObjectVersion>> out = new ArrayList<>();
    bucket(bucket).objects.forEach((key, versions) -> {
      if (prefix == null || key.startsWith(prefix)) {
        for (int i = versions.size() - 1; i >= 0; i--) {
          out.add(Map.entry(key, versions.get(i)));
        }
      }
    });
    return out;
  }

  // ---- Ports.Sources, storage side

  boolean bucketExists(String bucket) {
    return buckets().containsKey(bucket);
  }

  Optional<byte[]> content(String bucket, String key) {
    S3State.Bucket b = buckets().get(bucket);
    List<S3State.ObjectVersion> versions = b == null ? null : b.objects.get(key);
    if (versions == null || versions.get(versions.size() - 1).deleteMarker) {
      return Optional.empty();
    }
    return Optional.of(Base64.getDecoder().decode(versions.get(versions.size() - 1).data));
  }

  /** The latest live version's id ({@code "null"} in a bucket never versioned). */
  Optional<String> latestVersionId(String bucket, String key) {
    S3State.Bucket b = buckets().get(bucket);
    List<S3State.ObjectVersion> versions = b == null ? null : b.objects.get(key);
    if (versions == null || versions.get(versions.size() - 1).deleteMarker) {
      return Optional.empty();
    }
    return Optional.of(versions.get(versions.size() - 1).versionId);
  }

  private void checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw error(S3Exception.builder(), 400, "InvalidArgument", "A key must be specified");
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
      throw error(S3Exception.builder(), 400, "KeyTooLongError", "Your key is too long");
    }
  }

  /** S3 version ids are opaque 32-character strings. */
  private String versionId() {
    return account.ids().upperAlnum(8) + account.ids().hex(24);
  }

  private static String md5(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  AwsServiceException error(AwsServiceException.Builder builder, int status, String code, String message) {
    return account.error(builder, Service.S3, status, code, message);
  }
}
