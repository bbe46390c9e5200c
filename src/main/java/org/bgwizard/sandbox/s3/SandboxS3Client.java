package org.bgwizard.sandbox.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.DeletePublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;
import org.bgwizard.sandbox.core.ListPage;

/** S3 buckets and objects. Object bodies go through RequestBody / ResponseTransformer as the SDK's do. */
public final class SandboxS3Client implements S3Client {
  private final SandboxAccount account;
  private final S3Engine engine;
  private final S3Copies copies;

  public SandboxS3Client(SandboxAccount account, S3Engine engine) {
    this.account = account;
    this.engine = engine;
    this.copies = new S3Copies(engine);
  }

  // ---- buckets

  @Override
  public CreateBucketResponse createBucket(CreateBucketRequest r) {
    return account.call(Service.S3, "CreateBucket", () -> {
      var config = r.createBucketConfiguration();
      boolean created = engine.createBucket(r.bucket(), config == null ? null : config.locationConstraintAsString());
      if (created && config != null && !config.tags().isEmpty()) {
        engine.putTags(r.bucket(), tagMap(config.tags()), config.tags().size());
      }
      String location = account.region().equals("us-east-1") ? "/" + r.bucket()
          : "http://" + r.bucket() + ".s3.amazonaws.com/";
      return CreateBucketResponse.builder().location(location).bucketArn("arn:aws:s3:::" + r.bucket()).build();
    });
  }

  @Override
  public HeadBucketResponse headBucket(HeadBucketRequest r) {
    return account.call(Service.S3, "HeadBucket", () -> HeadBucketResponse.builder()
        .bucketRegion(engine.headBucket(r.bucket()).region).accessPointAlias(false).build());
  }

  @Override
  public ListBucketsResponse listBuckets(ListBucketsRequest r) {
    return account.call(Service.S3, "ListBuckets", () -> {
      int max = r.maxBuckets() == null ? 10_000 : r.maxBuckets();
      if (max < 1 || max > 10_000) {
        throw engine.error(S3Exception.builder(), 400, "InvalidArgument", "maxBuckets must be between 1 and 10000");
      }
      var page = ListPage.of(engine.buckets(r.prefix()), b -> b.name, r.continuationToken(), max, this::badToken);
      return ListBucketsResponse.builder()
          .buckets(page.items().stream().map(b -> Bucket.builder().name(b.name).creationDate(b.createdAt)
              .bucketRegion(b.region).bucketArn("arn:aws:s3:::" + b.name).build()).toList())
          .owner(owner()).prefix(r.prefix()).continuationToken(page.nextToken()).build();
    });
  }

