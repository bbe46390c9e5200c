package org.bgwizard.sandbox.codedeploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Iterator;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.NetworkConfig;

/**
 * The ECS AppSpec of a revision (YAML or JSON; JSON is YAML): the target service's task definition, the container
 * and port the load balancer sends traffic to, and the replacement task set's awsvpc configuration when it gives one
 * (null: the service's). Whether they exist is ECS's business when the deployment installs (CodeDeploy User Guide,
 * "AppSpec 'resources' section for Amazon ECS deployments": NetworkConfiguration.AwsvpcConfiguration with Subnets,
 * SecurityGroups and AssignPublicIp ENABLED or DISABLED).
 */
record CodeDeployAppSpec(String taskDefinition, String containerName, int containerPort, NetworkConfig network) {
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
    return new CodeDeployAppSpec(taskDefinition, container, port.asInt(), network(field(properties,
        "NetworkConfiguration")));
  }

  private static NetworkConfig network(JsonNode configuration) {
    if (configuration.isMissingNode()) {
      return null;
    }
    JsonNode vpc = field(configuration, "AwsvpcConfiguration");
    JsonNode subnets = field(vpc, "Subnets");
    if (!subnets.isArray() || subnets.isEmpty()) {
      throw new IllegalArgumentException("The AppSpec file needs a list of "
          + "Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets.");
    }
    var out = new NetworkConfig();
    subnets.forEach(s -> out.subnets.add(s.asText().trim()));
    field(vpc, "SecurityGroups").forEach(g -> out.securityGroups.add(g.asText().trim()));
    JsonNode publicIp = field(vpc, "AssignPublicIp");
    out.assignPublicIp = publicIp.isMissingNode() ? "DISABLED" : publicIp.asText().trim();
    if (!out.assignPublicIp.equals("ENABLED") && !out.assignPublicIp.equals("DISABLED")) {
      throw new IllegalArgumentException("Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp must be"
          + " ENABLED or DISABLED, not " + out.assignPublicIp + ".");
    }
    return out;
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
