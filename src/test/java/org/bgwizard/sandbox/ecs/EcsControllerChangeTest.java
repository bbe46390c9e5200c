package org.bgwizard.sandbox.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.SandboxInternals;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/** UpdateService between deployment controllers: CODE_DEPLOY to ECS with blue/green settings; never to CODE_DEPLOY. */
class EcsControllerChangeTest {
  private final NativeFixture n = new NativeFixture();
  private final EcsEngine ecs = SandboxInternals.ecsEngine(n.f.sandbox);

  private UpdateServiceRequest toNative() {
    return UpdateServiceRequest.builder().cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
        .deploymentController(d -> d.type(DeploymentControllerType.ECS))
        .deploymentConfiguration(c -> c.strategy("BLUE_GREEN").bakeTimeInMinutes(0))
        .loadBalancers(LoadBalancer.builder().targetGroupArn(n.bg.targetGroup1()).containerName("web")
            .containerPort(80).advancedConfiguration(n.advanced().build()).build())
        .build();
  }

  /** What a CodeDeploy deployment does to the service: a replacement set on target group 2 becomes primary. */
  private String codeDeployReplacement() {
    String td = n.f.taskDefinition(EcsFixture.NGINX);
    return ecs.createTaskSet(EcsFixture.CLUSTER, EcsFixture.SERVICE, td, n.bg.targetGroup2(), "web", 80,
        "d-ABCDE1234", 100);
  }

  private List<Integer> weightsTo(String rule, String targetGroup) {
    return n.f.sandbox.elbv2().describeRules(r -> r.ruleArns(rule)).rules().get(0).actions().get(0).forwardConfig()
        .targetGroups().stream().filter(t -> t.targetGroupArn().equals(targetGroup)).map(TargetGroupTuple::weight)
        .toList();
  }

  @Test
  void codeDeployService_movesToEcsBlueGreen_withStrategyAndAdvancedConfigurationInOneCall() {
    n.f.createService(n.bg);
    n.f.advance(240);

    var updated = n.f.sandbox.ecs().updateService(toNative()).service();

    assertEquals("ECS", updated.deploymentController().typeAsString());
    assertEquals("BLUE_GREEN", updated.deploymentConfiguration().strategyAsString());
    assertEquals(n.bg.targetGroup2(), updated.loadBalancers().get(0).advancedConfiguration().alternateTargetGroupArn());
    assertEquals(List.of(100), weightsTo(n.productionRule, n.bg.targetGroup1()));
    assertEquals(1, n.f.tasks("RUNNING").size());
  }

  @Test
  void migration_afterAnOddNumberOfCodeDeployDeployments_keepsServingFromTargetGroup2_andDeploysToTargetGroup1() {
    n.f.createService(n.bg);
    n.f.advance(240);
    String blue = n.f.service().taskSets().get(0).taskSetArn();
    String green = codeDeployReplacement();
    n.f.advance(240);
    ecs.makePrimary(green);
    ecs.deleteTaskSet(blue);
    n.f.advance(120);

    n.f.sandbox.ecs().updateService(toNative());
    assertEquals(List.of(100), weightsTo(n.productionRule, n.bg.targetGroup2()));

    String td = n.f.taskDefinition(EcsFixture.NGINX);
    n.f.sandbox.ecs().updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).taskDefinition(td));
    n.f.advance(600);

    assertEquals(List.of(100), weightsTo(n.productionRule, n.bg.targetGroup1()));
    assertEquals("healthy", n.f.sandbox.elbv2().describeTargetHealth(r -> r.targetGroupArn(n.bg.targetGroup1()))
        .targetHealthDescriptions().get(0).targetHealth().stateAsString());
  }

  @Test
  void controllerChange_whileACodeDeployDeploymentRuns_isRefused() {
    n.f.createService(n.bg);
    n.f.advance(240);
    codeDeployReplacement();

    var e = assertThrows(InvalidParameterException.class, () -> n.f.sandbox.ecs().updateService(toNative()));

    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
    assertTrue(e.awsErrorDetails().errorMessage().startsWith("Unable to update the deployment controller while a "
        + "deployment is in progress"), e.getMessage());
    assertEquals("CODE_DEPLOY", n.f.service().deploymentController().typeAsString());
  }

  @Test
  void controllerChange_toCodeDeploy_isNeverAllowed() {
    n.create(c -> { });

    var e = assertThrows(InvalidParameterException.class, () -> n.f.sandbox.ecs().updateService(r -> r
        .cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
        .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))));

    assertTrue(e.getMessage().contains("to CODE_DEPLOY is not supported"), e.getMessage());
    assertEquals("ECS", n.f.service().deploymentController().typeAsString());
  }

  @Test
  void controllerChange_withInvalidBlueGreenSettings_changesNothing() {
    n.f.createService(n.bg);
    n.f.advance(240);

    var bad = toNative().toBuilder().deploymentConfiguration(c -> c.strategy("BLUE_GREEN").bakeTimeInMinutes(2000))
        .build();
    assertThrows(InvalidParameterException.class, () -> n.f.sandbox.ecs().updateService(bad));

    assertEquals("CODE_DEPLOY", n.f.service().deploymentController().typeAsString());
  }

  @Test
  void rollingEcsService_becomesBlueGreen_andItsNextReleaseShiftsTraffic() {
    n.f.sandbox.ecs().createService(EcsFixture.serviceRequest(n.bg.taskDefinition(), n.bg.targetGroup1())
        .deploymentController(d -> d.type(DeploymentControllerType.ECS)).build());
    n.f.advance(240);

    n.f.sandbox.ecs().updateService(toNative().toBuilder().deploymentController((software.amazon.awssdk.services.ecs
        .model.DeploymentController) null).build());
    String td = n.f.taskDefinition(EcsFixture.NGINX);
    n.f.sandbox.ecs().updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE).taskDefinition(td));
    n.f.advance(600);

    assertEquals("BLUE_GREEN", n.f.service().deploymentConfiguration().strategyAsString());
    assertEquals(List.of(100), weightsTo(n.productionRule, n.bg.targetGroup2()));
    assertEquals("SUCCESSFUL", n.f.sandbox.ecs().listServiceDeployments(r -> r.cluster(EcsFixture.CLUSTER)
        .service(EcsFixture.SERVICE)).serviceDeployments().get(0).statusAsString());
  }
}
