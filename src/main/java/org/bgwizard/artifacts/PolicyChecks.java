package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.PolicyStatement.arnField;
import static org.bgwizard.artifacts.PolicyStatement.wildcard;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bgwizard.setup.Roles.RoleRef;
import org.bgwizard.setup.SetupSpec;

/** Checks of the IAM documents: least privilege, ECR push, PassRole to ECS, trusted service principals. */
final class PolicyChecks {
  static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
  private static final List<String> ECR_PUSH = List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
      "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage");
  private static final Map<String, String> TRUSTED_SERVICE = Map.of(
      PreflightInput.TASK_EXECUTION, ECS_TASKS,
      PreflightInput.CODE_DEPLOY, "codedeploy.amazonaws.com",
      PreflightInput.CODE_BUILD, "codebuild.amazonaws.com",
      PreflightInput.CODE_PIPELINE, "codepipeline.amazonaws.com");
  private static final JsonPointer STATEMENT = JsonPointer.compile("/Statement");

  private PolicyChecks() {}

  static void check(Documents docs, Map<String, String> permissions, Map<String, String> trust, List<Finding> out) {
    if (permissions != null) {
      permissions.forEach((role, text) -> permission(docs, role, text, out));
    }
    if (trust != null) {
      trust.forEach((role, text) -> trust(role, text, out));
    }
  }

  private static void permission(Documents docs, String role, String text, List<Finding> out) {
    String file = "policy:" + role;
    if (text.contains("AdministratorAccess")) {
      out.add(Finding.error(file, null, 0, "policy.administrator", role));
      return;
    }
    SourceLines doc = parse(file, role, text, out);
    if (doc == null) {
      return;
    }
    List<PolicyStatement> statements = PolicyStatement.of(doc.root());
    statements.stream().filter(s -> s.allow() && s.actions().contains("*")).findFirst().ifPresent(s ->
        out.add(Finding.error(file, doc.line(s.at().appendProperty("Action")), 0, "policy.administrator", role)));
    if (role.equals(PreflightInput.CODE_BUILD)) {
      ecrPush(docs.spec(), file, doc, statements, out);
    }
    if (role.equals(PreflightInput.CODE_PIPELINE) || role.equals(PreflightInput.CODE_DEPLOY)) {
      passRoles(docs).forEach((label, target) -> passRole(file, doc, statements, label, target, out));
    }
  }

  private static void ecrPush(SetupSpec spec, String file, SourceLines doc, List<PolicyStatement> statements,
      List<Finding> out) {
    var missing = new ArrayList<String>();
    if (!grants(statements, "ecr:GetAuthorizationToken", "*"::equals)) {
      missing.add("ecr:GetAuthorizationToken");
    }
    Predicate<String> repository = spec == null ? r -> true : r -> r.equals("*") || wildcard(r,
        "arn:aws:ecr:" + spec.region() + ":" + arnField(r, 4) + ":repository/" + spec.repository().name(), false);
    ECR_PUSH.stream().filter(a -> !grants(statements, a, repository)).forEach(missing::add);
    if (!missing.isEmpty()) {
      out.add(Finding.error(file, doc.line(STATEMENT), 23, "policy.ecrPush", String.join(", ", missing)));
    }
  }

  private static void passRole(String file, SourceLines doc, List<PolicyStatement> statements, String label,
      Predicate<String> target, List<Finding> out) {
    List<PolicyStatement> granting = statements.stream()
        .filter(s -> s.allows("iam:PassRole") && s.resources().stream().anyMatch(target))
        .filter(s -> s.passedToService().isEmpty()
            || s.passedToService().stream().anyMatch(v -> wildcard(v, ECS_TASKS, false)))
        .toList();
    if (granting.isEmpty()) {
      out.add(Finding.error(file, doc.line(STATEMENT), 16, "policy.passRoleMissing", label));
    } else if (granting.stream().allMatch(s -> s.passedToService().isEmpty())) {
      out.add(Finding.warning(file, doc.line(granting.get(0).at()), 16, "policy.passRoleUnconditioned", label));
    }
  }

  /** The roles ECS is handed: the setup's task execution role and the task definition's roles, by name or ARN. */
  private static Map<String, Predicate<String>> passRoles(Documents docs) {
    var roles = new LinkedHashMap<String, Predicate<String>>();
    if (docs.spec() != null) {
      RoleRef execution = docs.spec().roles().taskExecution();
      String role = execution.isExisting() ? execution.existingArn() : execution.name();
      roles.put(role, roleMatcher(role));
    }
    if (docs.taskdef() != null) {
      for (String field : List.of("executionRoleArn", "taskRoleArn")) {
        String arn = docs.taskdef().root().path(field).asText();
        if (!arn.isBlank()) {
          roles.putIfAbsent(arn, roleMatcher(arn));
        }
      }
    }
    return roles;
  }

  private static Predicate<String> roleMatcher(String arnOrName) {
    return r -> r.equals("*") || wildcard(r, arnOrName.startsWith("arn:")
        ? arnOrName : "arn:aws:iam::" + arnField(r, 4) + ":role/" + arnOrName, false);
  }

  private static void trust(String role, String text, List<Finding> out) {
    String service = TRUSTED_SERVICE.get(role);
    String file = "trust:" + role;
    SourceLines doc = parse(file, role, text, out);
    if (service == null || doc == null) {
      return;
    }
    boolean trusted = PolicyStatement.of(doc.root()).stream().anyMatch(s -> s.allows("sts:AssumeRole")
        && s.services().stream().anyMatch(p -> wildcard(p, service, true)));
    if (!trusted) {
      out.add(Finding.error(file, doc.line(STATEMENT), role.equals(PreflightInput.TASK_EXECUTION) ? 17 : 15,
          "trust.principal", role, service));
    }
  }

  private static boolean grants(List<PolicyStatement> statements, String action, Predicate<String> resource) {
    return statements.stream().anyMatch(s -> s.allows(action) && s.resources().stream().anyMatch(resource));
  }

  private static SourceLines parse(String file, String role, String text, List<Finding> out) {
    try {
      SourceLines doc = SourceLines.json(text);
      if (doc.root().isObject()) {
        return doc;
      }
      out.add(Finding.error(file, null, 0, "policy.unparseable", role, "-"));
    } catch (JsonProcessingException e) {
      out.add(Finding.error(file, SourceLines.lineOf(e), 0, "policy.unparseable", role, e.getOriginalMessage()));
    }
    return null;
  }
}
