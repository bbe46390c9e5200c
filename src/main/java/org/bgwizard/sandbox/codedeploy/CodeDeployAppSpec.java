package org.bgwizard.sandbox.codedeploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Iterator;

/**
 * The ECS AppSpec of a revision (YAML or JSON; JSON is YAML): the target service's task definition and the container
 * and port the load balancer sends traffic to. Whether they exist is ECS's business when the deployment installs.
 */
record CodeDeployAppSpec(String taskDefinition, String containerName, int containerPort) {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Throws IllegalArgumentException with the reason CodeDeploy reports as an invalid revision. */
  static CodeDeployAppSpec parse(String content) {
    JsonNode root;
    try {
      root = YAML.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The AppSpec file could not be parsed: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("The AppSpec file must be a YAML or JSON object.");
    }
    if (!field(root, "Hooks").isMissingNode()) {
      throw new IllegalArgumentException("The sandbox does not simulate Lambda lifecycle hooks: remove Hooks from the "
          + "AppSpec file.");
    }
    JsonNode resources = field(root, "Resources");
    if (!resources.isArray() || resources.size() != 1) {
      throw new IllegalArgumentException("The AppSpec file must list exactly one resource under Resources.");
    }
    JsonNode resource = resources.get(0);
    Iterator<String> names = resource.fieldNames();
    JsonNode service = names.hasNext() ? resource.get(names.next()) : null;
    if (service == null || !"AWS::ECS::Service".equals(field(service, "Type").asText())) {
      throw new IllegalArgumentException("The resource in the AppSpec file must have Type AWS::ECS::Service.");
    }
    JsonNode properties = field(service, "Properties");
    String taskDefinition = text(field(properties, "TaskDefinition"), "Properties.TaskDefinition");
    JsonNode lb = field(properties, "LoadBalancerInfo");
    String container = text(field(lb, "ContainerName"), "Properties.LoadBalancerInfo.ContainerName");
    JsonNode port = field(lb, "ContainerPort");
    if (!port.canConvertToInt() && !port.asText().matches("\\d{1,5}")) {
      throw new IllegalArgumentException("The AppSpec file needs a numeric Properties.LoadBalancerInfo.ContainerPort.");
    }
    return new CodeDeployAppSpec(taskDefinition, container, port.asInt());
  }

  private static String text(JsonNode node, String path) {
    if (!node.isValueNode() || node.asText().isBlank()) {
      throw new IllegalArgumentException("The AppSpec file needs " + path + ".");
    }
    return node.asText().trim();
  }

  /** AppSpec keys are matched without regard to case. */
  private static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase(name)) {
        return node.get(key);
      }
    }
    return MissingNode.getInstance();
  }
}
