package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds an IAM policy document statement by statement; every statement carries a Sid saying why. */
final class PolicyDocument {
  static final String ANY_RESOURCE = "*";

  private final ObjectNode document = Json.object();
  private final ArrayNode statements;

  PolicyDocument() {
    document.put("Version", "2012-10-17");
    statements = document.putArray("Statement");
  }

  PolicyDocument allow(String sid, List<String> actions, List<String> resources) {
    statement(sid, actions).set("Resource", Json.array(resources));
    return this;
  }

  /** {@code iam:PassRole} on {@code roleArn}, only to ECS tasks (catalogue row 16). */
  PolicyDocument passRoleToEcsTasks(String sid, String roleArn) {
    ObjectNode statement = statement(sid, List.of("iam:PassRole"));
    statement.set("Resource", Json.array(List.of(roleArn)));
    statement.putObject("Condition").putObject("StringLike").put("iam:PassedToService", "ecs-tasks.amazonaws.com");
    return this;
  }

  PolicyDocument trust(String sid, String servicePrincipal) {
    ObjectNode statement = statements.addObject();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", servicePrincipal);
    statement.put("Action", "sts:AssumeRole");
    return this;
  }

  ObjectNode build() {
    return document.deepCopy();
  }

  private ObjectNode statement(String sid, List<String> actions) {
    ObjectNode statement = statements.addObject();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.set("Action", Json.array(actions));
    return statement;
  }
}
