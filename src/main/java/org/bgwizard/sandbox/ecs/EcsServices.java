package org.bgwizard.sandbox.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.ecs.EcsState.Cluster;
import org.bgwizard.sandbox.ecs.EcsState.LoadBalancerRef;
import org.bgwizard.sandbox.ecs.EcsState.NetworkConfig;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;
import org.bgwizard.sandbox.ecs.EcsState.TaskSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;

/** ECS CreateService, UpdateService and DeleteService with their checks (Amazon ECS API Reference). */
final class EcsServices {
  private static final String CODE_DEPLOY = EcsEngine.CODE_DEPLOY;

  private final SandboxAccount account;
  private final EcsEngine ecs;
  private final EcsTaskDefinitions taskDefinitions;

  EcsServices(SandboxAccount account, EcsEngine ecs, EcsTaskDefinitions taskDefinitions) {
    this.account = account;
    this.ecs = ecs;
    this.taskDefinitions = taskDefinitions;
  }

  private AwsServiceException invalid(String message) {
    return ecs.invalid(message);
  }

  record ServiceSpec(String cluster, String serviceName, String taskDefinition, List<LoadBalancerRef> loadBalancers,
      Integer desiredCount, String launchType, String platformVersion, NetworkConfig network,
      String deploymentController, String schedulingStrategy, Integer healthCheckGracePeriodSeconds,
      String clientToken, Map<String, String> tags, String propagateTags, boolean enableEcsManagedTags,
      boolean alarms, EcsState.DeploymentConfig deploymentConfiguration) {}

  EcsState.Service createService(ServiceSpec spec) {
    Cluster c = ecs.activeCluster(spec.cluster());
    if (spec.serviceName() == null || !EcsTaskDefinitions.NAME.matcher(spec.serviceName()).matches()) {
      throw invalid("Service name can have up to 255 letters, numbers, hyphens and underscores: '"
          + spec.serviceName() + "'");
    }
    if (spec.clientToken() != null && (spec.clientToken().length() > 36
        || !spec.clientToken().chars().allMatch(ch -> ch >= 33 && ch <= 126))) {
      throw invalid("clientToken must be at most 36 printable ASCII characters.");
    }
    EcsState.Service existing = ecs.findService(c, spec.serviceName()).orElse(null);
    String fingerprint = fingerprint(spec);
    if (existing != null && !existing.status.equals("INACTIVE")) {
      if (existing.status.equals("ACTIVE") && existing.requestFingerprint.equals(fingerprint)) {
        return existing;
      }
      throw invalid("Creation of service was not idempotent.");
    }
    ecs.checkServiceLinkedRole();
    TaskDefinition td = ecs.activeTaskDefinition(spec.taskDefinition());
    String launchType = spec.launchType() == null ? "EC2" : spec.launchType();
    if (!EcsTaskDefinitions.compatibilities(td).contains(launchType)) {
      throw invalid("Task definition does not support launch_type " + launchType + ".");
    }
    if (spec.desiredCount() == null) {
      throw invalid("desiredCount must be specified for services with the REPLICA scheduling strategy.");
    }
    if (spec.desiredCount() < 0) {
      throw invalid("desiredCount can not be negative.");
    }
    if (spec.schedulingStrategy() != null && !spec.schedulingStrategy().equals("REPLICA")) {
      throw invalid("The sandbox simulates the REPLICA scheduling strategy only.");
    }
    String controller = spec.deploymentController() == null ? "ECS" : spec.deploymentController();
    if (!controller.equals("ECS") && !controller.equals(CODE_DEPLOY)) {
      throw invalid("The sandbox simulates the ECS and CODE_DEPLOY deployment controllers, not " + controller + ".");
    }
    if (controller.equals(CODE_DEPLOY) && spec.alarms()) {
      throw invalid("Alarm based rollback feature is only supported with ECS deployment controller. "
          + "Update to ECS deployment controller and try again.");
    }
    NetworkConfig network = checkNetwork(td, spec.network());
    if (controller.equals(CODE_DEPLOY) && spec.loadBalancers().size() != 1) {
      throw invalid("Services with the CODE_DEPLOY deployment controller need exactly one target group.");
    }
    for (LoadBalancerRef lb : spec.loadBalancers()) {
      ecs.checkLoadBalancer(td, lb);
    }
    var config = ecs.blueGreenConfig().check(controller, spec.deploymentConfiguration(), spec.loadBalancers(), td);
    var s = new EcsState.Service();
    s.serviceName = spec.serviceName();
    s.serviceArn = ecs.arn("service/" + c.clusterName + "/" + s.serviceName);
    s.clusterArn = c.clusterArn;
    s.status = "ACTIVE";
    s.desiredCount = spec.desiredCount();
    s.launchType = launchType;
    s.platformVersion = launchType.equals("FARGATE") ? (spec.platformVersion() == null ? "LATEST"
        : spec.platformVersion()) : null;
    s.deploymentController = controller;
    s.schedulingStrategy = "REPLICA";
    s.healthCheckGracePeriodSeconds = spec.healthCheckGracePeriodSeconds();
    s.propagateTags = spec.propagateTags() == null ? "NONE" : spec.propagateTags();
    s.enableEcsManagedTags = spec.enableEcsManagedTags();
    s.loadBalancers.addAll(spec.loadBalancers());
    s.network = network;
    s.createdBy = "arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME;
    s.createdAt = account.now();
    s.clientToken = spec.clientToken();
    s.requestFingerprint = fingerprint;
    s.tags.putAll(spec.tags());
    s.deploymentConfiguration = config;
    ecs.st().services.put(s.serviceArn, s);
    if (EcsBlueGreenConfig.shiftsTraffic(config)) {
      s.loadBalancers.forEach(lb -> ecs.blueGreenConfig().routeAllTo(lb, lb.targetGroupArn));
    }
    TaskSet initial = ecs.newTaskSet(s, td.taskDefinitionArn, s.loadBalancers, null, null);
    initial.status = "PRIMARY";
    ecs.tasks().reconcile();
    return s;
  }

