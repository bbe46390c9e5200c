package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/** S3 buckets: find, create private, versioned, encrypted and tagged; empty and delete. */
public final class Buckets {
  private static final int DELETE_BATCH = 1000;
  private static final String US_EAST_1 = "us-east-1";
  private final AwsClients clients;

  public Buckets(AwsClients clients) {
    this.clients = clients;
  }

  private S3Client s3() {
    return clients.s3();
  }

  /** The bucket if this account owns it; empty when there is none (another account's answers 403, thrown). */
  public Optional<BucketInfo> find(String name) {
    try {
      String region = s3().headBucket(r -> r.bucket(name)).bucketRegion();
      boolean versioned = s3().getBucketVersioning(r -> r.bucket(name)).status() == BucketVersioningStatus.ENABLED;
      return Optional.of(new BucketInfo(name, region == null ? US_EAST_1 : region, versioned));
    } catch (NoSuchBucketException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Creates the bucket in {@code region} (us-east-1 takes no location constraint). */
  public void create(String name, String region) {
    s3().createBucket(r -> {
      r.bucket(name);
      if (!US_EAST_1.equals(region)) {
        r.createBucketConfiguration(c -> c.locationConstraint(region));
      }
    });
  }

  /** Blocks public access, encrypts with S3-managed keys, keeps versions and sets the tags. */
  public void secure(String name, Map<String, String> tags) {
    s3().putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
        .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    s3().putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    s3().putBucketVersioning(r -> r.bucket(name)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3().putBucketTagging(r -> r.bucket(name).tagging(t -> t.tagSet(tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
  }

  /** Replaces the bucket's whole tag set (PutBucketTagging), or deletes it when {@code tags} is empty. */
  void putTags(String name, Map<String, String> tags) {
    if (tags.isEmpty()) {
      s3().deleteBucketTagging(r -> r.bucket(name));
      return;
    }
    s3().putBucketTagging(r -> r.bucket(name).tagging(t -> t.tagSet(tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
  }

  public Map<String, String> tagsOf(String name) {
    var tags = new TreeMap<String, String>();
    try {
      s3().getBucketTagging(r -> r.bucket(name)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
    } catch (S3Exception e) {
      if (e.awsErrorDetails() == null || !"NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
    }
    return tags;
  }

  /** Deletes every object version and delete marker, then the bucket (S3 refuses to delete a non-empty one). */
  public void emptyAndDelete(String name) {
    List<ObjectIdentifier> all = new ArrayList<>();
    for (var page : s3().listObjectVersionsPaginator(r -> r.bucket(name))) {
      page.versions().forEach(v -> all.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
      page.deleteMarkers().forEach(m -> all.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId())
          .build()));
    }
    for (int i = 0; i < all.size(); i += DELETE_BATCH) {
      var batch = all.subList(i, Math.min(all.size(), i + DELETE_BATCH));
      s3().deleteObjects(r -> r.bucket(name).delete(d -> d.objects(batch).quiet(true)));
    }
    s3().deleteBucket(r -> r.bucket(name));
  }

  public List<String> listNames() {
    return s3().listBucketsPaginator(r -> { }).buckets().stream().map(b -> b.name()).toList();
  }

  /** Whether the object exists (HeadObject). */
  public boolean hasObject(String bucket, String key) {
    try {
      s3().headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Uploads {@code content}; returns the new version's id (null in a bucket without versioning). */
  public String putObject(String bucket, String key, byte[] content) {
    return s3().putObject(r -> r.bucket(bucket).key(key).contentType("application/zip"),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(content)).versionId();
  }

  /**
   * Whether the bucket sends its events to EventBridge (GetBucketNotificationConfiguration: an
   * EventBridgeConfiguration is present; "Using EventBridge", Amazon S3 User Guide).
   */
  public boolean sendsEventsToEventBridge(String name) {
    return s3().getBucketNotificationConfiguration(r -> r.bucket(name)).eventBridgeConfiguration() != null;
  }

  /**
   * Turns on the bucket's EventBridge notifications ("Enabling Amazon EventBridge", Amazon S3 User Guide): every
   * object event then reaches the default bus, where the setup's rule picks the source object's.
   */
  public void sendEventsToEventBridge(String name) {
    s3().putBucketNotificationConfiguration(r -> r.bucket(name).notificationConfiguration(c -> c
        .eventBridgeConfiguration(EventBridgeConfiguration.builder().build())));
  }
}
