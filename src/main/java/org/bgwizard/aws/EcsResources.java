package org.bgwizard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** ECS clusters, task definitions and services, and the service-linked role ECS needs in a new account. */
public final class EcsResources {
  static final String SERVICE_LINKED_ROLE = "AWSServiceRoleForECS";
  private static final String ECS_PRINCIPAL = "ecs.amazonaws.com";
  private final AwsClients clients;

  /**
   * A Fargate service deployed blue/green by CodeDeploy, behind one target group.
   *
   * @param healthCheckGracePeriodSeconds null: not sent (AWS's default, 0)
   */
  public record ServiceSpec(String cluster, String name, String taskDefinitionArn, int desiredCount,
      String targetGroupArn, String containerName, int containerPort, List<String> subnets,
      List<String> securityGroups, boolean assignPublicIp, Integer healthCheckGracePeriodSeconds) {

    public ServiceSpec(String cluster, String name, String taskDefinitionArn, int desiredCount,
        String targetGroupArn, String containerName, int containerPort, List<String> subnets,
        List<String> securityGroups, boolean assignPublicIp) {
      this(cluster, name, taskDefinitionArn, desiredCount, targetGroupArn, containerName, containerPort, subnets,
          securityGroups, assignPublicIp, null);
    }
  }

  public EcsResources(AwsClients clients) {
    this.clients = clients;
  }

  private EcsClient ecs() {
    return clients.ecs();
  }

  /**
   * Creates AWSServiceRoleForECS when the account lacks it, as the console does on first use (catalogue row 14).
   * It belongs to the account, not to a setup: it is never deleted. Returns whether it was created.
   */
  public boolean ensureServiceLinkedRole() {
    try {
      clients.iam().getRole(r -> r.roleName(SERVICE_LINKED_ROLE));
      return false;
    } catch (NoSuchEntityException e) {
      try {
        clients.iam().createServiceLinkedRole(r -> r.awsServiceName(ECS_PRINCIPAL));
        return true;
      } catch (InvalidInputException raced) {
        // "has been taken": another caller created it meanwhile
        return false;
      }
    }
  }

  public Optional<ClusterInfo> findCluster(String name) {
    return ecs().describeClusters(r -> r.clusters(name).include(ClusterField.TAGS)).clusters().stream()
        .filter(c -> !"INACTIVE".equals(c.status()))
        .findFirst()
        .map(c -> new ClusterInfo(c.clusterName(), c.clusterArn(), c.status(),
            c.activeServicesCount() == null ? 0 : c.activeServicesCount()));
  }

  public ClusterInfo createCluster(String name, Map<String, String> tags) {
    var c = ecs().createCluster(r -> r.clusterName(name).tags(tags(tags))).cluster();
    return new ClusterInfo(c.clusterName(), c.clusterArn(), c.status(), 0);
  }

  public void deleteCluster(String name) {
    ecs().deleteCluster(r -> r.cluster(name));
  }

  public List<String> clusterArns() {
    return ecs().listClustersPaginator(r -> { }).clusterArns().stream().toList();
  }

