package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.Task;

class EcsTaskLifecycleTest {
  private final EcsFixture f = new EcsFixture();
  private final EcsClient ecs = f.sandbox.ecs();
  private final EcsFixture.BlueGreen bg = f.blueGreen(EcsFixture.NGINX);

  private Task onlyTask() {
    List<Task> tasks = f.tasks("RUNNING");
    assertEquals(1, tasks.size());
    return tasks.get(0);
  }

  private Task describe(String arn) {
    return ecs.describeTasks(DescribeTasksRequest.builder().cluster(EcsFixture.CLUSTER).tasks(arn).build()).tasks()
        .get(0);
  }

  private String targetState() {
    var h = f.sandbox.elbv2().describeTargetHealth(r -> r.targetGroupArn(bg.targetGroup1()))
        .targetHealthDescriptions();
    return h.isEmpty() ? "none" : h.get(0).targetHealth().stateAsString();
  }

  @Test
  void serviceTask_goesProvisioningPendingRunning_andItsTargetInitialThenHealthy() {
    f.createService(bg);
    assertEquals("PROVISIONING", onlyTask().lastStatus());
    assertEquals("none", targetState());

    f.advance(15);
    assertEquals("PENDING", onlyTask().lastStatus());
    f.advance(25);
    Task running = onlyTask();
    assertEquals("RUNNING", running.lastStatus());
    assertEquals("initial", targetState());
    assertEquals(1, f.service().taskSets().get(0).runningCount());
    assertEquals("STABILIZING", f.service().taskSets().get(0).stabilityStatusAsString());

    f.advance(110 + 29);
    assertEquals("initial", targetState());
    f.advance(1);
    assertEquals("healthy", targetState());
    assertEquals("STEADY_STATE", f.service().taskSets().get(0).stabilityStatusAsString());
    assertTrue(f.events().get(0).equals("(service demo-service) has reached a steady state."), f.events().toString());
  }

  @Test
  void serviceEvents_tellTheStoryLikeTheConsole() {
    f.createService(bg);
    f.advance(180);
    String taskId = onlyTask().taskArn().substring(onlyTask().taskArn().lastIndexOf('/') + 1);
    assertEquals(List.of(
        "(service demo-service) has reached a steady state.",
        "(service demo-service) registered 1 targets in (target-group " + bg.targetGroup1() + ")",
        "(service demo-service) has started 1 tasks: (task " + taskId + ")."), f.events());
  }

  @Test
  void task_hasFargateDetails_andAnAddressInItsSubnet() {
    f.createService(bg);
    f.advance(40);
    Task t = onlyTask();
    assertTrue(t.taskArn().matches("arn:aws:ecs:us-east-1:123456789012:task/demo-cluster/[0-9a-f]{32}"));
    assertEquals("FARGATE", t.launchTypeAsString());
    assertEquals("1.4.0", t.platformVersion());
    assertEquals("service:demo-service", t.group());
    assertEquals(f.service().taskSets().get(0).id(), t.startedBy());
    assertEquals("256", t.cpu());
    assertEquals("RUNNING", t.desiredStatus());
    assertTrue(t.pullStartedAt() != null && t.pullStoppedAt() != null && t.startedAt() != null);
    String ip = t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
    String subnet = t.attachments().get(0).details().stream().filter(d -> d.name().equals("subnetId")).findFirst()
        .orElseThrow().value();
    int third = Integer.parseInt(ip.split("\\.")[2]);
    boolean inSubnet = subnet.equals(EcsTestNetwork.SUBNET_A) ? third < 16 : third >= 16 && third < 32;
    assertTrue(ip.startsWith("172.31.") && inSubnet, ip + " in " + subnet);
    assertEquals(t.availabilityZone(), subnet.equals(EcsTestNetwork.SUBNET_A) ? "us-east-1a" : "us-east-1b");
    assertEquals(ip, f.sandbox.elbv2().describeTargetHealth(r -> r.targetGroupArn(bg.targetGroup1()))
        .targetHealthDescriptions().get(0).target().id());
  }

  @Test
  void awslogsTask_writesStartupLinesToItsStream() {
    f.createService(bg);
    f.advance(40);
    String taskId = onlyTask().taskArn().substring(onlyTask().taskArn().lastIndexOf('/') + 1);
    var events = f.sandbox.logs().getLogEvents(r -> r.logGroupName(EcsFixture.LOG_GROUP)
        .logStreamName("ecs/web/" + taskId).startFromHead(true)).events();
    assertEquals("[sandbox] container web started from " + EcsFixture.NGINX, events.get(0).message());
  }

  @Test
  void stopTask_stopsAfterDraining_andTheSchedulerReplacesIt() {
    f.createService(bg);
    f.advance(180);
    String first = onlyTask().taskArn();

    Task stopping = ecs.stopTask(r -> r.cluster(EcsFixture.CLUSTER).task(first).reason("practice")).task();
    assertEquals("STOPPED", stopping.desiredStatus());
    assertEquals("DEACTIVATING", stopping.lastStatus());
    assertEquals("UserInitiated", stopping.stopCodeAsString());
    assertEquals("practice", stopping.stoppedReason());
    assertEquals("draining", f.sandbox.elbv2().describeTargetHealth(r -> r.targetGroupArn(bg.targetGroup1()))
        .targetHealthDescriptions().stream().filter(d -> d.targetHealth().stateAsString().equals("draining"))
        .findFirst().orElseThrow().targetHealth().stateAsString());
    assertTrue(f.events().get(0).startsWith("(service demo-service) has started 1 tasks"), f.events().toString());

    f.advance(30);
    assertEquals("STOPPING", describe(first).lastStatus());
    f.advance(30);
    Task stopped = describe(first);
    assertEquals("STOPPED", stopped.lastStatus());
    assertEquals(0, stopped.containers().get(0).exitCode());
    assertEquals(List.of(first), ecs.listTasks(r -> r.cluster(EcsFixture.CLUSTER).serviceName(EcsFixture.SERVICE)
        .desiredStatus("STOPPED")).taskArns());
    assertEquals("RUNNING", onlyTask().lastStatus());
  }

  @Test
  void stoppedTask_staysDescribableForAnHour() {
    f.createService(bg);
    f.advance(60);
    String first = onlyTask().taskArn();
    ecs.stopTask(r -> r.cluster(EcsFixture.CLUSTER).task(first));
    f.advance(60 + 3599);
    assertEquals(1, ecs.describeTasks(DescribeTasksRequest.builder().cluster(EcsFixture.CLUSTER).tasks(first).build())
        .tasks().size());
    f.advance(1);
    var gone = ecs.describeTasks(DescribeTasksRequest.builder().cluster(EcsFixture.CLUSTER).tasks(first).build());
    assertEquals("MISSING", gone.failures().get(0).reason());
  }

  @Test
  void desiredCount_scalesTheTaskSet_andListTasksPaginatorWalksThem() {
    f.createService(bg);
    ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).desiredCount(3));
    f.advance(180);
    assertEquals(3, f.service().runningCount());
    assertEquals(3, ecs.listTasksPaginator(r -> r.cluster(EcsFixture.CLUSTER).maxResults(1)).taskArns().stream()
        .count());

    ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).desiredCount(1));
    var stopped = f.tasks("STOPPED");
    assertEquals(2, stopped.size());
    assertTrue(stopped.get(0).stoppedReason().startsWith("Scaling activity initiated by (deployment ecs-svc/"));
    assertEquals("ServiceSchedulerInitiated", stopped.get(0).stopCodeAsString());
  }
}
