package org.bgwizard.sandbox.ecs;

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
      boolean alarms) {}

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
    ecs.st().services.put(s.serviceArn, s);
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
        lbs.toString(), n == null ? "" : n.subnets + "/" + n.securityGroups + "/" + n.assignPublicIp);
  }

  NetworkConfig checkNetwork(TaskDefinition td, NetworkConfig n) {
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
      boolean serviceRegistries, Integer healthCheckGracePeriodSeconds) {}

  EcsState.Service updateService(String cluster, String ref, ServiceUpdate u) {
    EcsState.Service s = ecs.service(cluster, ref);
    if (!s.status.equals("ACTIVE")) {
      throw ecs.error(ServiceNotActiveException.builder(), "ServiceNotActiveException", "Service was not ACTIVE.");
    }
    TaskSet primary = ecs.primary(s);
    if (s.deploymentController.equals(CODE_DEPLOY)) {
      rejectCodeDeployChanges(s, primary, u);
    }
    if (u.desiredCount() != null && u.desiredCount() < 0) {
      throw invalid("desiredCount can not be negative.");
    }
    String tdArn = s.deploymentController.equals(CODE_DEPLOY) || u.taskDefinition() == null ? primary.taskDefinition
        : ecs.activeTaskDefinition(u.taskDefinition()).taskDefinitionArn;
    NetworkConfig network = s.deploymentController.equals(CODE_DEPLOY) || u.network() == null ? s.network
        : checkNetwork(taskDefinitions.describe(tdArn), u.network());
    if (u.desiredCount() != null) {
      s.desiredCount = u.desiredCount();
    }
    if (u.healthCheckGracePeriodSeconds() != null) {
      s.healthCheckGracePeriodSeconds = u.healthCheckGracePeriodSeconds();
    }
    s.network = network;
    if (s.deploymentController.equals("ECS")) {
      if (!tdArn.equals(primary.taskDefinition) || u.forceNewDeployment()) {
        primary.status = "DRAINING";
        primary.scalePercent = 0;
        ecs.newTaskSet(s, tdArn, s.loadBalancers, null, null).status = "PRIMARY";
        s.steady = false;
      }
    }
    ecs.tasks().reconcile();
    return s;
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
