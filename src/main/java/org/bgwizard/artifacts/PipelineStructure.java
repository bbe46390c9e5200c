package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.bgwizard.setup.Environment;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * The pipeline declaration: Source → Build → (Approval) → Deploy "Amazon ECS (Blue/Green)", or the standard "Amazon
 * ECS" action for an ecs-native setup (walkthrough row 7;
 * CodePipeline User Guide, "Amazon ECS and CodeDeploy blue-green deploy action reference"; CodePipeline API
 * Reference, PipelineDeclaration). The same object is the {@code pipeline} of {@code aws codepipeline create-pipeline}.
 */
public final class PipelineStructure {
  public static final String SOURCE_ARTIFACT = "SourceArtifact";
  public static final String BUILD_ARTIFACT = "BuildArtifact";
  /**
   * The source action's variable namespace in an environment's pipeline, so its approval message can name the
   * revision ({@code #{SourceVariables.CommitId}}): an action's output variables are referenced through the namespace
   * set on it ("Variables reference", CodePipeline User Guide).
   */
  public static final String SOURCE_NAMESPACE = "SourceVariables";
  /** The name in {@code <IMAGE1_NAME>}; not the container's name (catalogue row 1). */
  public static final String IMAGE1_CONTAINER_NAME = "IMAGE1_NAME";

  private PipelineStructure() {}

  public static ObjectNode declaration(SetupSpec spec, Target target) {
    Arns arns = Arns.of(spec, target);
    Pipeline pipeline = spec.pipeline();
    ObjectNode doc = Json.object();
    doc.put("name", pipeline.name());
    doc.put("roleArn", arns.codePipelineRole());
    ObjectNode store = doc.putObject("artifactStore");
    store.put("type", "S3");
    store.put("location", arns.artifactBucket());
    ArrayNode stages = doc.putArray("stages");
    stage(stages, "Source", source(spec.source()));
    stage(stages, "Build", build(spec));
    if (pipeline.manualApproval()) {
      stage(stages, "Approval", approval(pipeline));
    }
    stage(stages, "Deploy", deploy(spec));
    doc.put("pipelineType", "V2");
    // a newer commit replaces a run still waiting, instead of queueing behind a blue/green deployment
    doc.put("executionMode", "SUPERSEDED");
    return doc;
  }

  /** {@code {"pipeline": …}}, the file for {@code create-pipeline --cli-input-json file://pipeline.json}. */
  public static String cliInputJson(SetupSpec spec, Target target) {
    ObjectNode input = Json.object();
    input.set("pipeline", declaration(spec, target));
    return Json.pretty(input);
  }

  /**
   * The pipeline of one environment of a setup with environments (ENVIRONMENTS.md decision 3): Source (the
   * environment's branch, or its {@code <env>/<key>} object) → Test (the shared unit-test project,
   * {@link UnitTests}) → Build (for a gated environment a Manual approval first, runOrder 1, then the image build,
   * runOrder 2; the shared build project gets the environment's values as the action's EnvironmentVariables) →
   * Deploy (the environment's deployment group or service, its {@code taskdef-<env>.json}). The approval notifies the
   * setup's topic; its CustomData names the revision and where to try it in the environment before.
   *
   * @param setup the whole setup (with its environments section)
   * @param environment the environment's name
   * @param previousTestUrl the test URL of the environment before this one, e.g. {@code http://<its load balancer's
   *     DNS name>:<its test port>/}, known once that load balancer exists: given, it is the approval's
   *     ExternalEntityLink and named in its message; null (at generation time the DNS name is not known), the message
   *     names that environment's load balancer and test listener port instead
   */
  public static ObjectNode declaration(SetupSpec setup, String environment, Target target, String previousTestUrl) {
    EnvironmentSpec env = Environments.expand(setup, environment).orElseThrow(() -> new IllegalArgumentException(
        "No environment '" + environment + "' in setup " + setup.name() + "; it has " + (setup.environments() == null
            ? "none" : String.join(", ", setup.environments().names()))));
    SetupSpec spec = env.spec();
    Arns arns = Arns.of(spec, target);
    ObjectNode doc = Json.object();
    doc.put("name", spec.pipeline().name());
    doc.put("roleArn", arns.codePipelineRole());
    ObjectNode store = doc.putObject("artifactStore");
    store.put("type", "S3");
    store.put("location", arns.artifactBucket());
    ArrayNode stages = doc.putArray("stages");
    ObjectNode source = source(spec.source());
    source.put("namespace", SOURCE_NAMESPACE);
    stage(stages, "Source", source);
    stage(stages, "Test", unitTests(setup));
    ObjectNode build = build(spec);
    ArrayNode environmentVariables = Json.MAPPER.createArrayNode();
    for (Map.Entry<String, String> v : Buildspec.actionEnvironment(spec).entrySet()) {
      ObjectNode variable = environmentVariables.addObject();
      variable.put("name", v.getKey());
      variable.put("value", v.getValue());
      variable.put("type", "PLAINTEXT");
    }
    // a JSON array in a string, as the action's configuration takes it ("AWS CodeBuild build and test action
    // reference": EnvironmentVariables)
    ((ObjectNode) build.get("configuration")).put("EnvironmentVariables", compact(environmentVariables));
    if (spec.pipeline().manualApproval()) {
      ObjectNode approve = environmentApproval(setup, env, target, previousTestUrl);
      build.put("runOrder", 2);
      stages.addObject().put("name", "Build").putArray("actions").add(approve).add(build);
    } else {
      stage(stages, "Build", build);
    }
    stage(stages, "Deploy", deploy(spec));
    doc.put("pipelineType", "V2");
    doc.put("executionMode", "SUPERSEDED");
    return doc;
  }

