package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgwizard.artifacts.Buildspec;
import org.bgwizard.artifacts.ChangeDetection;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.Json;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.artifacts.TaskDefinitions;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * The cluster, task definition and service (CODE_DEPLOY controller, or ECS for an {@code ecs-native} setup), the
 * CodeDeploy application and deployment group as plain resources (none for {@code ecs-native}), the build project,
 * the source, the pipeline and the rule that starts it.
 */
final class DeliveryResources {
  static final String CLUSTER = "Cluster";
  static final String TASK_DEFINITION = "TaskDefinition";
  static final String SERVICE = "Service";
  static final String APPLICATION = "CodeDeployApplication";
  static final String DEPLOYMENT_GROUP = "DeploymentGroup";
  static final String BUILD_PROJECT = "BuildProject";
  static final String SOURCE_REPOSITORY = "SourceRepository";
  static final String SOURCE_BUCKET = "SourceBucket";
  static final String SOURCE_CONNECTION = "SourceConnection";
  static final String PIPELINE = "Pipeline";
  static final String EVENTS_ROLE = "EventsRole";
  static final String SOURCE_RULE = "SourceChangeRule";
  private static final String CONNECTION_PLACEHOLDER = "bgwizard-export-connection-arn";

  private DeliveryResources() {}

  static void add(Parts parts) {
    ecs(parts);
    if (!parts.isNative()) {
      codeDeploy(parts);
    }
    buildProject(parts);
    String source = source(parts);
    pipeline(parts, source);
    changeDetection(parts);
  }

  private static void ecs(Parts parts) {
    var ecs = parts.spec.ecs();
    if (!ecs.existingCluster()) {
      ObjectNode p = Cfn.object();
      p.put("ClusterName", ecs.cluster());
      p.set("Tags", parts.tags());
      parts.add(CLUSTER, "AWS::ECS::Cluster", Pages.ECS, p, List.of(), ResourceKind.CLUSTER, ecs.cluster());
    }
    ObjectNode task = (ObjectNode) Pascal.of(TaskDefinitions.document(parts.spec, parts.target,
        parts.spec.container().initialImage()));
    task.set("ExecutionRoleArn", parts.roleArn(ServiceRole.TASK_EXECUTION));
    task.set("Tags", parts.tags());
    parts.add(TASK_DEFINITION, "AWS::ECS::TaskDefinition", Pages.ECS, task, List.of(FoundationResources.TASK_LOGS),
        ResourceKind.TASK_DEFINITION, ecs.taskFamily());
    var c = parts.spec.container();
    ObjectNode p = Cfn.object();
    p.set("Cluster", cluster(parts));
    p.put("ServiceName", ecs.service());
    p.set("TaskDefinition", Cfn.ref(TASK_DEFINITION));
    p.put("DesiredCount", ecs.desiredCount());
    if (ecs.healthCheckGracePeriodSeconds() != null) {
      p.put("HealthCheckGracePeriodSeconds", ecs.healthCheckGracePeriodSeconds());
    }
    p.put("LaunchType", "FARGATE");
    ObjectNode lb = Cfn.object();
    lb.set("TargetGroupArn", Cfn.ref(FoundationResources.TARGET_GROUP_1));
    lb.put("ContainerName", c.name());
    lb.put("ContainerPort", c.port());
    if (parts.isNative()) {
      NativeResources.serviceSettings(parts, p, lb);
    } else {
      p.putObject("DeploymentController").put("Type", "CODE_DEPLOY");
    }
    p.putArray("LoadBalancers").add(lb);
    ObjectNode vpc = p.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
    vpc.set("Subnets", Cfn.ref(Parts.SUBNETS));
    vpc.set("SecurityGroups", Cfn.array(Cfn.getAtt(FoundationResources.SERVICE_GROUP, "GroupId")));
    vpc.put("AssignPublicIp", parts.spec.network().assignPublicIp() ? "ENABLED" : "DISABLED");
    p.put("PropagateTags", "SERVICE");
    p.put("EnableECSManagedTags", true);
    p.set("Tags", parts.tags());
    // the target group must be attached to the load balancer before a service can use it; the native service names
    // both listeners' rules, which come after the listeners
    parts.add(SERVICE, "AWS::ECS::Service", Pages.ECS, p, parts.isNative() ? List.of()
        : List.of(FoundationResources.PRODUCTION_LISTENER), ResourceKind.SERVICE, ecs.service());
  }

