package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.InfrastructureRole;
import org.bgwizard.artifacts.Json;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.RoleInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.Roles.RoleRef;

/**
 * The role ECS assumes in an ecs-native setup to move the listener rules' weights: trusted by ecs.amazonaws.com,
 * with AmazonECSInfrastructureRolePolicyForLoadBalancers attached ("Amazon ECS infrastructure IAM role for load
 * balancers"; catalogue row 38). A role given by ARN is the user's and is only checked.
 */
final class InfrastructureRoleStep extends AwsStep<InfrastructureRoleStep.Found> {
  /** The role with the managed policies attached to it. */
  record Found(RoleInfo role, List<String> attached) {}

  InfrastructureRoleStep(Setup setup) {
    super(setup, ResourceKind.IAM_ROLE, RoleStep.nameOf(ref(setup)),
        ref(setup).isExisting() ? Origin.REUSE : Origin.CREATE, List.of(), Duration.ofSeconds(2));
  }

  private static RoleRef ref(Setup setup) {
    return setup.spec().ecsNative().infrastructureRole();
  }

  private String name() {
    return ref().name();
  }

  private String policyArn() {
    return InfrastructureRole.managedPolicyArn(setup.arns().partition());
  }

  @Override
  Optional<Found> lookUp() throws Exception {
    Optional<RoleStep.Found> role = RoleStep.find(setup, name(), false);
    if (role.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Found(role.get().role(), setup.aws().roles().attachedPolicies(name())));
  }

  @Override
  PlanStatus compare(Found found) {
    boolean trusted = RoleStep.trusts(found.role().trustPolicy(), InfrastructureRole.PRINCIPAL);
    boolean ours = origin() != Origin.REUSE && setup.ours(found.role().tags());
    if (!trusted && !ours) {
      return PlanStatus.refuse("Role " + name() + ": its trust policy does not let " + InfrastructureRole.PRINCIPAL
          + " assume it (catalogue row 38)");
    }
    if (origin() == Origin.REUSE) {
      return found.attached().contains(policyArn()) ? PlanStatus.reuse() : PlanStatus.refuse("Role " + name()
          + " lacks the managed policy " + InfrastructureRole.MANAGED_POLICY + " (catalogue row 38)");
    }
    var changes = new ArrayList<Change>();
    var commands = new ArrayList<String>();
    if (RoleStep.replacesTrust(setup, found.role(), InfrastructureRole.trust(), InfrastructureRole.PRINCIPAL)) {
      changes.add(RoleStep.trustChange(found.role(), InfrastructureRole.PRINCIPAL));
      commands.add(RoleStep.updateTrustCommand(name(), InfrastructureRole.SLUG));
    }
    if (!found.attached().contains(policyArn())) {
      changes.add(new Change("managed policies", String.valueOf(found.attached()), "with "
          + InfrastructureRole.MANAGED_POLICY));
      commands.add(attachCommand());
    }
    RoleStep.tagChanges(setup, name(), found.role(), changes, commands);
    return PlanStatus.update(changes, String.join(" && ", commands));
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
      requireUsable(new Found(existing, roles.attachedPolicies(name())));
      return StepOutcome.of("arn", existing.arn(), "name", name());
    }
    RoleInfo info;
    List<String> attached = List.of();
    String trust = Json.pretty(InfrastructureRole.trust());
    if (found.isEmpty()) {
      ctx.beforeCreate();
      info = creating(ctx, "iam CreateRole " + name(), () -> roles.create(name(), trust,
          "ECS moves the listener rules of setup " + setup.spec().name() + " in blue/green deployments",
          setup.tags()), () -> RoleStep.find(roles, name()).map(f -> new Found(f.role(), List.of())));
      ctx.created(Map.of("arn", info.arn()));
    } else {
      info = found.get();
      attached = call(ctx, "iam ListAttachedRolePolicies " + name(), () -> roles.attachedPolicies(name()));
      var current = new Found(info, attached);
      requireUsable(current);
      claimIfTagged(ctx, current);
      if (RoleStep.replacesTrust(setup, info, InfrastructureRole.trust(), InfrastructureRole.PRINCIPAL)) {
        run(ctx, "iam UpdateAssumeRolePolicy " + name(), () -> roles.updateTrustPolicy(name(), trust));
      }
      RoleStep.tag(ctx, setup, info);
    }
    if (!attached.contains(policyArn())) {
      run(ctx, "iam AttachRolePolicy " + name(), () -> roles.attachManagedPolicy(name(), policyArn()));
    }
    return StepOutcome.of("arn", info.arn(), "name", name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "iam DeleteRole " + name(), () -> setup.aws().roles().delete(name()));
  }

  private String attachCommand() {
    return "aws iam attach-role-policy --role-name " + name() + " --policy-arn " + policyArn();
  }

  @Override
  public String cliEquivalent() {
    if (origin() == Origin.REUSE) {
      return "aws iam get-role --role-name " + name();
    }
    return "aws iam create-role --role-name " + name() + " --assume-role-policy-document file://iam/"
        + InfrastructureRole.SLUG + "-trust.json --tags " + setup.cliTag() + " && " + attachCommand();
  }

  /** Not a {@link ServiceRole}: its permissions are AWS's managed policy, not an inline one of the setup's. */
  static boolean appliesTo(Setup setup) {
    return setup.spec().ecsNative() != null;
  }
}
