package org.bgwizard.sandbox.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bgwizard.sandbox.ecs.EcsState.Cluster;
import org.bgwizard.sandbox.ecs.EcsState.LoadBalancerRef;
import org.bgwizard.sandbox.ecs.EcsState.NetworkConfig;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;
import org.bgwizard.sandbox.ecs.EcsState.TaskSet;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.elb.ElbEngine;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.TaskSetNotFoundException;

/**
 * ECS clusters, services and task sets (Amazon ECS API Reference). Task definitions live in {@link EcsTaskDefinitions},
 * tasks and the service scheduler in {@link EcsTasks}.
 *
 * <p>Package-private API for CodeDeploy (inside the account lock; each method throws the ECS SDK exception the
 * equivalent ECS API call would, so a deployment can report the catalogue's text):
 * <ul>
 *   <li>{@link #serviceInfo}: a service's controller, target group, container, desired count and task sets;</li>
 *   <li>{@link #createTaskSet}: a task set for a CODE_DEPLOY service, running a task definition on a target
 *       group, with CodeDeploy's deployment id as externalId (status ACTIVE, startedBy CODE_DEPLOY);</li>
 *   <li>{@link #setTaskSetScale}: its scale in percent of the service's desired count;</li>
 *   <li>{@link #makePrimary}: the set becomes PRIMARY (the former one ACTIVE), and the service's task definition
 *       and load balancers follow it;</li>
 *   <li>{@link #deleteTaskSet}: DRAINING, its tasks stop and deregister, then it is gone;</li>
 *   <li>{@link #taskSetInfo}: running, pending and desired counts, healthy targets and stability of a set;</li>
 *   <li>{@link #registerTaskDefinitionJson}: RegisterTaskDefinition from taskdef.json text.</li>
 * </ul>
 */
public final class EcsEngine {
  public static final String CODE_DEPLOY = "CODE_DEPLOY";
  private static final String SERVICE_LINKED_ROLE = "role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
  private final SandboxAccount account;
  private final Ports ports;
  private final ElbEngine elb;
  private final EcsTaskDefinitions taskDefinitions;
  private final EcsTasks tasks;

  public EcsEngine(SandboxAccount account, Ports ports, ElbEngine elb) {
    this.account = account;
    this.ports = ports;
    this.elb = elb;
    this.taskDefinitions = new EcsTaskDefinitions(account, this);
    this.tasks = new EcsTasks(account, ports, this, elb);
    account.register(tasks);
  }

  public EcsTaskDefinitions taskDefinitions() {
    return taskDefinitions;
  }

  EcsTasks tasks() {
    return tasks;
  }

  EcsState st() {
    return account.state().ecs;
  }

