package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.PolicyDocument.ANY_RESOURCE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * Trust and least-privilege permission policies of the four roles (walkthrough row 1). Never a managed admin
 * policy (seed 000 fell back to AdministratorAccess); {@code *} only for actions that take no resource. Each role
 * has the actions of AWS's documented policy for it that this setup uses, scoped to this setup's resources; the
 * page is named above each method.
 */
public final class IamPolicies {
  private static final String ECR_TOKEN_SID = "EcrAuthTokenHasNoResourceScope";
  private static final String PASS_ROLE_SID = "PassTaskExecutionRoleOnlyToEcsTasks";

  private IamPolicies() {}

  /**
   * Documents for every role the wizard creates; roles given by ARN are the user's own and get none. For a setup with
   * environments give the whole setup: the roles are shared, and each document covers every environment's resources
   * ({@link #forRole}).
   */
  public static List<RolePolicies> generated(SetupSpec spec, Target target) {
    return ServiceRole.of(spec).stream()
        .map(role -> forRole(role, spec, target))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Empty when the role is the user's own ({@code existingArn} given). For a setup with environments (the whole
   * setup, as the shared role steps have it) the permissions are each environment's, statement by statement, with
   * their resources together (every ECR repository, log group, service, task family, deployment group, pipeline),
   * plus the shared unit-test project and, when an environment is gated, sns:Publish on the approval topic: still
   * this setup's resources only, {@code *} only where a single setup has it.
   */
  public static Optional<RolePolicies> forRole(ServiceRole role, SetupSpec spec, Target target) {
    var ref = role.ref(spec.roles());
    if (ref.isExisting()) {
      return Optional.empty();
    }
    return Optional.of(new RolePolicies(role, ref.name(), trustPolicy(role), permissions(role, spec, target)));
  }

  /** Lets only the role's service assume it (catalogue rows 15, 17). */
  /**
   * The pipeline role's permission to use one connection, as its own document: codeconnections:UseConnection, and
   * codestar-connections:UseConnection for connections made before the service was renamed ("Permissions and
   * examples for AWS CodeConnections").
   */
  public static String useConnection(String connectionArn) {
    return Json.pretty(allowUseConnection(new PolicyDocument(), connectionArn).build());
  }

  private static PolicyDocument allowUseConnection(PolicyDocument doc, String connectionArn) {
    return doc.allow("UseSourceConnection",
        List.of("codestar-connections:UseConnection", "codeconnections:UseConnection"), List.of(connectionArn));
  }

  public static ObjectNode trustPolicy(ServiceRole role) {
    return new PolicyDocument().trust("Allow" + role.service() + "ToAssumeRole", role.servicePrincipal()).build();
  }

  private static ObjectNode permissions(ServiceRole role, SetupSpec spec, Target target) {
    if (spec.hasEnvironments()) {
      return environmentsPermissions(role, spec, target);
    }
    Arns arns = Arns.of(spec, target);
    return switch (role) {
      case TASK_EXECUTION -> taskExecution(arns);
      case CODE_DEPLOY -> codeDeploy(spec, arns, target);
      case CODE_BUILD -> codeBuild(spec, arns);
      case CODE_PIPELINE -> codePipeline(spec, arns);
    };
  }

  private static ObjectNode environmentsPermissions(ServiceRole role, SetupSpec setup, Target target) {
    ObjectNode merged = PolicyDocument.union(EnvironmentArtifacts.expanded(setup).stream()
        .map(env -> permissions(role, env.spec(), target)).toList());
    Arns arns = Arns.of(setup, target);
    String testProject = arns.codeBuildProject(UnitTests.projectName(setup));
    String testLogs = arns.codeBuildLogGroup(UnitTests.projectName(setup));
    switch (role) {
      // the unit-test project runs with the same role and writes its own build logs
      case CODE_BUILD -> PolicyDocument.addResources(merged, "WriteBuildLogs", List.of(testLogs, testLogs + ":*"));
      case CODE_PIPELINE -> {
        PolicyDocument.addResources(merged, "RunBuildProject", List.of(testProject));
        String topic = EnvironmentArtifacts.approvalTopicArn(setup, target);
        if (topic != null && !PolicyDocument.addResources(merged, "NotifyApprovalTopic", List.of(topic))) {
          merged.withArray("Statement").add(new PolicyDocument()
              .allow("NotifyApprovalTopic", List.of("sns:Publish"), List.of(topic)).build().get("Statement").get(0));
        }
      }
      default -> { }
    }
    return merged;
  }