  @Override
  public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest r) {
    return account.call(Service.S3, "GetBucketLocation", () -> {
      String region = engine.bucket(r.bucket()).region;
      return GetBucketLocationResponse.builder().locationConstraint(region.equals("us-east-1") ? null : region).build();
    });
  }

  @Override
  public DeleteBucketResponse deleteBucket(DeleteBucketRequest r) {
    return account.call(Service.S3, "DeleteBucket", () -> {
      engine.deleteBucket(r.bucket());
      return DeleteBucketResponse.builder().build();
    });
  }

  @Override
  public PutBucketVersioningResponse putBucketVersioning(PutBucketVersioningRequest r) {
    return account.call(Service.S3, "PutBucketVersioning", () -> {
      engine.putVersioning(r.bucket(),
          r.versioningConfiguration() == null ? null : r.versioningConfiguration().statusAsString());
      return PutBucketVersioningResponse.builder().build();
    });
  }

  @Override
  public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest r) {
    return account.call(Service.S3, "GetBucketVersioning", () -> GetBucketVersioningResponse.builder()
        .status(engine.bucket(r.bucket()).versioning).build());
  }

  /** Only the EventBridge destination is simulated; an empty configuration turns notifications off. */
  @Override
  public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(
      PutBucketNotificationConfigurationRequest r) {
    return account.call(Service.S3, "PutBucketNotificationConfiguration", () -> {
      engine.eventBridgeNotifications(r.bucket(), r.notificationConfiguration() != null
          && r.notificationConfiguration().eventBridgeConfiguration() != null);
      return PutBucketNotificationConfigurationResponse.builder().build();
    });
  }

  @Override
  public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(
      GetBucketNotificationConfigurationRequest r) {
    return account.call(Service.S3, "GetBucketNotificationConfiguration", () -> {
      var response = GetBucketNotificationConfigurationResponse.builder();
      if (engine.bucket(r.bucket()).eventBridgeEnabled) {
        response.eventBridgeConfiguration(EventBridgeConfiguration.builder().build());
      }
      return response.build();
    });
  }

  @Override
  public PutBucketTaggingResponse putBucketTagging(PutBucketTaggingRequest r) {
    return account.call(Service.S3, "PutBucketTagging", () -> {
      List<Tag> tags = r.tagging() == null ? List.of() : r.tagging().tagSet();
      engine.putTags(r.bucket(), tagMap(tags), tags.size());
      return PutBucketTaggingResponse.builder().build();
    });
  }

  @Override
  public GetBucketTaggingResponse getBucketTagging(GetBucketTaggingRequest r) {
    return account.call(Service.S3, "GetBucketTagging", () -> GetBucketTaggingResponse.builder()
        .tagSet(engine.tags(r.bucket()).entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
        .build());
  }

  @Override
  public DeleteBucketTaggingResponse deleteBucketTagging(DeleteBucketTaggingRequest r) {
    return account.call(Service.S3, "DeleteBucketTagging", () -> {
      engine.bucket(r.bucket()).tags = null;
      return DeleteBucketTaggingResponse.builder().build();
    });
  }

  @Override
  public PutPublicAccessBlockResponse putPublicAccessBlock(PutPublicAccessBlockRequest r) {
    return account.call(Service.S3, "PutPublicAccessBlock", () -> {
      PublicAccessBlockConfiguration c = r.publicAccessBlockConfiguration();
      engine.bucket(r.bucket()).publicAccessBlock = List.of(Boolean.TRUE.equals(c.blockPublicAcls()),
          Boolean.TRUE.equals(c.ignorePublicAcls()), Boolean.TRUE.equals(c.blockPublicPolicy()),
          Boolean.TRUE.equals(c.restrictPublicBuckets()));
      return PutPublicAccessBlockResponse.builder().build();
    });
  }

  @Override
  public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest r) {
    return account.call(Service.S3, "GetPublicAccessBlock", () -> {
      List<Boolean> b = engine.publicAccessBlock(r.bucket());
      return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(PublicAccessBlockConfiguration
          .builder().blockPublicAcls(b.get(0)).ignorePublicAcls(b.get(1)).blockPublicPolicy(b.get(2))
          .restrictPublicBuckets(b.get(3)).build()).build();
    });
  }

  @Override
  public DeletePublicAccessBlockResponse deletePublicAccessBlock(DeletePublicAccessBlockRequest r) {
    return account.call(Service.S3, "DeletePublicAccessBlock", () -> {
      engine.bucket(r.bucket()).publicAccessBlock = null;
      return DeletePublicAccessBlockResponse.builder().build();
    });
  }

  @Override
  public PutBucketEncryptionResponse putBucketEncryption(PutBucketEncryptionRequest r) {
    return account.call(Service.S3, "PutBucketEncryption", () -> {
      var rules = r.serverSideEncryptionConfiguration() == null ? List.<ServerSideEncryptionRule>of()
          : r.serverSideEncryptionConfiguration().rules();
      ServerSideEncryptionRule rule = rules.isEmpty() ? null : rules.get(0);
      ServerSideEncryptionByDefault d = rule == null ? null : rule.applyServerSideEncryptionByDefault();
      engine.putEncryption(r.bucket(), d == null ? null : d.sseAlgorithmAsString(), d == null ? null : d.kmsMasterKeyID(),
          rule != null && Boolean.TRUE.equals(rule.bucketKeyEnabled()));
      return PutBucketEncryptionResponse.builder().build();
    });
  }

  @Override
  public GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest r) {
    return account.call(Service.S3, "GetBucketEncryption", () -> {
      S3State.Bucket b = engine.bucket(r.bucket());
      return GetBucketEncryptionResponse.builder().serverSideEncryptionConfiguration(c -> c.rules(
          ServerSideEncryptionRule.builder().bucketKeyEnabled(b.bucketKeyEnabled)
              .applyServerSideEncryptionByDefault(ServerSideEncryptionByDefault.builder()
                  .sseAlgorithm(b.encryptionAlgorithm).kmsMasterKeyID(b.kmsKeyId).build())
              .build())).build();
    });
  }

  // ---- objects

  @Override
  public PutObjectResponse putObject(PutObjectRequest r, RequestBody body) {
    byte[] content = read(body);
    return account.call(Service.S3, "PutObject", () -> {
      S3State.ObjectVersion v = engine.putObject(r.bucket(), r.key(), content,
          r.contentType() != null ? r.contentType() : body.contentType(), r.metadata());
      return PutObjectResponse.builder().eTag(v.etag).size(v.size).serverSideEncryption("AES256")
          .versionId(v.versionId.equals("null") ? null : v.versionId).build();
    });
  }

  @Override
  public CopyObjectResponse copyObject(CopyObjectRequest r) {
    return account.call(Service.S3, "CopyObject", () -> {
      var copied = copies.copy(r.sourceBucket(), r.sourceKey(), r.sourceVersionId(), r.destinationBucket(),
          r.destinationKey());
      return CopyObjectResponse.builder().copyObjectResult(c -> c.eTag(copied.copy().etag)
              .lastModified(copied.copy().lastModified))
          .versionId(copied.copy().versionId.equals("null") ? null : copied.copy().versionId)
          .copySourceVersionId(copied.source().versionId.equals("null") ? null : copied.source().versionId)
          .serverSideEncryption("AES256").build();
    });
  }

  @Override
  public <T> T getObject(GetObjectRequest r, ResponseTransformer<GetObjectResponse, T> transformer) {
    var found = account.call(Service.S3, "GetObject", () -> {
      S3State.ObjectVersion v = engine.getObject(r.bucket(), r.key(), r.versionId(), false);
      GetObjectResponse response = GetObjectResponse.builder().eTag(v.etag).contentLength(v.size)
          .lastModified(v.lastModified).contentType(v.contentType).metadata(v.metadata).acceptRanges("bytes")
          .serverSideEncryption("AES256").versionId(versionShown(r.bucket(), v)).build();
      return Map.entry(response, Base64.getDecoder().decode(v.data));
    });
    try {
      return transformer.transform(found.getKey(),
          AbortableInputStream.create(new ByteArrayInputStream(found.getValue())));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw SdkClientException.builder().message("the response transformer failed").cause(e).build();
    }
  }

  @Override
  public HeadObjectResponse headObject(HeadObjectRequest r) {
    return account.call(Service.S3, "HeadObject", () -> {
      S3State.ObjectVersion v = engine.getObject(r.bucket(), r.key(), r.versionId(), true);
      return HeadObjectResponse.builder().eTag(v.etag).contentLength(v.size).lastModified(v.lastModified)
          .contentType(v.contentType).metadata(v.metadata).acceptRanges("bytes").serverSideEncryption("AES256")
          .versionId(versionShown(r.bucket(), v)).build();
    });
  }

  @Override
  public ListObjectsV2Response listObjectsV2(ListObjectsV2Request r) {
    return account.call(Service.S3, "ListObjectsV2", () -> {
      int max = r.maxKeys() == null ? 1000 : Math.min(r.maxKeys(), 1000);
      String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
      String prefix = r.prefix() == null ? "" : r.prefix();
      List<Listed> entries = new ArrayList<>();
      for (var e : engine.liveObjects(r.bucket(), prefix)) {
        int cut = delimiter == null ? -1 : e.getKey().indexOf(delimiter, prefix.length());
        String name = cut < 0 ? e.getKey() : e.getKey().substring(0, cut + delimiter.length());
        boolean repeated = !entries.isEmpty() && entries.get(entries.size() - 1).name().equals(name);
        if (!repeated && (r.startAfter() == null || name.compareTo(r.startAfter()) > 0)) {
          entries.add(new Listed(name, cut < 0 ? e.getValue() : null));
        }
      }
      var page = max <= 0 ? new ListPage<Listed>(List.of(), null)
          : ListPage.of(entries, Listed::name, r.continuationToken(), max, this::badToken);
      List<S3Object> contents = new ArrayList<>();
      List<CommonPrefix> prefixes = new ArrayList<>();
      for (Listed e : page.items()) {
        if (e.version() == null) {
          prefixes.add(CommonPrefix.builder().prefix(e.name()).build());
        } else {
          contents.add(S3Object.builder().key(e.name()).eTag(e.version().etag).size(e.version().size)
              .lastModified(e.version().lastModified).storageClass("STANDARD").build());
        }
      }
      return ListObjectsV2Response.builder().name(r.bucket()).prefix(r.prefix()).delimiter(r.delimiter())
          .maxKeys(max).keyCount(page.items().size()).contents(contents).commonPrefixes(prefixes)
          .continuationToken(r.continuationToken()).startAfter(r.startAfter())
          .isTruncated(page.nextToken() != null).nextContinuationToken(page.nextToken()).build();
    });
  }

  @Override
  public ListObjectVersionsResponse listObjectVersions(ListObjectVersionsRequest r) {
    return account.call(Service.S3, "ListObjectVersions", () -> {
      if (r.delimiter() != null && !r.delimiter().isEmpty()) {
        throw engine.error(S3Exception.builder(), 501, "NotImplemented",
            "A header you provided implies functionality that is not implemented");
      }
      int max = r.maxKeys() == null ? 1000 : Math.min(r.maxKeys(), 1000);
      var all = engine.allVersions(r.bucket(), r.prefix());
      int start = 0;
      if (r.keyMarker() != null) {
        while (start < all.size() && all.get(start).getKey().compareTo(r.keyMarker()) < 0) {
          start++;
        }
        if (r.versionIdMarker() == null) {
          while (start < all.size() && all.get(start).getKey().equals(r.keyMarker())) {
            start++;
          }
        } else {
          int at = start;
          while (at < all.size() && all.get(at).getKey().equals(r.keyMarker())) {
            if (all.get(at++).getValue().versionId.equals(r.versionIdMarker())) {
              start = at;
              break;
            }
          }
        }
      }
      int end = Math.min(all.size(), start + Math.max(max, 0));
      List<ObjectVersion> versions = new ArrayList<>();
      List<DeleteMarkerEntry> markers = new ArrayList<>();
      for (int i = start; i < end; i++) {
        String key = all.get(i).getKey();
        S3State.ObjectVersion v = all.get(i).getValue();
        boolean latest = i == 0 || !all.get(i - 1).getKey().equals(key);
        if (v.deleteMarker) {
          markers.add(DeleteMarkerEntry.builder().key(key).versionId(v.versionId).isLatest(latest)
              .lastModified(v.lastModified).owner(owner()).build());
        } else {
          versions.add(ObjectVersion.builder().key(key).versionId(v.versionId).isLatest(latest).eTag(v.etag)
              .size(v.size).lastModified(v.lastModified).storageClass("STANDARD").owner(owner()).build());
        }
      }
      boolean truncated = end < all.size();
      return ListObjectVersionsResponse.builder().name(r.bucket()).prefix(r.prefix()).maxKeys(max)
          .keyMarker(r.keyMarker()).versionIdMarker(r.versionIdMarker())
          .versions(versions).deleteMarkers(markers).isTruncated(truncated)
          .nextKeyMarker(truncated ? all.get(end - 1).getKey() : null)
          .nextVersionIdMarker(truncated ? all.get(end - 1).getValue().versionId : null)
          .build();
    });
  }

  @Override
  public DeleteObjectResponse deleteObject(DeleteObjectRequest r) {
    return account.call(Service.S3, "DeleteObject", () -> {
      S3Engine.Deleted d = engine.deleteObject(r.bucket(), r.key(), r.versionId());
      return DeleteObjectResponse.builder().deleteMarker(d.deleteMarker() ? true : null)
          .versionId(d.versionId())
          .build();
    });
  }

  @Override
  public DeleteObjectsResponse deleteObjects(DeleteObjectsRequest r) {
    return account.call(Service.S3, "DeleteObjects", () -> {
      List<ObjectIdentifier> objects = r.delete() == null ? List.of() : r.delete().objects();
      if (objects.isEmpty() || objects.size() > 1000) {
        throw engine.error(S3Exception.builder(), 400, "MalformedXML",
            "The XML you provided was not well-formed or did not validate against our published schema");
      }
      engine.bucket(r.bucket());
      boolean quiet = Boolean.TRUE.equals(r.delete().quiet());
      List<DeletedObject> deleted = new ArrayList<>();
      List<S3Error> errors = new ArrayList<>();
      for (ObjectIdentifier o : objects) {
        if (o.key() == null || o.key().isEmpty()) {
          errors.add(S3Error.builder().key(o.key()).code("InvalidArgument").message("Invalid key").build());
          continue;
        }
        S3Engine.Deleted d = engine.deleteObject(r.bucket(), o.key(), o.versionId());
        if (!quiet) {
          var b = DeletedObject.builder().key(o.key()).versionId(o.versionId());
          if (d.deleteMarker()) {
            b.deleteMarker(true).deleteMarkerVersionId(d.versionId());
          }
          deleted.add(b.build());
        }
      }
      return DeleteObjectsResponse.builder().deleted(deleted).errors(errors).build();
    });
  }

  // ---- helpers

  /** A ListObjectsV2 entry: an object, or a common prefix (no version). */
  private record Listed(String name, S3State.ObjectVersion version) {}

  /** Unversioned buckets report no version id; versioned ones report it, "null" included. */
  private String versionShown(String bucket, S3State.ObjectVersion v) {
    return engine.bucket(bucket).versioning == null ? null : v.versionId;
  }

  private Owner owner() {
    return Owner.builder().id(String.format("%064x", Long.parseLong(account.accountId()))).build();
  }

  private RuntimeException badToken() {
    return engine.error(S3Exception.builder(), 400, "InvalidArgument", "The continuation token provided is incorrect");
  }

  private static Map<String, String> tagMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static byte[] read(RequestBody body) {
    try (InputStream in = body.contentStreamProvider().newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
