package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.artifacts.RolePolicies;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.RoleInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.Roles.RoleRef;

/**
 * One of the four service roles: trusted by its service only, with the least-privilege permissions of
 * {@link IamPolicies} as an inline policy. A role given by ARN is the user's and is only checked.
 */
final class RoleStep extends AwsStep<RoleStep.Found> {
  static final String POLICY_NAME = ResourceTexts.ROLE_POLICY;

  /** A role as found, with this setup's inline policy if it has one. */
  record Found(RoleInfo role, Optional<String> inlinePolicy) {}

  private final ServiceRole role;
  private final RolePolicies policies;

  RoleStep(Setup setup, ServiceRole role) {
    super(setup, ResourceKind.IAM_ROLE, nameOf(role.ref(setup.spec().roles())),
        role.ref(setup.spec().roles()).isExisting() ? Origin.REUSE : Origin.CREATE, List.of(), Duration.ofSeconds(2));
    this.role = role;
    this.policies = IamPolicies.forRole(role, setup.spec(), setup.target()).orElse(null);
  }

  /** The role name, also of a role given by ARN ({@code arn:aws:iam::…:role/path/name}). */
  static String nameOf(RoleRef ref) {
    if (!ref.isExisting()) {
      return ref.name();
    }
    return ref.existingArn().substring(ref.existingArn().lastIndexOf('/') + 1);
  }

  private String name() {
    return ref().name();
  }

  @Override
  Optional<Found> lookUp() {
    return setup.aws().roles().find(name()).map(r -> new Found(r,
        origin() == Origin.REUSE ? Optional.empty() : setup.aws().roles().inlinePolicy(name(), POLICY_NAME)));
  }

  @Override
  PlanStatus compare(Found found) {
    if (!trusts(found.role().trustPolicy(), role.servicePrincipal())) {
      String problem = "its trust policy does not let " + role.servicePrincipal() + " assume it (catalogue rows 15, 17)";
      if (origin() == Origin.REUSE || !setup.ours(found.role().tags())) {
        return PlanStatus.refuse("Role " + name() + ": " + problem);
      }
      return PlanStatus.update(List.of(problem + ": the trust policy will be replaced"));
    }
    if (origin() == Origin.REUSE) {
      return PlanStatus.reuse();
    }
    String field = "inline policy " + POLICY_NAME;
    Change policy = found.inlinePolicy().isEmpty() ? new Change(field, "none", "the setup's permissions")
        : JsonDiff.parse(found.inlinePolicy().get()).equals(policies.permissions()) ? null
        : new Change(field, "other permissions", "the setup's permissions");
    return PlanStatus.update(policy == null ? List.of() : List.of(policy), "aws iam put-role-policy --role-name "
        + name() + " --policy-name " + POLICY_NAME + " --policy-document file://iam/" + role.slug()
        + "-permissions.json");
  }

  @Override
  String idOf(Found found) {
    return found.role().arn();
  }

  @Override
  Map<String, String> tagsOf(Found found) {
    return found.role().tags();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var roles = setup.aws().roles();
    Optional<RoleInfo> found = call(ctx, "iam GetRole " + name(), () -> roles.find(name()));
    if (origin() == Origin.REUSE) {
      RoleInfo existing = found.orElseThrow(() -> new IllegalStateException("The role " + name() + " does not exist"));
      requireUsable(new Found(existing, Optional.empty()));
      return StepOutcome.of("arn", existing.arn(), "name", name());
    }
    RoleInfo info;
    if (found.isEmpty()) {
      ctx.beforeCreate();
      info = call(ctx, "iam CreateRole " + name(), () -> roles.create(name(), policies.trustJson(),
          ResourceTexts.roleDescription(setup.spec(), role), setup.tags()));
      ctx.created(Map.of("arn", info.arn()));
    } else {
      info = found.get();
      requireUsable(new Found(info, Optional.empty()));
      if (!trusts(info.trustPolicy(), role.servicePrincipal())) {
        run(ctx, "iam UpdateAssumeRolePolicy " + name(), () -> roles.updateTrustPolicy(name(), policies.trustJson()));
      }
    }
    Optional<String> inline = found.isEmpty() ? Optional.empty()
        : call(ctx, "iam GetRolePolicy " + name(), () -> roles.inlinePolicy(name(), POLICY_NAME));
    if (inline.isEmpty() || !JsonDiff.parse(inline.get()).equals(policies.permissions())) {
      run(ctx, "iam PutRolePolicy " + name(), () -> roles.putInlinePolicy(name(), POLICY_NAME,
          policies.permissionsJson()));
    }
    return StepOutcome.of("arn", info.arn(), "name", name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "iam DeleteRole " + name(), () -> setup.aws().roles().delete(name()));
  }

  @Override
  public String cliEquivalent() {
    if (origin() == Origin.REUSE) {
      return "aws iam get-role --role-name " + name();
    }
    return "aws iam create-role --role-name " + name() + " --assume-role-policy-document file://iam/" + role.slug()
        + "-trust.json --tags " + setup.cliTag()
        + " && aws iam put-role-policy --role-name " + name() + " --policy-name " + POLICY_NAME
        + " --policy-document file://iam/" + role.slug() + "-permissions.json";
  }

  /** Whether an Allow statement lets {@code principal} call sts:AssumeRole. */
  static boolean trusts(String trustPolicy, String principal) {
    JsonNode statements = JsonDiff.parse(trustPolicy).path("Statement");
    for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
      if ("Allow".equals(s.path("Effect").asText()) && contains(s.path("Action"), "sts:AssumeRole")
          && contains(s.path("Principal").path("Service"), principal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode node, String value) {
    if (node.isArray()) {
      for (JsonNode n : node) {
        if (value.equals(n.asText())) {
          return true;
        }
      }
      return false;
    }
    return value.equals(node.asText());
  }
}
