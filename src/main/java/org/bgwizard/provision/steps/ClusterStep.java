package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ClusterInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The ECS cluster. First makes sure the account has ECS's service-linked role (a new account may not: catalogue
 * row 14); that role belongs to the account, so it is not recorded and never deleted.
 */
final class ClusterStep extends AwsStep<ClusterInfo> {

  ClusterStep(Setup setup) {
    super(setup, ResourceKind.CLUSTER, setup.spec().ecs().cluster(),
        setup.spec().ecs().existingCluster() ? Origin.REUSE : Origin.CREATE, List.of(), Duration.ofSeconds(2));
  }

  private String name() {
    return ref().name();
  }

  @Override
  Optional<ClusterInfo> lookUp() {
    return setup.aws().ecs().findCluster(name());
  }

  @Override
  PlanStatus compare(ClusterInfo found) {
    if (!"ACTIVE".equals(found.status())) {
      return PlanStatus.refuse("The cluster " + name() + " is " + found.status() + ", not ACTIVE");
    }
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(ClusterInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var ecs = setup.aws().ecs();
    Optional<ClusterInfo> found = call(ctx, "ecs DescribeClusters " + name(), () -> ecs.findCluster(name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    if (found.isPresent() || origin() == Origin.REUSE) {
      ClusterInfo c = found.orElseThrow(() -> new IllegalStateException("The cluster " + name() + " does not exist"));
      return withTags(StepOutcome.of("arn", c.arn(), "name", name()));
    }
    if (call(ctx, "iam GetRole, CreateServiceLinkedRole AWSServiceRoleForECS", ecs::ensureServiceLinkedRole)) {
      ctx.progress("created the ECS service-linked role AWSServiceRoleForECS (kept: it belongs to the account)");
    }
    ctx.beforeCreate();
    ClusterInfo c = call(ctx, "ecs CreateCluster " + name(), () -> ecs.createCluster(name(), setup.tags()));
    ctx.created(Map.of("arn", c.arn()));
    return withTags(StepOutcome.of("arn", c.arn(), "name", name()));
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "ecs DeleteCluster " + name(), () -> setup.aws().ecs().deleteCluster(name()));
  }

  @Override
  public String cliEquivalent() {
    if (origin() == Origin.REUSE) {
      return "aws ecs describe-clusters --clusters " + name();
    }
    return "aws ecs create-cluster --cluster-name " + name() + " --tags " + setup.cliEcsTag();
  }
}
