package org.bgwizard.sandbox.iam;

import org.bgwizard.sandbox.SandboxInternals;
import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.bgwizard.sandbox.BasicServiceAssertions;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyNotAttachableException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UnmodifiableEntityException;

class IamSandboxTest {
  static final String ECS_TASKS_TRUST = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
       "Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
  static final String PIPELINE_TRUST = ECS_TASKS_TRUST.replace("ecs-tasks", "codepipeline");
  static final String EXEC_ROLE = "arn:aws:iam::123456789012:role/demo-exec";
  static final String PASS_EXEC_ROLE = """
      {"Version":"2012-10-17","Statement":[
        {"Sid":"PassExecutionRole","Effect":"Allow","Action":"iam:PassRole",
         "Resource":"arn:aws:iam::123456789012:role/demo-exec",
         "Condition":{"StringLike":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}},
        {"Sid":"RegisterTaskDefinitions","Effect":"Allow","Action":"ecs:RegisterTaskDefinition","Resource":"*"}]}""";

  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  IamClient iam;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    iam = sandbox.iam();
  }

  private Role createRole(String name, String trust) {
    return iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trust)).role();
  }

  private void advance(Duration d) {
    clock.advance(d);
    sandbox.account().advanceToNow();
  }

  private String arn(String name) {
    return "arn:aws:iam::123456789012:role/" + name;
  }

  @Test
  void createRole_thenGetRole_returnsArnIdAndUrlEncodedTrustPolicy() {
    Role created = createRole("demo-exec", ECS_TASKS_TRUST);

    Role got = iam.getRole(b -> b.roleName("demo-exec")).role();
    assertEquals(EXEC_ROLE, got.arn());
    assertTrue(got.roleId().matches("AROA[A-Z0-9]{17}"));
    assertEquals(created.roleId(), got.roleId());
    assertEquals(ECS_TASKS_TRUST, URLDecoder.decode(got.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
    assertFalse(got.assumeRolePolicyDocument().contains("{"));
    assertEquals(3600, got.maxSessionDuration());
  }

  @Test
  void createRole_withInvalidJson_isMalformedPolicyDocument() {
    assertAwsError(MalformedPolicyDocumentException.class, "MalformedPolicyDocument", "Syntax errors in policy",
        () -> createRole("bad", "{\"Version\":\"2012-10-17\","));
  }

  @Test
  void createRole_trustPolicyWithoutPrincipal_isMalformed() {
    assertAwsError(MalformedPolicyDocumentException.class, "MalformedPolicyDocument", "Missing required field Principal",
        () -> createRole("bad", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}"));
  }

  @Test
  void createRole_trustPolicyWithResource_isMalformed() {
    assertAwsError(MalformedPolicyDocumentException.class, "MalformedPolicyDocument", "Has prohibited field Resource",
        () -> createRole("bad", ECS_TASKS_TRUST.replace("\"Action\"", "\"Resource\":\"*\",\"Action\"")));
  }

  @Test
  void createRole_trustPolicyWithPermissionAction_isMalformed() {
    assertAwsError(MalformedPolicyDocumentException.class, "MalformedPolicyDocument", "invalid action",
        () -> createRole("bad", ECS_TASKS_TRUST.replace("sts:AssumeRole", "s3:GetObject")));
  }

  @Test
  void createRole_sameNameInAnotherCase_isEntityAlreadyExists() {
    createRole("demo-exec", ECS_TASKS_TRUST);

    var e = assertAwsError(EntityAlreadyExistsException.class, "EntityAlreadyExists",
        "Role with name Demo-Exec already exists.", () -> createRole("Demo-Exec", ECS_TASKS_TRUST));
    assertEquals(409, e.statusCode());
  }

  @Test
  void createRole_nameOver64Chars_isValidationError() {
    assertAwsError(IamException.class, "ValidationError", "roleName",
        () -> createRole("r".repeat(65), ECS_TASKS_TRUST));
  }

  @Test
  void getRole_missing_isNoSuchEntity() {
    var e = assertAwsError(NoSuchEntityException.class, "NoSuchEntity", "The role with name nobody cannot be found.",
        () -> iam.getRole(b -> b.roleName("nobody")));
    assertEquals(404, e.statusCode());
  }

  @Test
  void deleteRole_withAttachedPolicy_mustDetachFirst_thenWithInlinePolicy_mustDeleteFirst() {
    createRole("demo-exec", ECS_TASKS_TRUST);
    iam.attachRolePolicy(b -> b.roleName("demo-exec")
        .policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
    iam.putRolePolicy(b -> b.roleName("demo-exec").policyName("extra").policyDocument(PASS_EXEC_ROLE));

    assertAwsError(DeleteConflictException.class, "DeleteConflict",
        "Cannot delete entity, must detach all policies first.", () -> iam.deleteRole(b -> b.roleName("demo-exec")));
    iam.detachRolePolicy(b -> b.roleName("demo-exec")
        .policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
    assertAwsError(DeleteConflictException.class, "DeleteConflict",
        "Cannot delete entity, must delete policies first.", () -> iam.deleteRole(b -> b.roleName("demo-exec")));
    iam.deleteRolePolicy(b -> b.roleName("demo-exec").policyName("extra"));
    iam.deleteRole(b -> b.roleName("demo-exec"));

    assertEquals(Ports.IamChecks.Assume.NO_SUCH_ROLE, SandboxInternals.ports(sandbox).iamChecks.canAssume(EXEC_ROLE, "ecs-tasks.amazonaws.com"));
  }

  @Test
  void canAssume_isNotYetPropagated_untilExactlyCreatedPlusDelay() {
    sandbox.account().settings().propagationDelaySeconds = 10;
    createRole("demo-exec", ECS_TASKS_TRUST);

    advance(Duration.ofMillis(9_999));
    assertEquals(Ports.IamChecks.Assume.NOT_YET_PROPAGATED,
        SandboxInternals.ports(sandbox).iamChecks.canAssume(EXEC_ROLE, "ecs-tasks.amazonaws.com"));
    advance(Duration.ofMillis(1));
    assertEquals(Ports.IamChecks.Assume.OK, SandboxInternals.ports(sandbox).iamChecks.canAssume(EXEC_ROLE, "ecs-tasks.amazonaws.com"));
  }

  @Test
  void canAssume_wrongPrincipal_isNotTrusted_andUnknownRoleIsNoSuchRole() {
    createRole("demo-exec", ECS_TASKS_TRUST);
    advance(Duration.ofMinutes(1));

    assertEquals(Ports.IamChecks.Assume.NOT_TRUSTED,
        SandboxInternals.ports(sandbox).iamChecks.canAssume(EXEC_ROLE, "codedeploy.amazonaws.com"));
    assertEquals(Ports.IamChecks.Assume.NO_SUCH_ROLE,
        SandboxInternals.ports(sandbox).iamChecks.canAssume(arn("other"), "ecs-tasks.amazonaws.com"));
    assertEquals(Ports.IamChecks.Assume.NO_SUCH_ROLE,
        SandboxInternals.ports(sandbox).iamChecks.canAssume("arn:aws:iam::999999999999:role/demo-exec", "ecs-tasks.amazonaws.com"));
  }

  @Test
  void canAssume_afterTrustPolicyFix_keepsOldTrustUntilTheFixPropagates() {
    createRole("pipe", ECS_TASKS_TRUST);
    advance(Duration.ofMinutes(1));
    iam.updateAssumeRolePolicy(b -> b.roleName("pipe").policyDocument(PIPELINE_TRUST));

    assertEquals(Ports.IamChecks.Assume.NOT_TRUSTED, SandboxInternals.ports(sandbox).iamChecks.canAssume(arn("pipe"), "codepipeline.amazonaws.com"));
    advance(Duration.ofSeconds(10));
    assertEquals(Ports.IamChecks.Assume.OK, SandboxInternals.ports(sandbox).iamChecks.canAssume(arn("pipe"), "codepipeline.amazonaws.com"));
  }

  @Test
  void allows_passRoleWithPassedToServiceCondition_onlyForEcsTasks() {
    createRole("pipe", PIPELINE_TRUST);
    iam.putRolePolicy(b -> b.roleName("pipe").policyName("deploy").policyDocument(PASS_EXEC_ROLE));
    advance(Duration.ofSeconds(10));
    Ports.IamChecks checks = SandboxInternals.ports(sandbox).iamChecks;

    assertTrue(checks.allows(arn("pipe"), "iam:PassRole", EXEC_ROLE, "ecs-tasks.amazonaws.com"));
    assertFalse(checks.allows(arn("pipe"), "iam:PassRole", EXEC_ROLE, "codebuild.amazonaws.com"));
    assertFalse(checks.allows(arn("pipe"), "iam:PassRole", EXEC_ROLE, null));
    assertFalse(checks.allows(arn("pipe"), "iam:PassRole", arn("other-role"), "ecs-tasks.amazonaws.com"));
    assertTrue(checks.allows(arn("pipe"), "ECS:registertaskdefinition", "*", null));
  }

  @Test
  void allows_explicitDenyWins_andWildcardsMatchActionsAndResources() {
    createRole("build", ECS_TASKS_TRUST);
    iam.putRolePolicy(b -> b.roleName("build").policyName("p").policyDocument("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::demo-artifacts/*"},
          {"Effect":"Deny","Action":"s3:GetObjectVersion","Resource":"*"},
          {"Effect":"Allow","Action":"ecr:?utImage","Resource":"*"}]}"""));
    advance(Duration.ofSeconds(10));
    Ports.IamChecks checks = SandboxInternals.ports(sandbox).iamChecks;

    assertTrue(checks.allows(arn("build"), "s3:GetObject", "arn:aws:s3:::demo-artifacts/a/b.zip", null));
    assertFalse(checks.allows(arn("build"), "s3:GetObject", "arn:aws:s3:::other/a", null));
    assertFalse(checks.allows(arn("build"), "s3:GetObjectVersion", "arn:aws:s3:::demo-artifacts/a", null));
    assertTrue(checks.allows(arn("build"), "ecr:PutImage", "arn:aws:ecr:us-east-1:123456789012:repository/x", null));
  }

  @Test
  void allows_attachedCodeDeployManagedPolicy_passesRolesOnlyToEcsTasks() {
    createRole("deploy", ECS_TASKS_TRUST.replace("ecs-tasks", "codedeploy"));
    iam.attachRolePolicy(b -> b.roleName("deploy").policyArn("arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS"));
    createRole("limited", ECS_TASKS_TRUST.replace("ecs-tasks", "codedeploy"));
    iam.attachRolePolicy(b -> b.roleName("limited")
        .policyArn("arn:aws:iam::aws:policy/AWSCodeDeployRoleForECSLimited"));
    advance(Duration.ofSeconds(10));
    Ports.IamChecks checks = SandboxInternals.ports(sandbox).iamChecks;

    assertTrue(checks.allows(arn("deploy"), "iam:PassRole", EXEC_ROLE, "ecs-tasks.amazonaws.com"));
    assertFalse(checks.allows(arn("deploy"), "iam:PassRole", EXEC_ROLE, "lambda.amazonaws.com"));
    assertTrue(checks.allows(arn("deploy"), "ecs:CreateTaskSet", "*", null));
    assertFalse(checks.allows(arn("limited"), "iam:PassRole", EXEC_ROLE, "ecs-tasks.amazonaws.com"));
    assertTrue(checks.allows(arn("limited"), "iam:PassRole", arn("ecsTaskExecutionRole"), "ecs-tasks.amazonaws.com"));
  }

  @Test
  void allows_usesThePreviousPoliciesUntilAChangePropagates() {
    createRole("pipe", PIPELINE_TRUST);
    iam.putRolePolicy(b -> b.roleName("pipe").policyName("deploy").policyDocument(PASS_EXEC_ROLE));
    assertFalse(SandboxInternals.ports(sandbox).iamChecks.allows(arn("pipe"), "ecs:RegisterTaskDefinition", "*", null), "role not visible yet");
    advance(Duration.ofSeconds(30));

    iam.deleteRolePolicy(b -> b.roleName("pipe").policyName("deploy"));
    advance(Duration.ofSeconds(9));
    assertTrue(SandboxInternals.ports(sandbox).iamChecks.allows(arn("pipe"), "ecs:RegisterTaskDefinition", "*", null));
    advance(Duration.ofSeconds(1));
    assertFalse(SandboxInternals.ports(sandbox).iamChecks.allows(arn("pipe"), "ecs:RegisterTaskDefinition", "*", null));
  }

  @Test
  void putRolePolicy_withPrincipal_orWithoutResource_isMalformed() {
    createRole("pipe", PIPELINE_TRUST);

    assertAwsError(MalformedPolicyDocumentException.class, "MalformedPolicyDocument", "should not specify a principal",
        () -> iam.putRolePolicy(b -> b.roleName("pipe").policyName("p").policyDocument(PIPELINE_TRUST)));
    assertAwsError(MalformedPolicyDocumentException.class, "MalformedPolicyDocument", "must contain resources",
        () -> iam.putRolePolicy(b -> b.roleName("pipe").policyName("p")
            .policyDocument("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}")));
  }

  @Test
  void putRolePolicy_overTheInlineSizeQuota_isLimitExceeded() {
    createRole("pipe", PIPELINE_TRUST);
    String big = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":["
        + String.join(",", IntStream.range(0, 400).mapToObj(i -> "\"arn:aws:s3:::bucket-" + i + "/*\"").toList()) + "]}}";

    assertAwsError(LimitExceededException.class, "LimitExceeded", "Maximum policy size of 10240 bytes exceeded for role pipe",
        () -> iam.putRolePolicy(b -> b.roleName("pipe").policyName("p").policyDocument(big)));
  }

  @Test
  void getRolePolicy_returnsTheDocumentUrlEncoded_andMissingPolicyIsNoSuchEntity() {
    createRole("pipe", PIPELINE_TRUST);
    iam.putRolePolicy(b -> b.roleName("pipe").policyName("deploy").policyDocument(PASS_EXEC_ROLE));

    String doc = iam.getRolePolicy(b -> b.roleName("pipe").policyName("deploy")).policyDocument();
    assertEquals(PASS_EXEC_ROLE, URLDecoder.decode(doc, StandardCharsets.UTF_8));
    assertAwsError(NoSuchEntityException.class, "NoSuchEntity", "The role policy with name nope cannot be found.",
        () -> iam.getRolePolicy(b -> b.roleName("pipe").policyName("nope")));
  }

  @Test
  void attachRolePolicy_unknownOrServiceRolePolicy_isRejected_andTheEleventhIsLimitExceeded() {
    createRole("admin", PIPELINE_TRUST);
    createRole("role-x", PIPELINE_TRUST);
    assertAwsError(NoSuchEntityException.class, "NoSuchEntity", "does not exist or is not attachable",
        () -> iam.attachRolePolicy(b -> b.roleName("admin").policyArn("arn:aws:iam::aws:policy/NoSuchPolicy")));

    List<String> known = List.of("AdministratorAccess", "AWSCodePipeline_FullAccess", "AWSCodeDeployRoleForECS",
        "AWSCodeDeployRoleForECSLimited", "service-role/AmazonECSTaskExecutionRolePolicy",
        "AmazonEC2ContainerRegistryPowerUser", "AmazonEC2ContainerRegistryReadOnly", "CloudWatchLogsFullAccess",
        "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess");
    known.forEach(p -> iam.attachRolePolicy(b -> b.roleName("admin").policyArn("arn:aws:iam::aws:policy/" + p)));
    assertAwsError(LimitExceededException.class, "LimitExceeded", "PoliciesPerRole: 10",
        () -> iam.attachRolePolicy(b -> b.roleName("admin")
            .policyArn("arn:aws:iam::aws:policy/AmazonSNSFullAccess")));
    assertAwsError(PolicyNotAttachableException.class, "PolicyNotAttachable", "Service Role Policy",
        () -> iam.attachRolePolicy(b -> b.roleName("role-x")
            .policyArn("arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy")));
  }

  @Test
  void createServiceLinkedRole_forEcs_becomesUsableAfterPropagation_andIsProtected() {
    Role slr = iam.createServiceLinkedRole(b -> b.awsServiceName("ecs.amazonaws.com")).role();
    assertEquals("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", slr.arn());
    assertFalse(SandboxInternals.iamEngine(sandbox).serviceLinkedRoleExists("ecs.amazonaws.com"));
    advance(Duration.ofSeconds(10));
    assertTrue(SandboxInternals.iamEngine(sandbox).serviceLinkedRoleExists("ecs.amazonaws.com"));
    assertTrue(SandboxInternals.ports(sandbox).iamChecks.roleExists(slr.arn()));

    assertAwsError(InvalidInputException.class, "InvalidInput", "has been taken in this account",
        () -> iam.createServiceLinkedRole(b -> b.awsServiceName("ecs.amazonaws.com")));
    assertAwsError(UnmodifiableEntityException.class, "UnmodifiableEntity", "protected role 'AWSServiceRoleForECS'",
        () -> iam.deleteRole(b -> b.roleName("AWSServiceRoleForECS")));
  }

  @Test
  void listPaginators_walkRolesPoliciesAttachmentsAndTags() {
    for (int i = 0; i < 5; i++) {
      createRole("role-" + i, PIPELINE_TRUST);
    }
    for (String p : List.of("a", "b", "c")) {
      iam.putRolePolicy(b -> b.roleName("role-0").policyName(p).policyDocument(PASS_EXEC_ROLE));
    }
    for (String p : List.of("AdministratorAccess", "AmazonS3FullAccess", "CloudWatchLogsFullAccess")) {
      iam.attachRolePolicy(b -> b.roleName("role-0").policyArn("arn:aws:iam::aws:policy/" + p));
    }
    iam.tagRole(b -> b.roleName("role-0").tags(Tag.builder().key("bgwizard:setup").value("demo").build(),
        Tag.builder().key("team").value("ops").build(), Tag.builder().key("z").value("1").build()));

    assertEquals(List.of("role-0", "role-1", "role-2", "role-3", "role-4"),
        iam.listRolesPaginator(b -> b.maxItems(2)).roles().stream().map(Role::roleName).toList());
    assertEquals(List.of("a", "b", "c"),
        iam.listRolePoliciesPaginator(b -> b.roleName("role-0").maxItems(2)).policyNames().stream().toList());
    assertEquals(List.of("AdministratorAccess", "AmazonS3FullAccess", "CloudWatchLogsFullAccess"),
        iam.listAttachedRolePoliciesPaginator(b -> b.roleName("role-0").maxItems(1)).attachedPolicies().stream()
            .map(AttachedPolicy::policyName).toList());
    assertEquals(List.of("bgwizard:setup", "team", "z"),
        iam.listRoleTagsPaginator(b -> b.roleName("role-0").maxItems(2)).tags().stream().map(Tag::key).toList());
    assertEquals("demo", iam.getRole(b -> b.roleName("role-0")).role().tags().get(0).value());
  }

  @Test
  void createRole_withSessionDurationOutOfRange_orBadPath_isValidationError() {
    assertAwsError(IamException.class, "ValidationError", "maxSessionDuration",
        () -> iam.createRole(b -> b.roleName("r").assumeRolePolicyDocument(ECS_TASKS_TRUST).maxSessionDuration(60)));
    assertAwsError(IamException.class, "ValidationError", "path",
        () -> iam.createRole(b -> b.roleName("r").assumeRolePolicyDocument(ECS_TASKS_TRUST).path("service-role")));
    Role r = iam.createRole(b -> b.roleName("r").assumeRolePolicyDocument(ECS_TASKS_TRUST).path("/service-role/"))
        .role();
    assertEquals("arn:aws:iam::123456789012:role/service-role/r", r.arn());
  }

  @Test
  void savedAccount_reopened_keepsRolesPoliciesAndPropagationState(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    Sandbox first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE);
    first.iam().createRole(b -> b.roleName("pipe").assumeRolePolicyDocument(PIPELINE_TRUST)
        .tags(Tag.builder().key("bgwizard:setup").value("demo").build()));
    first.iam().putRolePolicy(b -> b.roleName("pipe").policyName("deploy").policyDocument(PASS_EXEC_ROLE));

    Sandbox second = BasicServiceAssertions.reopen(file);
    assertEquals(Ports.IamChecks.Assume.NOT_YET_PROPAGATED,
        SandboxInternals.ports(second).iamChecks.canAssume(arn("pipe"), "codepipeline.amazonaws.com"));
    Role role = second.iam().getRole(b -> b.roleName("pipe")).role();
    assertEquals("demo", role.tags().get(0).value());
    assertEquals(List.of("deploy"), second.iam().listRolePolicies(b -> b.roleName("pipe")).policyNames());
    assertEquals(first.account().snapshotJson(), second.account().snapshotJson());
  }
}
