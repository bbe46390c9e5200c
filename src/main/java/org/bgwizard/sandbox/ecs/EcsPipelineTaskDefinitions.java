package org.bgwizard.sandbox.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * {@link Ports.TaskDefinitions}: task definitions as the pipeline's deploy action registers and reads them. Registering
 * on behalf of a role needs iam:PassRole on the roles it names, passed to ECS tasks (catalogue row 16); ECS answers a
 * missing one with AccessDeniedException (captured in wellcomecollection/platform#374 for RegisterTaskDefinition,
 * with the "because no identity-based policy" suffix AWS has added since).
 */
public final class EcsPipelineTaskDefinitions implements Ports.TaskDefinitions {
  private final SandboxAccount account;
  private final Ports ports;
  private final EcsEngine ecs;

  public EcsPipelineTaskDefinitions(SandboxAccount account, Ports ports, EcsEngine ecs) {
    this.account = account;
    this.ports = ports;
    this.ecs = ecs;
  }

  @Override
  public String register(String taskdefJson, String callerRoleArn) {
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
  public Optional<String> describe(String familyOrArn) {
    EcsState.TaskDefinition td;
    try {
      td = ecs.taskDefinitions().describe(familyOrArn);
    } catch (EcsException e) {
      return Optional.empty();
    }
    var node = (ObjectNode) SandboxAccount.STATE_MAPPER.valueToTree(td);
    node.remove(List.of("tags", "deregisteredAt"));
    node.putArray("compatibilities").add("EC2").add("FARGATE");
    node.putArray("requiresAttributes");
    node.put("registeredBy", "arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME);
    node.properties().removeIf(e -> e.getValue().isNull());
    return Optional.of(node.toString());
  }

  private Ports.IamChecks iam() {
    Ports.IamChecks p = ports.iamChecks;
    if (p == null) {
      throw new IllegalStateException("sandbox port iamChecks not wired");
    }
    return p;
  }
}
