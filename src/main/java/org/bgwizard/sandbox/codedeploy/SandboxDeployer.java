package org.bgwizard.sandbox.codedeploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.ecs.EcsEngine;
import org.bgwizard.sandbox.ecs.EcsState;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;

/**
 * ECS and CodeDeploy as the pipeline's deploy action uses them (Ports.Deployer). Registering a task definition on
 * behalf of a role needs iam:PassRole on the roles it names, passed to ECS tasks (catalogue row 16); ECS answers a
 * missing one with AccessDeniedException (captured in wellcomecollection/platform#374 for RegisterTaskDefinition,
 * with the "because no identity-based policy" suffix AWS has added since).
 */
public final class SandboxDeployer implements Ports.Deployer {
  private final SandboxAccount account;
  private final Ports ports;
  private final EcsEngine ecs;
  private final CodeDeployEngine codeDeploy;

  public SandboxDeployer(SandboxAccount account, Ports ports, EcsEngine ecs, CodeDeployEngine codeDeploy) {
    this.account = account;
    this.ports = ports;
    this.ecs = ecs;
    this.codeDeploy = codeDeploy;
  }

  @Override
  public String registerTaskDefinition(String taskdefJson, String callerRoleArn) {
    JsonNode taskdef = null;
    try {
      taskdef = SandboxAccount.STATE_MAPPER.readTree(taskdefJson);
    } catch (JsonProcessingException e) {
      // ECS reports the malformed document below
    }
    if (taskdef != null) {
      for (String field : List.of("executionRoleArn", "taskRoleArn")) {
        String role = taskdef.path(field).textValue();
        if (role != null && !iam().allows(callerRoleArn, "iam:PassRole", role, "ecs-tasks.amazonaws.com")) {
          throw ecs.error(AccessDeniedException.builder(), "AccessDeniedException", "User: " + principal(callerRoleArn)
              + " is not authorized to perform: iam:PassRole on resource: " + role
              + " because no identity-based policy allows the iam:PassRole action");
        }
      }
    }
    return ecs.registerTaskDefinitionJson(taskdefJson);
  }

  /** The session a service runs as when it assumes the role; the session name is the simulated time (unv). */
  private String principal(String roleArn) {
    String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    return "arn:aws:sts::" + account.accountId() + ":assumed-role/" + name + "/" + account.now().toEpochMilli();
  }

  /** The task definition as {@code aws ecs describe-task-definition} prints its {@code taskDefinition} object. */
  @Override
  public java.util.Optional<String> describeTaskDefinition(String familyOrArn) {
    EcsState.TaskDefinition td;
    try {
      td = ecs.taskDefinitions().describe(familyOrArn);
    } catch (software.amazon.awssdk.services.ecs.model.EcsException e) {
      return java.util.Optional.empty();
    }
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) SandboxAccount.STATE_MAPPER.valueToTree(td);
    node.remove(List.of("tags", "deregisteredAt"));
    node.putArray("compatibilities").add("EC2").add("FARGATE");
    node.putArray("requiresAttributes");
    node.put("registeredBy", "arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME);
    node.properties().removeIf(e -> e.getValue().isNull());
    return java.util.Optional.of(node.toString());
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

  private Ports.IamChecks iam() {
    Ports.IamChecks p = ports.iamChecks;
    if (p == null) {
      throw new IllegalStateException("sandbox port iamChecks not wired");
    }
    return p;
  }
}
