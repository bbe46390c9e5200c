package org.bgwizard.provision.steps;

import java.util.LinkedHashMap;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.artifacts.SourceZip;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.Source;

/**
 * The S3 source: a private, encrypted bucket with versioning (the S3 source action needs it) whose object events go
 * to EventBridge (the setup's rule starts the pipeline on a new version of the key), and, when the object
 * is not there yet, a first upload of the generated files (and the starter app when chosen) as a zip, so the
 * pipeline's first run has something to build. Later releases are uploads of a new version of the same key.
 */
final class SourceBucketStep extends BucketStep {

  SourceBucketStep(Setup setup) {
    super(setup, setup.spec().source().s3Bucket(), "The source bucket ", "; CodePipeline reads sources from ");
  }

  private Source source() {
    return setup.spec().source();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    ensureBucket(ctx);
    var buckets = setup.aws().buckets();
    if (!call(ctx, "s3 GetBucketNotificationConfiguration " + name(), () -> buckets.sendsEventsToEventBridge(name()))) {
      run(ctx, "s3 PutBucketNotificationConfiguration " + name(), () -> buckets.sendEventsToEventBridge(name()));
      ctx.progress("the bucket sends its object events to EventBridge, where the setup's rule starts the pipeline");
    }
    // Each environment's pipeline reads its own object, <env>/<key> (Environments.expand); the files are the same.
    for (String key : objectKeys()) {
      if (!call(ctx, "s3 HeadObject " + name() + "/" + key, () -> buckets.hasObject(name(), key))) {
        var files = new LinkedHashMap<String, String>();
        for (RepoFile f : RepoFiles.generate(setup.spec(), setup.target())) {
          files.put(f.path(), f.content());
        }
        byte[] zip = SourceZip.ofTexts(files);
        call(ctx, "s3 PutObject " + name() + "/" + key, () -> buckets.putObject(name(), key, zip));
        ctx.progress("uploaded " + String.join(", ", files.keySet()) + " as s3://" + name() + "/" + key);
      }
    }
    return withTags(StepOutcome.of("arn", setup.arns().bucketArn(name()), "name", name()));
  }

  /** The object key of every environment's pipeline (the setup's own key without environments). */
  private java.util.List<String> objectKeys() {
    return org.bgwizard.setup.Environments.expand(setup.spec()).stream().map(e -> e.spec().source().s3ObjectKey())
        .toList();
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "s3 DeleteObjectVersions, DeleteBucket " + name(), () -> setup.aws().buckets().emptyAndDelete(name()));
  }

  @Override
  public String cliEquivalent() {
    return "aws s3api create-bucket --bucket " + name() + " && aws s3api put-bucket-versioning --bucket " + name()
        + " --versioning-configuration Status=Enabled && aws s3api put-bucket-notification-configuration --bucket "
        + name() + " --notification-configuration '{\"EventBridgeConfiguration\":{}}'"
        + " && (cd files && zip -r ../source.zip .) && aws s3 cp source.zip s3://" + name() + "/"
        + source().s3ObjectKey();
  }
}
