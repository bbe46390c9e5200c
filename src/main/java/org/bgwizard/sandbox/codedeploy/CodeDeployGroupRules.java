package org.bgwizard.sandbox.codedeploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Application;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.DeploymentGroup;
import org.bgwizard.sandbox.core.Ports;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.EcsServiceMappingLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.InvalidAutoRollbackConfigException;
import software.amazon.awssdk.services.codedeploy.model.InvalidAutoScalingGroupException;
import software.amazon.awssdk.services.codedeploy.model.InvalidBlueGreenDeploymentConfigurationException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentConfigNameException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStyleException;
import software.amazon.awssdk.services.codedeploy.model.InvalidEc2TagException;
import software.amazon.awssdk.services.codedeploy.model.InvalidEcsServiceException;
import software.amazon.awssdk.services.codedeploy.model.InvalidInputException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLoadBalancerInfoException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRoleException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTargetGroupPairException;
import software.amazon.awssdk.services.codedeploy.model.RoleRequiredException;

/**
 * What an ECS deployment group must satisfy (CodeDeploy API Reference, CreateDeploymentGroup; catalogue rows 9, 10, 15,
 * 26). Checked on the whole group after a create or update request is applied to a copy, so a rejected request changes
 * nothing. Texts marked (cap) were captured from AWS; the others follow them (unv).
 */
