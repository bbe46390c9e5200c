package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The health check grace period of a CODE_DEPLOY service: 0 when CreateService does not give one, and changed in
 * place by UpdateService, which allows it on such services with no deployment (ECS API Reference, UpdateService),
 * while a change it refuses there still fails with AWS's message.
 */
class EcsGracePeriodTest {
  private final EcsFixture f = new EcsFixture();
  private final EcsClient ecs = f.sandbox.ecs();
  private final EcsFixture.BlueGreen bg = f.blueGreen(EcsFixture.NGINX);

  @Test
  void serviceCreatedWithoutAGracePeriod_describesItAsZero() {
    Service s = f.createService(bg);

    assertEquals(0, s.healthCheckGracePeriodSeconds());
  }

  @Test
  void createService_withAGracePeriod_keepsIt() {
    Service s = ecs.createService(EcsFixture.serviceRequest(bg.taskDefinition(), bg.targetGroup1())
        .healthCheckGracePeriodSeconds(90).build()).service();

    assertEquals(90, s.healthCheckGracePeriodSeconds());
  }

  @Test
  void updateService_onACodeDeployService_changesTheGracePeriodInPlace_withoutANewTaskSet() {
    f.createService(bg);
    f.advance(120);
    var before = ecs.describeTaskSets(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)).taskSets();

    Service s = ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
        .healthCheckGracePeriodSeconds(300)).service();

    assertEquals(300, s.healthCheckGracePeriodSeconds());
    assertEquals(300, ecs.describeServices(r -> r.cluster(EcsFixture.CLUSTER).services(EcsFixture.SERVICE))
        .services().get(0).healthCheckGracePeriodSeconds());
    assertEquals(before.stream().map(t -> t.id()).toList(), ecs.describeTaskSets(r -> r.cluster(EcsFixture.CLUSTER)
        .service(EcsFixture.SERVICE)).taskSets().stream().map(t -> t.id()).toList(), "no deployment");
  }

  @Test
  void updateService_withTheGracePeriodAndAForcedDeployment_isRefusedAsAWhole() {
    f.createService(bg);

    var e = assertThrows(InvalidParameterException.class, () -> ecs.updateService(r -> r.cluster(EcsFixture.CLUSTER)
        .service(EcsFixture.SERVICE).healthCheckGracePeriodSeconds(300).forceNewDeployment(true)));

    assertTrue(e.getMessage().startsWith("Cannot force a new deployment on services with a CODE_DEPLOY deployment"
        + " controller."), e.getMessage());
    assertEquals(0, ecs.describeServices(r -> r.cluster(EcsFixture.CLUSTER).services(EcsFixture.SERVICE))
        .services().get(0).healthCheckGracePeriodSeconds());
  }
}
