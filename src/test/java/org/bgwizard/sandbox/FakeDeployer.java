package org.bgwizard.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;

/** A stand-in for ECS task definitions and CodeDeploy: records what the pipeline asks and answers as scripted. */
final class FakeDeployer implements Ports.Deployer {
  record Registration(String taskdefJson, String callerRoleArn) {}

  record Deployment(String id, String application, String deploymentGroup, String appspec) {}

  final List<Registration> registrations = new ArrayList<>();
  final List<Deployment> deployments = new ArrayList<>();
  final Map<String, String> statuses = new HashMap<>();
  final Map<String, String> errors = new HashMap<>();
  /** What describeTaskDefinition returns, by family. */
  final Map<String, String> taskDefinitions = new HashMap<>();
  /** Thrown by createDeployment when set (CodeDeploy rejecting the AppSpec). */
  RuntimeException createDeploymentError;

  @Override
  public String registerTaskDefinition(String taskdefJson, String callerRoleArn) {
    registrations.add(new Registration(taskdefJson, callerRoleArn));
    return "arn:aws:ecs:us-east-1:123456789012:task-definition/demo-task:" + (registrations.size() + 1);
  }

  @Override
  public String createDeployment(String application, String deploymentGroup, String appspecYaml) {
    if (createDeploymentError != null) {
      throw createDeploymentError;
    }
    String id = "d-" + String.format("%09d", deployments.size() + 1).replace('0', 'A');
    deployments.add(new Deployment(id, application, deploymentGroup, appspecYaml));
    statuses.put(id, "InProgress");
    return id;
  }

  @Override
  public String deploymentStatus(String deploymentId) {
    return statuses.get(deploymentId);
  }

  @Override
  public String deploymentError(String deploymentId) {
    return errors.get(deploymentId);
  }

  @Override
  public Optional<String> describeTaskDefinition(String familyOrArn) {
    return Optional.ofNullable(taskDefinitions.get(familyOrArn));
  }

  Deployment last() {
    return deployments.get(deployments.size() - 1);
  }

  /** The latest deployment ends with {@code status} (and {@code error}, for Failed or Stopped). */
  void finish(String status, String error) {
    statuses.put(last().id(), status);
    if (error != null) {
      errors.put(last().id(), error);
    }
  }
}