  private String fingerprint(ServiceSpec spec) {
    var lbs = spec.loadBalancers().stream().map(l -> l.targetGroupArn + "/" + l.containerName + "/" + l.containerPort)
        .toList();
    var n = spec.network();
    return String.join("|", String.valueOf(taskDefinitions.find(spec.taskDefinition())
            .map(t -> t.taskDefinitionArn).orElse(spec.taskDefinition())),
        String.valueOf(spec.desiredCount()), String.valueOf(spec.launchType()), String.valueOf(spec.deploymentController()),
        lbs.toString(), n == null ? "" : n.subnets + "/" + n.securityGroups + "/" + n.assignPublicIp)
        + blueGreenFingerprint(spec);
  }

  /** Empty for services without blue/green settings, so that fingerprints saved before them still match. */
  private static String blueGreenFingerprint(ServiceSpec spec) {
    var c = spec.deploymentConfiguration();
    var advanced = spec.loadBalancers().stream().map(l -> l.advancedConfiguration).filter(Objects::nonNull)
        .map(a -> a.alternateTargetGroupArn + "/" + a.productionListenerRule + "/" + a.testListenerRule + "/"
            + a.roleArn).toList();
    if (c == null && advanced.isEmpty()) {
      return "";
    }
    return "|" + (c == null ? "" : c.strategy + "/" + c.bakeTimeInMinutes + "/" + c.linearStepPercent + "/"
        + c.linearStepBakeTimeInMinutes + "/" + c.canaryPercent + "/" + c.canaryBakeTimeInMinutes + "/"
        + c.lifecycleHooks.stream().map(h -> h.targetType + h.lifecycleStages + h.timeoutInMinutes + h.timeoutAction)
            .toList()) + advanced;
  }

  private NetworkConfig checkNetwork(TaskDefinition td, NetworkConfig n) {
    if (!td.networkMode.equals("awsvpc")) {
      if (n != null) {
        throw invalid("Network Configuration is not valid for the given networkMode of this task definition.");
      }
      return null;
    }
    if (n == null) {
      throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }
    if (n.subnets.isEmpty()) {
      throw invalid("subnets can not be empty.");
    }
    Ports.Network network = ecs.network();
    for (String subnet : n.subnets) {
      if (network.availabilityZoneOf(subnet).isEmpty()) {
        throw invalid("Error retrieving subnet information for [" + subnet + "]: The subnet ID '" + subnet
            + "' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID.NotFound)");
      }
    }
    for (String sg : n.securityGroups) {
      if (!network.securityGroupExists(sg)) {
        throw invalid("Error retrieving security group information for [" + sg + "]: The security group '" + sg
            + "' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidGroup.NotFound)");
      }
    }
    if (n.assignPublicIp == null) {
      n.assignPublicIp = "DISABLED";
    }
    return n;
  }

