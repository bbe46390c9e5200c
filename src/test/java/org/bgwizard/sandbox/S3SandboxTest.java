package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

class S3SandboxTest {
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  S3Client s3;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    s3 = sandbox.s3();
  }

  private void put(String bucket, String key, String content) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
  }

  private String get(String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
  }

  private void versionedBucket(String name) {
    s3.createBucket(b -> b.bucket(name));
    s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
  }

  @Test
  void createBucket_inUsEast1_thenHeadBucket_andCreatingAgainSucceeds() {
    s3.createBucket(b -> b.bucket("demo-artifacts-123456789012"));

    assertEquals("us-east-1", s3.headBucket(b -> b.bucket("demo-artifacts-123456789012")).bucketRegion());
    s3.createBucket(b -> b.bucket("demo-artifacts-123456789012"));
    assertEquals(1, s3.listBuckets().buckets().size());
  }

  @Test
  void listBuckets_paginatesWithTheSdkPaginator() {
    for (String name : List.of("demo-a", "demo-b", "demo-c", "other-d")) {
      s3.createBucket(b -> b.bucket(name));
    }

    assertEquals(List.of("demo-a", "demo-b", "demo-c", "other-d"), s3.listBucketsPaginator(b -> b.maxBuckets(3))
        .buckets().stream().map(software.amazon.awssdk.services.s3.model.Bucket::name).toList());
    assertEquals(3, s3.listBuckets(b -> b.prefix("demo-")).buckets().size());
  }

  @Test
  void createBucket_outsideUsEast1_needsTheLocationConstraint_andSecondCreateIsOwnedByYou() {
    S3Client tokyo = Sandbox.inMemory("ap-northeast-1", clock).s3();

    assertAwsError(S3Exception.class, "IllegalLocationConstraintException",
        "The unspecified location constraint is incompatible", () -> tokyo.createBucket(b -> b.bucket("demo-tokyo")));
    tokyo.createBucket(b -> b.bucket("demo-tokyo").createBucketConfiguration(c -> c.locationConstraint("ap-northeast-1")));
    var e = assertAwsError(BucketAlreadyOwnedByYouException.class, "BucketAlreadyOwnedByYou", "you already own it",
        () -> tokyo.createBucket(b -> b.bucket("demo-tokyo")
            .createBucketConfiguration(c -> c.locationConstraint("ap-northeast-1"))));
    assertEquals(409, e.statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Demo", "ab", "demo..artifacts", "192.168.1.1", "xn--demo", "-demo", "demo-", "demo_x"})
  void createBucket_withAnInvalidName_isInvalidBucketName(String name) {
    assertAwsError(S3Exception.class, "InvalidBucketName", "The specified bucket is not valid.",
        () -> s3.createBucket(b -> b.bucket(name)));
  }

  @Test
  void createBucket_withANameSomeoneElseOwns_isBucketAlreadyExists() {
    assertAwsError(BucketAlreadyExistsException.class, "BucketAlreadyExists", "bucket namespace is shared",
        () -> s3.createBucket(b -> b.bucket("test")));
  }

  @Test
  void headBucket_missing_isNoSuchBucketWithoutAMessage() {
    var e = assertAwsError(NoSuchBucketException.class, "NoSuchBucket", null,
        () -> s3.headBucket(b -> b.bucket("nothing-here")));
    assertEquals(404, e.statusCode());
    assertNull(e.awsErrorDetails().errorMessage());
  }

  @Test
  void putObject_thenGetObjectAsBytes_andHeadObject_returnContentAndEtag() {
    s3.createBucket(b -> b.bucket("demo-src"));
    put("demo-src", "app/source.zip", "hello");

    assertEquals("hello", get("demo-src", "app/source.zip"));
    var head = s3.headObject(b -> b.bucket("demo-src").key("app/source.zip"));
    assertEquals(5L, head.contentLength());
    assertEquals("\"5d41402abc4b2a76b9719d911017c592\"", head.eTag());
    assertNull(head.versionId());
    assertAwsError(NoSuchKeyException.class, "NoSuchKey", "The specified key does not exist.",
        () -> get("demo-src", "missing"));
  }

  @Test
  void listObjectsV2_paginatesWithTheSdkPaginator_andGroupsByDelimiter() {
    s3.createBucket(b -> b.bucket("demo-src"));
    for (String k : List.of("a.txt", "b.txt", "dir/one", "dir/two", "other/x", "z.txt")) {
      put("demo-src", k, k);
    }

    assertEquals(List.of("a.txt", "b.txt", "dir/one", "dir/two", "other/x", "z.txt"),
        s3.listObjectsV2Paginator(b -> b.bucket("demo-src").maxKeys(2)).contents().stream().map(S3Object::key).toList());
    var top = s3.listObjectsV2(b -> b.bucket("demo-src").delimiter("/"));
    assertEquals(List.of("a.txt", "b.txt", "z.txt"), top.contents().stream().map(S3Object::key).toList());
    assertEquals(List.of("dir/", "other/"), top.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    assertEquals(List.of("dir/one", "dir/two"), s3.listObjectsV2Paginator(b -> b.bucket("demo-src").prefix("dir/")
        .maxKeys(1)).contents().stream().map(S3Object::key).toList());
  }

  @Test
  void deleteBucket_withAnObject_isBucketNotEmpty_untilTheObjectIsDeleted() {
    s3.createBucket(b -> b.bucket("demo-src"));
    put("demo-src", "k", "v");

    var e = assertAwsError(S3Exception.class, "BucketNotEmpty", "The bucket you tried to delete is not empty",
        () -> s3.deleteBucket(b -> b.bucket("demo-src")));
    assertEquals(409, e.statusCode());
    s3.deleteObject(b -> b.bucket("demo-src").key("k"));
    s3.deleteBucket(b -> b.bucket("demo-src"));
    assertAwsError(NoSuchBucketException.class, "NoSuchBucket", "does not exist",
        () -> s3.getBucketVersioning(b -> b.bucket("demo-src")));
  }

  @Test
  void versionedBucket_deleteAddsAMarker_oldVersionsStayReadable_andBlockBucketDeletion() {
    versionedBucket("demo-versioned");
    put("demo-versioned", "source.zip", "v1");
    put("demo-versioned", "source.zip", "v2");
    String v2 = s3.headObject(b -> b.bucket("demo-versioned").key("source.zip")).versionId();

    var deleted = s3.deleteObject(b -> b.bucket("demo-versioned").key("source.zip"));
    assertTrue(deleted.deleteMarker());
    assertAwsError(NoSuchKeyException.class, "NoSuchKey", null, () -> get("demo-versioned", "source.zip"));
    assertEquals("v2", s3.getObjectAsBytes(b -> b.bucket("demo-versioned").key("source.zip").versionId(v2))
        .asUtf8String());
    assertTrue(s3.listObjectsV2(b -> b.bucket("demo-versioned")).contents().isEmpty());

    var versions = s3.listObjectVersionsPaginator(b -> b.bucket("demo-versioned").maxKeys(1));
    List<ObjectVersion> all = versions.versions().stream().toList();
    List<DeleteMarkerEntry> markers = versions.deleteMarkers().stream().toList();
    assertEquals(2, all.size());
    assertEquals(1, markers.size());
    assertTrue(markers.get(0).isLatest());
    assertAwsError(S3Exception.class, "BucketNotEmpty", "You must delete all versions in the bucket.",
        () -> s3.deleteBucket(b -> b.bucket("demo-versioned")));

    List<ObjectIdentifier> ids = new java.util.ArrayList<>();
    all.forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
    markers.forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
    s3.deleteObjects(b -> b.bucket("demo-versioned").delete(d -> d.objects(ids)));
    s3.deleteBucket(b -> b.bucket("demo-versioned"));
  }

  @Test
  void bucketTagging_isNoSuchTagSetUntilPut_andRejectsAwsKeys() {
    s3.createBucket(b -> b.bucket("demo-src"));
    var e = assertAwsError(S3Exception.class, "NoSuchTagSet", "The TagSet does not exist",
        () -> s3.getBucketTagging(b -> b.bucket("demo-src")));
    assertEquals(404, e.statusCode());

    s3.putBucketTagging(b -> b.bucket("demo-src").tagging(t -> t.tagSet(
        Tag.builder().key("bgwizard:setup").value("demo").build())));
    assertEquals("demo", s3.getBucketTagging(b -> b.bucket("demo-src")).tagSet().get(0).value());
    assertAwsError(S3Exception.class, "InvalidTag", "System tags",
        () -> s3.putBucketTagging(b -> b.bucket("demo-src").tagging(t -> t.tagSet(
            Tag.builder().key("aws:x").value("y").build()))));
  }

  @Test
  void newBucket_blocksPublicAccessAndEncryptsByDefault_andStoresWhatIsPut() {
    s3.createBucket(b -> b.bucket("demo-src"));
    var block = s3.getPublicAccessBlock(b -> b.bucket("demo-src")).publicAccessBlockConfiguration();
    assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy()
        && block.restrictPublicBuckets());
    assertEquals("AES256", s3.getBucketEncryption(b -> b.bucket("demo-src")).serverSideEncryptionConfiguration()
        .rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString());

    s3.putBucketEncryption(b -> b.bucket("demo-src").serverSideEncryptionConfiguration(c -> c.rules(r -> r
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("aws:kms").kmsMasterKeyID("alias/demo")))));
    assertEquals("alias/demo", s3.getBucketEncryption(b -> b.bucket("demo-src")).serverSideEncryptionConfiguration()
        .rules().get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID());
    s3.deletePublicAccessBlock(b -> b.bucket("demo-src"));
    assertAwsError(S3Exception.class, "NoSuchPublicAccessBlockConfiguration", "not found",
        () -> s3.getPublicAccessBlock(b -> b.bucket("demo-src")));
  }

  @Test
  void createBucket_inUsEast1_withItsOwnRegionAsConstraint_isInvalidLocationConstraint() {
    assertAwsError(S3Exception.class, "InvalidLocationConstraint", "not valid",
        () -> s3.createBucket(b -> b.bucket("demo-x").createBucketConfiguration(c -> c.locationConstraint("us-east-1"))));
  }

  @Test
  void suspendedVersioning_overwritesTheNullVersion_andAMarkerReadByIdIsMethodNotAllowed() {
    versionedBucket("demo-v");
    put("demo-v", "k", "kept");
    s3.putBucketVersioning(b -> b.bucket("demo-v").versioningConfiguration(v -> v.status("Suspended")));
    put("demo-v", "k", "first null");
    put("demo-v", "k", "second null");

    var versions = s3.listObjectVersions(b -> b.bucket("demo-v")).versions();
    assertEquals(List.of("null", versions.get(1).versionId()), versions.stream().map(ObjectVersion::versionId).toList());
    assertEquals("second null", get("demo-v", "k"));
    s3.putBucketVersioning(b -> b.bucket("demo-v").versioningConfiguration(v -> v.status("Enabled")));
    String marker = s3.deleteObject(b -> b.bucket("demo-v").key("k")).versionId();
    var e = assertAwsError(S3Exception.class, "MethodNotAllowed", "not allowed",
        () -> s3.getObjectAsBytes(b -> b.bucket("demo-v").key("k").versionId(marker)));
    assertEquals(405, e.statusCode());
  }

  @Test
  void deleteObjects_quiet_reportsNothingButDeletes() {
    s3.createBucket(b -> b.bucket("demo-src"));
    put("demo-src", "a", "1");
    put("demo-src", "b", "2");

    var response = s3.deleteObjects(b -> b.bucket("demo-src").delete(d -> d.quiet(true).objects(
        ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("b").build())));
    assertTrue(response.deleted().isEmpty());
    assertEquals(0, s3.listObjectsV2(b -> b.bucket("demo-src")).keyCount());
  }

  @Test
  void savedAccount_reopened_keepsBucketsVersionsAndContent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    S3Client first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE).s3();
    first.createBucket(b -> b.bucket("demo-versioned"));
    first.putBucketVersioning(b -> b.bucket("demo-versioned").versioningConfiguration(v -> v.status("Enabled")));
    first.putObject(b -> b.bucket("demo-versioned").key("k"), RequestBody.fromBytes(new byte[] {0, 1, (byte) 255}));
    first.putObject(b -> b.bucket("demo-versioned").key("k"), RequestBody.fromString("second", StandardCharsets.UTF_8));

    S3Client second = BasicServiceAssertions.reopen(file).s3();
    assertEquals("second", second.getObjectAsBytes(b -> b.bucket("demo-versioned").key("k")).asUtf8String());
    String firstVersion = second.listObjectVersions(b -> b.bucket("demo-versioned")).versions().get(1).versionId();
    assertTrue(java.util.Arrays.equals(new byte[] {0, 1, (byte) 255},
        second.getObjectAsBytes(b -> b.bucket("demo-versioned").key("k").versionId(firstVersion)).asByteArray()));
  }
}
