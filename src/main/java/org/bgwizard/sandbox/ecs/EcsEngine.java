package org.bgwizard.sandbox.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.ecs.EcsState.Cluster;
import org.bgwizard.sandbox.ecs.EcsState.LoadBalancerRef;
import org.bgwizard.sandbox.ecs.EcsState.NetworkConfig;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;
import org.bgwizard.sandbox.ecs.EcsState.TaskSet;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
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
 * service create/update/delete in {@link EcsServices}, tasks and the service scheduler in {@link EcsTasks}.
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
  private final EcsTaskDefinitions taskDefinitions;
  private final EcsTasks tasks;
  private final EcsServices services;
  private final EcsBlueGreenConfig blueGreenConfig;
  private final EcsServiceDeployments deployments;

  public EcsEngine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
    this.taskDefinitions = new EcsTaskDefinitions(account, this);
    this.tasks = new EcsTasks(account, ports, this);
    account.register(tasks);
    this.services = new EcsServices(account, this, taskDefinitions);
    this.blueGreenConfig = new EcsBlueGreenConfig(this, ports);
    this.deployments = new EcsServiceDeployments(account, ports, this);
    account.register(deployments);
  }

  public EcsTaskDefinitions taskDefinitions() {
    return taskDefinitions;
  }

  EcsServices services() {
    return services;
  }

  EcsServiceDeployments deployments() {
    return deployments;
  }

  EcsBlueGreenConfig blueGreenConfig() {
    return blueGreenConfig;
  }

  EcsTasks tasks() {
    return tasks;
  }

  EcsState st() {
    return account.state(EcsState.class);
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

  // ---- services: look-up and the checks task sets share (create, update and delete in EcsServices)

  /**
   * Catalogue row 14 in a new account: ECS assumes AWSServiceRoleForECS at once, so the role must exist and have
   * propagated (aws/containers-roadmap #2614; cloudformation-coverage-roadmap #818: "CreateCluster Invalid
   * Request: Unable to assume the service linked role…", and a second run works).
   */
  void checkServiceLinkedRole() {
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

  /** Catalogue rows 13, 12, 4 and 5, in that order. */
  void checkLoadBalancer(TaskDefinition td, LoadBalancerRef lb) {
    if (lb.targetGroupArn == null) {
      throw invalid("targetGroupArn must be specified; the sandbox simulates Application Load Balancer target groups.");
    }
    var tg = ports.loadBalancing.targetGroup(lb.targetGroupArn).orElseThrow(() -> invalid("Unable to assume role and validate the "
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

  TaskSet primary(EcsState.Service s) {
    return s.taskSets.stream().filter(t -> t.status.equals("PRIMARY")).findFirst().orElseThrow();
  }

  TaskSet newTaskSet(EcsState.Service s, String taskDefinitionArn, List<LoadBalancerRef> lbs, String externalId,
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
    TagLists.tag(tagsOf(arn), tags, (added, countAfter) -> {
      if (countAfter > 50) {
        throw invalid("The number of tags on the resource would exceed 50.");
      }
    });
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
    return createTaskSet(cluster, service, taskDefinition, targetGroupArn, containerName, containerPort, externalId,
        scalePercent, null);
  }

  /** The same with its own awsvpc configuration; null takes the service's. */
  public String createTaskSet(String cluster, String service, String taskDefinition, String targetGroupArn,
      String containerName, int containerPort, String externalId, double scalePercent, NetworkConfig network) {
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
    set.network = network == null ? s.network : services.checkNetwork(td, network);
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
        other.network = other.network == null ? s.network : other.network;
        other.status = "ACTIVE";
        other.updatedAt = account.now();
      }
    }
    set.status = "PRIMARY";
    set.updatedAt = account.now();
    s.loadBalancers = new ArrayList<>(set.loadBalancers);
    if (set.network != null) {
      // Inferred: DescribeServices shows the primary set's network, as it shows its load balancers; tools build the
      // next AppSpec from it (kayac/ecspresso #209)
      s.network = set.network;
    }
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