  record ServiceUpdate(Integer desiredCount, String taskDefinition, boolean forceNewDeployment, NetworkConfig network,
      List<LoadBalancerRef> loadBalancers, String platformVersion, boolean capacityProviderStrategy,
      boolean serviceRegistries, Integer healthCheckGracePeriodSeconds, String deploymentController,
      EcsState.DeploymentConfig deploymentConfiguration) {}

  EcsState.Service updateService(String cluster, String ref, ServiceUpdate u) {
    EcsState.Service s = ecs.service(cluster, ref);
    if (!s.status.equals("ACTIVE")) {
      throw ecs.error(ServiceNotActiveException.builder(), "ServiceNotActiveException", "Service was not ACTIVE.");
    }
    TaskSet primary = ecs.primary(s);
    boolean controllerChange = u.deploymentController() != null
        && !u.deploymentController().equals(s.deploymentController);
    if (controllerChange) {
      changeController(s, primary, u);
    } else if (s.deploymentController.equals(CODE_DEPLOY)) {
      rejectCodeDeployChanges(s, primary, u);
    } else if (u.deploymentConfiguration() != null) {
      changeStrategy(s, primary, u);
    }
    if (u.desiredCount() != null && u.desiredCount() < 0) {
      throw invalid("desiredCount can not be negative.");
    }
    String tdArn = s.deploymentController.equals(CODE_DEPLOY) || u.taskDefinition() == null ? primary.taskDefinition
        : ecs.activeTaskDefinition(u.taskDefinition()).taskDefinitionArn;
    NetworkConfig network = s.deploymentController.equals(CODE_DEPLOY) || u.network() == null ? s.network
        : checkNetwork(taskDefinitions.describe(tdArn), u.network());
    boolean newRevision = !tdArn.equals(primary.taskDefinition) || u.forceNewDeployment();
    if (newRevision && EcsBlueGreenConfig.shiftsTraffic(s.deploymentConfiguration)
        && EcsServiceDeployments.inProgress(s).isPresent()) {
      // Not captured from AWS: the sandbox runs one service deployment at a time and says so.
      throw invalid("The sandbox runs one blue/green service deployment at a time: "
          + EcsServiceDeployments.inProgress(s).get().arn + " is in progress. Continue or stop it first.");
    }
    if (u.desiredCount() != null) {
      s.desiredCount = u.desiredCount();
    }
    if (u.healthCheckGracePeriodSeconds() != null) {
      s.healthCheckGracePeriodSeconds = u.healthCheckGracePeriodSeconds();
    }
    s.network = network;
    if (s.deploymentController.equals("ECS") && EcsBlueGreenConfig.shiftsTraffic(s.deploymentConfiguration)) {
      if (newRevision) {
        ecs.deployments().start(s, tdArn);
      }
    } else if (s.deploymentController.equals("ECS")) {
      if (newRevision) {
        primary.status = "DRAINING";
        primary.scalePercent = 0;
        ecs.newTaskSet(s, tdArn, s.loadBalancers, null, null).status = "PRIMARY";
        s.steady = false;
      }
    }
    ecs.tasks().reconcile();
    return s;
  }

  /**
   * UpdateService may move a service from CODE_DEPLOY to ECS, with the strategy and the load balancers' advanced
   * configuration in the same call, but not while a deployment runs, and never to CODE_DEPLOY (Amazon ECS Developer
   * Guide, "Update service parameters" and "Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green
   * deployments"). The texts are not captured from AWS. A CodeDeploy deployment shows in ECS as a second task set
   * (the replacement), so more than one task set means one runs. The service keeps running where CodeDeploy left it:
   * its primary task set's target group is blue for the next deployment, and the rules forward there.
   */
  private void changeController(EcsState.Service s, TaskSet primary, ServiceUpdate u) {
    String to = u.deploymentController();
    if (to.equals(CODE_DEPLOY)) {
      throw invalid("Updating the deployment controller of a service to CODE_DEPLOY is not supported. Create a new "
          + "service with the CODE_DEPLOY deployment controller instead.");
    }
    if (!to.equals("ECS")) {
      throw invalid("The sandbox simulates the ECS and CODE_DEPLOY deployment controllers, not " + to + ".");
    }
    if (s.taskSets.size() > 1) {
      throw invalid("Unable to update the deployment controller while a deployment is in progress. Wait for the "
          + "CodeDeploy deployment to complete or stop it, then try again.");
    }
    List<LoadBalancerRef> lbs = u.loadBalancers() == null ? s.loadBalancers : u.loadBalancers();
    TaskDefinition td = taskDefinitions.describe(primary.taskDefinition);
    for (LoadBalancerRef lb : lbs) {
      ecs.checkLoadBalancer(td, lb);
    }
    changeStrategy(s, primary, u);
    s.deploymentController = "ECS";
  }

