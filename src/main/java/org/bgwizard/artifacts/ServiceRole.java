package org.bgwizard.artifacts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.Roles.RoleRef;

/** The four IAM roles of the walkthrough, each with the service that assumes it. */
public enum ServiceRole {
  TASK_EXECUTION("task-execution", "EcsTasks", "ecs-tasks.amazonaws.com", Roles::taskExecution),
  CODE_DEPLOY("codedeploy", "CodeDeploy", "codedeploy.amazonaws.com", Roles::codeDeploy),
  CODE_BUILD("codebuild", "CodeBuild", "codebuild.amazonaws.com", Roles::codeBuild),
  CODE_PIPELINE("codepipeline", "CodePipeline", "codepipeline.amazonaws.com", Roles::codePipeline);

  private final String slug;
  private final String service;
  private final String servicePrincipal;
  private final Function<Roles, RoleRef> ref;

  ServiceRole(String slug, String service, String servicePrincipal, Function<Roles, RoleRef> ref) {
    this.slug = slug;
    this.service = service;
    this.servicePrincipal = servicePrincipal;
    this.ref = ref;
  }

  /** A short stable name for file names, e.g. {@code codebuild}. */
  public String slug() {
    return slug;
  }

  /** The assuming service's name in Sids, e.g. {@code CodeBuild}. */
  public String service() {
    return service;
  }

  /** The service principal the trust policy names (catalogue rows 15, 17). */
  public String servicePrincipal() {
    return servicePrincipal;
  }

  public RoleRef ref(Roles roles) {
    return ref.apply(roles);
  }

  /** The roles a setup has: an ecs-native setup has no CodeDeploy role (its ECS infrastructure role is apart). */
  public static List<ServiceRole> of(SetupSpec spec) {
    return Arrays.stream(values()).filter(r -> r.ref(spec.roles()) != null).toList();
  }
}
