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

  /**
   * Several documents as one: statements in first-seen order, those with the same Sid joined (their actions and
   * resources, each once). What each environment's role document allows, for the role they share.
   */
  static ObjectNode union(List<ObjectNode> documents) {
    ObjectNode merged = new PolicyDocument().build();
    ArrayNode statements = merged.withArray("Statement");
    java.util.Map<String, ObjectNode> bySid = new java.util.LinkedHashMap<>();
    for (ObjectNode doc : documents) {
      for (var statement : doc.path("Statement")) {
        String sid = statement.path("Sid").asText();
        ObjectNode existing = bySid.get(sid);
        if (existing == null) {
          ObjectNode copy = statement.deepCopy();
          bySid.put(sid, copy);
          statements.add(copy);
        } else {
          addAll(existing, "Action", statement.path("Action"));
          addAll(existing, "Resource", statement.path("Resource"));
        }
      }
    }
    return merged;
  }

  /** Adds resources to the statement {@code sid} of {@code document}; false when it has no such statement. */
  static boolean addResources(ObjectNode document, String sid, List<String> resources) {
    for (var statement : document.path("Statement")) {
      if (statement.path("Sid").asText().equals(sid)) {
        addAll((ObjectNode) statement, "Resource", Json.array(resources));
        return true;
      }
    }
    return false;
  }

  private static void addAll(ObjectNode statement, String field, com.fasterxml.jackson.databind.JsonNode values) {
    ArrayNode target = statement.withArray(field);
    java.util.Set<String> present = new java.util.HashSet<>();
    target.forEach(v -> present.add(v.asText()));
    values.forEach(v -> {
      if (present.add(v.asText())) {
        target.add(v.asText());
      }
    });
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
