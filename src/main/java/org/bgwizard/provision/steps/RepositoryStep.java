package org.bgwizard.provision.steps;

import java.time.Duration;
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

/** The ECR repository the build pushes to, scanning on push and keeping the newest N images. */
final class RepositoryStep extends AwsStep<RepositoryInfo> {
  private final ImageRepository repository;

  RepositoryStep(Setup setup) {
    super(setup, ResourceKind.ECR_REPOSITORY, setup.spec().repository().name(),
        setup.spec().repository().existing() ? Origin.REUSE : Origin.CREATE, List.of(), Duration.ofSeconds(2));
    this.repository = setup.spec().repository();
  }

  @Override
  Optional<RepositoryInfo> lookUp() {
    return setup.aws().repositories().find(repository.name());
  }

  @Override
  PlanStatus compare(RepositoryInfo found) {
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(RepositoryInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var repos = setup.aws().repositories();
    String name = repository.name();
    Optional<RepositoryInfo> found = call(ctx, "ecr DescribeRepositories " + name, () -> repos.find(name));
    if (origin() == Origin.REUSE || (found.isPresent() && !startedEarlier(ctx))) {
      RepositoryInfo existing = found.orElseThrow(() -> new IllegalStateException("The ECR repository " + name
          + " does not exist"));
      return outcome(existing);
    }
    RepositoryInfo info;
    if (found.isEmpty()) {
      ctx.beforeCreate();
      info = call(ctx, "ecr CreateRepository " + name, () -> repos.create(name, repository.scanOnPush(),
          setup.tags()));
      ctx.created(Map.of("arn", info.arn(), "uri", info.uri()));
    } else {
      info = found.get();
    }
    run(ctx, "ecr PutLifecyclePolicy " + name, () -> repos.putLifecyclePolicy(name, lifecyclePolicy()));
    return outcome(info);
  }

  private static StepOutcome outcome(RepositoryInfo info) {
    return StepOutcome.of("arn", info.arn(), "name", info.name(), "uri", info.uri());
  }

  /** Expire every image beyond the newest {@code keepImages}. */
  String lifecyclePolicy() {
    return ResourceTexts.ecrLifecyclePolicy(repository.keepImages()).toString();
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "ecr DeleteRepository " + repository.name(),
        () -> setup.aws().repositories().deleteWithImages(repository.name()));
  }

  @Override
  public String cliEquivalent() {
    if (origin() == Origin.REUSE) {
      return "aws ecr describe-repositories --repository-names " + repository.name();
    }
    return "aws ecr create-repository --repository-name " + repository.name()
        + " --image-scanning-configuration scanOnPush=" + repository.scanOnPush() + " --tags "
        + setup.cliTag()
        + " && aws ecr put-lifecycle-policy --repository-name " + repository.name()
        + " --lifecycle-policy-text '" + lifecyclePolicy() + "'";
  }
}
