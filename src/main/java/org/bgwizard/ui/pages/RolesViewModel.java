package org.bgwizard.ui.pages;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.InfrastructureRole;
import org.bgwizard.artifacts.Json;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.artifacts.Target;
import org.bgwizard.setup.AwsNames;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.Roles.RoleRef;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source.Provider;

/**
 * The IAM roles of the setup (CodeDeploy's, or for ECS blue/green the infrastructure role ECS assumes), and the
 * trust and permission policies the wizard generates for each.
 */
public final class RolesViewModel extends PageModel {
  /** Until the wizard is connected to an account, ARNs in the policies name this example account. */
  public static final String EXAMPLE_ACCOUNT = "123456789012";
  /** Stands in for the name of a role the user brings when showing what that role needs. */
  private static final String OWN_ROLE = "your-role";

  /** The spec field of the ECS infrastructure role. */
  public static final String INFRASTRUCTURE_FIELD = "ecsNative.infrastructureRole";

  private final Map<ServiceRole, RoleInput> roles = new EnumMap<>(ServiceRole.class);
  private final RoleInput infrastructure;
  private final ReadOnlyBooleanWrapper policiesShown = new ReadOnlyBooleanWrapper(this, "policiesShown");

  public RolesViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    for (ServiceRole role : ServiceRole.of(spec.get())) {
      roles.put(role, input(role.ref(spec.get().roles()), field(role)));
    }
    var n = spec.get().ecsNative();
    infrastructure = n == null ? null : input(n.infrastructureRole(), INFRASTRUCTURE_FIELD);
    update();
  }

  private RoleInput input(RoleRef ref, String field) {
    var input = ref == null ? new RoleInput(false, null, null)
        : new RoleInput(ref.isExisting(), ref.name(), ref.existingArn());
    fields(field + ".name", field + ".existingArn");
    watch(input.observables());
    return input;
  }

  /** The setup's roles of the four services: without CodeDeploy's for an ecs-native setup. */
  public List<ServiceRole> roles() {
    return List.copyOf(roles.keySet());
  }

  public RoleInput role(ServiceRole role) {
    return roles.get(role);
  }

  /** The role ECS assumes to move traffic in an ecs-native setup; null for a CodeDeploy setup. */
  public RoleInput infrastructure() {
    return infrastructure;
  }

  /** False while the region or the source is not chosen: the policies name them. */
  public ReadOnlyBooleanProperty policiesShown() {
    return policiesShown.getReadOnlyProperty();
  }

  /** The spec field of {@code role}, e.g. {@code roles.codeBuild}. */
  public static String field(ServiceRole role) {
    return switch (role) {
      case TASK_EXECUTION -> "roles.taskExecution";
      case CODE_DEPLOY -> "roles.codeDeploy";
      case CODE_BUILD -> "roles.codeBuild";
      case CODE_PIPELINE -> "roles.codePipeline";
    };
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> inputProblems) {
    var next = base.withRoles(new Roles(ref(ServiceRole.TASK_EXECUTION, inputProblems),
        ref(ServiceRole.CODE_DEPLOY, inputProblems), ref(ServiceRole.CODE_BUILD, inputProblems),
        ref(ServiceRole.CODE_PIPELINE, inputProblems)));
    var n = next.ecsNative();
    if (infrastructure != null && n != null) {
      next = next.withEcsNative(new EcsNative(n.shift(), n.stepPercent(), n.stepBakeMinutes(), n.bakeTimeMinutes(),
          n.pauseBeforeProduction(), n.pauseTimeoutMinutes(), n.onPauseTimeout(),
          ref(infrastructure, INFRASTRUCTURE_FIELD, inputProblems), n.deploymentTimeoutMinutes()));
    }
    showPolicies(next);
    return next;
  }

  private RoleRef ref(ServiceRole role, List<Problem> inputProblems) {
    RoleInput input = roles.get(role);
    return input == null ? null : ref(input, field(role), inputProblems);
  }

  private static RoleRef ref(RoleInput input, String field, List<Problem> inputProblems) {
    if (!input.existing().get()) {
      return new RoleRef(input.name().get(), null);
    }
    String arn = optional(input.arn());
    if (arn == null) {
      inputProblems.add(Problem.of(field + ".existingArn", null, "missing"));
    }
    return new RoleRef(input.name().get(), arn);
  }

  private void showPolicies(SetupSpec spec) {
    var source = spec.source();
    // a GitHub source is named by its connection; IamPolicies cannot scope the pipeline role without it
    boolean shown = AwsNames.isRegion(spec.region()) && source.provider() != null
        && (source.provider() != Provider.GITHUB || source.connectionArn() != null);
    policiesShown.set(shown);
    var target = shown ? new Target(EXAMPLE_ACCOUNT, spec.region()) : null;
    roles.forEach((role, input) -> input.showPolicies(shown
        ? IamPolicies.forRole(role, created(spec, role), target).orElseThrow() : null));
    if (infrastructure != null) {
      // ECS's managed policy is attached as it is ("Amazon ECS infrastructure IAM role for load balancers")
      infrastructure.showDocuments(shown ? Json.pretty(InfrastructureRole.trust()) : null,
          shown ? InfrastructureRole.managedPolicyArn(target.partition()) : null);
    }
  }

  /** {@code spec} with {@code role} created by the wizard, to show what a role the user brings needs. */
  private static SetupSpec created(SetupSpec spec, ServiceRole role) {
    var ref = role.ref(spec.roles());
    if (!ref.isExisting()) {
      return spec;
    }
    var own = new RoleRef(OWN_ROLE, null);
    var r = spec.roles();
    return spec.withRoles(new Roles(role == ServiceRole.TASK_EXECUTION ? own : r.taskExecution(),
        role == ServiceRole.CODE_DEPLOY ? own : r.codeDeploy(), role == ServiceRole.CODE_BUILD ? own : r.codeBuild(),
        role == ServiceRole.CODE_PIPELINE ? own : r.codePipeline()));
  }
}
