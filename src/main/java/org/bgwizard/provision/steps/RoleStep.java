package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.artifacts.RolePolicies;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.aws.IamRoles;
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
  Optional<Found> lookUp() throws Exception {
    return find(setup, name(), origin() != Origin.REUSE);
  }

  /**
   * A role and, when {@code withPolicy}, its inline policy {@link #POLICY_NAME}: from the one read of every role the
   * discovery shares ({@link SharedLookups}), or, when IAM refuses that read to the caller, GetRole and GetRolePolicy.
   */
  static Optional<Found> find(Setup setup, String name, boolean withPolicy) throws Exception {
    var roles = setup.aws().roles();
    Optional<Map<String, IamRoles.Detailed>> all = setup.lookups().once("iam roles", roles::allWithInlinePolicies);
    if (all.isPresent()) {
      return Optional.ofNullable(all.get().get(name.toLowerCase(Locale.ROOT))).map(d -> new Found(d.role(),
          withPolicy ? Optional.ofNullable(d.inlinePolicies().get(POLICY_NAME)) : Optional.empty()));
    }
    return roles.find(name).map(r -> new Found(r, withPolicy ? roles.inlinePolicy(name, POLICY_NAME)
        : Optional.empty()));
  }

  @Override
  PlanStatus compare(Found found) {
    if (!trusts(found.role().trustPolicy(), role.servicePrincipal())
        && (origin() == Origin.REUSE || !setup.ours(found.role().tags()))) {
      return PlanStatus.refuse("Role " + name() + ": its trust policy does not let " + role.servicePrincipal()
          + " assume it (catalogue rows 15, 17)");
    }
    if (origin() == Origin.REUSE) {
      return PlanStatus.reuse();
    }
    var changes = new ArrayList<Change>();
    var commands = new ArrayList<String>();
    if (replacesTrust(setup, found.role(), policies.trust(), role.servicePrincipal())) {
      changes.add(trustChange(found.role(), role.servicePrincipal()));
      commands.add(updateTrustCommand(name(), role.slug()));
    }
    String field = "inline policy " + POLICY_NAME;
    Change policy = found.inlinePolicy().isEmpty() ? new Change(field, "none", "the setup's permissions")
        : JsonDiff.parse(found.inlinePolicy().get()).equals(policies.permissions()) ? null
        : new Change(field, "other permissions", "the setup's permissions");
    if (policy != null) {
      changes.add(policy);
      commands.add("aws iam put-role-policy --role-name " + name() + " --policy-name " + POLICY_NAME
          + " --policy-document file://iam/" + role.slug() + "-permissions.json");
    }
    tagChanges(setup, name(), found.role(), changes, commands);
    return PlanStatus.update(changes, String.join(" && ", commands));
  }

  /**
   * Whether apply replaces the trust policy (UpdateAssumeRolePolicy): it does not trust the service, or it is tagged
   * as this setup's and is not the setup's document. A role of the user's that trusts the service is left as it is.
   */
  static boolean replacesTrust(Setup setup, RoleInfo found, JsonNode wanted, String principal) {
    return !trusts(found.trustPolicy(), principal)
        || (setup.ours(found.tags()) && !JsonDiff.parse(found.trustPolicy()).equals(wanted));
  }

  static Change trustChange(RoleInfo found, String principal) {
    return new Change("trust policy", "trusts " + principals(found.trustPolicy()), "the setup's: trusts ["
        + principal + "]");
  }

  static String updateTrustCommand(String name, String slug) {
    return "aws iam update-assume-role-policy --role-name " + name + " --policy-document file://iam/" + slug
        + "-trust.json";
  }

  /** The tags a role of this setup lacks, as changes and the tag-role command. */
  static void tagChanges(Setup setup, String name, RoleInfo found, List<Change> changes, List<String> commands) {
    Map<String, String> missing = TagChanges.missing(setup, found.tags());
    if (!missing.isEmpty()) {
      changes.addAll(TagChanges.changes(setup, found.tags()));
      commands.add("aws iam tag-role --role-name " + name + " --tags " + TagChanges.cliList(missing));
    }
  }

  /** The services an Allow statement lets assume the role, sorted. */
  private static List<String> principals(String trustPolicy) {
    var out = new java.util.TreeSet<String>();
    JsonNode statements = JsonDiff.parse(trustPolicy).path("Statement");
    for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
      JsonNode service = s.path("Principal").path("Service");
      if ("Allow".equals(s.path("Effect").asText())) {
        (service.isArray() ? service : List.of(service)).forEach(n -> out.add(n.asText()));
      }
    }
    out.remove("");
    return List.copyOf(out);
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
      info = creating(ctx, "iam CreateRole " + name(), () -> roles.create(name(), policies.trustJson(),
          ResourceTexts.roleDescription(setup.spec(), role), setup.tags()), () -> find(roles, name()));
      ctx.created(Map.of("arn", info.arn()));
    } else {
      info = found.get();
      requireUsable(new Found(info, Optional.empty()));
      claimIfTagged(ctx, new Found(info, Optional.empty()));
      if (replacesTrust(setup, info, policies.trust(), role.servicePrincipal())) {
        run(ctx, "iam UpdateAssumeRolePolicy " + name(), () -> roles.updateTrustPolicy(name(), policies.trustJson()));
      }
      tag(ctx, setup, info);
    }
    Optional<String> inline = found.isEmpty() ? Optional.empty()
        : call(ctx, "iam GetRolePolicy " + name(), () -> roles.inlinePolicy(name(), POLICY_NAME));
    if (inline.isEmpty() || !JsonDiff.parse(inline.get()).equals(policies.permissions())) {
      run(ctx, "iam PutRolePolicy " + name(), () -> roles.putInlinePolicy(name(), POLICY_NAME,
          policies.permissionsJson()));
    }
    return StepOutcome.of("arn", info.arn(), "name", name());
  }

  /** GetRole, at apply time: the role with its tags. */
  static Optional<Found> find(IamRoles roles, String name) {
    return roles.find(name).map(r -> new Found(r, Optional.empty()));
  }

  /** TagRole with the setup's tags a role of this setup lacks; nothing for the user's roles. */
  static void tag(StepContext ctx, Setup setup, RoleInfo found) throws Exception {
    Map<String, String> missing = TagChanges.missing(setup, found.tags());
    if (!missing.isEmpty()) {
      run(ctx, "iam TagRole " + found.name(), () -> setup.aws().roles().tag(found.name(), missing));
    }
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
