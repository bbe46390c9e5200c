package org.bgwizard.sandbox.ecs;

import org.bgwizard.sandbox.SandboxInternals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.elb.ElbEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** The package-private API CodeDeploy drives a blue/green deployment with. */
class EcsTaskSetApiTest {
  private final EcsFixture f = new EcsFixture();
  private final EcsEngine ecs = SandboxInternals.ecsEngine(f.sandbox);
  private final ElbEngine elb = SandboxInternals.elbEngine(f.sandbox);
  private EcsFixture.BlueGreen bg;
  private String blue;
  private String greenTaskDefinition;

  @BeforeEach
  void blueIsServing() {
    bg = f.blueGreen(EcsFixture.NGINX);
    f.createService(bg);
    f.advance(180);
    blue = ecs.serviceInfo(EcsFixture.CLUSTER, EcsFixture.SERVICE).orElseThrow().taskSets().get(0).taskSetArn();
    greenTaskDefinition = f.taskDefinition(EcsFixture.NGINX);
  }

  private List<TaskSet> describeTaskSets() {
    return f.sandbox.ecs().describeTaskSets(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)).taskSets();
  }

  private String green() {
    return ecs.createTaskSet(EcsFixture.CLUSTER, EcsFixture.SERVICE, greenTaskDefinition, bg.targetGroup2(), "web", 80,
        "d-ABCDE1234", 100);
  }

  @Test
  void serviceInfo_describesTheCodeDeployService() {
    var info = ecs.serviceInfo(EcsFixture.CLUSTER, EcsFixture.SERVICE).orElseThrow();
    assertEquals("CODE_DEPLOY", info.deploymentController());
    assertEquals(bg.targetGroup1(), info.targetGroupArn());
    assertEquals("web", info.containerName());
    assertEquals(80, info.containerPort());
    assertEquals(1, info.desiredCount());
    assertEquals("STEADY_STATE", info.taskSets().get(0).stabilityStatus());
    assertTrue(ecs.serviceInfo(EcsFixture.CLUSTER, "ghost").isEmpty());
  }

  @Test
  void blueGreenDeployment_secondSetOnTg2_weightsShift_firstSetIsDeleted() {
    String green = green();
    var created = ecs.taskSetInfo(green).orElseThrow();
    assertEquals("ACTIVE", created.status());
    assertEquals("d-ABCDE1234", created.externalId());
    assertEquals(bg.targetGroup2(), created.targetGroupArn());
    assertEquals(2, describeTaskSets().size());
    assertEquals("CODE_DEPLOY", describeTaskSets().get(1).startedBy());

    f.advance(80);
    var ready = ecs.taskSetInfo(green).orElseThrow();
    assertEquals(1, ready.runningCount());
    assertEquals(1, ready.healthyCount());
    assertEquals("STEADY_STATE", ready.stabilityStatus());
    assertEquals("healthy", elb.targetHealth(bg.targetGroup2()).get(0).state());

    elb.setForwardWeights(bg.production(), List.of(new ElbEngine.TargetGroupWeight(bg.targetGroup2(), 100),
        new ElbEngine.TargetGroupWeight(bg.targetGroup1(), 0)));
    ecs.makePrimary(green);
    var service = f.service();
    assertEquals(greenTaskDefinition, service.taskDefinition());
    assertEquals(bg.targetGroup2(), service.loadBalancers().get(0).targetGroupArn());
    assertEquals("ACTIVE", ecs.taskSetInfo(blue).orElseThrow().status());

    ecs.deleteTaskSet(blue);
    assertEquals("DRAINING", ecs.taskSetInfo(blue).orElseThrow().status());
    assertEquals("draining", elb.targetHealth(bg.targetGroup1()).get(0).state());
    var stopping = f.tasks("STOPPED").get(0);
    assertTrue(stopping.stoppedReason().startsWith("Scaling activity initiated by (deployment ecs-svc/"));

    f.advance(30 + 30);
    assertTrue(ecs.taskSetInfo(blue).isEmpty());
    assertEquals(List.of(green), describeTaskSets().stream().map(TaskSet::taskSetArn).toList());
    assertEquals(List.of(), elb.targetHealth(bg.targetGroup1()));
    assertEquals(1, f.service().runningCount());
  }

  @Test
  void taskSetScale_setsTheComputedDesiredCount() {
    f.sandbox.ecs().updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).desiredCount(3));
    String green = green();
    ecs.setTaskSetScale(green, 50);
    assertEquals(2, ecs.taskSetInfo(green).orElseThrow().computedDesiredCount());
    ecs.setTaskSetScale(green, 0);
    assertEquals(0, ecs.taskSetInfo(green).orElseThrow().computedDesiredCount());
    assertThrows(InvalidParameterException.class, () -> ecs.setTaskSetScale(green, 101));
  }

  @Test
  void taskSetWithWrongContainer_isRejectedWithTheCatalogueText() {
    var e = assertThrows(InvalidParameterException.class, () -> ecs.createTaskSet(EcsFixture.CLUSTER,
        EcsFixture.SERVICE, greenTaskDefinition, bg.targetGroup2(), "app", 80, "d-ABCDE1234", 100));
    assertTrue(e.getMessage().contains("The container app does not exist in the task definition."));
  }

  @Test
  void primarySet_cannotBeDeleted() {
    assertThrows(InvalidParameterException.class, () -> ecs.deleteTaskSet(blue));
  }
}