  /** {@link #declaration(SetupSpec, String, Target, String)} as the file for {@code create-pipeline}. */
  public static String cliInputJson(SetupSpec setup, String environment, Target target, String previousTestUrl) {
    ObjectNode input = Json.object();
    input.set("pipeline", declaration(setup, environment, target, previousTestUrl));
    return Json.pretty(input);
  }

  /**
   * The approval request's text (CustomData, at most 500 characters: "Add a manual approval action to a stage",
   * CodePipeline User Guide): the revision through the source action's variable ({@code CommitId}; an S3 source has
   * {@code VersionId} instead, "Variables reference") and where the environment before this one serves it.
   */
  public static String approvalMessage(SetupSpec setup, EnvironmentSpec env, String previousTestUrl) {
    SetupSpec spec = env.spec();
    String revision = spec.source().provider() == org.bgwizard.setup.Source.Provider.S3
        ? "version #{" + SOURCE_NAMESPACE + ".VersionId} of s3://" + spec.source().s3Bucket() + "/"
            + spec.source().s3ObjectKey()
        : "commit #{" + SOURCE_NAMESPACE + ".CommitId}";
    String message = "Build and deploy " + revision + " to " + env.name() + "?";
    var previous = setup.environments().previous(env.name());
    if (previous.isEmpty()) {
      return message;
    }
    Environment before = previous.get();
    String where;
    if (previousTestUrl != null && !previousTestUrl.isBlank()) {
      where = previousTestUrl;
    } else {
      SetupSpec beforeSpec = Environments.expand(setup, before.name()).orElseThrow().spec();
      where = "the test listener of load balancer " + (beforeSpec.loadBalancer().isExisting()
          ? beforeSpec.loadBalancer().existingArn() : beforeSpec.loadBalancer().name()) + ", port "
          + beforeSpec.loadBalancer().testPort();
    }
    return message + " It passed " + before.name() + ": try it there first, on " + where + ".";
  }

  private static ObjectNode unitTests(SetupSpec setup) {
    ObjectNode config = Json.object();
    config.put("ProjectName", UnitTests.projectName(setup));
    return action("UnitTests", "Build", "CodeBuild", config, List.of(SOURCE_ARTIFACT), List.of());
  }

  private static ObjectNode environmentApproval(SetupSpec setup, EnvironmentSpec env, Target target,
      String previousTestUrl) {
    ObjectNode config = Json.object();
    String topic = EnvironmentArtifacts.approvalTopicArn(setup, target);
    if (topic != null) {
      config.put("NotificationArn", topic);
    }
    config.put("CustomData", approvalMessage(setup, env, previousTestUrl));
    if (previousTestUrl != null && !previousTestUrl.isBlank() && setup.environments().previous(env.name()).isPresent()) {
      config.put("ExternalEntityLink", previousTestUrl);
    }
    return action("Approve", "Approval", "Manual", config, List.of(), List.of());
  }

