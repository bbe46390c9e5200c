package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IamPoliciesTest {
  /** Actions that take no resource ARN, so {@code "*"} is what AWS requires. */
  private static final Set<String> ACTIONS_WITHOUT_RESOURCE_SCOPE = Set.of(
      "ecr:GetAuthorizationToken", "ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition",
      "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeRules");

  static Stream<Arguments> setups() {
    SetupSpec everything = Specs.withApproval(Specs.variant(), "arn:aws:sns:ap-northeast-1:123456789012:approvals");
    return Stream.of(
        Arguments.of("tutorial", Specs.tutorial()),
        Arguments.of("variant + approval", everything),
        Arguments.of("S3 source", Specs.withS3Source(Specs.tutorial())),
        Arguments.of("GitHub source", Specs.withGitHubSource(Specs.tutorial(),
            "arn:aws:codeconnections:ap-northeast-1:123456789012:connection/abc")),
        Arguments.of("three environments", EnvironmentPipelinesTest.THREE),
        Arguments.of("two environments, S3 source, variant", SpecDefaults.withEnvironments(
            Specs.withS3Source(Specs.variant()), List.of("dev", "prod"))));
  }

  @Test
  void withEnvironments_theSharedRolesCoverEveryEnvironment_theTestProject_andTheApprovalTopic() {
    SetupSpec three = EnvironmentPipelinesTest.THREE;
    String arn = "arn:aws:%s:ap-northeast-1:123456789012:%s";
    List<String> envs = List.of("dev", "qa", "prod");
    JsonNode execution = permissions(ServiceRole.TASK_EXECUTION, three);
    assertEquals(envs.stream().map(e -> arn.formatted("ecr", "repository/demo-" + e)).toList(),
        resourcesOf(execution, "ecr:BatchGetImage"));
    assertEquals(envs.stream().map(e -> arn.formatted("logs", "log-group:/ecs/demo-" + e + ":*")).toList(),
        resourcesOf(execution, "logs:PutLogEvents"));
    JsonNode build = permissions(ServiceRole.CODE_BUILD, three);
    assertEquals(envs.stream().map(e -> arn.formatted("ecr", "repository/demo-" + e)).toList(),
        resourcesOf(build, "ecr:PutImage"));
    assertEquals(List.of(arn.formatted("logs", "log-group:/aws/codebuild/demo-build"),
        arn.formatted("logs", "log-group:/aws/codebuild/demo-build:*"),
        arn.formatted("logs", "log-group:/aws/codebuild/demo-test"),
        arn.formatted("logs", "log-group:/aws/codebuild/demo-test:*")), resourcesOf(build, "logs:PutLogEvents"));
    JsonNode deploy = permissions(ServiceRole.CODE_DEPLOY, three);
    assertEquals(envs.stream().flatMap(e -> Stream.of(arn.formatted("ecs", "service/demo-cluster/demo-service-" + e),
        arn.formatted("ecs", "task-set/demo-cluster/demo-service-" + e + "/*"))).toList(),
        resourcesOf(deploy, "ecs:CreateTaskSet"));
    JsonNode pipeline = permissions(ServiceRole.CODE_PIPELINE, three);
    assertEquals(List.of(arn.formatted("codebuild", "project/demo-build"), arn.formatted("codebuild", "project/demo-test")),
        resourcesOf(pipeline, "codebuild:StartBuild"));
    assertTrue(resourcesOf(pipeline, "codedeploy:CreateDeployment").containsAll(envs.stream().map(e -> arn.formatted(
        "codedeploy", "deploymentgroup:AppECS-demo-cluster-demo-service/DgpECS-demo-cluster-demo-service-" + e))
        .toList()), pipeline.toString());
    assertEquals(List.of("arn:aws:sns:ap-northeast-1:123456789012:demo-approvals"),
        resourcesOf(pipeline, "sns:Publish"));
    assertEquals(List.of(arn.formatted("codecommit", "demo")), resourcesOf(pipeline, "codecommit:GetBranch"),
        "one repository, once");

    SetupSpec ungated = three.withEnvironments(new org.bgwizard.setup.Environments(three.environments().list().stream()
        .map(e -> e.withApproval(false)).toList(), false, null));
    assertEquals(List.of(), resourcesOf(permissions(ServiceRole.CODE_PIPELINE, ungated), "sns:Publish"));
  }

  private static List<JsonNode> statements(JsonNode policy) {
    List<JsonNode> list = new ArrayList<>();
    policy.path("Statement").forEach(list::add);
    return list;
  }

  private static List<String> texts(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> list.add(n.asText()));
    } else if (!node.isMissingNode()) {
      list.add(node.asText());
    }
    return list;
  }

  private static JsonNode permissions(ServiceRole role, SetupSpec spec) {
    return IamPolicies.forRole(role, spec, Specs.TARGET).orElseThrow().permissions();
  }

  private static List<String> actions(JsonNode policy) {
    return statements(policy).stream().flatMap(s -> texts(s.path("Action")).stream()).toList();
  }

  private static List<String> resourcesOf(JsonNode policy, String action) {
    return statements(policy).stream().filter(s -> texts(s.path("Action")).contains(action))
        .flatMap(s -> texts(s.path("Resource")).stream()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void noStatement_hasActionStarOrAServiceWildcard(String label, SetupSpec spec) {
    for (RolePolicies role : IamPolicies.generated(spec, Specs.TARGET)) {
      for (String action : actions(role.permissions())) {
        assertFalse(action.contains("*"), role.role() + ": " + action);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void resourceStar_onlyOnActionsWithoutResourceScope(String label, SetupSpec spec) {
    for (RolePolicies role : IamPolicies.generated(spec, Specs.TARGET)) {
      for (JsonNode statement : statements(role.permissions())) {
        if (texts(statement.path("Resource")).contains("*")) {
          assertTrue(ACTIONS_WITHOUT_RESOURCE_SCOPE.containsAll(texts(statement.path("Action"))),
              role.role() + ": " + statement);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void passRole_alwaysLimitedToEcsTasks_andToTheExecutionRole(String label, SetupSpec spec) {
    int passRoles = 0;
    for (RolePolicies role : IamPolicies.generated(spec, Specs.TARGET)) {
      for (JsonNode statement : statements(role.permissions())) {
        if (texts(statement.path("Action")).contains("iam:PassRole")) {
          passRoles++;
          assertEquals("ecs-tasks.amazonaws.com",
              statement.path("Condition").path("StringLike").path("iam:PassedToService").asText(), statement.toString());
          assertEquals(List.of(Arns.of(spec, Specs.TARGET).taskExecutionRole()), texts(statement.path("Resource")));
        }
      }
    }
    assertEquals(2, passRoles, "CodeDeploy and CodePipeline pass the execution role");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void everyStatement_hasAnAlphanumericSid_andAllows(String label, SetupSpec spec) {
    for (RolePolicies role : IamPolicies.generated(spec, Specs.TARGET)) {
      for (JsonNode policy : List.of(role.trust(), role.permissions())) {
        assertEquals("2012-10-17", policy.path("Version").asText());
        for (JsonNode statement : statements(policy)) {
          assertTrue(statement.path("Sid").asText().matches("[A-Za-z0-9]{4,}"), statement.toString());
          assertEquals("Allow", statement.path("Effect").asText());
        }
      }
    }
  }

  @Test
  void trust_eachRoleIsAssumableOnlyByItsService() {
    for (RolePolicies role : IamPolicies.generated(Specs.tutorial(), Specs.TARGET)) {
      List<JsonNode> statements = statements(role.trust());
      assertEquals(1, statements.size());
      assertEquals(role.role().servicePrincipal(), statements.get(0).path("Principal").path("Service").asText());
      assertEquals("sts:AssumeRole", statements.get(0).path("Action").asText());
    }
    assertEquals(List.of("ecs-tasks.amazonaws.com", "codedeploy.amazonaws.com", "codebuild.amazonaws.com",
            "codepipeline.amazonaws.com"),
        IamPolicies.generated(Specs.tutorial(), Specs.TARGET).stream().map(r -> r.role().servicePrincipal()).toList());
  }

  @Test
  void existingRoles_getNoGeneratedDocuments() {
    SetupSpec spec = Specs.withExistingRoles(Specs.tutorial(), true, true);
    assertTrue(IamPolicies.forRole(ServiceRole.TASK_EXECUTION, spec, Specs.TARGET).isEmpty());
    assertTrue(IamPolicies.forRole(ServiceRole.CODE_BUILD, spec, Specs.TARGET).isEmpty());
    assertEquals(List.of(ServiceRole.CODE_DEPLOY, ServiceRole.CODE_PIPELINE),
        IamPolicies.generated(spec, Specs.TARGET).stream().map(RolePolicies::role).toList());
  }

  @Test
  void existingExecutionRole_isWhatTheOthersMayPass() {
    SetupSpec spec = Specs.withExistingRoles(Specs.tutorial(), true, false);
    assertEquals(List.of("arn:aws:iam::123456789012:role/ecsTaskExecutionRole"),
        resourcesOf(permissions(ServiceRole.CODE_PIPELINE, spec), "iam:PassRole"));
  }

  @Test
  void taskExecution_pullsFromTheRepositoryAndLogsToTheGroup() {
    JsonNode policy = permissions(ServiceRole.TASK_EXECUTION, Specs.tutorial());
    String repo = "arn:aws:ecr:ap-northeast-1:123456789012:repository/demo";
    for (String action : List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage")) {
      assertEquals(List.of(repo), resourcesOf(policy, action), action);
    }
    assertEquals(List.of("arn:aws:logs:ap-northeast-1:123456789012:log-group:/ecs/demo:*"),
        resourcesOf(policy, "logs:PutLogEvents"));
    assertEquals(List.of("*"), resourcesOf(policy, "ecr:GetAuthorizationToken"));
  }

  @Test
  void codeBuild_pushesToTheRepository_row23() {
    JsonNode policy = permissions(ServiceRole.CODE_BUILD, Specs.tutorial());
    String repo = "arn:aws:ecr:ap-northeast-1:123456789012:repository/demo";
    for (String action : List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
        "ecr:CompleteLayerUpload", "ecr:PutImage")) {
      assertEquals(List.of(repo), resourcesOf(policy, action), action);
    }
    assertEquals(List.of("*"), resourcesOf(policy, "ecr:GetAuthorizationToken"));
    assertEquals(List.of("arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/codebuild/demo-build",
        "arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/codebuild/demo-build:*"),
        resourcesOf(policy, "logs:PutLogEvents"));
    assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012/*"), resourcesOf(policy, "s3:PutObject"));
    assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012"), resourcesOf(policy, "s3:GetBucketLocation"));
    assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012"), resourcesOf(policy, "s3:GetBucketAcl"));
    assertFalse(actions(policy).contains("codecommit:GitPull"));
  }

  @Test
  void codePipeline_artifactBucket_asTheServiceRoleDocsList_scopedToTheBucket() {
    JsonNode policy = permissions(ServiceRole.CODE_PIPELINE, Specs.tutorial());
    for (String action : List.of("s3:GetBucketVersioning", "s3:GetBucketAcl", "s3:GetBucketLocation")) {
      assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012"), resourcesOf(policy, action), action);
    }
    for (String action : List.of("s3:PutObject", "s3:PutObjectAcl", "s3:GetObject", "s3:GetObjectVersion")) {
      assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012/*"), resourcesOf(policy, action), action);
    }
  }

  @Test
  void codeBuild_secretAndDescribeTaskDefinition_onlyWhenNeeded() {
    JsonNode plain = permissions(ServiceRole.CODE_BUILD, Specs.tutorial());
    assertFalse(actions(plain).contains("secretsmanager:GetSecretValue"));
    assertFalse(actions(plain).contains("ecs:DescribeTaskDefinition"));

    JsonNode variant = permissions(ServiceRole.CODE_BUILD, Specs.variant());
    assertEquals(List.of(Specs.DOCKER_HUB_SECRET), resourcesOf(variant, "secretsmanager:GetSecretValue"));
    assertEquals(List.of("*"), resourcesOf(variant, "ecs:DescribeTaskDefinition"));

    JsonNode fileInRepo = permissions(ServiceRole.CODE_BUILD, Specs.withMode(Specs.variant(), TaskDefinitionMode.FILE_IN_REPO));
    assertFalse(actions(fileInRepo).contains("ecs:DescribeTaskDefinition"));
  }

  @Test
  void codeDeploy_scopedToTheSetupServiceListenersAndBucket() {
    JsonNode policy = permissions(ServiceRole.CODE_DEPLOY, Specs.tutorial());
    assertEquals(List.of("arn:aws:ecs:ap-northeast-1:123456789012:service/demo-cluster/demo-service",
        "arn:aws:ecs:ap-northeast-1:123456789012:task-set/demo-cluster/demo-service/*"),
        resourcesOf(policy, "ecs:CreateTaskSet"));
    assertEquals(List.of("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/demo-alb/*",
        "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener-rule/app/demo-alb/*"),
        resourcesOf(policy, "elasticloadbalancing:ModifyListener"));
    assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012/*"), resourcesOf(policy, "s3:GetObject"));
    assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012/*"), resourcesOf(policy, "s3:GetObjectVersion"));
    assertFalse(actions(policy).contains("lambda:InvokeFunction"));
    assertTrue(actions(policy).containsAll(List.of("ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet",
        "ecs:DeleteTaskSet", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeRules", "elasticloadbalancing:ModifyRule", "cloudwatch:DescribeAlarms")));
    assertFalse(actions(policy).contains("sns:Publish"));
  }

  @Test
  void approvalTopic_publishAllowedOnlyOnThatTopic() {
    String topic = "arn:aws:sns:ap-northeast-1:123456789012:approvals";
    SetupSpec spec = Specs.withApproval(Specs.tutorial(), topic);
    assertEquals(List.of(topic), resourcesOf(permissions(ServiceRole.CODE_PIPELINE, spec), "sns:Publish"));
    // CodeDeploy publishes only through deployment group triggers, which the setup does not configure
    assertFalse(actions(permissions(ServiceRole.CODE_DEPLOY, spec)).contains("sns:Publish"));
    assertFalse(actions(permissions(ServiceRole.CODE_PIPELINE, Specs.tutorial())).contains("sns:Publish"));
  }

  @Test
  void approvalTopic_withoutApprovalStage_isNotPublishedTo() {
    SetupSpec withTopic = Specs.withApproval(Specs.tutorial(), "arn:aws:sns:ap-northeast-1:123456789012:approvals");
    Pipeline p = withTopic.pipeline();
    SetupSpec noApproval = withTopic.withPipeline(new Pipeline(p.name(), p.artifactBucket(), false,
        p.approvalTopicArn()));
    assertFalse(actions(permissions(ServiceRole.CODE_PIPELINE, noApproval)).contains("sns:Publish"));
    assertFalse(actions(permissions(ServiceRole.CODE_DEPLOY, noApproval)).contains("sns:Publish"));
  }

  @Test
  void rolePolicies_returnedDocumentsCannotChangeIt() {
    RolePolicies role = IamPolicies.forRole(ServiceRole.CODE_BUILD, Specs.tutorial(), Specs.TARGET).orElseThrow();
    String before = role.permissionsJson();
    role.permissions().removeAll();
    role.trust().removeAll();
    assertEquals(before, role.permissionsJson());
    assertEquals(1, statements(role.trust()).size());
  }

  @Test
  void codePipeline_codeCommitSource_readsOnlyThatRepository() {
    JsonNode policy = permissions(ServiceRole.CODE_PIPELINE, Specs.tutorial());
    for (String action : List.of("codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository",
        "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive")) {
      assertEquals(List.of("arn:aws:codecommit:ap-northeast-1:123456789012:demo"), resourcesOf(policy, action), action);
    }
    assertEquals(List.of("arn:aws:codebuild:ap-northeast-1:123456789012:project/demo-build"),
        resourcesOf(policy, "codebuild:StartBuild"));
    assertEquals(List.of("*"), resourcesOf(policy, "ecs:RegisterTaskDefinition"));
    assertEquals(3, resourcesOf(policy, "codedeploy:CreateDeployment").size());
  }

  @Test
  void codePipeline_s3Source_readsTheSourceObject() {
    JsonNode policy = permissions(ServiceRole.CODE_PIPELINE, Specs.withS3Source(Specs.tutorial()));
    assertTrue(resourcesOf(policy, "s3:GetObject").contains("arn:aws:s3:::demo-source/app/source.zip"));
    assertTrue(resourcesOf(policy, "s3:GetBucketVersioning").contains("arn:aws:s3:::demo-source"));
    assertFalse(actions(policy).contains("codecommit:GetBranch"));
  }

  @Test
  void codePipeline_gitHubSource_usesTheConnection() {
    String connection = "arn:aws:codestar-connections:ap-northeast-1:123456789012:connection/abc";
    JsonNode policy = permissions(ServiceRole.CODE_PIPELINE, Specs.withGitHubSource(Specs.tutorial(), connection));
    assertEquals(List.of(connection), resourcesOf(policy, "codestar-connections:UseConnection"));
    assertEquals(List.of(connection), resourcesOf(policy, "codeconnections:UseConnection"));
  }

  @Test
  void noManagedAdminPolicy_anywhere() {
    for (RolePolicies role : IamPolicies.generated(Specs.variant(), Specs.TARGET)) {
      assertFalse(role.permissionsJson().contains("AdministratorAccess"));
      assertFalse(role.permissionsJson().contains("\"*:*\""));
    }
  }

  @Test
  void china_policiesUseAwsCnArns() {
    SetupSpec spec = SpecDefaults.tutorial("demo", "cn-north-1");
    Target target = new Target("123456789012", "cn-north-1");
    for (RolePolicies role : IamPolicies.generated(spec, target)) {
      for (JsonNode statement : statements(role.permissions())) {
        for (String resource : texts(statement.path("Resource"))) {
          assertTrue(resource.equals("*") || resource.startsWith("arn:aws-cn:"), resource);
        }
      }
    }
  }

  @Test
  void govCloud_policiesUseAwsUsGovArns() {
    SetupSpec spec = SpecDefaults.tutorial("demo", "us-gov-west-1");
    Target target = new Target("123456789012", "us-gov-west-1");
    for (RolePolicies role : IamPolicies.generated(spec, target)) {
      for (JsonNode statement : statements(role.permissions())) {
        for (String resource : texts(statement.path("Resource"))) {
          assertTrue(resource.equals("*") || resource.startsWith("arn:aws-us-gov:"), resource);
        }
      }
    }
  }

  @Test
  void json_isThePrettyDocument() {
    RolePolicies role = IamPolicies.forRole(ServiceRole.CODE_BUILD, Specs.tutorial(), Specs.TARGET).orElseThrow();
    assertEquals(role.permissions(), Json.read(role.permissionsJson()));
    assertEquals(role.trust(), Json.read(role.trustJson()));
    assertTrue(role.permissionsJson().endsWith("}\n"));
  }

  @Test
  void unfinishedSource_getsNoSourceStatement_insteadOfFailing() {
    SetupSpec github = Specs.withGitHubSource(Specs.tutorial(), null);
    assertFalse(actions(permissions(ServiceRole.CODE_PIPELINE, github)).contains("codeconnections:UseConnection"));
    SetupSpec s3 = Specs.tutorial().withSource(org.bgwizard.setup.Source.s3("", null, false));
    assertEquals(List.of("arn:aws:s3:::demo-artifacts-123456789012"),
        resourcesOf(permissions(ServiceRole.CODE_PIPELINE, s3), "s3:GetBucketVersioning"));
  }
}
