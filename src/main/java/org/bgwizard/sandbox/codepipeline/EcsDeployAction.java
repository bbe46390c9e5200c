package org.bgwizard.sandbox.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Action;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ActionRun;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The standard Amazon ECS deploy action ("Amazon Elastic Container Service deploy action reference"): reads the image
 * definitions file ({@code FileName}, imagedefinitions.json by default) from its input artifact, registers a revision
 * of the service's current task definition with those images, updates the service, and follows the service
 * deployment ECS starts (for an ecs-native service, its whole blue/green lifecycle with the pause and bake time).
 * After {@code DeploymentTimeout} minutes (60 by default, at most 60) the action fails while ECS goes on deploying
 * (catalogue row 36).
 */
final class EcsDeployAction {
  static final String IMAGE_DEFINITIONS = "imagedefinitions.json";
  static final int MAX_TIMEOUT_MINUTES = 60;
  private static final List<String> DESCRIBE_ONLY = List.of("taskDefinitionArn", "revision", "status",
      "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt");

  private final SandboxAccount account;
  private final Ports ports;

  EcsDeployAction(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
  }

  /** Registers the revision and updates the service; a failure fails the action with ECS's or the file's words. */
  Optional<String> start(Action a, ActionRun r, String roleArn, Function<String, Optional<Map<String, String>>> files) {
    String input = a.inputArtifacts.get(0);
    Optional<Map<String, String>> artifact = files.apply(input);
    if (artifact.isEmpty()) {
      return Optional.of("You are missing permissions to access input artifact: " + input + ".");
    }
    String fileName = a.configuration.getOrDefault("FileName", IMAGE_DEFINITIONS);
    String text = artifact.get().get(fileName);
    if (text == null) {
      // by analogy with the blue/green action's text (catalogue rows 1, 35): uncertain wording
      return Optional.of("Invalid action configuration Exception while trying to read the image definition file "
          + fileName + " from the artifact: " + input + ".");
    }
    Optional<Map<String, String>> images = images(text);
    if (images.isEmpty()) {
      return Optional.of("The image definition file " + fileName + " contains invalid JSON format"); // row 3
    }
    String cluster = a.configuration.get("ClusterName");
    String service = a.configuration.get("ServiceName");
    Ports.EcsServiceDeploys ecs = ports.ecsServiceDeploys;
    Ports.Deployer deployer = ports.deployer;
    if (ecs == null || deployer == null) {
      throw new IllegalStateException("sandbox ports ecsServiceDeploys and deployer not wired");
    }
    Optional<String> current = ecs.taskDefinition(cluster, service);
    if (current.isEmpty()) {
      return Optional.of("Invalid action configuration The AWS ECS service " + service + " does not exist in the"
          + " cluster " + cluster);
    }
    ObjectNode taskdef;
    try {
      taskdef = (ObjectNode) SandboxAccount.STATE_MAPPER.readTree(deployer.describeTaskDefinition(current.get())
          .orElseThrow());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    DESCRIBE_ONLY.forEach(taskdef::remove);
    for (var image : images.get().entrySet()) {
      Optional<JsonNode> container = stream(taskdef.path("containerDefinitions"))
          .filter(c -> image.getKey().equals(c.path("name").asText())).findFirst();
      if (container.isEmpty()) {
        // aws-samples/aws-modern-application-workshop #153 (catalogue row 35)
        return Optional.of("Invalid action configuration The AWS ECS container " + image.getKey() + " does not exist");
      }
      ((ObjectNode) container.get()).put("image", image.getValue());
    }
    try {
      String revision = deployer.registerTaskDefinition(taskdef.toString(), roleArn);
      r.externalExecutionId = ecs.deploy(cluster, service, revision);
      r.externalExecutionUrl = "https://" + account.region() + ".console.aws.amazon.com/ecs/v2/clusters/" + cluster
          + "/services/" + service + "/deployments?region=" + account.region();
      r.started = true;
      return Optional.empty();
    } catch (AwsServiceException ex) {
      return Optional.of(ex.awsErrorDetails().errorMessage());
    }
  }

  /**
   * The service deployment's outcome: empty while it runs within the timeout, else (succeeded, summary or error). A
   * rolled-back deployment fails the action, as the service did not reach the new revision.
   */
  Optional<Map.Entry<Boolean, String>> follow(Action a, ActionRun r) {
    Ports.EcsServiceDeploys ecs = ports.ecsServiceDeploys;
    String status = ecs.status(r.externalExecutionId);
    switch (status) {
      case "SUCCESSFUL" -> {
        return Optional.of(Map.entry(true, "Deployment " + r.externalExecutionId + " succeeded"));
      }
      case "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED", "STOPPED" -> {
        String reason = ecs.reason(r.externalExecutionId);
        return Optional.of(Map.entry(false, "The ECS service deployment " + r.externalExecutionId + " ended "
            + status + (reason == null ? "" : ": " + reason)));
      }
      default -> {
        int minutes = timeoutMinutes(a);
        if (!account.now().isBefore(r.startTime.plus(Duration.ofMinutes(minutes)))) {
          return Optional.of(Map.entry(false, "The deployment did not complete within the action's DeploymentTimeout"
              + " of " + minutes + " minutes; the ECS service deployment " + r.externalExecutionId
              + " continues (status " + status + ")"));
        }
        return Optional.empty();
      }
    }
  }

  /** When the action looks again: the next poll, or its timeout if that comes first. */
  Instant nextLook(Action a, ActionRun r, Duration poll) {
    Instant deadline = r.startTime.plus(Duration.ofMinutes(timeoutMinutes(a)));
    Instant next = account.now().plus(poll);
    return next.isAfter(deadline) ? deadline : next;
  }

  private static int timeoutMinutes(Action a) {
    try {
      int m = Integer.parseInt(a.configuration.getOrDefault("DeploymentTimeout", "60"));
      return Math.max(1, Math.min(MAX_TIMEOUT_MINUTES, m));
    } catch (NumberFormatException e) {
      return MAX_TIMEOUT_MINUTES;
    }
  }

  /** [{"name": container, "imageUri": uri}, …] by container; empty when it is not such an array. */
  static Optional<Map<String, String>> images(String text) {
    try {
      JsonNode doc = SandboxAccount.STATE_MAPPER.readTree(text);
      if (doc == null || !doc.isArray() || doc.isEmpty()) {
        return Optional.empty();
      }
      var out = new LinkedHashMap<String, String>();
      for (JsonNode item : doc) {
        if (!item.path("name").isTextual() || !item.path("imageUri").isTextual()) {
          return Optional.empty();
        }
        out.put(item.path("name").asText(), item.path("imageUri").asText());
      }
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
