package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.aws.RepositoryInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.ImageRepository;

/**
 * The ECR repository the build pushes to, scanning on push and keeping the newest N images. One of this setup's
 * (tagged so, or recorded in the journal) is brought in line in place: PutLifecyclePolicy, PutImageScanningConfiguration,
 * PutImageTagMutability and TagResource. A repository of the user's is only used.
 */
final class RepositoryStep extends AwsStep<RepositoryStep.Found> {
  /** A repository as found, with its lifecycle policy's text and its tags (neither read for the user's own). */
  record Found(RepositoryInfo repository, Optional<String> lifecyclePolicy, TagChanges.Read read) {
    Map<String, String> tags() {
      return read.tags();
    }
  }

  /** Every build pushes the tag latest again (buildspec.yml): an immutable repository refuses the push. */
  private static final String MUTABLE = "MUTABLE";
  private final ImageRepository repository;

  RepositoryStep(Setup setup) {
    super(setup, ResourceKind.ECR_REPOSITORY, setup.spec().repository().name(),
        setup.spec().repository().existing() ? Origin.REUSE : Origin.CREATE, List.of(), Duration.ofSeconds(2));
    this.repository = setup.spec().repository();
  }

  private String name() {
    return repository.name();
  }

  @Override
  Optional<Found> lookUp() throws Exception {
    var repos = setup.aws().repositories();
    Optional<RepositoryInfo> found = repos.find(name());
    if (found.isEmpty() || origin() == Origin.REUSE) {
      return found.map(r -> new Found(r, Optional.empty(), new TagChanges.Read(Map.of(), null)));
    }
    RepositoryInfo r = found.get();
    return Optional.of(new Found(r, repos.lifecyclePolicy(name()), TagChanges.Read.of(() -> repos.tagsOf(r.arn()))));
  }

  @Override
  PlanStatus compare(Found found) {
    if (origin() == Origin.REUSE || !setup.ours(found.tags())) {
      return PlanStatus.update(List.of());
    }
    return PlanStatus.update(changes(found), command(found));
  }

  private List<Change> changes(Found found) {
    var changes = new ArrayList<Change>();
    if (!matches(found.lifecyclePolicy())) {
      changes.add(new Change("lifecycle policy", found.lifecyclePolicy().map(RepositoryStep::describe)
          .orElse("none"), "keep the newest " + repository.keepImages() + " images"));
    }
    if (found.repository().scanOnPush() != repository.scanOnPush()) {
      changes.add(new Change("scan on push", String.valueOf(found.repository().scanOnPush()),
          String.valueOf(repository.scanOnPush())));
    }
    if (!MUTABLE.equals(found.repository().tagMutability())) {
      changes.add(new Change("tag mutability", found.repository().tagMutability(), MUTABLE));
    }
    changes.addAll(TagChanges.changes(setup, found.tags()));
    return changes;
  }

  private boolean matches(Optional<String> policy) {
    return policy.isPresent() && JsonDiff.parse(policy.get()).equals(JsonDiff.parse(lifecyclePolicy()));
  }

  /** "keep the newest 5 images" for a policy of the setup's shape, else "other rules". */
  private static String describe(String policy) {
    JsonNode rules = JsonDiff.parse(policy).path("rules");
    JsonNode selection = rules.path(0).path("selection");
    return rules.size() == 1 && "imageCountMoreThan".equals(selection.path("countType").asText())
        ? "keep the newest " + selection.path("countNumber").asText() + " images" : "other rules";
  }

  private String command(Found found) {
    var commands = new ArrayList<String>();
    if (!matches(found.lifecyclePolicy())) {
      commands.add(putLifecycleCommand());
    }
    if (found.repository().scanOnPush() != repository.scanOnPush()) {
      commands.add("aws ecr put-image-scanning-configuration --repository-name " + name()
          + " --image-scanning-configuration scanOnPush=" + repository.scanOnPush());
    }
    if (!MUTABLE.equals(found.repository().tagMutability())) {
      commands.add("aws ecr put-image-tag-mutability --repository-name " + name() + " --image-tag-mutability "
          + MUTABLE);
    }
    Map<String, String> missing = TagChanges.missing(setup, found.tags());
    if (!missing.isEmpty()) {
      commands.add("aws ecr tag-resource --resource-arn " + found.repository().arn() + " --tags "
          + TagChanges.cliList(missing));
    }
    return String.join(" && ", commands);
  }