  /** A service with the ECS controller changes its strategy; the rules then forward to where its tasks run. */
  private void changeStrategy(EcsState.Service s, TaskSet primary, ServiceUpdate u) {
    if (EcsServiceDeployments.inProgress(s).isPresent()) {
      // Not captured from AWS: the sandbox keeps a running deployment's settings and says so.
      throw invalid("The sandbox does not change the deployment configuration while the service deployment "
          + EcsServiceDeployments.inProgress(s).get().arn + " is in progress.");
    }
    List<LoadBalancerRef> lbs = u.loadBalancers() == null ? s.loadBalancers : u.loadBalancers();
    var config = ecs.blueGreenConfig().check("ECS", u.deploymentConfiguration(), lbs,
        taskDefinitions.describe(primary.taskDefinition));
    s.deploymentConfiguration = config;
    s.loadBalancers = new ArrayList<>(lbs);
    if (EcsBlueGreenConfig.shiftsTraffic(config)) {
      String serving = primary.loadBalancers.get(0).targetGroupArn;
      s.loadBalancers.forEach(lb -> ecs.blueGreenConfig().routeAllTo(lb, serving));
    }
  }

  private void rejectCodeDeployChanges(EcsState.Service s, TaskSet primary, ServiceUpdate u) {
    String tail = " on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.";
    if (u.taskDefinition() != null && !taskDefinitions.find(u.taskDefinition())
        .map(t -> t.taskDefinitionArn).orElse("").equals(primary.taskDefinition)) {
      throw invalid("Unable to update task definition" + tail);
    }
    if (u.forceNewDeployment()) {
      throw invalid("Cannot force a new deployment" + tail);
    }
    if (u.network() != null && !sameNetwork(u.network(), s.network)) {
      throw invalid("Unable to update network parameters" + tail);
    }
    if (u.loadBalancers() != null && !sameLoadBalancers(u.loadBalancers(), s.loadBalancers)) {
      throw invalid("Unable to update load balancers" + tail);
    }
    // The next three texts are not captured (kayac/ecspresso #393 strips these fields); they follow the pattern
    // of the four above.
    if (u.platformVersion() != null && !u.platformVersion().equals(s.platformVersion)) {
      throw invalid("Unable to update platform version" + tail);
    }
    if (u.capacityProviderStrategy()) {
      throw invalid("Unable to update capacity provider strategy" + tail);
    }
    if (u.serviceRegistries()) {
      throw invalid("Unable to update service registries" + tail);
    }
  }

  private static boolean sameNetwork(NetworkConfig a, NetworkConfig b) {
    return b != null && a.subnets.equals(b.subnets) && a.securityGroups.equals(b.securityGroups)
        && Objects.equals(a.assignPublicIp == null ? "DISABLED" : a.assignPublicIp, b.assignPublicIp);
  }

  private static boolean sameLoadBalancers(List<LoadBalancerRef> a, List<LoadBalancerRef> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      var x = a.get(i);
      var y = b.get(i);
      if (!Objects.equals(x.targetGroupArn, y.targetGroupArn) || !Objects.equals(x.containerName, y.containerName)
          || x.containerPort != y.containerPort) {
        return false;
      }
    }
    return true;
  }

  EcsState.Service deleteService(String cluster, String ref, boolean force) {
    EcsState.Service s = ecs.service(cluster, ref);
    if (s.status.equals("DRAINING")) {
      return s;
    }
    if (s.desiredCount > 0 && !force) {
      throw invalid("The service cannot be stopped while it is scaled above 0.");
    }
    s.desiredCount = 0;
    s.status = "DRAINING";
    ecs.tasks().reconcile();
    return s;
  }
}
