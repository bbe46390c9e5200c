package org.bgwizard.sandbox;

import java.time.Duration;
import java.util.List;
import org.bgwizard.sandbox.core.ManualClock;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/** A sandbox on a manual clock with network and IAM doubles, and the tutorial's resources on demand. */
public final class EcsFixture {
  public static final String EXEC_ROLE = "arn:aws:iam::123456789012:role/demo-ecs-task-execution";
  public static final String LOG_GROUP = "/ecs/demo";
  public static final String CLUSTER = "demo-cluster";
  public static final String SERVICE = "demo-service";
  public static final String NGINX = "public.ecr.aws/nginx/nginx:stable";

  public final ManualClock clock;
  public final EcsTestNetwork network = new EcsTestNetwork();
  public final EcsTestIam iam = new EcsTestIam().withRole(EXEC_ROLE);
  public final Sandbox sandbox;

  /** What {@link #blueGreen} created. */
  public record BlueGreen(String loadBalancer, String targetGroup1, String targetGroup2, String production, String test,
      String taskDefinition) {}

  public EcsFixture() {
    this(ManualClock.startingAt("2026-01-05T09:00:00Z"));
  }

  private EcsFixture(ManualClock clock) {
    this(Sandbox.inMemory("us-east-1", clock), clock);
  }

  /** Wires the doubles into a sandbox that runs on {@code clock}. */
  public EcsFixture(Sandbox sandbox, ManualClock clock) {
    this.clock = clock;
    this.sandbox = sandbox;
    sandbox.ports.network = network;
    sandbox.ports.iamChecks = iam;
  }

  public void advance(int seconds) {
    clock.advance(Duration.ofSeconds(seconds));
    sandbox.account().advanceToNow();
  }

  public String loadBalancer(String name) {
    return sandbox.elbv2().createLoadBalancer(r -> r.name(name).subnets(EcsTestNetwork.publicSubnets())
        .securityGroups(EcsTestNetwork.SG_ALB)).loadBalancers().get(0).loadBalancerArn();
  }

  public String targetGroup(String name, String targetType) {
    String arn = sandbox.elbv2().createTargetGroup(r -> r.name(name).protocol("HTTP").port(80)
        .vpcId(EcsTestNetwork.VPC).targetType(targetType).healthCheckPath("/").healthCheckIntervalSeconds(15)
        .healthCheckTimeoutSeconds(5).healthyThresholdCount(2).unhealthyThresholdCount(3)
        .matcher(m -> m.httpCode("200-399"))).targetGroups().get(0).targetGroupArn();
    sandbox.elbv2().modifyTargetGroupAttributes(r -> r.targetGroupArn(arn).attributes(TargetGroupAttribute.builder()
        .key("deregistration_delay.timeout_seconds").value("30").build()));
    return arn;
  }

  public String listener(String loadBalancerArn, int port, String targetGroupArn) {
    return sandbox.elbv2().createListener(r -> r.loadBalancerArn(loadBalancerArn).protocol("HTTP").port(port)
            .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build()))
        .listeners().get(0).listenerArn();
  }

  void logGroup() {
    sandbox.logs().createLogGroup(r -> r.logGroupName(LOG_GROUP));
  }

  static RegisterTaskDefinitionRequest.Builder taskDefinitionRequest(String image) {
    return RegisterTaskDefinitionRequest.builder().family("demo-task").networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512").executionRoleArn(EXEC_ROLE)
        .containerDefinitions(ContainerDefinition.builder().name("web").image(image).essential(true)
            .portMappings(PortMapping.builder().containerPort(80).protocol("tcp").build())
            .logConfiguration(LogConfiguration.builder().logDriver("awslogs").options(java.util.Map.of(
                "awslogs-group", LOG_GROUP, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs")).build())
            .build());
  }

  public String taskDefinition(String image) {
    return sandbox.ecs().registerTaskDefinition(taskDefinitionRequest(image).build()).taskDefinition()
        .taskDefinitionArn();
  }

  public static CreateServiceRequest.Builder serviceRequest(String taskDefinition, String targetGroup) {
    return CreateServiceRequest.builder().cluster(CLUSTER).serviceName(SERVICE).taskDefinition(taskDefinition)
        .desiredCount(1).launchType(LaunchType.FARGATE)
        .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))
        .loadBalancers(lb(targetGroup, "web", 80))
        .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder()
            .subnets(EcsTestNetwork.publicSubnets()).securityGroups(EcsTestNetwork.SG_TASK)
            .assignPublicIp(AssignPublicIp.ENABLED).build()));
  }

  static software.amazon.awssdk.services.ecs.model.LoadBalancer lb(String targetGroup, String container, int port) {
    return software.amazon.awssdk.services.ecs.model.LoadBalancer.builder().targetGroupArn(targetGroup)
        .containerName(container).containerPort(port).build();
  }

  /** The tutorial's load balancer, target groups, listeners, log group, cluster and task definition. */
  public BlueGreen blueGreen(String image) {
    String lb = loadBalancer("demo-alb");
    String tg1 = targetGroup("demo-tg-1", "ip");
    String tg2 = targetGroup("demo-tg-2", "ip");
    String prod = listener(lb, 80, tg1);
    String test = listener(lb, 8080, tg2);
    logGroup();
    sandbox.ecs().createCluster(r -> r.clusterName(CLUSTER));
    return new BlueGreen(lb, tg1, tg2, prod, test, taskDefinition(image));
  }

  public Service createService(BlueGreen bg) {
    return sandbox.ecs().createService(serviceRequest(bg.taskDefinition(), bg.targetGroup1()).build()).service();
  }

  public Service service() {
    return sandbox.ecs().describeServices(DescribeServicesRequest.builder().cluster(CLUSTER).services(SERVICE).build())
        .services().get(0);
  }

  public List<Task> tasks(String desiredStatus) {
    List<String> arns = sandbox.ecs().listTasks(ListTasksRequest.builder().cluster(CLUSTER).serviceName(SERVICE)
        .desiredStatus(desiredStatus).build()).taskArns();
    if (arns.isEmpty()) {
      return List.of();
    }
    return sandbox.ecs().describeTasks(DescribeTasksRequest.builder().cluster(CLUSTER).tasks(arns).build()).tasks();
  }

  public List<String> events() {
    return service().events().stream().map(e -> e.message()).toList();
  }
}
