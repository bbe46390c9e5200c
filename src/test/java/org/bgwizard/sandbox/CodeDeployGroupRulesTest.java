package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.bgwizard.sandbox.SandboxFixtures.APPLICATION;
import static org.bgwizard.sandbox.SandboxFixtures.GROUP;
import static org.bgwizard.sandbox.SandboxFixtures.TG1;
import static org.bgwizard.sandbox.SandboxFixtures.TG2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.Consumer;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ApplicationAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.EcsServiceMappingLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.InvalidAutoScalingGroupException;
import software.amazon.awssdk.services.codedeploy.model.InvalidBlueGreenDeploymentConfigurationException;
import software.amazon.awssdk.services.codedeploy.model.InvalidComputePlatformException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStyleException;
import software.amazon.awssdk.services.codedeploy.model.InvalidEcsServiceException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLoadBalancerInfoException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRoleException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTargetGroupPairException;
import software.amazon.awssdk.services.codedeploy.model.LoadBalancerInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * CreateDeploymentGroup's rules for ECS (CodeDeploy API Reference, CreateDeploymentGroup; catalogue rows 9, 10, 15,
 * 26).
 */
class CodeDeployGroupRulesTest {
  private final BlueGreenService f = SandboxFixtures.serviceWithoutGroup(true);
  private final CodeDeployClient cd = f.sandbox.codeDeploy();

  private void createGroup(Consumer<CreateDeploymentGroupRequest.Builder> change) {
    var request = SandboxFixtures.groupRequest(f, GroupOptions.defaults());
    change.accept(request);
    cd.createDeploymentGroup(request.build());
  }

  private static TargetGroupPairInfo pair(String tg1, String tg2, String prod, String test) {
    return TargetGroupPairInfo.builder().targetGroups(t -> t.name(tg1), t -> t.name(tg2))
        .prodTrafficRoute(p -> p.listenerArns(prod)).testTrafficRoute(p -> p.listenerArns(test)).build();
  }