  /** AmazonECSTaskExecutionRolePolicy ("Amazon ECS task execution IAM role", ECS developer guide), all of it. */
  private static ObjectNode taskExecution(Arns arns) {
    return new PolicyDocument()
        .allow(ECR_TOKEN_SID, List.of("ecr:GetAuthorizationToken"), List.of(ANY_RESOURCE))
        .allow("PullImagesFromSetupRepository",
            List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
            List.of(arns.repository()))
        .allow("WriteContainerLogsToSetupLogGroup", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of(arns.logGroupStreams()))
        .build();
  }

  /**
   * AWSCodeDeployRoleForECS ("Amazon ECS CodeDeploy IAM Role", ECS developer guide) without lambda:InvokeFunction
   * and sns:Publish (no hooks, no triggers), scoped to this setup's service, listeners and bucket.
   */
  private static ObjectNode codeDeploy(SetupSpec spec, Arns arns, Target target) {
    PolicyDocument doc = new PolicyDocument()
        .allow("ManageTaskSetsOfSetupService",
            List.of("ecs:DescribeServices", "ecs:CreateTaskSet", "ecs:UpdateServicePrimaryTaskSet", "ecs:DeleteTaskSet"),
            List.of(arns.service(), arns.taskSets()))
        .allow("ElbDescribeActionsHaveNoResourceScope",
            List.of("elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeRules"),
            List.of(ANY_RESOURCE))
        .allow("ShiftTrafficOnSetupListeners",
            List.of("elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyRule"),
            List.of(arns.listeners(), arns.listenerRules()))
        .allow("ReadAlarmsForAlarmRollback", List.of("cloudwatch:DescribeAlarms"),
            List.of("arn:" + arns.partition() + ":cloudwatch:" + target.region() + ":" + target.accountId() + ":alarm:*"));
    return doc
        .allow("ReadRevisionsFromArtifactBucket", List.of("s3:GetObject", "s3:GetObjectVersion"),
            List.of(arns.artifactObjects()))
        .passRoleToEcsTasks(PASS_ROLE_SID, arns.taskExecutionRole())
        .build();
  }

  /**
   * "Allow CodeBuild to interact with other AWS services" (CodeBuild user guide): logs, the artifact bucket's objects
   * and its identity (s3:GetBucketAcl, s3:GetBucketLocation), plus ECR push; codecommit:GitPull is left out (the
   * source comes from the pipeline's artifact).
   */
  private static ObjectNode codeBuild(SetupSpec spec, Arns arns) {
    PolicyDocument doc = new PolicyDocument()
        .allow("WriteBuildLogs", List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
            List.of(arns.codeBuildLogGroup(), arns.codeBuildLogGroup() + ":*"))
        .allow("ReadSourceWriteBuildArtifacts", List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"),
            List.of(arns.artifactObjects()))
        .allow("LocateArtifactBucket", List.of("s3:GetBucketAcl", "s3:GetBucketLocation"),
            List.of(arns.artifactBucketArn()))
        .allow(ECR_TOKEN_SID, List.of("ecr:GetAuthorizationToken"), List.of(ANY_RESOURCE))
        .allow("PushImagesToSetupRepository",
            List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
            List.of(arns.repository()));
    String secret = spec.codeBuild().dockerHubSecretArn();
    if (secret != null && !secret.isBlank()) {
      doc.allow("ReadDockerHubCredentials", List.of("secretsmanager:GetSecretValue"), List.of(secret));
    }
    if (Buildspec.generatesTaskdef(spec)) {
      doc.allow("DescribeTaskDefinitionHasNoResourceScope", List.of("ecs:DescribeTaskDefinition"),
          List.of(ANY_RESOURCE));
    }
    return doc.build();
  }