  @Override
  String idOf(Found found) {
    return found.repository().arn();
  }

  @Override
  Map<String, String> tagsOf(Found found) throws Exception {
    return origin() == Origin.REUSE ? super.tagsOf(found) : found.read().orThrow();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var repos = setup.aws().repositories();
    Optional<RepositoryInfo> found = call(ctx, "ecr DescribeRepositories " + name(), () -> repos.find(name()));
    if (origin() == Origin.REUSE) {
      return outcome(found.orElseThrow(() -> new IllegalStateException("The ECR repository " + name()
          + " does not exist")));
    }
    if (found.isEmpty()) {
      ctx.beforeCreate();
      RepositoryInfo info = creating(ctx, "ecr CreateRepository " + name(), () -> repos.create(name(),
          repository.scanOnPush(), setup.tags()), () -> repos.find(name()).map(r -> new Found(r, Optional.empty(),
              new TagChanges.Read(repos.tagsOf(r.arn()), null))));
      ctx.created(Map.of("arn", info.arn(), "uri", info.uri()));
      run(ctx, "ecr PutLifecyclePolicy " + name(), () -> repos.putLifecyclePolicy(name(), lifecyclePolicy()));
      return outcome(info);
    }
    RepositoryInfo info = found.get();
    Map<String, String> tags = call(ctx, "ecr ListTagsForResource " + name(), () -> repos.tagsOf(info.arn()));
    claimIfTagged(ctx, new Found(info, Optional.empty(), new TagChanges.Read(tags, null)));
    boolean ours = startedEarlier(ctx) || recordedAsOurs(ctx);
    if (!ours && !setup.ours(tags)) {
      return outcome(info);
    }
    Optional<String> policy = call(ctx, "ecr GetLifecyclePolicy " + name(), () -> repos.lifecyclePolicy(name()));
    if (!matches(policy)) {
      run(ctx, "ecr PutLifecyclePolicy " + name(), () -> repos.putLifecyclePolicy(name(), lifecyclePolicy()));
    }
    if (info.scanOnPush() != repository.scanOnPush()) {
      run(ctx, "ecr PutImageScanningConfiguration " + name(), () -> repos.putScanOnPush(name(),
          repository.scanOnPush()));
    }
    if (!MUTABLE.equals(info.tagMutability())) {
      run(ctx, "ecr PutImageTagMutability " + name(), () -> repos.makeTagsMutable(name()));
    }
    Map<String, String> missing = TagChanges.missing(setup, tags, true);
    if (!missing.isEmpty()) {
      run(ctx, "ecr TagResource " + name(), () -> repos.tag(info.arn(), missing));
    }
    return outcome(info);
  }

  private static StepOutcome outcome(RepositoryInfo info) {
    return StepOutcome.of("arn", info.arn(), "name", info.name(), "uri", info.uri());
  }

  /** Expire every image beyond the newest {@code keepImages}. */
  String lifecyclePolicy() {
    return ResourceTexts.ecrLifecyclePolicy(repository.keepImages()).toString();
  }

  private String putLifecycleCommand() {
    return "aws ecr put-lifecycle-policy --repository-name " + name() + " --lifecycle-policy-text '"
        + lifecyclePolicy() + "'";
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "ecr DeleteRepository " + name(), () -> setup.aws().repositories().deleteWithImages(name()));
  }

  @Override
  public String cliEquivalent() {
    if (origin() == Origin.REUSE) {
      return "aws ecr describe-repositories --repository-names " + name();
    }
    return "aws ecr create-repository --repository-name " + name()
        + " --image-scanning-configuration scanOnPush=" + repository.scanOnPush() + " --tags "
        + setup.cliTag() + " && " + putLifecycleCommand();
  }
}
