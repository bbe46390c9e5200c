package org.bgwizard.sandbox.codedeploy;

import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;

/**
 * ECS and CodeDeploy as the pipeline's deploy action uses them (Ports.Deployer): task definitions through ECS's
 * {@link Ports.TaskDefinitions}, deployments from this engine.
 */
public final class SandboxDeployer implements Ports.Deployer {
  private final Ports ports;
  private final CodeDeployEngine codeDeploy;

  public SandboxDeployer(Ports ports, CodeDeployEngine codeDeploy) {
    this.ports = ports;
    this.codeDeploy = codeDeploy;
  }

  @Override
  public String registerTaskDefinition(String taskdefJson, String callerRoleArn) {
    return taskDefinitions().register(taskdefJson, callerRoleArn);
  }

  @Override
  public Optional<String> describeTaskDefinition(String familyOrArn) {
    return taskDefinitions().describe(familyOrArn);
  }

  @Override
  public String createDeployment(String application, String deploymentGroup, String appspecYaml) {
    var revision = new CodeDeployEngine.Revision("AppSpecContent", appspecYaml, null, null, null, null);
    return codeDeploy.createDeployment(new CodeDeployEngine.DeploymentSpec(application, deploymentGroup, revision,
        null, null, null, null)).deploymentId;
  }

  @Override
  public String deploymentStatus(String deploymentId) {
    return codeDeploy.deployment(deploymentId).status;
  }

  @Override
  public String deploymentError(String deploymentId) {
    var d = codeDeploy.deployment(deploymentId);
    return d.status.equals("Failed") || d.status.equals("Stopped") ? d.errorMessage : null;
  }

  private Ports.TaskDefinitions taskDefinitions() {
    Ports.TaskDefinitions p = ports.taskDefinitions;
    if (p == null) {
      throw new IllegalStateException("sandbox port taskDefinitions not wired");
    }
    return p;
  }
}