  /**
   * "Manage the CodePipeline service role" (CodePipeline user guide: AllowS3BucketAccess, AllowS3ObjectAccess) and
   * the action references of the source, CodeBuild and "Amazon ECS and CodeDeploy blue-green" actions.
   */
  private static ObjectNode codePipeline(SetupSpec spec, Arns arns) {
    PolicyDocument doc = new PolicyDocument()
        .allow("ReadWritePipelineArtifacts",
            List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"),
            List.of(arns.artifactObjects()))
        .allow("CheckArtifactBucket", List.of("s3:GetBucketVersioning", "s3:GetBucketAcl", "s3:GetBucketLocation"),
            List.of(arns.artifactBucketArn()));
    Source source = spec.source();
    // an unfinished source (the wizard shows policies while the user types) gets no statement for it; the
    // validator reports the missing fields
    switch (source.provider()) {
      case CODECOMMIT -> doc.allow("ReadSourceRepository",
          List.of("codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository",
              "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive"),
          List.of(arns.codeCommitRepository()));
      case S3 -> {
        if (present(source.s3Bucket()) && present(source.s3ObjectKey())) {
          doc.allow("ReadSourceObject", List.of("s3:GetObject", "s3:GetObjectVersion"),
                  List.of(arns.bucketArn(source.s3Bucket()) + "/" + source.s3ObjectKey()))
              .allow("CheckSourceBucket", List.of("s3:GetBucketVersioning", "s3:GetBucketLocation"),
                  List.of(arns.bucketArn(source.s3Bucket())));
        }
      }
      // the service was renamed CodeConnections; older connections keep the codestar-connections prefix
      // a connection the setup creates gets its statement once it exists (useConnection, put by apply)
      case GITHUB -> {
        if (present(source.connectionArn())) {
          allowUseConnection(doc, source.connectionArn());
        }
      }
    }
    doc.allow("RunBuildProject", List.of("codebuild:BatchGetBuilds", "codebuild:StartBuild"),
            List.of(arns.codeBuildProject()));
    if (Buildspec.deploysWithEcsAction(spec)) {
      ecsAction(doc, arns);
    } else {
      codeDeployAction(doc, arns);
    }
    approvalTopic(spec).ifPresent(topic -> doc.allow("NotifyApprovalTopic", List.of("sns:Publish"), List.of(topic)));
    return doc.build();
  }

  /**
   * The standard Amazon ECS action's service role permissions ("Amazon Elastic Container Service deploy action
   * reference": Service role permissions): read the service and its task definition, register a revision (tagged, so
   * ecs:TagResource on task definitions), update the service, and pass the task roles to ECS tasks (catalogue row 16).
   */
  private static void ecsAction(PolicyDocument doc, Arns arns) {
    doc.allow("DescribeHaveNoResourceScope",
            List.of("ecs:DescribeServices", "ecs:DescribeTaskDefinition", "ecs:DescribeTasks", "ecs:ListTasks",
                "ecs:RegisterTaskDefinition"),
            List.of(ANY_RESOURCE))
        .allow("TagRegisteredRevisions", List.of("ecs:TagResource"), List.of(arns.taskDefinitions()))
        .allow("UpdateSetupService", List.of("ecs:UpdateService"), List.of(arns.service()))
        .passRoleToEcsTasks(PASS_ROLE_SID, arns.taskExecutionRole());
  }

  private static void codeDeployAction(PolicyDocument doc, Arns arns) {
    doc.allow("DeployThroughSetupDeploymentGroup",
            List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:GetApplication",
                "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision",
                "codedeploy:GetDeploymentConfig"),
            List.of(arns.codeDeployApplication(), arns.codeDeployDeploymentGroup(), arns.codeDeployDeploymentConfig()))
        .allow("RegisterTaskDefinitionHasNoResourceScope", List.of("ecs:RegisterTaskDefinition"),
            List.of(ANY_RESOURCE))
        .passRoleToEcsTasks(PASS_ROLE_SID, arns.taskExecutionRole());
  }

  private static Optional<String> approvalTopic(SetupSpec spec) {
    String topic = spec.pipeline().approvalTopicArn();
    return spec.pipeline().manualApproval() && topic != null && !topic.isBlank() ? Optional.of(topic) : Optional.empty();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
