package org.bgwizard.artifacts;

import java.util.Map;
import org.bgwizard.setup.SetupSpec;

/**
 * What preflight checks look at; every part may be null, meaning not present (not checked).
 *
 * @param spec the setup, or null to lint files on their own
 * @param permissionPolicies IAM permission policy documents (JSON) by role key: {@code taskExecution},
 *     {@code codeDeploy}, {@code codeBuild}, {@code codePipeline}
 * @param trustPolicies IAM trust policy documents (JSON) by the same role keys
 */
public record PreflightInput(SetupSpec spec, String buildspec, String appspec, String taskdef,
    Map<String, String> permissionPolicies, Map<String, String> trustPolicies, String dockerfile) {

  public static final String TASK_EXECUTION = "taskExecution";
  public static final String CODE_DEPLOY = "codeDeploy";
  public static final String CODE_BUILD = "codeBuild";
  public static final String CODE_PIPELINE = "codePipeline";

  public PreflightInput {
    permissionPolicies = permissionPolicies == null ? null : Map.copyOf(permissionPolicies);
    trustPolicies = trustPolicies == null ? null : Map.copyOf(trustPolicies);
  }

  /** The repository files (and the setup, may be null) without IAM documents. */
  public static PreflightInput files(SetupSpec spec, String buildspec, String appspec, String taskdef,
      String dockerfile) {
    return new PreflightInput(spec, buildspec, appspec, taskdef, null, null, dockerfile);
  }

  public PreflightInput withPolicies(Map<String, String> permissions, Map<String, String> trust) {
    return new PreflightInput(spec, buildspec, appspec, taskdef, permissions, trust, dockerfile);
  }
}
