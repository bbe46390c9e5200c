package org.bgwizard.setup;

import java.util.Map;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.CodeDeploy.Reroute;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Roles.RoleRef;
import org.bgwizard.setup.Source.Provider;

/** The tutorial's setup, derived from a name and a region alone. */
public final class SpecDefaults {
  /** nginx from ECR Public: pullable without Docker Hub limits, serves "/" on port 80. */
  public static final String INITIAL_IMAGE = "public.ecr.aws/nginx/nginx:stable";
  public static final String BUILD_IMAGE_X86 = "aws/codebuild/amazonlinux-x86_64-standard:5.0";
  public static final String BUILD_IMAGE_ARM = "aws/codebuild/amazonlinux-aarch64-standard:3.0";
  public static final String DEFAULT_DEPLOYMENT_CONFIG = "CodeDeployDefault.ECSAllAtOnce";
  /**
   * A new task is healthy after 2 checks 5 s apart, 10 s instead of the console's 150 s (30 s × 5): the values the
   * Amazon ECS developer guide gives for a service that "starts up and stabilizes in under 10 seconds" ("Optimize
   * load balancer health check parameters"), as nginx does. Three failures (15 s) take a task out, so one slow
   * answer does not; the timeout (4 s) must stay below the interval.
   */
  public static final int HEALTH_CHECK_INTERVAL_SECONDS = 5;
  public static final int HEALTHY_THRESHOLD = 2;
  /**
   * A replaced task drains for 30 s instead of 300 s: a small web app's requests finish in well under a second
   * (the ECS guide's "Optimize load balancer connection draining parameters" goes down to 5 s for those), and 30 s
   * leaves room for a slow download; long-lived connections (streams, uploads) need more.
   */
  public static final int DEREGISTRATION_DELAY_SECONDS = 30;
  /**
   * The original task set stays 15 minutes after production moved (the console keeps it 60, CloudFormation's
   * blue/green hook 5): while it runs, "Stop and roll back" puts production back on it at once, so this is the time
   * to notice a bad release and roll back by hand; a longer window is one field away.
   */
  public static final int TERMINATION_WAIT_MINUTES = 15;

  /**
   * Both revisions stay up 15 minutes after production moved, like the CodeDeploy setup's termination wait: during
   * the bake time a rollback puts production back on the original at once ("Amazon ECS blue/green deployments"). AWS
   * requires a value for BLUE_GREEN and proposes none; 15 keeps bake, pause and scale-up inside the pipeline's
   * 60-minute DeploymentTimeout.
   */
  public static final int BAKE_TIME_MINUTES = 15;
  /**
   * The pause before production waits 30 minutes for a person (the hook's AWS default, 1440, would outlast the
   * pipeline action by a day); then ROLLBACK, as CodeDeploy stops a deployment nobody rerouted.
   */
  public static final int PAUSE_TIMEOUT_MINUTES = 30;
  /** The Amazon ECS deploy action's longest DeploymentTimeout (CodePipeline action reference). */
  public static final int DEPLOYMENT_TIMEOUT_MINUTES = 60;

  private SpecDefaults() {}

  /** The tutorial's setup deployed as {@code strategy} decides: CodeDeploy's resources, or ECS's own blue/green. */
  public static SetupSpec tutorial(String name, String region, Strategy strategy) {
    var spec = tutorial(name, region);
    if (strategy != Strategy.ECS_NATIVE) {
      return spec;
    }
    var r = spec.roles();
    return spec.withStrategy(Strategy.ECS_NATIVE).withCodeDeploy(null)
        .withEcsNative(new EcsNative(EcsNative.Shift.BLUE_GREEN, null, null, BAKE_TIME_MINUTES, true,
            PAUSE_TIMEOUT_MINUTES, EcsNative.TimeoutAction.ROLLBACK, new RoleRef(name + "-ecs-infrastructure", null),
            DEPLOYMENT_TIMEOUT_MINUTES))
        .withRoles(new Roles(r.taskExecution(), null, r.codeBuild(), r.codePipeline()));
  }

  public static SetupSpec tutorial(String name, String region) {
    String cluster = name + "-cluster";
    String service = name + "-service";
    return new SetupSpec(
        SetupSpec.FORMAT_VERSION,
        name,
        region,
        new Network(null, java.util.List.of(), true, "0.0.0.0/0"),
        new Container(name, 80, 256, 512, Architecture.X86_64, Map.of(), "/", INITIAL_IMAGE),
        new ImageRepository(name, 10, true, false),
        new LoadBalancer(null, name + "-alb", 80, 8080, name + "-tg-1", name + "-tg-2",
            new LoadBalancer.HealthCheck(HEALTH_CHECK_INTERVAL_SECONDS, 4, HEALTHY_THRESHOLD, 3, "200-399"),
            DEREGISTRATION_DELAY_SECONDS),
        new Ecs(cluster, false, service, name + "-task", 1, "/ecs/" + name, 30),
        Strategy.CODEDEPLOY,
        new CodeDeploy("AppECS-" + cluster + "-" + service, "DgpECS-" + cluster + "-" + service,
            DEFAULT_DEPLOYMENT_CONFIG, Reroute.IMMEDIATELY, null, TERMINATION_WAIT_MINUTES, true),
        null,
        new CodeBuild(name + "-build", BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL", true,
            TaskDefinitionMode.FILE_IN_REPO, null, 30),
        Source.codeCommit(name, "main", false, true),
        new Pipeline(name + "-pipeline", null, false, null),
        new Roles(
            new RoleRef(name + "-ecs-task-execution", null),
            new RoleRef(name + "-codedeploy", null),
            new RoleRef(name + "-codebuild", null),
            new RoleRef(name + "-codepipeline", null)),
        Map.of(),
        null);
  }

  /**
   * {@code spec} with the environments {@code names}, in promotion order, as the tutorial with environments sets
   * them up: the first on the setup's branch, each other one on a branch of its own name; an approval before the
   * last one's build when there is more than one, notifying a topic {@code <setup>-approvals}; a load balancer
   * each.
   */
  public static SetupSpec withEnvironments(SetupSpec spec, java.util.List<String> names) {
    var list = new java.util.ArrayList<Environment>();
    for (int i = 0; i < names.size(); i++) {
      String branch = i == 0 && spec.source() != null && spec.source().branch() != null ? spec.source().branch()
          : names.get(i);
      list.add(Environment.of(names.get(i), branch, names.size() > 1 && i == names.size() - 1));
    }
    boolean anyApproval = list.stream().anyMatch(Environment::approval);
    return spec.withEnvironments(new Environments(list, false,
        anyApproval ? new Environments.ApprovalTopic(spec.name() + "-approvals", null, null) : null));
  }

  /** The CodeBuild image that builds natively for the task's architecture (catalogue row 20). */
  public static String buildImageFor(Architecture architecture) {
    return architecture == Architecture.ARM64 ? BUILD_IMAGE_ARM : BUILD_IMAGE_X86;
  }
}
