package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Strategy;

/**
 * buildspec.yml: log in to ECR, build for the task's architecture, push, and hand the image to the deploy action
 * through imageDetail.json (CodeDeploy blue/green), or imagedefinitions.json for the standard Amazon ECS action of an
 * ecs-native setup. The account, region and repository come from the CodeBuild project's environment
 * ({@link #projectEnvironment}), so the file holds no account-specific value and no secret.
 */
public final class Buildspec {
  private static final String IMAGE = "$REPOSITORY_URI:$IMAGE_TAG";

  private Buildspec() {}

  /** The variable naming an environment's task definition family, for the build of a setup with environments. */
  public static final String TASK_FAMILY_VARIABLE = "TASK_FAMILY";
  public static final String IMAGE_REPO_VARIABLE = "IMAGE_REPO_NAME";

  /**
   * The CodeBuild project's plain-text environment variables this buildspec reads (seed 000). The project of a setup
   * with environments is shared: the repository name is then each environment's, passed by its pipeline
   * ({@link #actionEnvironment}), not the project's.
   */
  public static Map<String, String> projectEnvironment(SetupSpec spec, Target target) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_DEFAULT_REGION", target.region());
    env.put("AWS_ACCOUNT_ID", target.accountId());
    if (!spec.hasEnvironments()) {
      env.put(IMAGE_REPO_VARIABLE, spec.repository().name());
    }
    env.put("IMAGE_TAG", "latest");
    return env;
  }

  /**
   * One environment's values for the shared build project, given as the pipeline's CodeBuild action
   * {@code EnvironmentVariables}, which override the project's for that build ("AWS CodeBuild build and test action
   * reference", CodePipeline User Guide): its ECR repository and, when the build writes taskdef.json, its task
   * definition family.
   *
   * @param environment an environment's expanded spec (Environments.expand)
   */
  public static Map<String, String> actionEnvironment(SetupSpec environment) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(IMAGE_REPO_VARIABLE, environment.repository().name());
    if (generatesTaskdef(environment)) {
      env.put(TASK_FAMILY_VARIABLE, environment.ecs().taskFamily());
    }
    return env;
  }

  public static ObjectNode document(SetupSpec spec) {
    ObjectNode doc = Json.object();
    doc.put("version", 0.2);
    String secret = spec.codeBuild().dockerHubSecretArn();
    boolean dockerHubLogin = secret != null && !secret.isBlank();
    if (dockerHubLogin) {
      // resolved by CodeBuild from Secrets Manager at build time; the file only names the secret (row 21)
      ObjectNode secrets = doc.putObject("env").putObject("secrets-manager");
      secrets.put("DOCKERHUB_USERNAME", secret + ":username");
      secrets.put("DOCKERHUB_TOKEN", secret + ":token");
    }
    ObjectNode phases = doc.putObject("phases");
    phase(phases, "pre_build", preBuild(spec, dockerHubLogin));
    phase(phases, "build", List.of(
        "echo Building the image for " + spec.container().architecture().dockerPlatform() + "...",
        "docker build --platform " + spec.container().architecture().dockerPlatform() + " -t " + IMAGE + " .",
        "docker tag " + IMAGE + " $REPOSITORY_URI:latest"));
    phase(phases, "post_build", postBuild(spec));
    doc.putObject("artifacts").set("files", Json.array(artifactFiles(spec)));
    return doc;
  }

  public static String yaml(SetupSpec spec) {
    return Yaml.write(document(spec));
  }

  /** The files the build hands to the pipeline as BuildArtifact. */
  public static List<String> artifactFiles(SetupSpec spec) {
    if (deploysWithEcsAction(spec)) {
      return List.of(FileNames.IMAGE_DEFINITIONS);
    }
    return generatesTaskdef(spec)
        ? List.of(FileNames.TASKDEF, FileNames.APPSPEC, FileNames.IMAGE_DETAIL)
        : List.of(FileNames.IMAGE_DETAIL);
  }

  /** The ECS action makes its own revision from the service's, so an ecs-native build writes no taskdef.json. */
  static boolean generatesTaskdef(SetupSpec spec) {
    return !deploysWithEcsAction(spec)
        && spec.codeBuild().taskDefinitionMode() == TaskDefinitionMode.GENERATED_IN_BUILD;
  }

  /** The standard Amazon ECS deploy action (ecs-native) instead of CodeDeploy's blue/green action. */
  public static boolean deploysWithEcsAction(SetupSpec spec) {
    return spec.strategy() == Strategy.ECS_NATIVE;
  }

  private static List<String> preBuild(SetupSpec spec, boolean dockerHubLogin) {
    List<String> commands = new ArrayList<>();
    String registry = "$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION." + Target.dnsSuffixOf(spec.region());
    commands.add("echo Logging in to Amazon ECR...");
    commands.add("aws ecr get-login-password --region $AWS_DEFAULT_REGION"
        + " | docker login --username AWS --password-stdin " + registry);
    if (dockerHubLogin) {
      commands.add("echo Logging in to Docker Hub...");
      commands.add("printf '%s' \"$DOCKERHUB_TOKEN\" | docker login --username \"$DOCKERHUB_USERNAME\" --password-stdin");
    }
    commands.add("REPOSITORY_URI=" + registry + "/$IMAGE_REPO_NAME");
    commands.add("COMMIT_HASH=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)");
    commands.add("IMAGE_TAG=${COMMIT_HASH:=latest}");
    return commands;
  }

  private static List<String> postBuild(SetupSpec spec) {
    List<String> commands = new ArrayList<>();
    commands.add("echo Pushing " + IMAGE + "...");
    commands.add("docker push " + IMAGE);
    commands.add("docker push $REPOSITORY_URI:latest");
    // the full registry URI, never name:tag, which would resolve to Docker Hub (rows 1, 18)
    if (deploysWithEcsAction(spec)) {
      // an array naming the container the action puts the image in (rows 3, 35)
      commands.add("printf '[{\"name\":\"%s\",\"imageUri\":\"%s\"}]' " + spec.container().name() + " " + IMAGE
          + " > " + FileNames.IMAGE_DEFINITIONS);
      return commands;
    }
    commands.add("printf '{\"ImageURI\":\"%s\"}' " + IMAGE + " > " + FileNames.IMAGE_DETAIL);
    if (generatesTaskdef(spec)) {
      // seed 001: taskdef.json = the live task definition with the new image; two steps so a failed
      // describe fails the build instead of piping nothing into jq
      // one buildspec for every environment of a setup with environments: the family comes from the pipeline
      String family = spec.hasEnvironments() ? "$" + TASK_FAMILY_VARIABLE : spec.ecs().taskFamily();
      commands.add("aws ecs describe-task-definition --task-definition " + family + " > live-taskdef.json");
      // the image becomes <IMAGE1_NAME> again, so the deploy action fills it from imageDetail.json exactly as
      // in file-in-repo mode (a mapping with nothing to replace is undocumented behaviour)
      commands.add("jq --arg name " + spec.container().name() + " --arg image '" + TaskDefinitions.IMAGE_PLACEHOLDER + "'"
          + " '.taskDefinition | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities,"
          + " .registeredAt, .registeredBy) | (.containerDefinitions[] | select(.name == $name) | .image) = $image'"
          + " live-taskdef.json > " + FileNames.TASKDEF);
    }
    return commands;
  }

  private static void phase(ObjectNode phases, String name, List<String> commands) {
    phases.putObject(name).set("commands", Json.array(commands));
  }
}
