package org.bgwizard.setup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.bgwizard.setup.Roles.RoleRef;

/** The IAM roles (four, or with the ECS infrastructure role instead of CodeDeploy's): created by a unique name, or the user's own by ARN (IAM API Reference, CreateRole). */
final class RoleRules {
  private RoleRules() {}

  /** With the ECS infrastructure role of an ecs-native setup, which has no CodeDeploy role. */
  static void check(Roles roles, SetupSpec spec, Findings f) {
    var refs = new LinkedHashMap<String, RoleRef>();
    refs.put("roles.taskExecution", roles.taskExecution());
    if (spec.strategy() != Strategy.ECS_NATIVE) {
      refs.put("roles.codeDeploy", roles.codeDeploy());
    }
    refs.put("roles.codeBuild", roles.codeBuild());
    refs.put("roles.codePipeline", roles.codePipeline());
    if (spec.ecsNative() != null) {
      refs.put("ecsNative.infrastructureRole", spec.ecsNative().infrastructureRole());
    }
    var firstByName = new HashMap<String, String>();
    refs.forEach((field, ref) -> {
      if (!f.present(field, ref)) {
        return;
      }
      if (ref.isExisting()) {
        f.require(AwsArns.isRoleArn(ref.existingArn()), field + ".existingArn", ref.existingArn(), "roleArn.invalid");
        return;
      }
      f.name(field + ".name", ref.name(), NameRule.IAM_ROLE, "roleName.invalid");
      if (ref.name() != null) {
        // IAM role names are unique regardless of case.
        String first = firstByName.putIfAbsent(ref.name().toLowerCase(Locale.ROOT), field + ".name");
        f.require(first == null, field + ".name", ref.name(), "roleName.duplicate", first == null ? null : new FieldLabel(first));
      }
    });
  }
}