  /** The newest ACTIVE revision of {@code family}, if any. */
  public Optional<TaskDefinitionInfo> latestTaskDefinition(String family) {
    return ecs().listTaskDefinitions(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE)
            .sort(SortOrder.DESC)).taskDefinitionArns().stream()
        .filter(arn -> familyOf(arn).equals(family))
        .findFirst()
        .map(arn -> info(ecs().describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition()));
  }

  /** One revision, by its ARN (or family:revision). */
  public TaskDefinitionInfo taskDefinition(String arn) {
    return info(ecs().describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition());
  }

  /** Registers {@code document} (taskdef.json's shape) as a new revision of its family. */
  public TaskDefinitionInfo registerTaskDefinition(JsonNode document, Map<String, String> tags) {
    RegisterTaskDefinitionRequest request = SdkJson.builder(document,
        RegisterTaskDefinitionRequest.serializableBuilderClass(), RegisterTaskDefinitionRequest.Builder.class)
        .tags(tags(tags)).build();
    return info(ecs().registerTaskDefinition(request).taskDefinition());
  }

  /** {@code document} as ECS would return it: what {@link TaskDefinitionInfo#document()} is compared with. */
  public static JsonNode canonicalTaskDefinition(JsonNode document) {
    return SdkJson.json(SdkJson.builder(document, RegisterTaskDefinitionRequest.serializableBuilderClass(),
        RegisterTaskDefinitionRequest.Builder.class).build());
  }

  /** Deregisters every ACTIVE revision of {@code family}, the pipeline's included; returns how many. */
  public int deregisterFamily(String family) {
    List<String> arns = ecs().listTaskDefinitionsPaginator(r -> r.familyPrefix(family)
        .status(TaskDefinitionStatus.ACTIVE)).taskDefinitionArns().stream()
        .filter(arn -> familyOf(arn).equals(family)).toList();
    arns.forEach(arn -> ecs().deregisterTaskDefinition(r -> r.taskDefinition(arn)));
    return arns.size();
  }

  /** The service unless it is gone (INACTIVE) or its cluster is. */
  public Optional<ServiceInfo> findService(String cluster, String name) {
    try {
      return ecs().describeServices(r -> r.cluster(cluster).services(name)).services().stream()
          .filter(s -> !"INACTIVE".equals(s.status())).findFirst().map(EcsResources::info);
    } catch (ClusterNotFoundException e) {
      return Optional.empty();
    }
  }

  /** CreateService with {@code clientToken}, so a repeated call returns the service the first one made. */
  public ServiceInfo createService(ServiceSpec spec, String clientToken, Map<String, String> tags) {
    LoadBalancer lb = LoadBalancer.builder().targetGroupArn(spec.targetGroupArn()).containerName(spec.containerName())
        .containerPort(spec.containerPort()).build();
    Service s = ecs().createService(r -> r.cluster(spec.cluster()).serviceName(spec.name())
        .taskDefinition(spec.taskDefinitionArn()).desiredCount(spec.desiredCount()).launchType(LaunchType.FARGATE)
        .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))
        .loadBalancers(lb)
        .healthCheckGracePeriodSeconds(spec.healthCheckGracePeriodSeconds())
        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(spec.subnets())
            .securityGroups(spec.securityGroups())
            .assignPublicIp(spec.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)))
        .propagateTags(PropagateTags.SERVICE)
        .enableECSManagedTags(true)
        .clientToken(clientToken)
        .tags(tags(tags))).service();
    return info(s);
  }

  /**
   * CreateService with the ECS controller deploying blue/green itself: the strategy, bake time, linear or canary
   * steps, a PAUSE hook before production traffic, and the load balancer's advancedConfiguration (the alternate
   * target group, the two listener rules, the infrastructure role) ("Amazon ECS blue/green deployments"; ECS API
   * Reference, CreateService).
   */
  public ServiceInfo createNativeService(ServiceSpec spec, NativeDeployment deployment, String clientToken,
      Map<String, String> tags) {
    LoadBalancer lb = LoadBalancer.builder().targetGroupArn(spec.targetGroupArn()).containerName(spec.containerName())
        .containerPort(spec.containerPort()).advancedConfiguration(a -> a
            .alternateTargetGroupArn(deployment.alternateTargetGroupArn())
            .productionListenerRule(deployment.productionRuleArn()).testListenerRule(deployment.testRuleArn())
            .roleArn(deployment.infrastructureRoleArn())).build();
    Service s = ecs().createService(r -> r.cluster(spec.cluster()).serviceName(spec.name())
        .taskDefinition(spec.taskDefinitionArn()).desiredCount(spec.desiredCount()).launchType(LaunchType.FARGATE)
        .deploymentController(d -> d.type(DeploymentControllerType.ECS))
        .deploymentConfiguration(deploymentConfiguration(deployment))
        .loadBalancers(lb)
        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(spec.subnets())
            .securityGroups(spec.securityGroups())
            .assignPublicIp(spec.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)))
        .propagateTags(PropagateTags.SERVICE)
        .enableECSManagedTags(true)
        .clientToken(clientToken)
        .tags(tags(tags))).service();
    return info(s);
  }

  /** The service's built-in blue/green settings as DescribeServices shows them; empty for another controller. */
  public Optional<NativeDeployment> nativeDeployment(String cluster, String name) {
    return ecs().describeServices(r -> r.cluster(cluster).services(name)).services().stream()
        .filter(s -> !"INACTIVE".equals(s.status())).findFirst()
        .filter(s -> s.deploymentController() == null || "ECS".equals(s.deploymentController().typeAsString()))
        .map(EcsResources::nativeDeployment);
  }

  private static NativeDeployment nativeDeployment(Service s) {
    DeploymentConfiguration c = s.deploymentConfiguration();
    LoadBalancer lb = s.loadBalancers().isEmpty() ? null : s.loadBalancers().get(0);
    var advanced = lb == null ? null : lb.advancedConfiguration();
    Integer step = null;
    Integer stepBake = null;
    if (c != null && c.linearConfiguration() != null) {
      step = c.linearConfiguration().stepPercent() == null ? null : c.linearConfiguration().stepPercent().intValue();
      stepBake = c.linearConfiguration().stepBakeTimeInMinutes();
    } else if (c != null && c.canaryConfiguration() != null) {
      step = c.canaryConfiguration().canaryPercent() == null ? null
          : c.canaryConfiguration().canaryPercent().intValue();
      stepBake = c.canaryConfiguration().canaryBakeTimeInMinutes();
    }
    var pause = c == null ? null : c.lifecycleHooks().stream().filter(h -> "PAUSE".equals(h.targetTypeAsString()))
        .findFirst().orElse(null);
    return new NativeDeployment(c == null ? null : c.strategyAsString(), step, stepBake,
        c == null || c.bakeTimeInMinutes() == null ? 0 : c.bakeTimeInMinutes(),
        pause == null || pause.timeoutConfiguration() == null ? null : pause.timeoutConfiguration().timeoutInMinutes(),
        pause == null || pause.timeoutConfiguration() == null ? null
            : pause.timeoutConfiguration().actionAsString(),
        advanced == null ? null : advanced.alternateTargetGroupArn(),
        advanced == null ? null : advanced.productionListenerRule(),
        advanced == null ? null : advanced.testListenerRule(), advanced == null ? null : advanced.roleArn());
  }

  /** UpdateService with the deployment configuration alone: ECS applies it to the next deployment. */
  public void updateNativeDeployment(String cluster, String name, NativeDeployment deployment) {
    ecs().updateService(r -> r.cluster(cluster).service(name)
        .deploymentConfiguration(deploymentConfiguration(deployment)));
  }

  /**
   * UpdateService moving a CODE_DEPLOY service to the ECS controller with its blue/green settings in the same call:
   * the target group where the tasks run, the alternate one, the two rules and the infrastructure role ("Migrate
   * CodeDeploy blue/green deployments to Amazon ECS blue/green deployments"; ECS API Reference, UpdateService).
   */
  public void changeToNativeController(String cluster, String name, String servingTargetGroupArn, String containerName,
      int containerPort, NativeDeployment d) {
    LoadBalancer lb = LoadBalancer.builder().targetGroupArn(servingTargetGroupArn).containerName(containerName)
        .containerPort(containerPort).advancedConfiguration(a -> a.alternateTargetGroupArn(d.alternateTargetGroupArn())
            .productionListenerRule(d.productionRuleArn()).testListenerRule(d.testRuleArn())
            .roleArn(d.infrastructureRoleArn())).build();
    ecs().updateService(r -> r.cluster(cluster).service(name).deploymentController(c -> c.type(
        DeploymentControllerType.ECS)).deploymentConfiguration(deploymentConfiguration(d)).loadBalancers(lb));
  }

  private static DeploymentConfiguration deploymentConfiguration(NativeDeployment d) {
    // "Amazon ECS deployment failure detection": the circuit breaker, with rollback, turns a release whose tasks
    // fail into a rollback; without it ECS keeps replacing them until someone stops the deployment
    var config = DeploymentConfiguration.builder().strategy(d.strategy()).bakeTimeInMinutes(d.bakeTimeMinutes())
        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true));
    if ("LINEAR".equals(d.strategy())) {
      config.linearConfiguration(l -> l.stepPercent(d.stepPercent().doubleValue())
          .stepBakeTimeInMinutes(d.stepBakeMinutes()));
    } else if ("CANARY".equals(d.strategy())) {
      config.canaryConfiguration(c -> c.canaryPercent(d.stepPercent().doubleValue())
          .canaryBakeTimeInMinutes(d.stepBakeMinutes()));
    }
    if (d.pauseTimeoutMinutes() != null) {
      // "Pause hooks for Amazon ECS service deployments": PAUSE waits at PRE_PRODUCTION_TRAFFIC_SHIFT for
      // ContinueServiceDeployment, or for its timeout's action
      config.lifecycleHooks(h -> h.targetType("PAUSE").lifecycleStagesWithStrings("PRE_PRODUCTION_TRAFFIC_SHIFT")
          .timeoutConfiguration(t -> t.timeoutInMinutes(d.pauseTimeoutMinutes()).action(d.onPauseTimeout())));
    }
    return config.build();
  }

  /**
   * The one change UpdateService allows on every CODE_DEPLOY service (ECS API Reference, UpdateService;
   * pulumi/pulumi-aws #3821).
   */
  public void setDesiredCount(String cluster, String name, int desiredCount) {
    ecs().updateService(r -> r.cluster(cluster).service(name).desiredCount(desiredCount));
  }

  /**
   * The health check grace period, which UpdateService changes in place on a CODE_DEPLOY service too ("only the
   * desired count, deployment configuration, health check grace period, task placement constraints and strategies,
   * enable ECS managed tags option, and propagate tags can be updated", ECS API Reference, UpdateService); it starts
   * no deployment.
   */
  public void setHealthCheckGracePeriod(String cluster, String name, int seconds) {
    ecs().updateService(r -> r.cluster(cluster).service(name).healthCheckGracePeriodSeconds(seconds));
  }

  /** Deletes the service (force: CodeDeploy services keep task sets); it drains, then becomes INACTIVE. */
  public void deleteService(String cluster, String name) {
    ecs().deleteService(r -> r.cluster(cluster).service(name).force(true));
  }

  public List<String> serviceArns(String cluster) {
    return ecs().listServicesPaginator(r -> r.cluster(cluster)).serviceArns().stream().toList();
  }

  public Map<String, String> tagsOf(String arn) {
    var tags = new java.util.TreeMap<String, String>();
    ecs().listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  /** Every ACTIVE task definition revision of the account. */
  public List<String> activeTaskDefinitionArns() {
    return ecs().listTaskDefinitionsPaginator(r -> r.status(TaskDefinitionStatus.ACTIVE)).taskDefinitionArns()
        .stream().toList();
  }

  /** The tags of a task definition revision. */
  public Map<String, String> taskDefinitionTags(String arn) {
    var tags = new java.util.TreeMap<String, String>();
    var response = ecs().describeTaskDefinition(r -> r.taskDefinition(arn)
        .include(software.amazon.awssdk.services.ecs.model.TaskDefinitionField.TAGS));
    response.tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  static String familyOf(String taskDefinitionArn) {
    String tail = taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
    return tail.substring(0, tail.lastIndexOf(':'));
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static TaskDefinitionInfo info(TaskDefinition td) {
    return new TaskDefinitionInfo(td.taskDefinitionArn(), td.family(), td.revision() == null ? 0 : td.revision(),
        td.statusAsString(), SdkJson.json(td));
  }

  private static ServiceInfo info(Service s) {
    LoadBalancer lb = s.loadBalancers().isEmpty() ? null : s.loadBalancers().get(0);
    var vpc = s.networkConfiguration() == null ? null : s.networkConfiguration().awsvpcConfiguration();
    return new ServiceInfo(s.serviceArn(), s.serviceName(), s.clusterArn(), s.status(),
        s.deploymentController() == null ? "ECS" : s.deploymentController().typeAsString(),
        s.desiredCount() == null ? 0 : s.desiredCount(), s.runningCount() == null ? 0 : s.runningCount(),
        s.taskDefinition(), s.loadBalancers().stream().map(LoadBalancer::targetGroupArn).toList(),
        lb == null ? null : lb.containerName(), lb == null ? null : lb.containerPort(),
        vpc == null ? List.of() : vpc.subnets(), vpc == null ? List.of() : vpc.securityGroups(),
        s.launchTypeAsString(), s.healthCheckGracePeriodSeconds(),
        vpc == null ? null : vpc.assignPublicIpAsString());
  }
}