  public AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.ECS, code, message);
  }

  AwsServiceException invalid(String message) {
    return error(InvalidParameterException.builder(), "InvalidParameterException", message);
  }

  public String arn(String resource) {
    return "arn:aws:ecs:" + account.region() + ":" + account.accountId() + ":" + resource;
  }

  // ---- clusters

  Cluster createCluster(String name, Map<String, String> tags) {
    String n = name == null ? "default" : name;
    if (!EcsTaskDefinitions.NAME.matcher(n).matches()) {
      throw invalid("Cluster name can have up to 255 letters, numbers, hyphens and underscores: '" + n + "'");
    }
    Cluster c = st().clusters.get(n);
    if (c != null && c.status.equals("ACTIVE")) {
      return c;
    }
    checkServiceLinkedRole();
    c = new Cluster();
    c.clusterName = n;
    c.clusterArn = arn("cluster/" + n);
    c.status = "ACTIVE";
    c.tags.putAll(tags);
    st().clusters.put(n, c);
    return c;
  }

  static String clusterName(String ref) {
    if (ref == null || ref.isEmpty()) {
      return "default";
    }
    return ref.startsWith("arn:") ? ref.substring(ref.indexOf(":cluster/") + 9) : ref;
  }

  Optional<Cluster> findCluster(String ref) {
    if (ref != null && ref.startsWith("arn:") && !ref.contains(":cluster/")) {
      return Optional.empty();
    }
    return Optional.ofNullable(st().clusters.get(clusterName(ref)));
  }

  Cluster activeCluster(String ref) {
    Cluster c = findCluster(ref).orElseThrow(
        () -> error(ClusterNotFoundException.builder(), "ClusterNotFoundException", "Cluster not found."));
    if (!c.status.equals("ACTIVE")) {
      throw error(ClusterNotFoundException.builder(), "ClusterNotFoundException", "The referenced cluster was inactive.");
    }
    return c;
  }

  Cluster deleteCluster(String ref) {
    Cluster c = activeCluster(ref);
    if (servicesOf(c).stream().anyMatch(s -> !s.status.equals("INACTIVE"))) {
      throw error(ClusterContainsServicesException.builder(), "ClusterContainsServicesException",
          "The Cluster cannot be deleted while Services are active.");
    }
    if (st().tasks.values().stream().anyMatch(t -> t.clusterArn.equals(c.clusterArn)
        && !t.lastStatus.equals("STOPPED"))) {
      throw error(ClusterContainsTasksException.builder(), "ClusterContainsTasksException",
          "The Cluster cannot be deleted while Tasks are active.");
    }
    c.status = "INACTIVE";
    return c;
  }

  List<EcsState.Service> servicesOf(Cluster c) {
    return st().services.values().stream().filter(s -> s.clusterArn.equals(c.clusterArn)).toList();
  }

  // ---- services

  record ServiceSpec(String cluster, String serviceName, String taskDefinition, List<LoadBalancerRef> loadBalancers,
      Integer desiredCount, String launchType, String platformVersion, NetworkConfig network,
      String deploymentController, String schedulingStrategy, Integer healthCheckGracePeriodSeconds,
      String clientToken, Map<String, String> tags, String propagateTags, boolean enableEcsManagedTags,
      boolean alarms) {}

  EcsState.Service createService(ServiceSpec spec) {
    Cluster c = activeCluster(spec.cluster());
    if (spec.serviceName() == null || !EcsTaskDefinitions.NAME.matcher(spec.serviceName()).matches()) {
      throw invalid("Service name can have up to 255 letters, numbers, hyphens and underscores: '"
          + spec.serviceName() + "'");
    }
    if (spec.clientToken() != null && (spec.clientToken().length() > 36
        || !spec.clientToken().chars().allMatch(ch -> ch >= 33 && ch <= 126))) {
      throw invalid("clientToken must be at most 36 printable ASCII characters.");
    }
    EcsState.Service existing = findService(c, spec.serviceName()).orElse(null);
    String fingerprint = fingerprint(spec);
    if (existing != null && !existing.status.equals("INACTIVE")) {
      if (existing.status.equals("ACTIVE") && existing.requestFingerprint.equals(fingerprint)) {
        return existing;
      }
      throw invalid("Creation of service was not idempotent.");
    }
    checkServiceLinkedRole();
    TaskDefinition td = activeTaskDefinition(spec.taskDefinition());
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
      checkLoadBalancer(td, lb);
    }
    var s = new EcsState.Service();
    s.serviceName = spec.serviceName();
    s.serviceArn = arn("service/" + c.clusterName + "/" + s.serviceName);
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
    st().services.put(s.serviceArn, s);
    TaskSet initial = newTaskSet(s, td.taskDefinitionArn, s.loadBalancers, null, null);
    initial.status = "PRIMARY";
    tasks.reconcile();
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

  /**
   * Catalogue row 14 in a new account: ECS assumes AWSServiceRoleForECS at once, so the role must exist and have
   * propagated (aws/containers-roadmap #2614; cloudformation-coverage-roadmap #818: "CreateCluster Invalid
   * Request: Unable to assume the service linked role…", and a second run works).
   */
  private void checkServiceLinkedRole() {
    if (!account.settings().ecsServiceLinkedRoleMissing) {
      return;
    }
    Ports.IamChecks iam = ports.iamChecks;
    if (iam == null) {
      throw new IllegalStateException("sandbox port iamChecks not wired");
    }
    if (iam.canAssume(serviceLinkedRoleArn(), "ecs.amazonaws.com") != Ports.IamChecks.Assume.OK) {
      throw invalid("Unable to assume the service linked role. Please verify that the ECS service linked role exists.");
    }
  }

  String serviceLinkedRoleArn() {
    return "arn:aws:iam::" + account.accountId() + ":" + SERVICE_LINKED_ROLE;
  }

  TaskDefinition activeTaskDefinition(String ref) {
    if (ref == null) {
      throw invalid("TaskDefinition can not be blank.");
    }
    TaskDefinition td = taskDefinitions.find(ref).orElseThrow(() -> invalid("TaskDefinition not found."));
    if (!td.status.equals("ACTIVE")) {
      throw invalid("TaskDefinition is inactive");
    }
    return td;
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
    Ports.Network network = network();
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

  /** Catalogue rows 13, 12, 4 and 5, in that order. */
  private void checkLoadBalancer(TaskDefinition td, LoadBalancerRef lb) {
    if (lb.targetGroupArn == null) {
      throw invalid("targetGroupArn must be specified; the sandbox simulates Application Load Balancer target groups.");
    }
    var tg = elb.targetGroupInfo(lb.targetGroupArn).orElseThrow(() -> invalid("Unable to assume role and validate the "
        + "specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions."));
    if (!tg.inUse()) {
      throw invalid("The target group with targetGroupArn " + tg.arn() + " does not have an associated load balancer.");
    }
    if (td.networkMode.equals("awsvpc") && tg.targetType().equals("instance")) {
      throw invalid("The provided target group " + tg.arn() + " has target type instance, which is incompatible with "
          + "the awsvpc network mode specified in the task definition.");
    }
    var container = td.containerDefinitions.stream().filter(c -> c.name.equals(lb.containerName)).findFirst()
        .orElseThrow(() -> invalid("The container " + lb.containerName + " does not exist in the task definition."));
    if (container.portMappings.stream().noneMatch(p -> p.containerPort == lb.containerPort)) {
      throw invalid("The container " + lb.containerName + " did not have a container port " + lb.containerPort
          + " defined.");
    }
  }

  Optional<EcsState.Service> findService(Cluster c, String ref) {
    String name = ref.startsWith("arn:") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
    return Optional.ofNullable(st().services.get(arn("service/" + c.clusterName + "/" + name)));
  }

  EcsState.Service service(String cluster, String ref) {
    if (ref == null || ref.isEmpty()) {
      throw invalid("service can not be blank.");
    }
    Cluster c = activeCluster(cluster);
    return findService(c, ref).filter(s -> !s.status.equals("INACTIVE")).orElseThrow(
        () -> error(ServiceNotFoundException.builder(), "ServiceNotFoundException", "Service not found."));
  }

  record ServiceUpdate(Integer desiredCount, String taskDefinition, boolean forceNewDeployment, NetworkConfig network,
      List<LoadBalancerRef> loadBalancers, String platformVersion, boolean capacityProviderStrategy,
      boolean serviceRegistries, Integer healthCheckGracePeriodSeconds) {}

  EcsState.Service updateService(String cluster, String ref, ServiceUpdate u) {
    EcsState.Service s = service(cluster, ref);
    if (!s.status.equals("ACTIVE")) {
      throw error(ServiceNotActiveException.builder(), "ServiceNotActiveException", "Service was not ACTIVE.");
    }
    TaskSet primary = primary(s);
    if (s.deploymentController.equals(CODE_DEPLOY)) {
      rejectCodeDeployChanges(s, primary, u);
    }
    if (u.desiredCount() != null && u.desiredCount() < 0) {
      throw invalid("desiredCount can not be negative.");
    }
    String tdArn = s.deploymentController.equals(CODE_DEPLOY) || u.taskDefinition() == null ? primary.taskDefinition
        : activeTaskDefinition(u.taskDefinition()).taskDefinitionArn;
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
        newTaskSet(s, tdArn, s.loadBalancers, null, null).status = "PRIMARY";
        s.steady = false;
      }
    }
    tasks.reconcile();
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
    EcsState.Service s = service(cluster, ref);
    if (s.status.equals("DRAINING")) {
      return s;
    }
    if (s.desiredCount > 0 && !force) {
      throw invalid("The service cannot be stopped while it is scaled above 0.");
    }
    s.desiredCount = 0;
    s.status = "DRAINING";
    tasks.reconcile();
    return s;
  }

  TaskSet primary(EcsState.Service s) {
    return s.taskSets.stream().filter(t -> t.status.equals("PRIMARY")).findFirst().orElseThrow();
  }

  private TaskSet newTaskSet(EcsState.Service s, String taskDefinitionArn, List<LoadBalancerRef> lbs, String externalId,
      String startedBy) {
    var set = new TaskSet();
    set.id = "ecs-svc/" + account.ids().digits(19);
    set.taskSetArn = arn("task-set/" + clusterName(s.clusterArn) + "/" + s.serviceName + "/" + set.id);
    set.status = "ACTIVE";
    set.taskDefinition = taskDefinitionArn;
    set.externalId = externalId;
    set.startedBy = startedBy;
    set.scalePercent = 100;
    set.loadBalancers.addAll(lbs);
    set.createdAt = account.now();
    set.updatedAt = account.now();
    set.stabilityStatus = "STABILIZING";
    set.stabilityStatusAt = account.now();
    s.taskSets.add(set);
    return set;
  }

  // ---- tags

  Map<String, String> tagsOf(String arn) {
    if (arn == null || !arn.startsWith("arn:aws:ecs:")) {
      throw invalid("The ARN provided is invalid.");
    }
    for (Cluster c : st().clusters.values()) {
      if (c.clusterArn.equals(arn)) {
        return c.tags;
      }
    }
    if (st().services.containsKey(arn) && !st().services.get(arn).status.equals("INACTIVE")) {
      return st().services.get(arn).tags;
    }
    if (st().taskDefinitions.containsKey(arn)) {
      return st().taskDefinitions.get(arn).tags;
    }
    if (st().tasks.containsKey(arn)) {
      return st().tasks.get(arn).tags;
    }
    if (arn.contains(":cluster/")) {
      throw error(ClusterNotFoundException.builder(), "ClusterNotFoundException", "Cluster not found.");
    }
    throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException", "The specified resource is not found.");
  }

  void tag(String arn, Map<String, String> tags) {
    Map<String, String> current = tagsOf(arn);
    var merged = new LinkedHashMap<>(current);
    merged.putAll(tags);
    if (merged.size() > 50) {
      throw invalid("The number of tags on the resource would exceed 50.");
    }
    current.putAll(tags);
  }

  // ---- API for CodeDeploy

  public record TaskSetInfo(String taskSetArn, String id, String status, String taskDefinition, String targetGroupArn,
      String externalId, double scalePercent, int computedDesiredCount, int pendingCount, int runningCount,
      int healthyCount, String stabilityStatus) {}

  public record ServiceInfo(String serviceArn, String serviceName, String clusterName, String status,
      String deploymentController, int desiredCount, String taskDefinition, String targetGroupArn,
      String containerName, int containerPort, List<TaskSetInfo> taskSets) {}

  public Optional<ServiceInfo> serviceInfo(String cluster, String service) {
    var c = findCluster(cluster).filter(x -> x.status.equals("ACTIVE"));
    var s = c.flatMap(x -> findService(x, service)).filter(x -> !x.status.equals("INACTIVE"));
    if (s.isEmpty()) {
      return Optional.empty();
    }
    EcsState.Service svc = s.get();
    LoadBalancerRef lb = svc.loadBalancers.isEmpty() ? null : svc.loadBalancers.get(0);
    return Optional.of(new ServiceInfo(svc.serviceArn, svc.serviceName, c.get().clusterName, svc.status,
        svc.deploymentController, svc.desiredCount, primary(svc).taskDefinition, lb == null ? null : lb.targetGroupArn,
        lb == null ? null : lb.containerName, lb == null ? 0 : lb.containerPort,
        svc.taskSets.stream().map(t -> info(svc, t)).toList()));
  }

  public String createTaskSet(String cluster, String service, String taskDefinition, String targetGroupArn,
      String containerName, int containerPort, String externalId, double scalePercent) {
    EcsState.Service s = service(cluster, service);
    if (!s.status.equals("ACTIVE")) {
      throw error(ServiceNotActiveException.builder(), "ServiceNotActiveException", "Service was not ACTIVE.");
    }
    if (!s.deploymentController.equals(CODE_DEPLOY)) {
      throw invalid("Amazon ECS only supports task set management on services configured to use external "
          + "deployment controllers.");
    }
    TaskDefinition td = activeTaskDefinition(taskDefinition);
    var lb = new LoadBalancerRef();
    lb.targetGroupArn = targetGroupArn;
    lb.containerName = containerName;
    lb.containerPort = containerPort;
    checkLoadBalancer(td, lb);
    checkScale(scalePercent);
    TaskSet set = newTaskSet(s, td.taskDefinitionArn, List.of(lb), externalId, "CODE_DEPLOY");
    set.scalePercent = scalePercent;
    s.steady = false;
    tasks.reconcile();
    return set.taskSetArn;
  }

  void setTaskSetScale(String taskSetArn, double percent) {
    checkScale(percent);
    TaskSet set = taskSet(taskSetArn);
    set.scalePercent = percent;
    set.updatedAt = account.now();
    tasks.reconcile();
  }

  public void makePrimary(String taskSetArn) {
    TaskSet set = taskSet(taskSetArn);
    EcsState.Service s = serviceOf(set);
    if (set.status.equals("DRAINING")) {
      throw invalid("A DRAINING task set cannot become the primary task set.");
    }
    for (TaskSet other : s.taskSets) {
      if (other.status.equals("PRIMARY")) {
        other.status = "ACTIVE";
        other.updatedAt = account.now();
      }
    }
    set.status = "PRIMARY";
    set.updatedAt = account.now();
    s.loadBalancers = new ArrayList<>(set.loadBalancers);
    tasks.reconcile();
  }

  public void deleteTaskSet(String taskSetArn) {
    TaskSet set = taskSet(taskSetArn);
    if (set.status.equals("PRIMARY")) {
      throw invalid("The primary task set of a service cannot be deleted.");
    }
    set.status = "DRAINING";
    set.scalePercent = 0;
    set.updatedAt = account.now();
    tasks.reconcile();
  }

  /** Empty when the set does not exist (any more: a deleted set is gone once its tasks stopped). */
  public Optional<TaskSetInfo> taskSetInfo(String taskSetArn) {
    for (EcsState.Service s : st().services.values()) {
      for (TaskSet t : s.taskSets) {
        if (t.taskSetArn.equals(taskSetArn)) {
          return Optional.of(info(s, t));
        }
      }
    }
    return Optional.empty();
  }

  /** Registers a task definition from taskdef.json text; returns its ARN or throws ECS's ClientException. */
  public String registerTaskDefinitionJson(String json) {
    return taskDefinitions.registerJson(json).taskDefinitionArn;
  }

  private TaskSetInfo info(EcsState.Service s, TaskSet t) {
    var counts = tasks.counts(s, t);
    return new TaskSetInfo(t.taskSetArn, t.id, t.status, t.taskDefinition,
        t.loadBalancers.isEmpty() ? null : t.loadBalancers.get(0).targetGroupArn, t.externalId, t.scalePercent,
        EcsTasks.computedDesired(s, t), counts.pending(), counts.running(), counts.healthy(), t.stabilityStatus);
  }

  private void checkScale(double percent) {
    if (percent < 0 || percent > 100) {
      throw invalid("scale value must be between 0 and 100 percent.");
    }
  }

  TaskSet taskSet(String taskSetArn) {
    for (EcsState.Service s : st().services.values()) {
      for (TaskSet t : s.taskSets) {
        if (t.taskSetArn.equals(taskSetArn)) {
          return t;
        }
      }
    }
    throw error(TaskSetNotFoundException.builder(), "TaskSetNotFoundException", "The specified task set does not exist.");
  }

  EcsState.Service serviceOf(TaskSet set) {
    return st().services.values().stream().filter(s -> s.taskSets.contains(set)).findFirst().orElseThrow();
  }

  Ports.Network network() {
    Ports.Network n = ports.network;
    if (n == null) {
      throw new IllegalStateException("sandbox port network not wired");
    }
    return n;
  }
}
