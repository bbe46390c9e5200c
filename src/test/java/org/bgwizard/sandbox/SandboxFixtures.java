package org.bgwizard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.ManualClock;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * Whole setups built through the sandbox's own SDK clients (IAM, EC2, ELBv2, CloudWatch Logs, ECS, CodeDeploy), as
 * the wizard builds them: for tests of anything that runs on top of a blue/green ECS service.
 */
final class SandboxFixtures {
  static final String START = "2026-01-05T09:00:00Z";
  static final String NGINX = "public.ecr.aws/nginx/nginx:stable";
  /** An unqualified name resolves to Docker Hub, where it does not exist (catalogue row 18). */
  static final String BROKEN_IMAGE = "demo-app:latest";
  static final String EXECUTION_ROLE = "demo-ecs-task-execution";
  static final String CODEDEPLOY_ROLE = "demo-codedeploy";
  static final String CLUSTER = "demo-cluster";
  static final String SERVICE = "demo-service";
  static final String CONTAINER = "web";
  static final String LOG_GROUP = "/ecs/demo";
  static final String APPLICATION = "AppECS-demo";
  static final String GROUP = "DgpECS-demo";
  static final String TG1 = "demo-tg-1";
  static final String TG2 = "demo-tg-2";

  private static final YAMLMapper YAML = new YAMLMapper();

  private SandboxFixtures() {}

  /** How the deployment group deploys; {@code readyWaitMinutes} null means reroute at once. */
  record GroupOptions(String deploymentConfig, Integer readyWaitMinutes, int terminationWaitMinutes,
      boolean autoRollback, boolean testListener) {
    static GroupOptions defaults() {
      return new GroupOptions("CodeDeployDefault.ECSAllAtOnce", null, 5, true, true);
    }

    GroupOptions config(String name) {
      return new GroupOptions(name, readyWaitMinutes, terminationWaitMinutes, autoRollback, testListener);
    }

    GroupOptions readyWait(Integer minutes) {
      return new GroupOptions(deploymentConfig, minutes, terminationWaitMinutes, autoRollback, testListener);
    }

    GroupOptions terminationWait(int minutes) {
      return new GroupOptions(deploymentConfig, readyWaitMinutes, minutes, autoRollback, testListener);
    }

    GroupOptions autoRollback(boolean on) {
      return new GroupOptions(deploymentConfig, readyWaitMinutes, terminationWaitMinutes, on, testListener);
    }

    GroupOptions testListener(boolean on) {
      return new GroupOptions(deploymentConfig, readyWaitMinutes, terminationWaitMinutes, autoRollback, on);
    }
  }

  /** A fresh in-memory account with the blue/green service running its first task set and its deployment group. */
  static BlueGreenService blueGreenService(GroupOptions options) {
    ManualClock clock = ManualClock.startingAt(START);
    return blueGreenService(Sandbox.inMemory("us-east-1", clock), clock, options);
  }

  /** {@link #serviceWithoutGroup}, then the deployment group for {@code options}. */
  static BlueGreenService blueGreenService(Sandbox sandbox, ManualClock clock, GroupOptions options) {
    var f = serviceWithoutGroup(sandbox, clock, options.testListener());
    sandbox.codeDeploy().createDeploymentGroup(groupRequest(f, options).build());
    return f;
  }

  static BlueGreenService serviceWithoutGroup(boolean testListener) {
    ManualClock clock = ManualClock.startingAt(START);
    return serviceWithoutGroup(Sandbox.inMemory("us-east-1", clock), clock, testListener);
  }

