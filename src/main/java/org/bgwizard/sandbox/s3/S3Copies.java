package org.bgwizard.sandbox.s3;

import java.util.Base64;
import java.util.Objects;

/**
 * CopyObject (Amazon S3 API Reference): the source object's latest version (or the version asked for) becomes a new
 * object (a new version in a versioned bucket) with the same content, content type and metadata; copying an object
 * onto itself without changing anything is refused (InvalidRequest). A bucket with EventBridge notifications on emits
 * "Object Created" with reason CopyObject ("EventBridge event message structure", Amazon S3 User Guide), which starts
 * an S3-sourced pipeline whose rule matches the destination key.
 */
final class S3Copies {
  private final S3Engine engine;

  S3Copies(S3Engine engine) {
    this.engine = engine;
  }

  record Copied(S3State.ObjectVersion source, S3State.ObjectVersion copy) {}

  Copied copy(String sourceBucket, String sourceKey, String sourceVersionId, String bucket, String key) {
    S3State.ObjectVersion source = engine.getObject(sourceBucket, sourceKey, sourceVersionId, false);
    if (sourceBucket.equals(bucket) && sourceKey.equals(key) && Objects.equals(sourceVersionId, null)) {
      throw engine.error(software.amazon.awssdk.services.s3.model.S3Exception.builder(), 400, "InvalidRequest",
          "This copy request is illegal because it is trying to copy an object to itself without changing the"
              + " object's metadata, storage class, website redirect location or encryption attributes.");
    }
    S3State.ObjectVersion copy = engine.putObject(bucket, key, Base64.getDecoder().decode(source.data),
        source.contentType, source.metadata, "CopyObject");
    return new Copied(source, copy);
  }
}
