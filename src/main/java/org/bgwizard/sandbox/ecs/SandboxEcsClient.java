package org.bgwizard.sandbox.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/** ECS over {@link EcsEngine}: translates SDK requests and responses, nothing more. */
public final class SandboxEcsClient implements EcsClient {
  private final SandboxAccount account;
  private final EcsEngine ecs;

  public SandboxEcsClient(SandboxAccount account, EcsEngine ecs) {
    this.account = account;
    this.ecs = ecs;
  }

  private <T> T call(String operation, Supplier<T> body) {
    return account.call(Service.ECS, operation, body);
  }

  private String userArn() {
    return "arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME;
  }

  // ---- clusters

  @Override
  public CreateClusterResponse createCluster(CreateClusterRequest r) {
    return call("CreateCluster", () -> CreateClusterResponse.builder()
        .cluster(EcsModels.cluster(ecs.createCluster(r.clusterName(), EcsModels.tags(r.tags())), ecs.st(), true))
        .build());
  }

  @Override
  public DescribeClustersResponse describeClusters(DescribeClustersRequest r) {
    return call("DescribeClusters", () -> {
      boolean tags = r.include().contains(ClusterField.TAGS);
      List<String> refs = r.clusters().isEmpty() ? List.of("default") : r.clusters();
      var out = DescribeClustersResponse.builder();
      List<software.amazon.awssdk.services.ecs.model.Cluster> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String ref : refs) {
        ecs.findCluster(ref).ifPresentOrElse(c -> found.add(EcsModels.cluster(c, ecs.st(), tags)),
            () -> failures.add(missing(ref.startsWith("arn:") ? ref : ecs.arn("cluster/" + ref))));
      }
      return out.clusters(found).failures(failures).build();
    });
  }

  @Override
  public ListClustersResponse listClusters(ListClustersRequest r) {
    return call("ListClusters", () -> {
      var arns = ecs.st().clusters.values().stream().filter(c -> c.status.equals("ACTIVE")).map(c -> c.clusterArn)
          .toList();
      var page = page(arns, r.nextToken(), r.maxResults(), 100);
      return ListClustersResponse.builder().clusterArns(page.items()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DeleteClusterResponse deleteCluster(DeleteClusterRequest r) {
    return call("DeleteCluster", () -> DeleteClusterResponse.builder()
        .cluster(EcsModels.cluster(ecs.deleteCluster(r.cluster()), ecs.st(), false)).build());
  }

  // ---- task definitions

  @Override
  public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest r) {
    return call("RegisterTaskDefinition", () -> {
      var td = ecs.taskDefinitions().register(EcsModels.draft(r), EcsModels.tags(r.tags()));
      return RegisterTaskDefinitionResponse.builder().taskDefinition(EcsModels.taskDefinition(td, userArn()))
          .tags(EcsModels.tags(td.tags)).build();
    });
  }

  @Override
  public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest r) {
    return call("DescribeTaskDefinition", () -> {
      var td = ecs.taskDefinitions().describe(r.taskDefinition());
      return DescribeTaskDefinitionResponse.builder().taskDefinition(EcsModels.taskDefinition(td, userArn()))
          .tags(r.include().contains(TaskDefinitionField.TAGS) ? EcsModels.tags(td.tags) : null).build();
    });
  }

  @Override
  public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest r) {
    return call("DeregisterTaskDefinition", () -> DeregisterTaskDefinitionResponse.builder()
        .taskDefinition(EcsModels.taskDefinition(ecs.taskDefinitions().deregister(r.taskDefinition()), userArn()))
        .build());
  }

  @Override
  public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest r) {
    return call("ListTaskDefinitions", () -> {
      var arns = ecs.taskDefinitions().list(r.familyPrefix(), r.statusAsString(), r.sort() == SortOrder.DESC);
      var page = page(arns, r.nextToken(), r.maxResults(), 100);
      return ListTaskDefinitionsResponse.builder().taskDefinitionArns(page.items()).nextToken(page.nextToken())
          .build();
    });
  }

  // ---- services

  @Override
  public CreateServiceResponse createService(CreateServiceRequest r) {
    return call("CreateService", () -> {
      if (!r.serviceRegistries().isEmpty() || !r.capacityProviderStrategy().isEmpty()) {
        throw ecs.invalid("The sandbox does not simulate service registries or capacity provider strategies.");
      }
      if (r.loadBalancers().stream().anyMatch(l -> l.loadBalancerName() != null)) {
        throw ecs.invalid("The sandbox simulates target groups, not Classic Load Balancers (loadBalancerName).");
      }
      var dc = r.deploymentConfiguration();
      boolean alarms = dc != null && dc.alarms() != null && Boolean.TRUE.equals(dc.alarms().enable());
      var spec = new EcsServices.ServiceSpec(r.cluster(), r.serviceName(), r.taskDefinition(),
          EcsModels.loadBalancers(r.loadBalancers()), r.desiredCount(), r.launchTypeAsString(), r.platformVersion(),
          EcsModels.network(r.networkConfiguration()),
          r.deploymentController() == null ? null : r.deploymentController().typeAsString(),
          r.schedulingStrategyAsString(), r.healthCheckGracePeriodSeconds(), r.clientToken(),
          EcsModels.tags(r.tags()), r.propagateTagsAsString(), Boolean.TRUE.equals(r.enableECSManagedTags()), alarms,
          EcsBlueGreenModels.config(dc));
      return CreateServiceResponse.builder().service(EcsModels.service(ecs.services().createService(spec), ecs, true)).build();
    });
  }

  @Override
  public DescribeServicesResponse describeServices(DescribeServicesRequest r) {
    return call("DescribeServices", () -> {
      if (r.services().isEmpty() || r.services().size() > 10) {
        throw ecs.invalid("services can have between 1 and 10 items.");
      }
      var cluster = ecs.activeCluster(r.cluster());
      boolean tags = r.include().contains(ServiceField.TAGS);
      var found = new ArrayList<software.amazon.awssdk.services.ecs.model.Service>();
      var failures = new ArrayList<Failure>();
      for (String ref : r.services()) {
        ecs.findService(cluster, ref).ifPresentOrElse(s -> found.add(EcsModels.service(s, ecs, tags)),
            () -> failures.add(missing(ref.startsWith("arn:") ? ref
                : ecs.arn("service/" + cluster.clusterName + "/" + ref))));
      }
      return DescribeServicesResponse.builder().services(found).failures(failures).build();
    });
  }

  @Override
  public UpdateServiceResponse updateService(UpdateServiceRequest r) {
    return call("UpdateService", () -> {
      var update = new EcsServices.ServiceUpdate(r.desiredCount(), r.taskDefinition(),
          Boolean.TRUE.equals(r.forceNewDeployment()), EcsModels.network(r.networkConfiguration()),
          r.hasLoadBalancers() ? EcsModels.loadBalancers(r.loadBalancers()) : null, r.platformVersion(),
          r.hasCapacityProviderStrategy(), r.hasServiceRegistries(), r.healthCheckGracePeriodSeconds(),
          r.deploymentController() == null ? null : r.deploymentController().typeAsString(),
          EcsBlueGreenModels.config(r.deploymentConfiguration()));
      return UpdateServiceResponse.builder()
          .service(EcsModels.service(ecs.services().updateService(r.cluster(), r.service(), update), ecs, false)).build();
    });
  }

  // ---- built-in blue/green service deployments

  @Override
  public ListServiceDeploymentsResponse listServiceDeployments(ListServiceDeploymentsRequest r) {
    return call("ListServiceDeployments", () -> {
      EcsState.Service s = ecs.service(r.cluster(), r.service());
      int max = r.maxResults() == null ? 20 : r.maxResults();
      if (max < 1 || max > 100) {
        throw ecs.invalid("maxResults must be between 1 and 100.");
      }
      var all = EcsServiceDeploymentModels.filter(s, r.statusAsStrings()).stream()
          .map(d -> EcsServiceDeploymentModels.brief(s, d, ecs)).toList();
      var page = ListPage.byPosition(all, r.nextToken(), max, () -> ecs.invalid("Invalid nextToken."));
      return ListServiceDeploymentsResponse.builder().serviceDeployments(page.items()).nextToken(page.nextToken())
          .build();
    });
  }

  @Override
  public DescribeServiceDeploymentsResponse describeServiceDeployments(DescribeServiceDeploymentsRequest r) {
    return call("DescribeServiceDeployments", () -> {
      if (r.serviceDeploymentArns().isEmpty() || r.serviceDeploymentArns().size() > 20) {
        throw ecs.invalid("serviceDeploymentArns can have between 1 and 20 items.");
      }
      var found = new ArrayList<software.amazon.awssdk.services.ecs.model.ServiceDeployment>();
      var failures = new ArrayList<Failure>();
      for (String arn : r.serviceDeploymentArns()) {
        ecs.deployments().lookup(arn).ifPresentOrElse(
            f -> found.add(EcsServiceDeploymentModels.toSdk(f.service(), f.deployment(), ecs)),
            () -> failures.add(missing(arn)));
      }
      return DescribeServiceDeploymentsResponse.builder().serviceDeployments(found).failures(failures).build();
    });
  }

  @Override
  public ContinueServiceDeploymentResponse continueServiceDeployment(ContinueServiceDeploymentRequest r) {
    return call("ContinueServiceDeployment", () -> {
      ecs.deployments().continueDeployment(r.serviceDeploymentArn(), r.hookId(), r.actionAsString());
      return ContinueServiceDeploymentResponse.builder().serviceDeploymentArn(r.serviceDeploymentArn()).build();
    });
  }

  @Override
  public StopServiceDeploymentResponse stopServiceDeployment(StopServiceDeploymentRequest r) {
    return call("StopServiceDeployment", () -> {
      ecs.deployments().stop(r.serviceDeploymentArn(), r.stopTypeAsString());
      return StopServiceDeploymentResponse.builder().serviceDeploymentArn(r.serviceDeploymentArn()).build();
    });
  }

  @Override
  public DeleteServiceResponse deleteService(DeleteServiceRequest r) {
    return call("DeleteService", () -> DeleteServiceResponse.builder().service(EcsModels.service(
        ecs.services().deleteService(r.cluster(), r.service(), Boolean.TRUE.equals(r.force())), ecs, false)).build());
  }

  @Override
  public ListServicesResponse listServices(ListServicesRequest r) {
    return call("ListServices", () -> {
      var cluster = ecs.activeCluster(r.cluster());
      var arns = ecs.servicesOf(cluster).stream().filter(s -> !s.status.equals("INACTIVE"))
          .filter(s -> r.launchType() == null || r.launchTypeAsString().equals(s.launchType))
          .map(s -> s.serviceArn).toList();
      var page = page(arns, r.nextToken(), r.maxResults(), 10);
      return ListServicesResponse.builder().serviceArns(page.items()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DescribeTaskSetsResponse describeTaskSets(DescribeTaskSetsRequest r) {
    return call("DescribeTaskSets", () -> {
      var s = ecs.service(r.cluster(), r.service());
      if (!s.deploymentController.equals(EcsEngine.CODE_DEPLOY)) {
        throw ecs.invalid("Amazon ECS only supports task set management on services configured to use external "
            + "deployment controllers.");
      }
      var found = new ArrayList<software.amazon.awssdk.services.ecs.model.TaskSet>();
      var failures = new ArrayList<Failure>();
      for (var t : s.taskSets) {
        if (r.taskSets().isEmpty() || r.taskSets().contains(t.taskSetArn) || r.taskSets().contains(t.id)) {
          found.add(EcsModels.taskSet(s, t, ecs.tasks().counts(s, t)));
        }
      }
      for (String ref : r.taskSets()) {
        if (s.taskSets.stream().noneMatch(t -> t.taskSetArn.equals(ref) || t.id.equals(ref))) {
          failures.add(missing(ref));
        }
      }
      return DescribeTaskSetsResponse.builder().taskSets(found).failures(failures).build();
    });
  }

  // ---- tasks

  @Override
  public ListTasksResponse listTasks(ListTasksRequest r) {
    return call("ListTasks", () -> {
      var cluster = ecs.activeCluster(r.cluster());
      String serviceArn = r.serviceName() == null ? null : ecs.service(r.cluster(), r.serviceName()).serviceArn;
      var arns = ecs.tasks().list(cluster, serviceArn, r.desiredStatusAsString(), r.family(), r.startedBy());
      var page = page(arns, r.nextToken(), r.maxResults(), 100);
      return ListTasksResponse.builder().taskArns(page.items()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DescribeTasksResponse describeTasks(DescribeTasksRequest r) {
    return call("DescribeTasks", () -> {
      if (r.tasks().isEmpty() || r.tasks().size() > 100) {
        throw ecs.invalid("tasks can have between 1 and 100 items.");
      }
      var cluster = ecs.activeCluster(r.cluster());
      boolean tags = r.include().contains(TaskField.TAGS);
      var found = new ArrayList<software.amazon.awssdk.services.ecs.model.Task>();
      var failures = new ArrayList<Failure>();
      for (String ref : r.tasks()) {
        ecs.tasks().find(cluster, ref).ifPresentOrElse(
            t -> found.add(EcsModels.task(t, account.region(), tags)),
            () -> failures.add(missing(ref.startsWith("arn:") ? ref
                : ecs.arn("task/" + cluster.clusterName + "/" + ref))));
      }
      return DescribeTasksResponse.builder().tasks(found).failures(failures).build();
    });
  }

  @Override
  public StopTaskResponse stopTask(StopTaskRequest r) {
    return call("StopTask", () -> {
      var cluster = ecs.activeCluster(r.cluster());
      return StopTaskResponse.builder()
          .task(EcsModels.task(ecs.tasks().userStop(cluster, r.task(), r.reason()), account.region(), false)).build();
    });
  }

  // ---- tags

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return call("TagResource", () -> {
      ecs.tag(r.resourceArn(), EcsModels.tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return call("UntagResource", () -> {
      TagLists.untag(ecs.tagsOf(r.resourceArn()), r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return call("ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(EcsModels.tags(ecs.tagsOf(r.resourceArn()))).build());
  }

  // ---- helpers

  private static Failure missing(String arn) {
    return Failure.builder().arn(arn).reason("MISSING").build();
  }

  private <T> ListPage<T> page(List<T> all, String token, Integer maxResults, int defaultMax) {
    if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
      throw ecs.invalid("maxResults must be between 1 and 100.");
    }
    return ListPage.byPosition(all, token, maxResults == null ? defaultMax : maxResults,
        () -> ecs.invalid("Invalid nextToken."));
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
