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
  Optional<RoleStep.Found> lookUp() throws Exception {
    return RoleStep.find(setup, name(), true);
  }

  @Override
  PlanStatus compare(RoleStep.Found found) {
    String principal = ChangeDetection.EVENTS_PRINCIPAL;
    if (!RoleStep.trusts(found.role().trustPolicy(), principal) && !setup.ours(found.role().tags())) {
      return PlanStatus.refuse("Role " + name() + ": its trust policy does not let " + principal + " assume it");
    }
    var changes = new ArrayList<Change>();
    var commands = new ArrayList<String>();
    String slug = ExportFiles.EVENTS_ROLE_SLUG;
    if (RoleStep.replacesTrust(setup, found.role(), ChangeDetection.trustPolicy(), principal)) {
      changes.add(RoleStep.trustChange(found.role(), principal));
      commands.add(RoleStep.updateTrustCommand(name(), slug));
    }
    String field = "inline policy " + RoleStep.POLICY_NAME;
    Change policy = found.inlinePolicy().isEmpty() ? new Change(field, "none", "the setup's permissions")
        : JsonDiff.parse(found.inlinePolicy().get()).equals(ChangeDetection.permissions(setup.spec(), setup.target()))
        ? null : new Change(field, "other permissions", "the setup's permissions");
    if (policy != null) {
      changes.add(policy);
      commands.add("aws iam put-role-policy --role-name " + name() + " --policy-name " + RoleStep.POLICY_NAME
          + " --policy-document file://iam/" + slug + "-permissions.json");
    }
    RoleStep.tagChanges(setup, name(), found.role(), changes, commands);
    return PlanStatus.update(changes, String.join(" && ", commands));
  }

  @Override
  String idOf(RoleStep.Found found) {
    return found.role().arn();
  }

  @Override
  Map<String, String> tagsOf(RoleStep.Found found) {
    return found.role().tags();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var roles = setup.aws().roles();
    String trust = Json.pretty(ChangeDetection.trustPolicy());
    Optional<RoleInfo> found = call(ctx, "iam GetRole " + name(), () -> roles.find(name()));
    RoleInfo info;
    if (found.isEmpty()) {
      ctx.beforeCreate();
      info = creating(ctx, "iam CreateRole " + name(), () -> roles.create(name(), trust,
          ResourceTexts.eventsRoleDescription(setup.spec()), setup.tags()), () -> RoleStep.find(roles, name()));
      ctx.created(Map.of("arn", info.arn()));
    } else {
      info = found.get();
      requireUsable(new RoleStep.Found(info, Optional.empty()));
      claimIfTagged(ctx, new RoleStep.Found(info, Optional.empty()));
      if (RoleStep.replacesTrust(setup, info, ChangeDetection.trustPolicy(), ChangeDetection.EVENTS_PRINCIPAL)) {
        run(ctx, "iam UpdateAssumeRolePolicy " + name(), () -> roles.updateTrustPolicy(name(), trust));
      }
      RoleStep.tag(ctx, setup, info);
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
