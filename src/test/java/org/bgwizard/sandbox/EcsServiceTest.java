package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

class EcsServiceTest {
  private final EcsFixture f = new EcsFixture();
  private final EcsClient ecs = f.sandbox.ecs();
  private final EcsFixture.BlueGreen bg = f.blueGreen(EcsFixture.NGINX);

  private static void assertInvalidParameter(Executable call, String fragment) {
    var e = assertThrows(InvalidParameterException.class, call);
    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  private EcsWaiter waiter(int attempts) {
    return EcsWaiter.builder().client(ecs).overrideConfiguration(WaiterOverrideConfiguration.builder()
        .maxAttempts(attempts).backoffStrategyV2(attempt -> {
          f.clock.advance(Duration.ofSeconds(15));
          return Duration.ZERO;
        }).build()).build();
  }

  @Test
  void codeDeployService_getsAPrimaryTaskSetAtFullScale_andNoDeployments() {
    Service s = f.createService(bg);
    assertEquals("arn:aws:ecs:us-east-1:123456789012:service/demo-cluster/demo-service", s.serviceArn());
    assertEquals("ACTIVE", s.status());
    assertEquals(DeploymentControllerType.CODE_DEPLOY, s.deploymentController().type());
    assertEquals(List.of(), s.deployments());
    assertEquals(1, s.taskSets().size());
    var set = s.taskSets().get(0);
    assertEquals("PRIMARY", set.status());
    assertEquals(100.0, set.scale().value());
    assertTrue(set.id().matches("ecs-svc/[1-9]\\d{18}"), set.id());
    assertEquals(bg.targetGroup1(), set.loadBalancers().get(0).targetGroupArn());
    assertEquals(bg.taskDefinition(), s.taskDefinition());
  }

  @Test
  void targetGroupOfTypeInstance_isCatalogueRow12() {
    String tg = f.targetGroup("demo-tg-inst", "instance");
    f.listener(bg.loadBalancer(), 81, tg);
    assertInvalidParameter(() -> ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), tg).build()),
        "has target type instance, which is incompatible with the awsvpc network mode");
  }

  @Test
  void targetGroupWithoutListener_isCatalogueRow13() {
    String tg = f.targetGroup("demo-tg-3", "ip");
    assertInvalidParameter(() -> ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), tg).build()),
        "The target group with targetGroupArn " + tg + " does not have an associated load balancer.");
  }

  @Test
  void containerNameNotInTaskDefinition_isCatalogueRow4() {
    assertInvalidParameter(() -> ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
            .loadBalancers(EcsFixture.lb(bg.targetGroup1(), "app", 80)).build()),
        "The container app does not exist in the task definition.");
  }

  @Test
  void containerPortNotMapped_isCatalogueRow5() {
    assertInvalidParameter(() -> ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
            .loadBalancers(EcsFixture.lb(bg.targetGroup1(), "web", 8080)).build()),
        "did not have a container port 8080 defined");
  }

  @Test
  void missingServiceLinkedRole_isCatalogueRow14_whenTheAccountSimulatesIt() {
    f.sandbox.account().settings().ecsServiceLinkedRoleMissing = true;
    assertInvalidParameter(() -> f.createService(bg), "Unable to assume the service linked role");

    f.iam.withRole("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
    assertEquals("ACTIVE", f.createService(bg).status());
  }

  @Test
  void missingCluster_isClusterNotFound() {
    var e = assertThrows(ClusterNotFoundException.class, () -> ecs.createService(
        EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1()).cluster("nope").build()));
    assertEquals("ClusterNotFoundException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("Cluster not found."));
  }

  @Test
  void awsvpcWithoutNetworkConfiguration_andInactiveTaskDefinition_areRejected() {
    assertInvalidParameter(() -> ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .networkConfiguration((software.amazon.awssdk.services.ecs.model.NetworkConfiguration) null).build()),
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    ecs.deregisterTaskDefinition(r -> r.taskDefinition(bg.taskDefinition()));
    assertInvalidParameter(() -> f.createService(bg), "TaskDefinition is inactive");
  }

  @Test
  void sameRequestAgain_returnsTheService_differentOneIsNotIdempotent() {
    String arn = f.createService(bg).serviceArn();
    assertEquals(arn, f.createService(bg).serviceArn());
    assertInvalidParameter(() -> ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .desiredCount(2).build()), "Creation of service was not idempotent.");
  }

  @Test
  void updateService_onCodeDeployFields_givesTheFourCatalogueRow25Messages() {
    f.createService(bg);
    String td2 = f.taskDefinition(EcsFixture.NGINX);
    String tail = "on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.";
    assertInvalidParameter(() -> ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
        .taskDefinition(td2)), "Unable to update task definition " + tail);
    assertInvalidParameter(() -> ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
        .forceNewDeployment(true)), "Cannot force a new deployment " + tail);
    assertInvalidParameter(() -> ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(EcsTestNetwork.SUBNET_C)))),
        "Unable to update network parameters " + tail);
    assertInvalidParameter(() -> ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
            .loadBalancers(EcsFixture.lb(bg.targetGroup2(), "web", 80))),
        "Unable to update load balancers " + tail);

    Service s = ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).desiredCount(2))
        .service();
    assertEquals(2, s.desiredCount());
  }

  @Test
  void deleteService_scaledAboveZero_needsForce_thenDrainsToInactive() {
    f.createService(bg);
    f.advance(120);
    assertInvalidParameter(() -> ecs.deleteService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)),
        "The service cannot be stopped while it is scaled above 0.");

    Service draining = ecs.deleteService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).force(true))
        .service();
    assertEquals("DRAINING", draining.status());
    var contains = assertThrows(ClusterContainsServicesException.class,
        () -> ecs.deleteCluster(r -> r.cluster(EcsFixture.CLUSTER)));
    assertEquals("ClusterContainsServicesException", contains.awsErrorDetails().errorCode());

    f.advance(120);
    assertEquals("INACTIVE", f.service().status());
    assertEquals(List.of(), ecs.listServices(r -> r.cluster(EcsFixture.CLUSTER)).serviceArns());
    assertThrows(ServiceNotFoundException.class,
        () -> ecs.deleteService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)));
    assertEquals("INACTIVE", ecs.deleteCluster(r -> r.cluster(EcsFixture.CLUSTER)).cluster().status());
  }

  /**
   * DeleteService: "After all tasks have transitioned to either STOPPING or STOPPED status, the service status moves
   * from DRAINING to INACTIVE" (ECS API reference), so DeleteCluster still meets the stopping tasks
   * (ClusterContainsTasksException, gruntwork-io/cloud-nuke #368).
   */
  @Test
  void deleteCluster_whileTheDeletedServicesTasksStillStop_isClusterContainsTasks() {
    f.createService(bg);
    f.advance(120);
    ecs.deleteService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).force(true));
    while (!f.service().status().equals("INACTIVE")) {
      f.advance(1);
    }
    List<String> stopped = ecs.listTasks(r -> r.cluster(EcsFixture.CLUSTER).desiredStatus("STOPPED")).taskArns();
    assertEquals(List.of("STOPPING"), ecs.describeTasks(r -> r.cluster(EcsFixture.CLUSTER).tasks(stopped)).tasks()
        .stream().map(t -> t.lastStatus()).distinct().toList());

    var contains = assertThrows(ClusterContainsTasksException.class,
        () -> ecs.deleteCluster(r -> r.cluster(EcsFixture.CLUSTER)));

    assertEquals("The Cluster cannot be deleted while Tasks are active.", contains.awsErrorDetails().errorMessage());
    f.advance(f.sandbox.account().settings().taskStoppingSeconds);
    assertEquals("INACTIVE", ecs.deleteCluster(r -> r.cluster(EcsFixture.CLUSTER)).cluster().status());
  }

  @Test
  void describeServices_reportsUnknownNamesAsMissingFailures() {
    f.createService(bg);
    var response = ecs.describeServices(r -> r.cluster(EcsFixture.CLUSTER).services(EcsFixture.SERVICE, "ghost"));
    assertEquals(1, response.services().size());
    assertEquals("MISSING", response.failures().get(0).reason());
    assertEquals("arn:aws:ecs:us-east-1:123456789012:service/demo-cluster/ghost", response.failures().get(0).arn());
  }

  @Test
  void servicesStableWaiter_neverSucceedsForCodeDeployServices() {
    f.createService(bg);
    f.advance(600);
    assertEquals(1, f.service().runningCount());

    var e = assertThrows(software.amazon.awssdk.core.exception.SdkClientException.class, () -> waiter(3)
        .waitUntilServicesStable(r -> r.cluster(EcsFixture.CLUSTER).services(EcsFixture.SERVICE)));
    assertTrue(e.getMessage().contains("max retry attempts"), e.getMessage());
  }

  @Test
  void servicesStableWaiter_succeedsForAnEcsControllerService_onceItsTaskRuns() {
    ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .deploymentController(d -> d.type(DeploymentControllerType.ECS)).build());

    var response = waiter(40).waitUntilServicesStable(r -> r.cluster(EcsFixture.CLUSTER).services(EcsFixture.SERVICE));

    Service s = response.matched().response().orElseThrow().services().get(0);
    assertEquals(1, s.deployments().size());
    assertEquals(1, s.runningCount());
    assertEquals(List.of(), s.taskSets());
  }

  @Test
  void servicesStableWaiter_failsForAMissingService() {
    assertThrows(software.amazon.awssdk.core.exception.SdkClientException.class, () -> waiter(3)
        .waitUntilServicesStable(r -> r.cluster(EcsFixture.CLUSTER).services("ghost")));
  }

  @Test
  void ecsControllerService_rollsToANewTaskDefinitionOnUpdate() {
    ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .deploymentController(d -> d.type(DeploymentControllerType.ECS)).build());
    f.advance(120);
    String td2 = f.taskDefinition(EcsFixture.NGINX);

    Service s = ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).taskDefinition(td2))
        .service();
    assertEquals(2, s.deployments().size());
    f.advance(300);
    assertEquals(List.of(td2), f.service().deployments().stream().map(d -> d.taskDefinition()).toList());
    assertEquals("COMPLETED", f.service().deployments().get(0).rolloutStateAsString());
  }

  @Test
  void listServicesPaginator_andTags() {
    f.createService(bg);
    ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1()).serviceName("other")
        .desiredCount(0).build());
    assertEquals(2, ecs.listServicesPaginator(r -> r.cluster(EcsFixture.CLUSTER).maxResults(1)).serviceArns().stream()
        .count());

    String arn = f.service().serviceArn();
    ecs.tagResource(r -> r.resourceArn(arn).tags(software.amazon.awssdk.services.ecs.model.Tag.builder()
        .key("bgwizard:setup").value("demo").build()));
    assertEquals("demo", ecs.listTagsForResource(r -> r.resourceArn(arn)).tags().get(0).value());
    ecs.untagResource(r -> r.resourceArn(arn).tagKeys("bgwizard:setup"));
    assertEquals(List.of(), ecs.listTagsForResource(r -> r.resourceArn(arn)).tags());
  }

  @Test
  void clusters_describeWithMissingFailures_createIsIdempotent() {
    String arn = ecs.createCluster(r -> r.clusterName(EcsFixture.CLUSTER)).cluster().clusterArn();
    assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/demo-cluster", arn);
    var d = ecs.describeClusters(r -> r.clusters(EcsFixture.CLUSTER, "ghost"));
    assertEquals("ACTIVE", d.clusters().get(0).status());
    assertEquals("MISSING", d.failures().get(0).reason());
    var bad = assertThrows(EcsException.class, () -> ecs.createCluster(r -> r.clusterName("bad name")));
    assertEquals("InvalidParameterException", bad.awsErrorDetails().errorCode());
  }
}