  /** A second load balancer with a listener on port 80 forwarding to demo-tg-3; returns that listener. */
  private String otherLoadBalancerListener() {
    String lb = f.sandbox.elbv2().createLoadBalancer(r -> r.name("other-alb").subnets(f.subnets)
        .securityGroups(f.albGroup)).loadBalancers().get(0).loadBalancerArn();
    String tg3 = f.sandbox.elbv2().createTargetGroup(r -> r.name("demo-tg-3").protocol("HTTP").port(80)
        .vpcId(f.vpcId).targetType("ip")).targetGroups().get(0).targetGroupArn();
    return f.sandbox.elbv2().createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
        .defaultActions(a -> a.type("forward").targetGroupArn(tg3))).listeners().get(0).listenerArn();
  }

  @Test
  void theTutorialsGroup_isAccepted_andDescribedAsCreated() {
    createGroup(r -> { });
    var info = cd.getDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP))
        .deploymentGroupInfo();
    assertEquals("CodeDeployDefault.ECSAllAtOnce", info.deploymentConfigName());
    assertEquals("ECS", info.computePlatformAsString());
    assertEquals(f.codeDeployRoleArn, info.serviceRoleArn());
    assertEquals(SandboxFixtures.SERVICE, info.ecsServices().get(0).serviceName());
    var pair = info.loadBalancerInfo().targetGroupPairInfoList().get(0);
    assertEquals(TG1, pair.targetGroups().get(0).name());
    assertEquals(f.testListenerArn, pair.testTrafficRoute().listenerArns().get(0));
    assertEquals(5, info.blueGreenDeploymentConfiguration().terminateBlueInstancesOnDeploymentSuccess()
        .terminationWaitTimeInMinutes());
    assertEquals("CONTINUE_DEPLOYMENT", info.blueGreenDeploymentConfiguration().deploymentReadyOption()
        .actionOnTimeoutAsString());
  }

  @Test
  void freshRole_isRefusedUntilIamPropagates() {
    String role = SandboxFixtures.role(f.sandbox, "fresh-codedeploy", "codedeploy.amazonaws.com",
        "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS");
    assertAwsError(InvalidRoleException.class, "InvalidRoleException", "Cannot assume role provided.",
        () -> createGroup(r -> r.serviceRoleArn(role)));
    f.advance(Duration.ofSeconds(11));
    createGroup(r -> r.serviceRoleArn(role));
  }

  @Test
  void roleNotTrustingCodeDeploy_orMissing_isRefused() {
    assertAwsError(InvalidRoleException.class, "InvalidRoleException", "Cannot assume role provided.",
        () -> createGroup(r -> r.serviceRoleArn(f.executionRoleArn)));
    assertAwsError(InvalidRoleException.class, "InvalidRoleException",
        "does not have the permissions required to assume the role",
        () -> createGroup(r -> r.serviceRoleArn("arn:aws:iam::123456789012:role/nobody")));
  }

  @Test
  void serviceWithTheRollingController_isRefused() {
    f.sandbox.ecs().createService(r -> r.cluster(SandboxFixtures.CLUSTER).serviceName("rolling")
        .taskDefinition(f.taskDefinitionArn).desiredCount(0).launchType(LaunchType.FARGATE)
        .deploymentController(d -> d.type(DeploymentControllerType.ECS))
        .loadBalancers(lb -> lb.targetGroupArn(f.targetGroup1Arn).containerName("web").containerPort(80))
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(f.subnets).securityGroups(f.taskGroup))));
    assertAwsError(InvalidEcsServiceException.class, "InvalidECSServiceException",
        "must be configured for a CODE_DEPLOY deployment controller",
        () -> createGroup(r -> r.ecsServices(s -> s.clusterName(SandboxFixtures.CLUSTER).serviceName("rolling"))));
    assertAwsError(InvalidEcsServiceException.class, "InvalidECSServiceException", "Could not load ECS service",
        () -> createGroup(r -> r.ecsServices(s -> s.clusterName(SandboxFixtures.CLUSTER).serviceName("ghost"))));
  }

  @Test
  void targetGroupsThatAreNotAPairOnOneLoadBalancer_areRefused() {
    String other = otherLoadBalancerListener();
    String fragment = "must contain a valid pair of target groups";
    assertAwsError(InvalidTargetGroupPairException.class, "InvalidTargetGroupPairException", fragment,
        () -> createGroup(r -> r.loadBalancerInfo(l -> l.targetGroupPairInfoList(
            pair(TG2, TG1, f.prodListenerArn, f.testListenerArn)))));
    assertAwsError(InvalidTargetGroupPairException.class, "InvalidTargetGroupPairException", fragment,
        () -> createGroup(r -> r.loadBalancerInfo(l -> l.targetGroupPairInfoList(
            pair(TG1, "demo-tg-3", f.prodListenerArn, f.testListenerArn)))));
    assertAwsError(InvalidTargetGroupPairException.class, "InvalidTargetGroupPairException", fragment,
        () -> createGroup(r -> r.loadBalancerInfo(l -> l.targetGroupPairInfoList(
            pair(TG1, "no-such-tg", f.prodListenerArn, f.testListenerArn)))));
    assertAwsError(InvalidTargetGroupPairException.class, "InvalidTargetGroupPairException", fragment,
        () -> createGroup(r -> r.loadBalancerInfo(l -> l.targetGroupPairInfoList(
            pair(TG1, TG2, f.prodListenerArn, other)))));
    assertAwsError(InvalidTargetGroupPairException.class, "InvalidTargetGroupPairException", fragment,
        () -> createGroup(r -> r.loadBalancerInfo(l -> l.targetGroupPairInfoList(
            pair(TG1, TG1, f.prodListenerArn, f.testListenerArn)))));
  }

  @Test
  void continueDeploymentWithAWaitTime_isRefused() {
    assertAwsError(InvalidBlueGreenDeploymentConfigurationException.class,
        "InvalidBlueGreenDeploymentConfigurationException",
        "Deployment ready action cannot be set to 'CONTINUE_DEPLOYMENT' when timeout is specified",
        () -> createGroup(r -> r.blueGreenDeploymentConfiguration(b -> b
            .deploymentReadyOption(o -> o.actionOnTimeout("CONTINUE_DEPLOYMENT").waitTimeInMinutes(10))
            .terminateBlueInstancesOnDeploymentSuccess(t -> t.action("TERMINATE").terminationWaitTimeInMinutes(5)))));
    assertAwsError(InvalidBlueGreenDeploymentConfigurationException.class,
        "InvalidBlueGreenDeploymentConfigurationException", "terminationWaitTimeInMinutes",
        () -> createGroup(r -> r.blueGreenDeploymentConfiguration(b -> b
            .terminateBlueInstancesOnDeploymentSuccess(t -> t.action("TERMINATE").terminationWaitTimeInMinutes(2881)))));
    assertAwsError(InvalidBlueGreenDeploymentConfigurationException.class,
        "InvalidBlueGreenDeploymentConfigurationException", "blueGreenDeploymentConfiguration must be specified",
        () -> createGroup(r -> r.blueGreenDeploymentConfiguration((BlueGreenDeploymentConfiguration) null)));
  }

  @Test
  void autoScalingGroups_wrongStyle_orMissingLoadBalancerInfo_areRefused() {
    assertAwsError(InvalidAutoScalingGroupException.class, "InvalidAutoScalingGroupException",
        "For ECS deployment group, autoScalingGroups can not be specified",
        () -> createGroup(r -> r.autoScalingGroups("demo-asg")));
    assertAwsError(InvalidDeploymentStyleException.class, "InvalidDeploymentStyleException",
        "the deployment type must be BLUE_GREEN",
        () -> createGroup(r -> r.deploymentStyle(s -> s.deploymentType("IN_PLACE")
            .deploymentOption("WITH_TRAFFIC_CONTROL"))));
    assertAwsError(InvalidLoadBalancerInfoException.class, "InvalidLoadBalancerInfoException",
        "loadBalancerInfo must be specified",
        () -> createGroup(r -> r.loadBalancerInfo((LoadBalancerInfo) null)));
    assertAwsError(InvalidLoadBalancerInfoException.class, "InvalidLoadBalancerInfoException",
        "must not contain elbInfo list",
        () -> createGroup(r -> r.loadBalancerInfo(l -> l.elbInfoList(e -> e.name("classic"))
            .targetGroupPairInfoList(pair(TG1, TG2, f.prodListenerArn, f.testListenerArn)))));
  }

  @Test
  void serverApplication_getsTheLoadBalancingError() {
    cd.createApplication(r -> r.applicationName("server-app").computePlatform("Server"));
    assertAwsError(InvalidLoadBalancerInfoException.class, "InvalidLoadBalancerInfoException",
        "The deploymentOption value is set to WITH_TRAFFIC_CONTROL",
        () -> createGroup(r -> r.applicationName("server-app")));
  }

  @Test
  void oneGroupPerService_uniqueNames_knownConfigs_andExistingApplications() {
    createGroup(r -> { });
    assertAwsError(DeploymentGroupAlreadyExistsException.class, "DeploymentGroupAlreadyExistsException", GROUP,
        () -> createGroup(r -> { }));
    assertAwsError(EcsServiceMappingLimitExceededException.class, "ECSServiceMappingLimitExceededException",
        SandboxFixtures.SERVICE, () -> createGroup(r -> r.deploymentGroupName("second-group")));
    assertAwsError(DeploymentConfigDoesNotExistException.class, "DeploymentConfigDoesNotExistException",
        "CodeDeployDefault.Nope", () -> createGroup(r -> r.deploymentGroupName("third")
            .deploymentConfigName("CodeDeployDefault.Nope")));
    assertAwsError(ApplicationDoesNotExistException.class, "ApplicationDoesNotExistException",
        "No application found for name: ghost", () -> createGroup(r -> r.applicationName("ghost")));
  }

  @Test
  void applications_areUniqueByName_withAKnownComputePlatform() {
    assertAwsError(ApplicationAlreadyExistsException.class, "ApplicationAlreadyExistsException", APPLICATION,
        () -> cd.createApplication(r -> r.applicationName(APPLICATION).computePlatform("ECS")));
    assertAwsError(InvalidComputePlatformException.class, "InvalidComputePlatformException", "computePlatform",
        () -> cd.createApplication(r -> r.applicationName("other").computePlatform("Fargate")));
  }
}
