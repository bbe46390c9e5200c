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

  private SpecDefaults() {}

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
            new LoadBalancer.HealthCheck(15, 5, 2, 3, "200-399"), 30),
        new Ecs(cluster, false, service, name + "-task", 1, "/ecs/" + name, 30),
        new CodeDeploy("AppECS-" + cluster + "-" + service, "DgpECS-" + cluster + "-" + service,
            DEFAULT_DEPLOYMENT_CONFIG, Reroute.IMMEDIATELY, null, 60, true),
        new CodeBuild(name + "-build", BUILD_IMAGE_X86, "BUILD_GENERAL1_SMALL", true,
            TaskDefinitionMode.FILE_IN_REPO, null, 30),
        Source.codeCommit(name, "main", false, true),
        new Pipeline(name + "-pipeline", null, false, null),
        new Roles(
            new RoleRef(name + "-ecs-task-execution", null),
            new RoleRef(name + "-codedeploy", null),
            new RoleRef(name + "-codebuild", null),
            new RoleRef(name + "-codepipeline", null)),
        Map.of());
  }

  /** The CodeBuild image that builds natively for the task's architecture (catalogue row 20). */
  public static String buildImageFor(Architecture architecture) {
    return architecture == Architecture.ARM64 ? BUILD_IMAGE_ARM : BUILD_IMAGE_X86;
  }
}
