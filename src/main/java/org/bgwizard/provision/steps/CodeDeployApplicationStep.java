package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/** The CodeDeploy application, compute platform ECS (the seeds' {@code AppECS-…}). Found: its compute platform. */
final class CodeDeployApplicationStep extends AwsStep<String> {

  CodeDeployApplicationStep(Setup setup) {
    super(setup, ResourceKind.CODEDEPLOY_APPLICATION, setup.spec().codeDeploy().application(), Origin.CREATE,
        List.of(), Duration.ofSeconds(1));
  }

  private String name() {
    return ref().name();
  }

  /** Its compute platform, from the deployment group's lookup when the group exists (one call for both). */
  @Override
  Optional<String> lookUp() throws Exception {
    var shared = DeploymentGroupStep.lookUpShared(setup);
    if (!shared.applicationExists()) {
      return Optional.empty();
    }
    if (shared.group().isPresent() && shared.group().get().computePlatform() != null) {
      return Optional.of(shared.group().get().computePlatform());
    }
    return setup.aws().codeDeploy().findApplication(name());
  }

  @Override
  PlanStatus compare(String computePlatform) {
    if (!"ECS".equals(computePlatform)) {
      return PlanStatus.refuse("The CodeDeploy application " + name() + " deploys to " + computePlatform
          + "; an ECS blue/green deployment group needs compute platform ECS");
    }
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(String computePlatform) {
    return setup.arns().codeDeployApplication();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var codeDeploy = setup.aws().codeDeploy();
    Optional<String> found = call(ctx, "codedeploy GetApplication " + name(), () -> codeDeploy.findApplication(name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    } else {
      ctx.beforeCreate();
      creating(ctx, "codedeploy CreateApplication " + name(), () -> codeDeploy.createApplication(name(), setup.tags()),
          () -> codeDeploy.findApplication(name()));
      ctx.created(Map.of("arn", setup.arns().codeDeployApplication()));
    }
    return withTags(StepOutcome.of("arn", setup.arns().codeDeployApplication(), "name", name()));
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "codedeploy DeleteApplication " + name(), () -> setup.aws().codeDeploy().deleteApplication(name()));
  }

  @Override
  public String cliEquivalent() {
    return "aws deploy create-application --application-name " + name() + " --compute-platform ECS --tags "
        + setup.cliTag();
  }
}