  private static JsonNode cluster(Parts parts) {
    return parts.spec.ecs().existingCluster() ? Cfn.text(parts.spec.ecs().cluster()) : Cfn.ref(CLUSTER);
  }

  /** As aws.CodeDeployResources creates them: blue/green with traffic control, the pair, both listeners. */
  private static void codeDeploy(Parts parts) {
    CodeDeploy cd = parts.spec.codeDeploy();
    ObjectNode app = Cfn.object();
    app.put("ApplicationName", cd.application());
    app.put("ComputePlatform", "ECS");
    app.set("Tags", parts.tags());
    parts.add(APPLICATION, "AWS::CodeDeploy::Application", Pages.CODEDEPLOY, app, List.of(),
        ResourceKind.CODEDEPLOY_APPLICATION, cd.application());
    ObjectNode p = Cfn.object();
    p.set("ApplicationName", Cfn.ref(APPLICATION));
    p.put("DeploymentGroupName", cd.deploymentGroup());
    p.set("ServiceRoleArn", parts.roleArn(ServiceRole.CODE_DEPLOY));
    p.put("DeploymentConfigName", cd.deploymentConfig());
    p.putObject("DeploymentStyle").put("DeploymentType", "BLUE_GREEN").put("DeploymentOption", "WITH_TRAFFIC_CONTROL");
    ObjectNode blueGreen = p.putObject("BlueGreenDeploymentConfiguration");
    ObjectNode ready = blueGreen.putObject("DeploymentReadyOption");
    boolean immediately = cd.reroute() == CodeDeploy.Reroute.IMMEDIATELY;
    ready.put("ActionOnTimeout", immediately ? "CONTINUE_DEPLOYMENT" : "STOP_DEPLOYMENT");
    if (!immediately) {
      ready.put("WaitTimeInMinutes", cd.rerouteWaitMinutes());
    }
    blueGreen.putObject("TerminateBlueInstancesOnDeploymentSuccess").put("Action", "TERMINATE")
        .put("TerminationWaitTimeInMinutes", cd.terminationWaitMinutes());
    ObjectNode service = p.putArray("ECSServices").addObject();
    service.set("ClusterName", cluster(parts));
    service.set("ServiceName", Cfn.getAtt(SERVICE, "Name"));
    ObjectNode pair = p.putObject("LoadBalancerInfo").putArray("TargetGroupPairInfoList").addObject();
    ArrayNode groups = pair.putArray("TargetGroups");
    groups.addObject().set("Name", Cfn.getAtt(FoundationResources.TARGET_GROUP_1, "TargetGroupName"));
    groups.addObject().set("Name", Cfn.getAtt(FoundationResources.TARGET_GROUP_2, "TargetGroupName"));
    pair.putObject("ProdTrafficRoute").set("ListenerArns", Cfn.array(Cfn.ref(FoundationResources.PRODUCTION_LISTENER)));
    pair.putObject("TestTrafficRoute").set("ListenerArns", Cfn.array(Cfn.ref(FoundationResources.TEST_LISTENER)));
    ObjectNode rollback = p.putObject("AutoRollbackConfiguration");
    rollback.put("Enabled", cd.autoRollback());
    if (cd.autoRollback()) {
      rollback.set("Events", Cfn.strings(List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST")));
    }
    p.set("Tags", parts.tags());
    parts.add(DEPLOYMENT_GROUP, "AWS::CodeDeploy::DeploymentGroup", Pages.CODEDEPLOY, p, List.of(),
        ResourceKind.DEPLOYMENT_GROUP, cd.deploymentGroup());
  }

  /** A build project's Environment as apply makes it: a Linux container of the setup's build image and size. */
  static ObjectNode buildEnvironment(ObjectNode project, org.bgwizard.setup.CodeBuild build) {
    ObjectNode env = project.putObject("Environment");
    env.put("Type", "LINUX_CONTAINER");
    env.put("Image", build.image());
    env.put("ComputeType", build.computeType());
    env.put("PrivilegedMode", build.privileged());
    env.put("ImagePullCredentialsType", "CODEBUILD");
    return env;
  }

  /** As aws.BuildProjects creates it: sources and artifacts from the pipeline, Docker allowed, logs to its group. */
  private static void buildProject(Parts parts) {
    var build = parts.spec.codeBuild();
    ObjectNode p = Cfn.object();
    p.put("Name", build.project());
    p.set("ServiceRole", parts.roleArn(ServiceRole.CODE_BUILD));
    p.putObject("Source").put("Type", "CODEPIPELINE");
    p.putObject("Artifacts").put("Type", "CODEPIPELINE");
    ObjectNode env = buildEnvironment(p, build);
    ArrayNode variables = env.putArray("EnvironmentVariables");
    for (Map.Entry<String, String> v : Buildspec.projectEnvironment(parts.spec, parts.target).entrySet()) {
      variables.addObject().put("Name", v.getKey()).put("Value", v.getValue()).put("Type", "PLAINTEXT");
    }
    p.put("TimeoutInMinutes", build.timeoutMinutes());
    ObjectNode logs = p.putObject("LogsConfig").putObject("CloudWatchLogs");
    logs.put("Status", "ENABLED");
    logs.set("GroupName", Cfn.ref(FoundationResources.BUILD_LOGS));
    p.set("Tags", parts.tags());
    parts.add(BUILD_PROJECT, "AWS::CodeBuild::Project", Pages.BUILD_AND_SOURCE, p, List.of(),
        ResourceKind.BUILD_PROJECT, build.project());
  }

  /** The source resource the setup creates; its logical id, or null when the source is the user's own. */
  private static String source(Parts parts) {
    Source source = parts.spec.source();
    switch (source.provider()) {
      case CODECOMMIT -> {
        if (source.existingRepository()) {
          return null;
        }
        ObjectNode p = Cfn.object();
        p.put("RepositoryName", source.repository());
        p.put("RepositoryDescription", ResourceTexts.codeCommitDescription(parts.spec));
        p.set("Tags", parts.tags());
        parts.add(SOURCE_REPOSITORY, "AWS::CodeCommit::Repository", Pages.BUILD_AND_SOURCE, p, List.of(),
            ResourceKind.CODECOMMIT_REPOSITORY, source.repository());
        return SOURCE_REPOSITORY;
      }
      case S3 -> {
        ObjectNode p = FoundationResources.bucket(parts, source.s3Bucket());
        p.putObject("NotificationConfiguration").putObject("EventBridgeConfiguration").put("EventBridgeEnabled", true);
        parts.add(SOURCE_BUCKET, "AWS::S3::Bucket", Pages.BUILD_AND_SOURCE, p, List.of(), ResourceKind.BUCKET,
            source.s3Bucket());
        return SOURCE_BUCKET;
      }
      default -> {
        if (source.connectionArn() != null) {
          return null;
        }
        ObjectNode p = Cfn.object();
        p.put("ConnectionName", source.connectionName());
        p.put("ProviderType", source.connectionProvider());
        p.set("Tags", parts.tags());
        parts.add(SOURCE_CONNECTION, "AWS::CodeConnections::Connection", Pages.BUILD_AND_SOURCE, p, List.of(),
            ResourceKind.CONNECTION, source.connectionName());
        return SOURCE_CONNECTION;
      }
    }
  }

  /** The declaration apply creates ({@link PipelineStructure}), in CloudFormation's names. */
  private static void pipeline(Parts parts, String source) {
    var spec = parts.spec;
    if (SOURCE_CONNECTION.equals(source)) {
      // a connection the stack creates: its ARN is known only there
      parts.replace(CONNECTION_PLACEHOLDER, Cfn.ref(SOURCE_CONNECTION));
      var s = spec.source();
      spec = spec.withSource(Source.connection(s.connectionProvider(), s.connectionName(), CONNECTION_PLACEHOLDER,
          s.fullRepositoryId(), s.branch()));
      addConnectionPolicy(parts);
    }
    ObjectNode declaration;
    if (parts.environment == null) {
      declaration = PipelineStructure.declaration(spec, parts.target);
    } else {
      // the environment's pipeline (Source → Test → Build, approval first when gated → Deploy), from the whole setup
      SetupSpec whole = parts.whole;
      if (SOURCE_CONNECTION.equals(source)) {
        var s = whole.source();
        whole = whole.withSource(Source.connection(s.connectionProvider(), s.connectionName(), CONNECTION_PLACEHOLDER,
            s.fullRepositoryId(), s.branch()));
      }
      declaration = PipelineStructure.declaration(whole, parts.environment, parts.target, parts.previousTestUrl);
    }
    ObjectNode p = (ObjectNode) Pascal.of(declaration);
    p.set("RoleArn", parts.roleArn(ServiceRole.CODE_PIPELINE));
    ((ObjectNode) p.get("ArtifactStore")).set("Location", Cfn.ref(FoundationResources.ARTIFACT_BUCKET));
    p.set("Tags", parts.tags());
    var after = new ArrayList<>(List.of(BUILD_PROJECT, parts.isNative() ? SERVICE : DEPLOYMENT_GROUP));
    // the stages name the build project, the deployment group (native: the cluster and service) and a repository or
    // bucket as text; a connection is a Ref already
    if (source != null && !source.equals(SOURCE_CONNECTION)) {
      after.add(source);
    }
    parts.add(PIPELINE, "AWS::CodePipeline::Pipeline", Pages.PIPELINE, p, after, ResourceKind.PIPELINE,
        parts.spec.pipeline().name());
  }

  /**
   * Apply puts UseConnection on the pipeline role as a second inline policy once the connection exists
   * ({@link IamPolicies#useConnection}); here the role and the connection are in the same stack.
   */
  private static void addConnectionPolicy(Parts parts) {
    if (parts.spec.roles().codePipeline().isExisting()) {
      return;
    }
    var role = parts.resources().stream().filter(r -> r.logicalId().equals(Parts.roleId(ServiceRole.CODE_PIPELINE)))
        .findFirst().orElseThrow();
    ObjectNode props = role.properties();
    ObjectNode policy = ((ArrayNode) props.get("Policies")).addObject();
    policy.put("PolicyName", ResourceTexts.CONNECTION_POLICY);
    policy.set("PolicyDocument", Json.read(IamPolicies.useConnection(CONNECTION_PLACEHOLDER)));
    parts.replaceResource(role.logicalId(), props);
  }

  private static void changeDetection(Parts parts) {
    var spec = parts.spec;
    var pattern = ChangeDetection.pattern(spec, parts.target);
    if (!ChangeDetection.needsRule(spec.source()) || pattern.isEmpty()) {
      return;
    }
    parts.add(EVENTS_ROLE, "AWS::IAM::Role", Pages.BUILD_AND_SOURCE, FoundationResources.role(
        ChangeDetection.roleName(spec), ResourceTexts.eventsRoleDescription(spec), ChangeDetection.trustPolicy(),
        ChangeDetection.permissions(spec, parts.target), parts), List.of(), ResourceKind.IAM_ROLE,
        ChangeDetection.roleName(spec));
    ObjectNode p = Cfn.object();
    p.put("Name", ChangeDetection.ruleName(spec));
    p.put("Description", ResourceTexts.eventRuleDescription(spec));
    p.set("EventPattern", pattern.get());
    p.put("State", "ENABLED");
    ObjectNode target = p.putArray("Targets").addObject();
    target.put("Id", ChangeDetection.TARGET_ID);
    target.put("Arn", parts.arns.pipeline());
    target.set("RoleArn", Cfn.getAtt(EVENTS_ROLE, "Arn"));
    p.set("Tags", parts.tags());
    parts.add(SOURCE_RULE, "AWS::Events::Rule", Pages.BUILD_AND_SOURCE, p, List.of(PIPELINE), ResourceKind.EVENT_RULE,
        ChangeDetection.ruleName(spec));
  }
}
