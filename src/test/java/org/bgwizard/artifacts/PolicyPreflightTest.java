package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.Fixtures.check;
import static org.bgwizard.artifacts.Fixtures.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;

class PolicyPreflightTest {
  private static final SetupSpec SPEC = Fixtures.seed002Spec();
  private static final String ECS_CONDITION =
      ", \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\"}}";
  private static final String PASS_EXECUTION_ROLE = "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\","
      + " \"Resource\": \"arn:aws:iam::123456789012:role/labo-terraform-admin-ecs-task-execution\"" + ECS_CONDITION + "}";
  private static final String CODE_BUILD = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
          {"Effect": "Allow",
           "Action": ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                      "ecr:CompleteLayerUpload", "ecr:PutImage"],
           "Resource": "arn:aws:ecr:ap-northeast-1:123456789012:repository/labo-terraform-admin"},
          {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}
        ]
      }""";
  private static final String START_BUILD =
      "{\"Effect\": \"Allow\", \"Action\": [\"codebuild:StartBuild\", \"codebuild:BatchGetBuilds\"], \"Resource\": \"*\"}";
  private static final String CODE_PIPELINE = document(START_BUILD, PASS_EXECUTION_ROLE);
  private static final String CODE_DEPLOY = document(
      "{\"Effect\": \"Allow\", \"Action\": [\"ecs:CreateTaskSet\", \"ecs:DeleteTaskSet\"], \"Resource\": \"*\"}",
      PASS_EXECUTION_ROLE);
  private static final String TASK_EXECUTION = """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "logs:PutLogEvents"], "Resource": "*"}]}""";

  private static String document(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [\n" + String.join(",\n", statements) + "\n]}";
  }

  private static String trust(String service) {
    return """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Service": "SERVICE"}, "Action": "sts:AssumeRole"}]}"""
        .replace("SERVICE", service);
  }

  private static Map<String, String> permissions() {
    return new HashMap<>(Map.of(PreflightInput.CODE_BUILD, CODE_BUILD, PreflightInput.CODE_PIPELINE, CODE_PIPELINE,
        PreflightInput.CODE_DEPLOY, CODE_DEPLOY, PreflightInput.TASK_EXECUTION, TASK_EXECUTION));
  }

  private static Map<String, String> trusts() {
    return new HashMap<>(Map.of(
        PreflightInput.TASK_EXECUTION, trust("ecs-tasks.amazonaws.com"),
        PreflightInput.CODE_DEPLOY, trust("codedeploy.amazonaws.com"),
        PreflightInput.CODE_BUILD, trust("codebuild.amazonaws.com"),
        PreflightInput.CODE_PIPELINE, trust("codepipeline.amazonaws.com")));
  }

  private static List<Finding> policies(SetupSpec spec, Map<String, String> permissions, Map<String, String> trust) {
    return check(PreflightInput.files(spec, null, null, null, null).withPolicies(permissions, trust));
  }

  private static List<Finding> withPermission(String role, String document) {
    Map<String, String> p = permissions();
    p.put(role, document);
    return policies(SPEC, p, trusts());
  }

  private static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), findings::toString);
    return findings.get(0);
  }

  @Test
  void leastPrivilegeDocuments_haveNoFindings() {
    assertEquals(List.of(), policies(SPEC, permissions(), trusts()));
  }

  @Test
  void codeBuildWithoutPutImage_isRow23_namingTheMissingAction() {
    Finding f = only(withPermission(PreflightInput.CODE_BUILD, edit(CODE_BUILD, ", \"ecr:PutImage\"", "")));
    assertEquals("policy.ecrPush", f.key());
    assertEquals(23, f.catalogueRow());
    assertEquals("policy:codeBuild", f.file());
    assertEquals(List.of("ecr:PutImage"), f.args());
    assertEquals(3, f.line());
  }

  @Test
  void getAuthorizationToken_onlyOnTheRepository_isRow23() {
    String doc = edit(CODE_BUILD, "\"Action\": \"ecr:GetAuthorizationToken\", \"Resource\": \"*\"",
        "\"Action\": \"ecr:GetAuthorizationToken\", \"Resource\": \"arn:aws:ecr:ap-northeast-1:1:repository/x\"");
    assertEquals(List.of("ecr:GetAuthorizationToken"), only(withPermission(PreflightInput.CODE_BUILD, doc)).args());
  }

  @Test
  void pushActions_onAnotherRepository_isRow23_butAnyRepositoryIsFineWithoutASetup() {
    String doc = edit(CODE_BUILD, "repository/labo-terraform-admin", "repository/other");
    assertEquals(23, only(withPermission(PreflightInput.CODE_BUILD, doc)).catalogueRow());
    assertEquals(List.of(), policies(null, Map.of(PreflightInput.CODE_BUILD, doc), null));
  }

  @Test
  void wildcardActionsAndResources_grantThePush() {
    String doc = """
        {"Statement": {"Effect": "Allow", "Action": ["ecr:Get*", "ecr:*Upload*", "ecr:BatchCheck*", "ecr:PutImage"],
         "Resource": "*"}}""";
    assertEquals(List.of(), withPermission(PreflightInput.CODE_BUILD, doc));
  }

  @Test
  void administratorAccess_orEveryAction_isAnError() {
    Finding admin = only(withPermission(PreflightInput.CODE_BUILD, "arn:aws:iam::aws:policy/AdministratorAccess"));
    assertEquals("policy.administrator", admin.key());
    Finding star = only(withPermission(PreflightInput.TASK_EXECUTION,
        "{\"Statement\": [{\"Effect\": \"Allow\",\n \"Action\": \"*\", \"Resource\": \"*\"}]}"));
    assertEquals("policy.administrator", star.key());
    assertEquals(Severity.ERROR, star.severity());
    assertEquals(2, star.line());
  }

  @Test
  void pipelineWithoutPassRole_isRow16() {
    Finding f = only(withPermission(PreflightInput.CODE_PIPELINE, document(START_BUILD)));
    assertEquals("policy.passRoleMissing", f.key());
    assertEquals(16, f.catalogueRow());
    assertEquals(List.of("labo-terraform-admin-ecs-task-execution"), f.args());
  }

  @Test
  void passRoleWithoutPassedToService_isRow16Warning() {
    Finding f = only(withPermission(PreflightInput.CODE_DEPLOY, edit(CODE_DEPLOY, ECS_CONDITION, "")));
    assertEquals("policy.passRoleUnconditioned", f.key());
    assertEquals(Severity.WARNING, f.severity());
  }

  @Test
  void passRoleConditionedOnAnotherService_doesNotCount() {
    String doc = edit(CODE_DEPLOY, "\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\"",
        "\"iam:PassedToService\": \"lambda.amazonaws.com\"");
    assertEquals("policy.passRoleMissing", only(withPermission(PreflightInput.CODE_DEPLOY, doc)).key());
  }

  @Test
  void passRole_mustAlsoCoverTheTaskdefsRoles() {
    String taskdef = Fixtures.read("seed002-taskdef.json");
    var input = PreflightInput.files(null, null, null, taskdef, null)
        .withPolicies(Map.of(PreflightInput.CODE_PIPELINE, CODE_PIPELINE), null);
    Finding f = only(check(input));
    assertEquals(List.of("arn:aws:iam::291867443967:role/ecsTaskExecutionRole"), f.args());
    String wildcard = edit(CODE_PIPELINE, "123456789012:role/labo-terraform-admin-ecs-task-execution",
        "291867443967:role/ecs*");
    assertEquals(List.of(), check(input.withPolicies(Map.of(PreflightInput.CODE_PIPELINE, wildcard), null)));
  }

  @Test
  void executionRoleNotTrustingEcsTasks_isRow17_otherRolesRow15() {
    Map<String, String> t = trusts();
    t.put(PreflightInput.TASK_EXECUTION, trust("ec2.amazonaws.com"));
    t.put(PreflightInput.CODE_BUILD, trust("codepipeline.amazonaws.com"));
    List<Finding> findings = policies(SPEC, permissions(), t);
    assertEquals(List.of("trust:codeBuild", "trust:taskExecution"), findings.stream().map(Finding::file).toList());
    assertEquals(List.of(15, 17), findings.stream().map(Finding::catalogueRow).toList());
    assertTrue(findings.get(1).message().contains("ecs-tasks.amazonaws.com"));
  }

  @Test
  void invalidPolicyJson_isReported() {
    Finding f = only(withPermission(PreflightInput.TASK_EXECUTION, "{\"Statement\": [}"));
    assertEquals("policy.unparseable", f.key());
    assertEquals(1, f.line());
  }
}
