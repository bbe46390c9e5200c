package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.artifacts.SourceZip;
import org.bgwizard.aws.BucketInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.Source;

/**
 * The S3 source: a private, encrypted bucket with versioning (the S3 source action needs it) whose object events go
 * to EventBridge (the setup's rule starts the pipeline on a new version of the key), and, when the object
 * is not there yet, a first upload of the generated files (and the starter app when chosen) as a zip, so the
 * pipeline's first run has something to build. Later releases are uploads of a new version of the same key.
 */
final class SourceBucketStep extends AwsStep<BucketInfo> {

  SourceBucketStep(Setup setup) {
    super(setup, ResourceKind.BUCKET, setup.spec().source().s3Bucket(), Origin.CREATE, List.of(),
        Duration.ofSeconds(3));
  }

  private String name() {
    return ref().name();
  }

  private Source source() {
    return setup.spec().source();
  }

  @Override
  Optional<BucketInfo> lookUp() {
    return setup.aws().buckets().find(name());
  }

  @Override
  PlanStatus compare(BucketInfo found) {
    if (!found.region().equals(setup.target().region())) {
      return PlanStatus.refuse("The source bucket " + name() + " is in " + found.region() + "; CodePipeline reads"
          + " sources from " + setup.target().region());
    }
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(BucketInfo found) {
    return setup.arns().bucketArn(found.name());
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var buckets = setup.aws().buckets();
    Optional<BucketInfo> found = call(ctx, "s3 HeadBucket " + name(), () -> buckets.find(name()));
    found.ifPresent(this::requireUsable);
    if (found.isEmpty()) {
      ctx.beforeCreate();
      run(ctx, "s3 CreateBucket " + name(), () -> buckets.create(name(), setup.target().region()));
      ctx.created(Map.of("arn", setup.arns().bucketArn(name())));
    }
    if (found.isEmpty() || startedEarlier(ctx)) {
      run(ctx, "s3 PutPublicAccessBlock, PutBucketEncryption, PutBucketVersioning, PutBucketTagging " + name(),
          () -> buckets.secure(name(), setup.tags()));
    }
    if (!call(ctx, "s3 GetBucketNotificationConfiguration " + name(), () -> buckets.sendsEventsToEventBridge(name()))) {
      run(ctx, "s3 PutBucketNotificationConfiguration " + name(), () -> buckets.sendEventsToEventBridge(name()));
      ctx.progress("the bucket sends its object events to EventBridge, where the setup's rule starts the pipeline");
    }
    String key = source().s3ObjectKey();
    if (!call(ctx, "s3 HeadObject " + name() + "/" + key, () -> buckets.hasObject(name(), key))) {
      var files = new LinkedHashMap<String, String>();
      for (RepoFile f : RepoFiles.generate(setup.spec(), setup.target())) {
        files.put(f.path(), f.content());
      }
      byte[] zip = SourceZip.ofTexts(files);
      call(ctx, "s3 PutObject " + name() + "/" + key, () -> buckets.putObject(name(), key, zip));
      ctx.progress("uploaded " + String.join(", ", files.keySet()) + " as s3://" + name() + "/" + key);
    }
    return StepOutcome.of("arn", setup.arns().bucketArn(name()), "name", name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "s3 DeleteObjectVersions, DeleteBucket " + name(), () -> setup.aws().buckets().emptyAndDelete(name()));
  }

  @Override
  public String cliEquivalent() {
    return "aws s3api create-bucket --bucket " + name() + " && aws s3api put-bucket-versioning --bucket " + name()
        + " --versioning-configuration Status=Enabled && aws s3api put-bucket-notification-configuration --bucket "
        + name() + " --notification-configuration '{\"EventBridgeConfiguration\":{}}' && (cd files && zip -r ../source.zip .) && aws s3 cp source.zip"
        + " s3://" + name() + "/" + source().s3ObjectKey();
  }
}
