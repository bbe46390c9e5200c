package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.BucketInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The pipeline's artifact bucket: private, encrypted, versioned, in the pipeline's region. {@link SourceBucketStep}
 * makes the S3 source's bucket the same way.
 */
class BucketStep extends AwsStep<BucketInfo> {
  private final String what;
  private final String neededIn;

  BucketStep(Setup setup) {
    this(setup, setup.arns().artifactBucket(), "The bucket ", "; CodePipeline needs its artifact bucket in ");
  }

  /** @param what and {@code neededIn} word the refusal of a bucket in another region than the pipeline's */
  BucketStep(Setup setup, String name, String what, String neededIn) {
    super(setup, ResourceKind.BUCKET, name, Origin.CREATE, List.of(), Duration.ofSeconds(3));
    this.what = what;
    this.neededIn = neededIn;
  }

  String name() {
    return ref().name();
  }

  @Override
  Optional<BucketInfo> lookUp() {
    return setup.aws().buckets().find(name());
  }

  @Override
  PlanStatus compare(BucketInfo found) {
    if (!found.region().equals(setup.target().region())) {
      return PlanStatus.refuse(what + name() + " is in " + found.region() + neededIn + setup.target().region());
    }
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(BucketInfo found) {
    return setup.arns().bucketArn(found.name());
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    ensureBucket(ctx);
    return withTags(StepOutcome.of("arn", setup.arns().bucketArn(name()), "name", name()));
  }

  /** Finds the bucket or creates it, and makes it private, encrypted, versioned and tagged when this run made it. */
  void ensureBucket(StepContext ctx) throws Exception {
    var buckets = setup.aws().buckets();
    Optional<BucketInfo> found = call(ctx, "s3 HeadBucket " + name(), () -> buckets.find(name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    } else {
      ctx.beforeCreate();
      creating(ctx, "s3 CreateBucket " + name(), () -> buckets.create(name(), setup.target().region()),
          () -> buckets.find(name()));
      ctx.created(Map.of("arn", setup.arns().bucketArn(name())));
    }
    if (found.isEmpty() || startedEarlier(ctx)) {
      run(ctx, "s3 PutPublicAccessBlock, PutBucketEncryption, PutBucketVersioning, PutBucketTagging " + name(),
          () -> buckets.secure(name(), setup.tags()));
    }
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "s3 DeleteObjects, DeleteBucket " + name(), () -> setup.aws().buckets().emptyAndDelete(name()));
  }

  @Override
  public String cliEquivalent() {
    String region = setup.target().region();
    return "aws s3api create-bucket --bucket " + name() + " --region " + region
        + ("us-east-1".equals(region) ? "" : " --create-bucket-configuration LocationConstraint=" + region)
        + " && aws s3api put-public-access-block --bucket " + name() + " --public-access-block-configuration"
        + " BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"
        + " && aws s3api put-bucket-versioning --bucket " + name() + " --versioning-configuration Status=Enabled"
        + " && aws s3api put-bucket-tagging --bucket " + name() + " --tagging 'TagSet=[{" + setup.cliTag() + "}]'";
  }
}
