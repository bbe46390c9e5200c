package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.ChangeDetection;
import org.bgwizard.artifacts.ExportFiles;
import org.bgwizard.artifacts.Json;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.RoleInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The role EventBridge assumes to start the pipeline: trusted by {@code events.amazonaws.com} only, allowed
 * {@code codepipeline:StartPipelineExecution} on this setup's pipeline only ({@link ChangeDetection}).
 */
final class EventsRoleStep extends AwsStep<RoleStep.Found> {

  EventsRoleStep(Setup setup) {
    super(setup, ResourceKind.IAM_ROLE, ChangeDetection.roleName(setup.spec()), Origin.CREATE, List.of(),
        Duration.ofSeconds(2));
  }

  private String name() {
    return ref().name();
  }

  private String permissionsJson() {
    return Json.pretty(ChangeDetection.permissions(setup.spec(), setup.target()));
  }

  @Override
  Optional<RoleStep.Found> lookUp() {
    return setup.aws().roles().find(name())
        .map(r -> new RoleStep.Found(r, setup.aws().roles().inlinePolicy(name(), RoleStep.POLICY_NAME)));
  }

  @Override
  PlanStatus compare(RoleStep.Found found) {
    if (!RoleStep.trusts(found.role().trustPolicy(), ChangeDetection.EVENTS_PRINCIPAL)) {
      String problem = "its trust policy does not let " + ChangeDetection.EVENTS_PRINCIPAL + " assume it";
      if (!setup.ours(found.role().tags())) {
        return PlanStatus.refuse("Role " + name() + ": " + problem);
      }
      return PlanStatus.update(List.of(problem + ": the trust policy will be replaced"));
    }
    var differences = new ArrayList<String>();
    if (found.inlinePolicy().isEmpty()) {
      differences.add("no inline policy " + RoleStep.POLICY_NAME + ": it will be added");
    } else if (!JsonDiff.parse(found.inlinePolicy().get()).equals(ChangeDetection.permissions(setup.spec(),
        setup.target()))) {
      differences.add("inline policy " + RoleStep.POLICY_NAME + " differs: it will be replaced");
    }
    return PlanStatus.update(differences);
  }

  @Override
  String idOf(RoleStep.Found found) {
    return found.role().arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var roles = setup.aws().roles();
    String trust = Json.pretty(ChangeDetection.trustPolicy());
    Optional<RoleInfo> found = call(ctx, "iam GetRole " + name(), () -> roles.find(name()));
    RoleInfo info;
    if (found.isEmpty()) {
      ctx.beforeCreate();
      info = call(ctx, "iam CreateRole " + name(), () -> roles.create(name(), trust,
          ResourceTexts.eventsRoleDescription(setup.spec()), setup.tags()));
      ctx.created(Map.of("arn", info.arn()));
    } else {
      info = found.get();
      requireUsable(new RoleStep.Found(info, Optional.empty()));
      if (!RoleStep.trusts(info.trustPolicy(), ChangeDetection.EVENTS_PRINCIPAL)) {
        run(ctx, "iam UpdateAssumeRolePolicy " + name(), () -> roles.updateTrustPolicy(name(), trust));
      }
    }
    Optional<String> inline = found.isEmpty() ? Optional.empty()
        : call(ctx, "iam GetRolePolicy " + name(), () -> roles.inlinePolicy(name(), RoleStep.POLICY_NAME));
    if (inline.isEmpty() || !JsonDiff.parse(inline.get()).equals(ChangeDetection.permissions(setup.spec(),
        setup.target()))) {
      run(ctx, "iam PutRolePolicy " + name(), () -> roles.putInlinePolicy(name(), RoleStep.POLICY_NAME,
          permissionsJson()));
    }
    return StepOutcome.of("arn", info.arn(), "name", name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "iam DeleteRole " + name(), () -> setup.aws().roles().delete(name()));
  }

  @Override
  public String cliEquivalent() {
    String slug = ExportFiles.EVENTS_ROLE_SLUG;
    return "aws iam create-role --role-name " + name() + " --assume-role-policy-document file://iam/" + slug
        + "-trust.json --tags " + setup.cliTag()
        + " && aws iam put-role-policy --role-name " + name() + " --policy-name " + RoleStep.POLICY_NAME
        + " --policy-document file://iam/" + slug + "-permissions.json";
  }
}