  private static String compact(ArrayNode array) {
    try {
      return Json.MAPPER.writeValueAsString(array);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static ObjectNode source(Source source) {
    ObjectNode config = Json.object();
    String provider = switch (source.provider()) {
      case CODECOMMIT -> {
        config.put("RepositoryName", source.repository());
        config.put("BranchName", source.branch());
        // an EventBridge rule starts runs (ChangeDetection); polling as well would start each run twice, and AWS
        // stops polling after 30 inactive days ("Valid settings for the PollForSourceChanges parameter")
        config.put("PollForSourceChanges", "false");
        config.put("OutputArtifactFormat", "CODE_ZIP");
        yield "CodeCommit";
      }
      case S3 -> {
        config.put("S3Bucket", source.s3Bucket());
        config.put("S3ObjectKey", source.s3ObjectKey());
        // the bucket sends its events to EventBridge and a rule starts runs (ChangeDetection), as for CodeCommit
        config.put("PollForSourceChanges", "false");
        yield "S3";
      }
      case GITHUB -> {
        config.put("ConnectionArn", source.connectionArn());
        config.put("FullRepositoryId", source.fullRepositoryId());
        config.put("BranchName", source.branch());
        config.put("OutputArtifactFormat", "CODE_ZIP");
        config.put("DetectChanges", "true");
        yield "CodeStarSourceConnection";
      }
    };
    return action("Source", "Source", provider, config, List.of(), List.of(SOURCE_ARTIFACT));
  }

  private static ObjectNode build(SetupSpec spec) {
    ObjectNode config = Json.object();
    config.put("ProjectName", spec.codeBuild().project());
    return action("Build", "Build", "CodeBuild", config, List.of(SOURCE_ARTIFACT), List.of(BUILD_ARTIFACT));
  }

  private static ObjectNode approval(Pipeline pipeline) {
    ObjectNode config = Json.object();
    String topic = pipeline.approvalTopicArn();
    if (topic != null && !topic.isBlank()) {
      config.put("NotificationArn", topic);
    }
    return action("Approve", "Approval", "Manual", config, List.of(), List.of());
  }

  /**
   * ecs-native: the standard Amazon ECS action, which reads imagedefinitions.json from the build, registers a revision
   * of the service's task definition with that image and updates the service; ECS then deploys it blue/green. Its
   * DeploymentTimeout (1–60 minutes) bounds how long the action waits ("Amazon Elastic Container Service deploy action
   * reference").
   */
  private static ObjectNode ecsDeploy(SetupSpec spec) {
    ObjectNode config = Json.object();
    config.put("ClusterName", spec.ecs().cluster());
    config.put("ServiceName", spec.ecs().service());
    config.put("FileName", FileNames.IMAGE_DEFINITIONS);
    config.put("DeploymentTimeout", String.valueOf(spec.ecsNative().deploymentTimeoutMinutes()));
    return action("Deploy", "Deploy", "ECS", config, List.of(BUILD_ARTIFACT), List.of());
  }

  /** Seed 000: taskdef.json and appspec.yaml from the source (or, generated, from the build), image from the build. */
  private static ObjectNode deploy(SetupSpec spec) {
    if (Buildspec.deploysWithEcsAction(spec)) {
      return ecsDeploy(spec);
    }
    String templates = Buildspec.generatesTaskdef(spec) ? BUILD_ARTIFACT : SOURCE_ARTIFACT;
    ObjectNode config = Json.object();
    config.put("ApplicationName", spec.codeDeploy().application());
    config.put("DeploymentGroupName", spec.codeDeploy().deploymentGroup());
    config.put("TaskDefinitionTemplateArtifact", templates);
    // an environment's own file in the shared repository (EnvironmentArtifacts); the build writes taskdef.json
    config.put("TaskDefinitionTemplatePath",
        templates.equals(BUILD_ARTIFACT) ? FileNames.TASKDEF : EnvironmentArtifacts.taskdefPathOf(spec));
    config.put("AppSpecTemplateArtifact", templates);
    config.put("AppSpecTemplatePath", FileNames.APPSPEC);
    // GENERATED_IN_BUILD: taskdef.json already names the image (seed 001, which had no image mapping); whether
    // CodePipeline accepts a mapping with no <IMAGE1_NAME> to replace is not documented (uncertain)
    config.put("Image1ArtifactName", BUILD_ARTIFACT);
    config.put("Image1ContainerName", IMAGE1_CONTAINER_NAME);
    List<String> inputs = templates.equals(BUILD_ARTIFACT) ? List.of(BUILD_ARTIFACT) : List.of(SOURCE_ARTIFACT, BUILD_ARTIFACT);
    return action("Deploy", "Deploy", "CodeDeployToECS", config, inputs, List.of());
  }

  private static void stage(ArrayNode stages, String name, ObjectNode action) {
    ObjectNode stage = stages.addObject();
    stage.put("name", name);
    stage.putArray("actions").add(action);
  }

  private static ObjectNode action(String name, String category, String provider, ObjectNode config,
      List<String> inputs, List<String> outputs) {
    ObjectNode action = Json.object();
    action.put("name", name);
    ObjectNode type = action.putObject("actionTypeId");
    type.put("category", category);
    type.put("owner", "AWS");
    type.put("provider", provider);
    type.put("version", "1");
    action.put("runOrder", 1);
    if (!config.isEmpty()) {
      action.set("configuration", config);
    }
    action.set("inputArtifacts", artifacts(inputs));
    action.set("outputArtifacts", artifacts(outputs));
    return action;
  }

  private static ArrayNode artifacts(List<String> names) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    names.forEach(n -> array.addObject().put("name", n));
    return array;
  }
}
