package org.bgwizard.sandbox.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.bgwizard.sandbox.codecommit.CodeCommitState;
import org.bgwizard.sandbox.s3.S3State;

/** The events the simulated services put on EventBridge's default bus, shaped as AWS documents them. */
public final class ServiceEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceEvents() {}

  /**
   * "CodeCommit Repository State Change": referenceCreated for a new branch, referenceUpdated when a branch moves;
   * resources name the repository's ARN ("Monitoring CodeCommit events in Amazon EventBridge", CodeCommit User
   * Guide).
   */
  public static void referenceChanged(Ports.Events events, SandboxAccount account, String repositoryArn,
      CodeCommitState.Repository r, String branch, String oldCommitId, String commitId) {
    if (events == null) {
      return;
    }
    ObjectNode detail = JSON.createObjectNode();
    detail.put("callerUserArn", "arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME);
    detail.put("commitId", commitId);
    detail.put("event", oldCommitId == null ? "referenceCreated" : "referenceUpdated");
    if (oldCommitId != null) {
      detail.put("oldCommitId", oldCommitId);
    }
    detail.put("referenceFullName", "refs/heads/" + branch);
    detail.put("referenceName", branch);
    detail.put("referenceType", "branch");
    detail.put("repositoryId", r.id);
    detail.put("repositoryName", r.name);
    events.put("aws.codecommit", "CodeCommit Repository State Change", List.of(repositoryArn), detail);
  }

  /**
   * "Object Created" from a bucket with EventBridge notifications on; resources name the bucket's ARN ("Using
   * EventBridge" and "EventBridge event message structure", Amazon S3 User Guide).
   */
  public static void objectCreated(Ports.Events events, SandboxAccount account, String bucket, String key,
      S3State.ObjectVersion v) {
    objectCreated(events, account, bucket, key, v, "PutObject");
  }

  /** As above, with the event's {@code reason}: PutObject, CopyObject… ("EventBridge event message structure"). */
  public static void objectCreated(Ports.Events events, SandboxAccount account, String bucket, String key,
      S3State.ObjectVersion v, String reason) {
    if (events == null) {
      return;
    }
    ObjectNode detail = JSON.createObjectNode();
    detail.put("version", "0");
    detail.putObject("bucket").put("name", bucket);
    ObjectNode object = detail.putObject("object").put("key", key).put("size", v.size)
        .put("etag", v.etag.replace("\"", ""));
    if (!"null".equals(v.versionId)) {
      object.put("version-id", v.versionId);
    }
    detail.put("request-id", account.ids().hex(16).toUpperCase(Locale.ROOT));
    detail.put("requester", account.accountId());
    detail.put("reason", reason);
    events.put("aws.s3", "Object Created", List.of("arn:aws:s3:::" + bucket), detail);
  }
}