  /**
   * Roles, security groups in the default VPC, the ALB with two ip target groups and listeners 80 (and 8080),
   * the log group, cluster, task definition and CODE_DEPLOY service; three minutes later (roles propagated, the
   * first task healthy) the CodeDeploy application.
   */
  static BlueGreenService serviceWithoutGroup(Sandbox sandbox, ManualClock clock, boolean testListener) {
    var f = new BlueGreenService(sandbox, clock);
    f.executionRoleArn = role(sandbox, EXECUTION_ROLE, "ecs-tasks.amazonaws.com",
        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    f.codeDeployRoleArn = role(sandbox, CODEDEPLOY_ROLE, "codedeploy.amazonaws.com",
        "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS");
    network(f);
    var elb = sandbox.elbv2();
    f.loadBalancerArn = elb.createLoadBalancer(r -> r.name("demo-alb").subnets(f.subnets).securityGroups(f.albGroup))
        .loadBalancers().get(0).loadBalancerArn();
    f.targetGroup1Arn = targetGroup(f, TG1);
    f.targetGroup2Arn = targetGroup(f, TG2);
    f.prodListenerArn = f.listener(80, f.targetGroup1Arn);
    if (testListener) {
      f.testListenerArn = f.listener(8080, f.targetGroup2Arn);
    }
    sandbox.logs().createLogGroup(r -> r.logGroupName(LOG_GROUP));
    sandbox.ecs().createCluster(r -> r.clusterName(CLUSTER));
    f.taskDefinitionArn = f.registerTaskDefinition(NGINX);
    sandbox.ecs().createService(r -> r.cluster(CLUSTER).serviceName(SERVICE).taskDefinition(f.taskDefinitionArn)
        .desiredCount(1).launchType(LaunchType.FARGATE)
        .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))
        .loadBalancers(lb -> lb.targetGroupArn(f.targetGroup1Arn).containerName(CONTAINER).containerPort(80))
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(f.subnets).securityGroups(f.taskGroup)
            .assignPublicIp(AssignPublicIp.ENABLED))));
    f.advance(Duration.ofMinutes(3));
    sandbox.codeDeploy().createApplication(r -> r.applicationName(APPLICATION).computePlatform("ECS"));
    return f;
  }

  /** The deployment group request the wizard sends for these options. */
  static CreateDeploymentGroupRequest.Builder groupRequest(BlueGreenService f, GroupOptions options) {
    var pair = TargetGroupPairInfo.builder().targetGroups(t -> t.name(TG1), t -> t.name(TG2))
        .prodTrafficRoute(p -> p.listenerArns(f.prodListenerArn));
    if (f.testListenerArn != null) {
      pair.testTrafficRoute(t -> t.listenerArns(f.testListenerArn));
    }
    return CreateDeploymentGroupRequest.builder().applicationName(APPLICATION).deploymentGroupName(GROUP)
        .serviceRoleArn(f.codeDeployRoleArn).deploymentConfigName(options.deploymentConfig())
        .deploymentStyle(s -> s.deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL"))
        .blueGreenDeploymentConfiguration(b -> b
            .deploymentReadyOption(r -> {
              if (options.readyWaitMinutes() == null) {
                r.actionOnTimeout(DeploymentReadyAction.CONTINUE_DEPLOYMENT);
              } else {
                r.actionOnTimeout(DeploymentReadyAction.STOP_DEPLOYMENT).waitTimeInMinutes(options.readyWaitMinutes());
              }
            })
            .terminateBlueInstancesOnDeploymentSuccess(t -> t.action("TERMINATE")
                .terminationWaitTimeInMinutes(options.terminationWaitMinutes())))
        .loadBalancerInfo(l -> l.targetGroupPairInfoList(pair.build()))
        .ecsServices(s -> s.clusterName(CLUSTER).serviceName(SERVICE))
        .autoRollbackConfiguration(a -> a.enabled(options.autoRollback())
            .eventsWithStrings(options.autoRollback() ? List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST")
                : List.of()));
  }

  static String role(Sandbox sandbox, String name, String principal, String policyArn) {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
        + principal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    String arn = sandbox.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    sandbox.iam().attachRolePolicy(r -> r.roleName(name).policyArn(policyArn));
    return arn;
  }

  private static void network(BlueGreenService f) {
    var ec2 = f.sandbox.ec2();
    f.vpcId = ec2.describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs()
        .get(0).vpcId();
    f.subnets = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(f.vpcId).build()))
        .subnets().stream().limit(2).map(s -> s.subnetId()).toList();
    f.albGroup = ec2.createSecurityGroup(r -> r.groupName("demo-alb-sg").description("ALB").vpcId(f.vpcId)).groupId();
    f.taskGroup = ec2.createSecurityGroup(r -> r.groupName("demo-task-sg").description("tasks").vpcId(f.vpcId))
        .groupId();
    for (int port : List.of(80, 8080)) {
      ec2.authorizeSecurityGroupIngress(r -> r.groupId(f.albGroup).ipPermissions(IpPermission.builder()
          .ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(i -> i.cidrIp("0.0.0.0/0")).build()));
    }
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(f.taskGroup).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(80).toPort(80).userIdGroupPairs(p -> p.groupId(f.albGroup)).build()));
  }

  private static String targetGroup(BlueGreenService f, String name) {
    var elb = f.sandbox.elbv2();
    String arn = elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(80).vpcId(f.vpcId).targetType("ip")
        .healthCheckPath("/").healthCheckIntervalSeconds(15).healthCheckTimeoutSeconds(5).healthyThresholdCount(2)
        .unhealthyThresholdCount(3)).targetGroups().get(0).targetGroupArn();
    elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(arn).attributes(TargetGroupAttribute.builder()
        .key("deregistration_delay.timeout_seconds").value("30").build()));
    return arn;
  }

  /** What {@link #blueGreenService} built, and the views tests look at. */
  static final class BlueGreenService {
    final Sandbox sandbox;
    final ManualClock clock;
    String executionRoleArn;
    String codeDeployRoleArn;
    String vpcId;
    List<String> subnets;
    String albGroup;
    String taskGroup;
    String loadBalancerArn;
    String targetGroup1Arn;
    String targetGroup2Arn;
    String prodListenerArn;
    String testListenerArn;
    String taskDefinitionArn;

    BlueGreenService(Sandbox sandbox, ManualClock clock) {
      this.sandbox = sandbox;
      this.clock = clock;
    }

    /** The same resources seen through another sandbox over the same account (e.g. reopened from its file). */
    BlueGreenService in(Sandbox other, ManualClock otherClock) {
      var f = new BlueGreenService(other, otherClock);
      f.executionRoleArn = executionRoleArn;
      f.codeDeployRoleArn = codeDeployRoleArn;
      f.vpcId = vpcId;
      f.subnets = subnets;
      f.albGroup = albGroup;
      f.taskGroup = taskGroup;
      f.loadBalancerArn = loadBalancerArn;
      f.targetGroup1Arn = targetGroup1Arn;
      f.targetGroup2Arn = targetGroup2Arn;
      f.prodListenerArn = prodListenerArn;
      f.testListenerArn = testListenerArn;
      f.taskDefinitionArn = taskDefinitionArn;
      return f;
    }

    void advance(Duration d) {
      clock.advance(d);
      sandbox.account().advanceToNow();
    }

    String listener(int port, String targetGroupArn) {
      return sandbox.elbv2().createListener(r -> r.loadBalancerArn(loadBalancerArn).protocol("HTTP").port(port)
          .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build()))
          .listeners().get(0).listenerArn();
    }

    /** A new revision of the task definition family running {@code image}. */
    String registerTaskDefinition(String image) {
      return sandbox.ecs().registerTaskDefinition(r -> r.family("demo-task").networkMode(NetworkMode.AWSVPC)
          .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512").executionRoleArn(executionRoleArn)
          .containerDefinitions(ContainerDefinition.builder().name(CONTAINER).image(image).essential(true)
              .portMappings(PortMapping.builder().containerPort(80).protocol("tcp").build())
              .logConfiguration(LogConfiguration.builder().logDriver("awslogs").options(Map.of(
                  "awslogs-group", LOG_GROUP, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs")).build())
              .build())).taskDefinition().taskDefinitionArn();
    }

    /** The tutorial's appspec.yaml for this task definition, container and port. */
    static String appSpec(String taskDefinitionArn, String container, int port) {
      ObjectNode doc = YAML.createObjectNode();
      doc.put("version", 0.0);
      ObjectNode properties = doc.putArray("Resources").addObject().putObject("TargetService")
          .put("Type", "AWS::ECS::Service").putObject("Properties");
      properties.put("TaskDefinition", taskDefinitionArn);
      properties.putObject("LoadBalancerInfo").put("ContainerName", container).put("ContainerPort", port);
      try {
        return YAML.writeValueAsString(doc);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** CreateDeployment with the AppSpec of the tutorial for this task definition. */
    String deploy(String taskDefinitionArn) {
      return deployAppSpec(appSpec(taskDefinitionArn, CONTAINER, 80));
    }

    String deployAppSpec(String content) {
      return sandbox.codeDeploy().createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
          .revision(v -> v.revisionType("AppSpecContent").appSpecContent(c -> c.content(content)))).deploymentId();
    }

    DeploymentInfo deployment(String id) {
      return sandbox.codeDeploy().getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }

    String status(String id) {
      return deployment(id).statusAsString();
    }

    ECSTarget target(String id) {
      return sandbox.codeDeploy().getDeploymentTarget(r -> r.deploymentId(id).targetId(CLUSTER + ":" + SERVICE))
          .deploymentTarget().ecsTarget();
    }

    /** The production listener's forward weights by target group name. */
    Map<String, Integer> productionWeights() {
      return weights(prodListenerArn);
    }

    Map<String, Integer> weights(String listenerArn) {
      var action = sandbox.elbv2().describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0)
          .defaultActions().get(0);
      Map<String, Integer> out = new LinkedHashMap<>();
      action.forwardConfig().targetGroups().forEach(t -> out.put(
          t.targetGroupArn().equals(targetGroup1Arn) ? TG1 : TG2, t.weight()));
      return out;
    }

    List<TaskSet> taskSets() {
      return sandbox.ecs().describeTaskSets(r -> r.cluster(CLUSTER).service(SERVICE)).taskSets();
    }

    /** The service's target group name: the one its PRIMARY task set serves. */
    String serviceTargetGroup() {
      String arn = sandbox.ecs().describeServices(r -> r.cluster(CLUSTER).services(SERVICE)).services().get(0)
          .loadBalancers().get(0).targetGroupArn();
      return arn.equals(targetGroup1Arn) ? TG1 : TG2;
    }

    /** Advances in steps until the deployment reaches {@code status} or {@code limit} passes; returns the time taken. */
    Duration advanceUntil(String id, String status, Duration step, Duration limit) {
      Duration waited = Duration.ZERO;
      while (!status(id).equals(status) && waited.compareTo(limit) < 0) {
        advance(step);
        waited = waited.plus(step);
      }
      return waited;
    }
  }
}