final class CodeDeployGroupRules {
  static final int MAX_WAIT_MINUTES = 2880;
  static final String ROW_9 = "A deployment group associated with an application that uses the ECS compute platform "
      + "must contain a valid pair of target groups that identify a load balancer.";
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/.+");
  private static final Set<String> ROLLBACK_EVENTS = Set.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM",
      "DEPLOYMENT_STOP_ON_REQUEST");

  record Style(String type, String option) {}

  /** readyWait and terminationWait are minutes; null when not given. */
  record BlueGreen(String readyAction, Integer readyWait, String terminationAction, Integer terminationWait,
      boolean greenFleetProvisioning) {}

  /** testListeners is null when the pair has no test traffic route. */
  record Pair(List<String> targetGroups, List<String> prodListeners, List<String> testListeners) {}

  record LoadBalancing(boolean elbInfo, boolean targetGroupInfo, List<Pair> pairs) {}

  record EcsService(String cluster, String service) {}

  /**
   * A create or update request. For an update, null (or a null list) means "leave as it is"; for a create, the
   * defaults apply.
   */
  record GroupSpec(String applicationName, String groupName, String serviceRoleArn, String deploymentConfigName,
      List<String> autoScalingGroups, boolean ec2Tags, Style style, BlueGreen blueGreen, LoadBalancing loadBalancing,
      List<EcsService> ecsServices, Boolean autoRollbackEnabled, List<String> autoRollbackEvents,
      Boolean alarmsEnabled, List<String> alarmNames, Map<String, String> tags) {}

  private final CodeDeployEngine cd;
  private final Ports ports;

  CodeDeployGroupRules(CodeDeployEngine cd, Ports ports) {
    this.cd = cd;
    this.ports = ports;
  }

  private Ports.TaskSets ecs() {
    return cd.ecs();
  }

  private Ports.LoadBalancing elb() {
    return cd.elb();
  }

  /** Applies {@code spec} to {@code g} (a new group or a copy of the current one) and checks the result. */
  void apply(Application app, DeploymentGroup g, GroupSpec spec, boolean creating) {
    if (creating && (spec.serviceRoleArn() == null || spec.serviceRoleArn().isEmpty())) {
      throw cd.error(RoleRequiredException.builder(), "RoleRequiredException", "Role ARN is required for the "
          + "deployment group");
    }
    if (spec.serviceRoleArn() != null) {
      g.serviceRoleArn = spec.serviceRoleArn();
    }
    if (spec.deploymentConfigName() != null || creating) {
      g.deploymentConfigName = config(spec.deploymentConfigName());
    }
    checkPlatform(app, spec);
    if (spec.autoScalingGroups() != null && !spec.autoScalingGroups().isEmpty()) {
      throw cd.error(InvalidAutoScalingGroupException.builder(), "InvalidAutoScalingGroupException",
          "For ECS deployment group, autoScalingGroups can not be specified"); // (cap)
    }
    if (spec.ec2Tags()) {
      throw cd.error(InvalidEc2TagException.builder(), "InvalidEC2TagException",
          "For ECS deployment group, ec2TagFilters can not be specified");
    }
    checkStyle(spec.style(), creating);
    applyBlueGreen(g, spec.blueGreen(), creating);
    Pair pair = pair(spec.loadBalancing(), creating);
    checkRole(g.serviceRoleArn);
    EcsService service = service(spec.ecsServices(), g, creating);
    if (service != null) {
      g.clusterName = service.cluster();
      g.serviceName = service.service();
    }
    if (pair != null) {
      g.targetGroupNames = new ArrayList<>(pair.targetGroups());
      g.prodListenerArn = pair.prodListeners().get(0);
      g.testListenerArn = pair.testListeners() == null ? null : pair.testListeners().get(0);
    }
    checkTargetGroupPair(g, creating);
    applyRollback(g, spec);
    if (spec.alarmsEnabled() != null) {
      g.alarmsEnabled = spec.alarmsEnabled();
    }
    if (spec.alarmNames() != null) {
      g.alarmNames = new ArrayList<>(spec.alarmNames());
    }
  }

  private String config(String name) {
    String n = name == null || name.isEmpty() ? CodeDeployConfigs.ALL_AT_ONCE : name;
    if (n.length() > 100) {
      throw cd.error(InvalidDeploymentConfigNameException.builder(), "InvalidDeploymentConfigNameException",
          "Deployment config name can not be longer than 100 characters");
    }
    if (CodeDeployConfigs.find(n).isEmpty()) {
      throw cd.error(DeploymentConfigDoesNotExistException.builder(), "DeploymentConfigDoesNotExistException",
          "No deployment configuration found for name: " + n);
    }
    return n;
  }

  private void checkPlatform(Application app, GroupSpec spec) {
    if (app.computePlatform.equals("ECS")) {
      return;
    }
    if (spec.style() != null && "WITH_TRAFFIC_CONTROL".equals(spec.style().option())) {
      throw cd.error(InvalidLoadBalancerInfoException.builder(), "InvalidLoadBalancerInfoException",
          "The specification for load balancing in the deployment group is invalid. The deploymentOption value is "
              + "set to WITH_TRAFFIC_CONTROL, but either no load balancer was specified in elbInfoList or no target "
              + "group was specified in targetGroupInfoList."); // (cap)
    }
    throw cd.error(InvalidInputException.builder(), "InvalidInputException", "The sandbox simulates deployment groups "
        + "of ECS applications only; application '" + app.applicationName + "' has computePlatform "
        + app.computePlatform + ".");
  }

  private void checkStyle(Style style, boolean creating) {
    if (style == null && !creating) {
      return;
    }
    if (style == null || !"BLUE_GREEN".equals(style.type()) || !"WITH_TRAFFIC_CONTROL".equals(style.option())) {
      throw cd.error(InvalidDeploymentStyleException.builder(), "InvalidDeploymentStyleException",
          "For ECS deployment, the deployment type must be BLUE_GREEN, and deployment option must be "
              + "WITH_TRAFFIC_CONTROL."); // (cap)
    }
  }

  private void applyBlueGreen(DeploymentGroup g, BlueGreen bg, boolean creating) {
    if (bg == null) {
      if (creating) {
        throw blueGreen("For ECS deployment group, blueGreenDeploymentConfiguration must be specified"); // (cap)
      }
      return;
    }
    if (bg.greenFleetProvisioning()) {
      throw blueGreen("For ECS deployment group, greenFleetProvisioningOption can not be specified");
    }
    String action = bg.readyAction() == null ? "CONTINUE_DEPLOYMENT" : bg.readyAction();
    int wait = bg.readyWait() == null ? 0 : bg.readyWait();
    if (action.equals("CONTINUE_DEPLOYMENT") && wait != 0) {
      throw blueGreen("Deployment ready action cannot be set to 'CONTINUE_DEPLOYMENT' when timeout is specified");
    }
    if (action.equals("STOP_DEPLOYMENT") && (wait < 1 || wait > MAX_WAIT_MINUTES)) {
      throw blueGreen("With actionOnTimeout STOP_DEPLOYMENT, waitTimeInMinutes must be between 1 and "
          + MAX_WAIT_MINUTES + ".");
    }
    if (!action.equals("CONTINUE_DEPLOYMENT") && !action.equals("STOP_DEPLOYMENT")) {
      throw blueGreen("actionOnTimeout must be CONTINUE_DEPLOYMENT or STOP_DEPLOYMENT.");
    }
    String termination = bg.terminationAction() == null ? "TERMINATE" : bg.terminationAction();
    int terminationWait = bg.terminationWait() == null ? 0 : bg.terminationWait();
    if (!termination.equals("TERMINATE")) {
      throw blueGreen("The sandbox simulates the TERMINATE action for the original ECS task set only.");
    }
    if (terminationWait < 0 || terminationWait > MAX_WAIT_MINUTES) {
      throw blueGreen("terminationWaitTimeInMinutes must be between 0 and " + MAX_WAIT_MINUTES + ".");
    }
    g.readyAction = action;
    g.readyWaitMinutes = wait;
    g.terminationAction = termination;
    g.terminationWaitMinutes = terminationWait;
  }

  private AwsServiceException blueGreen(String message) {
    return cd.error(InvalidBlueGreenDeploymentConfigurationException.builder(),
        "InvalidBlueGreenDeploymentConfigurationException", message);
  }

  private Pair pair(LoadBalancing lb, boolean creating) {
    if (lb == null) {
      if (creating) {
        throw lbInfo("For ECS deployment group, loadBalancerInfo must be specified"); // (cap)
      }
      return null;
    }
    if (lb.elbInfo()) {
      throw lbInfo("For ECS deployment group, loadBalancerInfo must not contain elbInfo list"); // (cap)
    }
    if (lb.targetGroupInfo()) {
      throw lbInfo("For ECS deployment group, loadBalancerInfo must not contain targetGroupInfo list"); // (cap)
    }
    if (lb.pairs().size() != 1) {
      throw lbInfo("For ECS deployment group, loadBalancerInfo must contain exactly one targetGroupPairInfo");
    }
    Pair p = lb.pairs().get(0);
    if (p.targetGroups().size() != 2 || p.targetGroups().stream().distinct().count() != 2
        || p.targetGroups().stream().anyMatch(n -> n == null || n.isEmpty())) {
      throw pairError("Specify two different target group names.");
    }
    if (p.prodListeners().size() != 1) {
      throw pairError("The production traffic route must name exactly one listener.");
    }
    if (p.testListeners() != null && p.testListeners().size() != 1) {
      throw pairError("The test traffic route must name exactly one listener.");
    }
    return p;
  }

  private AwsServiceException lbInfo(String message) {
    return cd.error(InvalidLoadBalancerInfoException.builder(), "InvalidLoadBalancerInfoException", message);
  }

  private AwsServiceException pairError(String detail) {
    return cd.error(InvalidTargetGroupPairException.builder(), "InvalidTargetGroupPairException", ROW_9 + " " + detail);
  }

  /** Catalogue row 15: a role IAM has not propagated yet, or one that does not trust CodeDeploy. */
  private void checkRole(String roleArn) {
    if (!ROLE_ARN.matcher(roleArn).matches()) {
      throw role("The service role ARN '" + roleArn + "' is not a valid IAM role ARN.");
    }
    Ports.IamChecks iam = ports.iamChecks;
    if (iam == null) {
      throw new IllegalStateException("sandbox port iamChecks not wired");
    }
    switch (iam.canAssume(roleArn, "codedeploy.amazonaws.com")) {
      case OK -> { }
      case NO_SUCH_ROLE -> throw role("AWS CodeDeploy does not have the permissions required to assume the role "
          + roleArn + ".");
      default -> throw role("Cannot assume role provided."); // (cap)
    }
  }

  private AwsServiceException role(String message) {
    return cd.error(InvalidRoleException.builder(), "InvalidRoleException", message);
  }

  private EcsService service(List<EcsService> services, DeploymentGroup g, boolean creating) {
    if (services == null && !creating) {
      return null;
    }
    if (services == null || services.size() != 1) {
      throw ecsService("For ECS deployment group, exactly one ECS service must be specified in ecsServices");
    }
    EcsService s = services.get(0);
    if (s.cluster() == null || s.cluster().isEmpty() || s.service() == null || s.service().isEmpty()) {
      throw ecsService("For ECS deployment group, ecsServices need a clusterName and a serviceName");
    }
    var info = ecs().service(s.cluster(), s.service()).filter(i -> i.status().equals("ACTIVE")).orElseThrow(
        () -> ecsService("Could not load ECS service information for cluster: " + s.cluster() + ", service: "
            + s.service() + ". Cause: Service not found."));
    if (!info.deploymentController().equals(Ports.TaskSets.CODE_DEPLOY)) {
      throw ecsService("Deployment group's ECS service must be configured for a CODE_DEPLOY deployment controller.");
    }
    var other = cd.groups().groupOfService(info.clusterName(), info.serviceName(), g);
    if (other.isPresent()) {
      throw cd.error(EcsServiceMappingLimitExceededException.builder(), "ECSServiceMappingLimitExceededException",
          "The ECS service " + info.serviceName() + " in cluster " + info.clusterName()
              + " is already associated with deployment group " + other.get() + ".");
    }
    return new EcsService(info.clusterName(), info.serviceName());
  }

  private AwsServiceException ecsService(String message) {
    return cd.error(InvalidEcsServiceException.builder(), "InvalidECSServiceException", message);
  }

  /**
   * Catalogue row 9: both listeners on one load balancer, the service's target group behind one of its listeners
   * and, on creation, first in the pair (Amazon ECS Developer Guide, "Blue/green deployment with CodeDeploy"); the
   * other target group on no other load balancer.
   */
  private void checkTargetGroupPair(DeploymentGroup g, boolean creating) {
    var prod = elb().listener(g.prodListenerArn)
        .orElseThrow(() -> pairError("Listener " + g.prodListenerArn + " was not found."));
    if (g.testListenerArn != null) {
      var test = elb().listener(g.testListenerArn)
          .orElseThrow(() -> pairError("Listener " + g.testListenerArn + " was not found."));
      if (!test.loadBalancerArn().equals(prod.loadBalancerArn())) {
        throw pairError("The production and test listeners belong to different load balancers.");
      }
    }
    List<String> arns = new ArrayList<>();
    for (String name : g.targetGroupNames) {
      arns.add(elb().targetGroupArnByName(name)
          .orElseThrow(() -> pairError("Target group " + name + " was not found.")));
    }
    String serviceTg = ecs().service(g.clusterName, g.serviceName).map(Ports.TaskSets.Service::targetGroupArn)
        .orElse(null);
    int serving = arns.indexOf(serviceTg);
    if (serving < 0 || (creating && serving != 0)) {
      throw pairError("The first target group must be the one the ECS service " + g.serviceName + " uses.");
    }
    if (!elb().loadBalancerArnsOf(serviceTg).contains(prod.loadBalancerArn())) {
      throw pairError("Target group " + g.targetGroupNames.get(serving) + " is not behind a listener of load balancer "
          + prod.loadBalancerArn() + ".");
    }
    for (String arn : arns) {
      if (elb().loadBalancerArnsOf(arn).stream().anyMatch(lb -> !lb.equals(prod.loadBalancerArn()))) {
        throw pairError("Target group " + g.targetGroupNames.get(arns.indexOf(arn)) + " is associated with another "
            + "load balancer.");
      }
    }
  }

  private void applyRollback(DeploymentGroup g, GroupSpec spec) {
    if (spec.autoRollbackEnabled() != null) {
      g.autoRollbackEnabled = spec.autoRollbackEnabled();
    }
    if (spec.autoRollbackEvents() != null) {
      for (String e : spec.autoRollbackEvents()) {
        if (!ROLLBACK_EVENTS.contains(e)) {
          throw cd.error(InvalidAutoRollbackConfigException.builder(), "InvalidAutoRollbackConfigException",
              "The automatic rollback event " + e + " is not valid.");
        }
      }
      g.autoRollbackEvents = new ArrayList<>(spec.autoRollbackEvents());
    }
    if (g.autoRollbackEnabled && g.autoRollbackEvents.isEmpty()) {
      throw cd.error(InvalidAutoRollbackConfigException.builder(), "InvalidAutoRollbackConfigException",
          "AutoRollback events must be specified when automatic rollback is enabled.");
    }
  }
}
