package org.bgwizard.sandbox.codepipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Action;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Pipeline;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Stage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codepipeline.model.InvalidActionDeclarationException;
import software.amazon.awssdk.services.codepipeline.model.InvalidStructureException;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/**
 * The structure rules CreatePipeline and UpdatePipeline enforce (CodePipeline API Reference): names, at least two
 * stages, source actions exactly in the first stage, the action types the sandbox runs with their required and
 * known configuration keys and artifact counts, and artifacts that connect (every input is an earlier output).
 * Wordings marked (unv) are AWS-like but unverified.
 */
final class CodePipelineStructure {
  /** An action type the sandbox runs: its configuration keys (required first) and artifact counts. */
  record ActionType(String category, String provider, Set<String> required, Set<String> optional, int minIn,
      int maxIn, int minOut, int maxOut) {}

  static final Map<String, ActionType> TYPES = Map.of(
      "CodeCommit", new ActionType("Source", "CodeCommit", Set.of("RepositoryName", "BranchName"),
          Set.of("PollForSourceChanges", "OutputArtifactFormat"), 0, 0, 1, 1),
      "S3", new ActionType("Source", "S3", Set.of("S3Bucket", "S3ObjectKey"),
          Set.of("PollForSourceChanges", "AllowOverrideForS3ObjectKey"), 0, 0, 1, 1),
      "CodeStarSourceConnection", new ActionType("Source", "CodeStarSourceConnection",
          Set.of("ConnectionArn", "FullRepositoryId", "BranchName"), Set.of("OutputArtifactFormat", "DetectChanges"),
          0, 0, 1, 1),
      "CodeBuild", new ActionType("Build", "CodeBuild", Set.of("ProjectName"),
          Set.of("PrimarySource", "BatchEnabled", "CombineArtifacts", "EnvironmentVariables"), 1, 5, 0, 5),
      "Manual", new ActionType("Approval", "Manual", Set.of(),
          Set.of("NotificationArn", "CustomData", "ExternalEntityLink"), 0, 0, 0, 0),
      "CodeDeployToECS", new ActionType("Deploy", "CodeDeployToECS",
          Set.of("ApplicationName", "DeploymentGroupName", "TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact"),
          Set.of("TaskDefinitionTemplatePath", "AppSpecTemplatePath", "Image1ArtifactName", "Image1ContainerName",
              "Image2ArtifactName", "Image2ContainerName", "Image3ArtifactName", "Image3ContainerName",
              "Image4ArtifactName", "Image4ContainerName"), 1, 5, 0, 0),
      // "Amazon Elastic Container Service deploy action reference": one input artifact, no output
      "ECS", new ActionType("Deploy", "ECS", Set.of("ClusterName", "ServiceName"),
          Set.of("FileName", "DeploymentTimeout"), 1, 1, 0, 0));
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.@\\-_]{1,100}");
  private static final Pattern ARTIFACT = Pattern.compile("[a-zA-Z0-9_\\-]{1,100}");
  private static final Pattern ROLE = Pattern.compile("arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*");

  private final SandboxAccount account;

  CodePipelineStructure(SandboxAccount account) {
    this.account = account;
  }

  void check(Pipeline p) {
    pattern(NAME, p.name, "pipeline.name", "[A-Za-z0-9.@\\-_]+");
    if (p.roleArn == null || !ROLE.matcher(p.roleArn).matches()) {
      throw validation("1 validation error detected: Value '" + p.roleArn + "' at 'pipeline.roleArn' failed to satisfy"
          + " constraint: Member must satisfy regular expression pattern: arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*");
    }
    if (!"S3".equals(p.artifactStoreType) || p.artifactStoreLocation == null
        || p.artifactStoreLocation.length() < 3 || p.artifactStoreLocation.length() > 63) {
      throw validation("1 validation error detected: Value at 'pipeline.artifactStore' failed to satisfy constraint:"
          + " an S3 artifact store with a location of 3 to 63 characters is required");
    }
    if (!List.of("V1", "V2").contains(p.pipelineType)) {
      throw validation("1 validation error detected: Value '" + p.pipelineType + "' at 'pipeline.pipelineType'"
          + " failed to satisfy constraint: Member must satisfy enum value set: [V1, V2]");
    }
    if (!List.of("SUPERSEDED", "QUEUED", "PARALLEL").contains(p.executionMode)) {
      throw validation("1 validation error detected: Value '" + p.executionMode + "' at 'pipeline.executionMode'"
          + " failed to satisfy constraint: Member must satisfy enum value set: [QUEUED, SUPERSEDED, PARALLEL]");
    }
    if (!p.executionMode.equals("SUPERSEDED") && p.pipelineType.equals("V1")) {
      throw structure("Execution mode " + p.executionMode + " is only supported for pipelines of type V2"); // (unv)
    }
    if (p.stages.size() < 2) {
      throw structure("Pipeline has only " + p.stages.size() + " stage(s). There should be a minimum of 2 stages in a"
          + " pipeline");
    }
    Set<String> produced = new HashSet<>();
    Set<String> stageNames = new HashSet<>();
    for (int s = 0; s < p.stages.size(); s++) {
      Stage stage = p.stages.get(s);
      pattern(NAME, stage.name, "pipeline.stages." + (s + 1) + ".member.name", "[A-Za-z0-9.@\\-_]+");
      if (!stageNames.add(stage.name)) {
        throw structure("Pipeline has duplicate stage name '" + stage.name + "'"); // (unv)
      }
      if (stage.actions.isEmpty()) {
        throw structure("Stage '" + stage.name + "' must contain at least one action"); // (unv)
      }
      for (Action a : stage.actions) {
        checkAction(a, stage, s == 0);
      }
      connect(stage, produced);
    }
  }

  private void checkAction(Action a, Stage stage, boolean firstStage) {
    pattern(NAME, a.name, "pipeline.stages.member.actions.member.name", "[A-Za-z0-9.@\\-_]+");
    if (a.runOrder < 1 || a.runOrder > 999) {
      throw validation("1 validation error detected: Value '" + a.runOrder + "' at 'runOrder' failed to satisfy"
          + " constraint: Member must have value between 1 and 999");
    }
    ActionType type = TYPES.get(a.provider);
    if (type == null || !type.category().equals(a.category) || !"AWS".equals(a.owner) || !"1".equals(a.version)) {
      throw action("ActionType (Category: '" + a.category + "', Provider: '" + a.provider + "', Owner: '" + a.owner
          + "', Version: '" + a.version + "') in action '" + a.name + "' is not available in region '"
          + account.region().toUpperCase(Locale.ROOT).replace('-', '_') + "' (the sandbox runs CodeCommit, S3 and"
          + " CodeStarSourceConnection sources, CodeBuild, Manual approval, CodeDeployToECS and ECS)");
    }
    boolean source = a.category.equals("Source");
    if (firstStage && !source) {
      throw structure("Stage '" + stage.name + "' is the pipeline's first stage and can contain only source actions;"
          + " action '" + a.name + "' is a " + a.category + " action"); // (unv)
    }
    if (!firstStage && source) {
      throw structure("Source action '" + a.name + "' is in stage '" + stage.name + "': source actions can only be in"
          + " the first stage"); // (unv)
    }
    for (String key : type.required()) {
      if (a.configuration.get(key) == null || a.configuration.get(key).isEmpty()) {
        throw action("Action configuration for action '" + a.name + "' is missing required configuration '" + key + "'");
      }
    }
    for (var e : a.configuration.entrySet()) {
      if (!type.required().contains(e.getKey()) && !type.optional().contains(e.getKey())) {
        throw action("Action configuration for action '" + a.name + "' contains unknown configuration '"
            + e.getKey() + "'");
      }
      if (e.getKey().length() > 50 || e.getValue() != null && e.getValue().length() > 1000) {
        throw validation("1 validation error detected: Value at 'configuration' failed to satisfy constraint: keys are"
            + " at most 50 characters and values at most 1000");
      }
    }
    count(a, "input", a.inputArtifacts.size(), type.minIn(), type.maxIn());
    count(a, "output", a.outputArtifacts.size(), type.minOut(), type.maxOut());
    for (String artifact : concat(a.inputArtifacts, a.outputArtifacts)) {
      pattern(ARTIFACT, artifact, "pipeline.stages.member.actions.member.artifacts.member.name", "[a-zA-Z0-9_\\-]+");
    }
    if (a.provider.equals("CodeDeployToECS")) {
      for (var e : a.configuration.entrySet()) {
        boolean namesArtifact = e.getKey().endsWith("Artifact") || e.getKey().endsWith("ArtifactName");
        if (namesArtifact && !a.inputArtifacts.contains(e.getValue())) {
          throw action("Action configuration for action '" + a.name + "': " + e.getKey() + " '" + e.getValue()
              + "' is not one of the action's input artifacts"); // (unv)
        }
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private void count(Action a, String kind, int n, int min, int max) {
    if (n < min) {
      throw action("Action " + a.name + " declares " + n + " " + kind + " artifacts which is less than the minimum count ("
          + min + ")");
    }
    if (n > max) {
      throw action("Action " + a.name + " declares " + n + " " + kind + " artifacts which is greater than the maximum"
          + " count (" + max + ")");
    }
  }

  /** Inputs must be outputs of an earlier stage or of a lower runOrder in this stage; outputs are unique. */
  private void connect(Stage stage, Set<String> produced) {
    List<Integer> orders = stage.actions.stream().map(a -> a.runOrder).distinct().sorted().toList();
    for (int order : orders) {
      Set<String> now = new HashSet<>();
      for (Action a : stage.actions) {
        if (a.runOrder != order) {
          continue;
        }
        for (String in : a.inputArtifacts) {
          if (!produced.contains(in)) {
            throw structure("Input artifact '" + in + "' of action '" + a.name + "' is not the output artifact of any"
                + " action that runs before it"); // (unv)
          }
        }
        for (String out : a.outputArtifacts) {
          if (produced.contains(out) || !now.add(out)) {
            throw structure("Output artifact name '" + out + "' is not unique in the pipeline"); // (unv)
          }
        }
      }
      produced.addAll(now);
    }
  }

  private void pattern(Pattern p, String value, String field, String shown) {
    if (value == null || !p.matcher(value).matches()) {
      throw validation("1 validation error detected: Value '" + value + "' at '" + field + "' failed to satisfy"
          + " constraint: Member must satisfy regular expression pattern: " + shown);
    }
  }

  private AwsServiceException validation(String message) {
    return account.error(ValidationException.builder(), Service.CODEPIPELINE, "ValidationException", message);
  }

  AwsServiceException structure(String message) {
    return account.error(InvalidStructureException.builder(), Service.CODEPIPELINE, "InvalidStructureException",
        message);
  }

  private AwsServiceException action(String message) {
    return account.error(InvalidActionDeclarationException.builder(), Service.CODEPIPELINE,
        "InvalidActionDeclarationException", message);
  }
}
