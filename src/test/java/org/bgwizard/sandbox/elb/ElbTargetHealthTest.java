package org.bgwizard.sandbox.elb;

import org.bgwizard.sandbox.SandboxInternals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.EcsTestNetwork;
import org.bgwizard.sandbox.core.Ports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;

class ElbTargetHealthTest {
  private static final String IP = "172.31.0.10";
  private final EcsFixture f = new EcsFixture();
  private final ElasticLoadBalancingV2Client elb = f.sandbox.elbv2();
  private Ports.ImageBehaviour behaviour = Ports.ImageBehaviour.HEALTHY;
  private String taskGroup = EcsTestNetwork.SG_TASK;
  private String lb;
  private String tg;

  @BeforeEach
  void setUp() {
    SandboxInternals.elbEngine(f.sandbox).targets().endpoints(ip -> ip.equals(IP)
        ? Optional.of(new ElbTargets.Endpoint(List.of(taskGroup), behaviour, Set.of(80))) : Optional.empty());
    lb = f.loadBalancer("demo-alb");
    tg = f.targetGroup("demo-tg-1", "ip");
  }

  private void register(String ip) {
    elb.registerTargets(r -> r.targetGroupArn(tg).targets(TargetDescription.builder().id(ip).build()));
  }

  private TargetHealth health() {
    return elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().get(0).targetHealth();
  }

  private String state() {
    TargetHealth h = health();
    return h.stateAsString() + "/" + h.reasonAsString();
  }

  @Test
  void ipTarget_goesFromRegistrationToInitialChecksToHealthy_afterTheLoadBalancerIsActive() {
    f.listener(lb, 80, tg);
    register(IP);
    assertEquals("initial/Elb.RegistrationInProgress", state());

    f.advance(149);
    assertEquals("initial/Elb.RegistrationInProgress", state());
    f.advance(1);
    assertEquals("initial/Elb.InitialHealthChecking", state());
    f.advance(29);
    assertEquals("initial/Elb.InitialHealthChecking", state());
    f.advance(1);
    assertEquals("healthy/null", state());
    assertEquals("80", elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().get(0)
        .healthCheckPort());
  }

  @Test
  void targetOnActiveLoadBalancer_startsChecksAfterRegistrationSeconds() {
    f.listener(lb, 80, tg);
    f.advance(150);
    register(IP);
    f.advance(ElbTargets.REGISTRATION_SECONDS);
    assertEquals("initial/Elb.InitialHealthChecking", state());
  }

  @Test
  void targetGroupWithoutListener_reportsNotInUse_untilAListenerForwardsToIt() {
    f.advance(150);
    register(IP);
    f.advance(60);
    assertEquals("unused/Target.NotInUse", state());

    f.listener(lb, 80, tg);
    assertEquals("initial/Elb.InitialHealthChecking", state());
    f.advance(30);
    assertEquals("healthy/null", state());
  }

  @Test
  void securityGroupNotAdmittingTheLoadBalancer_isUnhealthyTimeout() {
    taskGroup = "sg-0ffffffffffffffff";
    f.listener(lb, 80, tg);
    register(IP);
    f.advance(150 + 45);
    TargetHealth h = health();
    assertEquals("unhealthy/Target.Timeout", state());
    assertEquals("Request timed out", h.description());
  }

  @Test
  void unhealthyImage_isResponseCodeMismatch_afterUnhealthyThresholdChecks() {
    behaviour = Ports.ImageBehaviour.UNHEALTHY;
    f.listener(lb, 80, tg);
    register(IP);
    f.advance(150 + 44);
    assertEquals("initial/Elb.InitialHealthChecking", state());
    f.advance(1);
    assertEquals("unhealthy/Target.ResponseCodeMismatch", state());
    assertEquals("Health checks failed with these codes: [500]", health().description());
  }

  @Test
  void nothingAnsweringAtTheAddress_isUnhealthyTimeout() {
    f.listener(lb, 80, tg);
    register("172.31.0.99");
    f.advance(150 + 45);
    assertEquals("unhealthy/Target.Timeout", state());
  }

  @Test
  void deregisteredTarget_drainsForTheDelay_thenIsGone() {
    f.listener(lb, 80, tg);
    register(IP);
    f.advance(180);
    elb.deregisterTargets(r -> r.targetGroupArn(tg).targets(TargetDescription.builder().id(IP).build()));
    assertEquals("draining/Target.DeregistrationInProgress", state());

    f.advance(29);
    assertEquals("draining/Target.DeregistrationInProgress", state());
    f.advance(1);
    assertEquals(List.of(), elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions());
    var asked = elb.describeTargetHealth(r -> r.targetGroupArn(tg).targets(TargetDescription.builder().id(IP).build()))
        .targetHealthDescriptions().get(0).targetHealth();
    assertEquals("unused", asked.stateAsString());
    assertEquals("Target.NotRegistered", asked.reasonAsString());
  }

  @Test
  void invalidIp_andDeregisteringAnUnknownTarget_areInvalidTarget() {
    var bad = assertThrows(InvalidTargetException.class, () -> register("i-0123456789abcdef0"));
    assertEquals("InvalidTarget", bad.awsErrorDetails().errorCode());
    var unknown = assertThrows(InvalidTargetException.class, () -> elb.deregisterTargets(r -> r.targetGroupArn(tg)
        .targets(TargetDescription.builder().id(IP).build())));
    assertEquals("InvalidTarget", unknown.awsErrorDetails().errorCode());
  }

  @Test
  void codeDeployApi_readsTargetHealthPerGroup() {
    f.listener(lb, 80, tg);
    register(IP);
    f.advance(180);
    assertEquals(List.of(new ElbEngine.TargetHealthInfo(IP, 80, "healthy", null)),
        SandboxInternals.elbEngine(f.sandbox).targetHealth(tg));
  }
}
