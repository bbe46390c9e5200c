package org.bgwizard.aws;

import static org.bgwizard.aws.Fixtures.QUICK;
import static org.bgwizard.aws.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bgwizard.deploy.NativeConfig;
import org.bgwizard.deploy.NativeDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ECS service deployments and ELBv2 rules through real SDK clients against a loopback fake, requests checked on the wire. */
class SdkServiceDeploymentsTest {
  private static final String ARN = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/bg-demo/web/r9i43YFjvgF";
  private static final String HOOK = "ecs-pause-e7tK9G_WRJqNF_EOMjztDXfKenlJuEUVjsNStf4WLKw";
  private final FakeAwsServer server = FakeAwsServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private AwsClients clients() {
    return AwsClients.real(Connection.endpoint(server.endpoint(), null, "eu-west-1"), QUICK,
        TestEnvironment.withFakeKeys(null));
  }

  private String target(int i) {
    return server.requests().get(i).body();
  }

  @Test
  void describeServiceDeployments_readsStageHookAndBake() {
    server.json(200, read("ecs-describe-service-deployments-paused.json"));
    try (AwsClients aws = clients()) {
      List<NativeDeployment> read = new SdkServiceDeployments(aws).serviceDeployments(List.of(ARN));

      NativeDeployment d = read.get(0);
      assertEquals("IN_PROGRESS", d.status());
      assertEquals("POST_TEST_TRAFFIC_SHIFT", d.lifecycleStage());
      assertEquals("arn:aws:ecs:eu-west-1:123456789012:service-revision/bg-demo/web/2", d.targetRevision());
      assertEquals(15, d.bakeTimeMinutes());
      NativeDeployment.Hook hook = d.pausedAt().orElseThrow();
      assertEquals(HOOK, hook.hookId());
      assertEquals(Instant.ofEpochSecond(1765003900), hook.expiresAt());
      assertEquals("ROLLBACK", hook.timeoutAction());
      assertNull(d.bakeEndsAt(), "not baking yet");
    }
    assertTrue(target(0).contains("\"serviceDeploymentArns\":[\"" + ARN + "\"]"), target(0));
  }

  @Test
  void listServiceDeployments_asksForTheServiceAndReturnsNewestFirst() {
    server.json(200, read("ecs-list-service-deployments.json"));
    try (AwsClients aws = clients()) {
      List<String> arns = new SdkServiceDeployments(aws).serviceDeploymentArns("bg-demo", "web");

      assertEquals(List.of(ARN, "arn:aws:ecs:eu-west-1:123456789012:service-deployment/bg-demo/web/old"), arns);
    }
    assertTrue(target(0).contains("\"cluster\":\"bg-demo\""), target(0));
    assertTrue(target(0).contains("\"service\":\"web\""), target(0));
  }

  @Test
  void describeServices_readsStrategyBakeRulesAndPause() {
    server.json(200, read("ecs-describe-services-native.json"));
    try (AwsClients aws = clients()) {
      NativeConfig c = new SdkServiceDeployments(aws).nativeService("bg-demo", "web");

      assertEquals("ECS", c.controller());
      assertEquals("BLUE_GREEN", c.strategy());
      assertEquals(15, c.bakeTimeMinutes());
      assertEquals(List.of("PRE_PRODUCTION_TRAFFIC_SHIFT"), c.pauseStages());
      assertEquals(60, c.pauseTimeoutMinutes());
      assertEquals("ROLLBACK", c.pauseTimeoutAction());
      assertTrue(c.alternateTargetGroup().endsWith("targetgroup/web-tg-2/bbb"));
      assertEquals("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web-alb/50dc6c495c0c9188/"
          + "f2f7dc8efc522ab2", NativeConfig.listenerOf(c.productionRule()));
    }
  }

  @Test
  void describeRules_readsTheForwardWeights() {
    server.xml(200, read("elbv2-describe-rules-weighted.xml"));
    String rule = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/web-alb/"
        + "50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    try (AwsClients aws = clients()) {
      Map<String, Integer> w = new SdkServiceDeployments(aws).ruleWeights(rule);

      assertEquals(List.of(100, 0), List.copyOf(w.values()));
      assertTrue(w.keySet().iterator().next().endsWith("targetgroup/web-tg-1/aaa"));
    }
    assertTrue(target(0).contains("Action=DescribeRules"), target(0));
    assertTrue(target(0).contains("RuleArns.member.1="), target(0));
  }

  @Test
  void continueServiceDeployment_sendsTheHookAndAction() {
    server.json(200, "{\"serviceDeploymentArn\":\"" + ARN + "\"}");
    try (AwsClients aws = clients()) {
      var steer = new SdkServiceDeployments(aws);
      steer.continueServiceDeployment(ARN, HOOK, false);
      steer.continueServiceDeployment(ARN, HOOK, true);
    }
    assertTrue(target(0).contains("\"hookId\":\"" + HOOK + "\""), target(0));
    assertTrue(target(0).contains("\"action\":\"CONTINUE\""), target(0));
    assertTrue(target(1).contains("\"action\":\"ROLLBACK\""), target(1));
    assertTrue(target(1).contains("\"serviceDeploymentArn\":\"" + ARN + "\""), target(1));
  }

  @Test
  void stopServiceDeployment_asksForRollback() {
    server.json(200, "{\"serviceDeploymentArn\":\"" + ARN + "\"}");
    try (AwsClients aws = clients()) {
      new SdkServiceDeployments(aws).stopServiceDeployment(ARN);
    }
    assertTrue(target(0).contains("\"stopType\":\"ROLLBACK\""), target(0));
    assertTrue(target(0).contains("\"serviceDeploymentArn\":\"" + ARN + "\""), target(0));
  }
}
