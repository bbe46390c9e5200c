package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.sandbox.elb.ElbEngine;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

class ElbListenerTest {
  private final EcsFixture f = new EcsFixture();
  private final ElasticLoadBalancingV2Client elb = f.sandbox.elbv2();

  private static Action weighted(String tg1, int w1, String tg2, int w2) {
    return Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(ForwardActionConfig.builder().targetGroups(
        TargetGroupTuple.builder().targetGroupArn(tg1).weight(w1).build(),
        TargetGroupTuple.builder().targetGroupArn(tg2).weight(w2).build()).build()).build();
  }

  @Test
  void listener_isAcceptedWhileTheLoadBalancerIsProvisioning() {
    String lb = f.loadBalancer("demo-alb");
    String tg = f.targetGroup("demo-tg-1", "ip");

    Listener l = elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
        .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tg).build())).listeners().get(0);

    assertEquals(LoadBalancerStateEnum.PROVISIONING,
        elb.describeLoadBalancers(r -> r.loadBalancerArns(lb)).loadBalancers().get(0).state().code());
    assertTrue(l.listenerArn().startsWith("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo-alb/"));
    assertEquals(tg, l.defaultActions().get(0).targetGroupArn());
    assertEquals(1, l.defaultActions().get(0).forwardConfig().targetGroups().get(0).weight());
  }

  @Test
  void secondListenerOnSamePort_isDuplicateListener_identicalOneIsReturned() {
    String lb = f.loadBalancer("demo-alb");
    String tg1 = f.targetGroup("demo-tg-1", "ip");
    String tg2 = f.targetGroup("demo-tg-2", "ip");
    String arn = f.listener(lb, 80, tg1);
    assertEquals(arn, f.listener(lb, 80, tg1));

    var e = assertThrows(DuplicateListenerException.class, () -> f.listener(lb, 80, tg2));
    assertEquals("DuplicateListener", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("A listener already exists on this port for this load balancer '" + lb + "'"));
  }

  @Test
  void forwardToUnknownTargetGroup_isTargetGroupNotFound() {
    String lb = f.loadBalancer("demo-alb");
    var e = assertThrows(TargetGroupNotFoundException.class, () -> f.listener(lb, 80,
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/0123456789abcdef"));
    assertEquals("TargetGroupNotFound", e.awsErrorDetails().errorCode());
  }

  @Test
  void targetGroupOnAnotherLoadBalancer_isAssociationLimit() {
    String tg = f.targetGroup("demo-tg-1", "ip");
    f.listener(f.loadBalancer("alb-a"), 80, tg);
    var e = assertThrows(TargetGroupAssociationLimitException.class, () -> f.listener(f.loadBalancer("alb-b"), 80, tg));
    assertEquals("TargetGroupAssociationLimit", e.awsErrorDetails().errorCode());
  }

  @Test
  void modifyListener_setsWeights_withinZeroTo999() {
    String lb = f.loadBalancer("demo-alb");
    String tg1 = f.targetGroup("demo-tg-1", "ip");
    String tg2 = f.targetGroup("demo-tg-2", "ip");
    String arn = f.listener(lb, 80, tg1);

    Listener l = elb.modifyListener(r -> r.listenerArn(arn).defaultActions(weighted(tg1, 0, tg2, 100)))
        .listeners().get(0);
    assertNull(l.defaultActions().get(0).targetGroupArn());
    assertEquals(List.of(0, 100), l.defaultActions().get(0).forwardConfig().targetGroups().stream()
        .map(TargetGroupTuple::weight).toList());

    var e = assertThrows(ElasticLoadBalancingV2Exception.class,
        () -> elb.modifyListener(r -> r.listenerArn(arn).defaultActions(weighted(tg1, 0, tg2, 1000))));
    assertEquals("ValidationError", e.awsErrorDetails().errorCode());
  }

  @Test
  void describeListeners_byLoadBalancerWithPaginator_andDeleteListener() {
    String lb = f.loadBalancer("demo-alb");
    String tg1 = f.targetGroup("demo-tg-1", "ip");
    String tg2 = f.targetGroup("demo-tg-2", "ip");
    f.listener(lb, 80, tg1);
    String test = f.listener(lb, 8080, tg2);

    assertEquals(List.of(80, 8080), elb.describeListenersPaginator(r -> r.loadBalancerArn(lb).pageSize(1)).listeners()
        .stream().map(Listener::port).toList());

    elb.deleteListener(r -> r.listenerArn(test));
    var e = assertThrows(ListenerNotFoundException.class, () -> elb.describeListeners(r -> r.listenerArns(test)));
    assertEquals("ListenerNotFound", e.awsErrorDetails().errorCode());
    assertThrows(ListenerNotFoundException.class, () -> elb.deleteListener(r -> r.listenerArn(test)));
  }

  @Test
  void codeDeployApi_readsAndWritesListenerWeights() {
    String lb = f.loadBalancer("demo-alb");
    String tg1 = f.targetGroup("demo-tg-1", "ip");
    String tg2 = f.targetGroup("demo-tg-2", "ip");
    String arn = f.listener(lb, 80, tg1);
    ElbEngine engine = f.sandbox.elbEngine;

    engine.setForwardWeights(arn, List.of(new ElbEngine.TargetGroupWeight(tg2, 100),
        new ElbEngine.TargetGroupWeight(tg1, 0)));

    var info = engine.listenerInfo(arn).orElseThrow();
    assertEquals(lb, info.loadBalancerArn());
    assertEquals(80, info.port());
    assertEquals(List.of(new ElbEngine.TargetGroupWeight(tg2, 100), new ElbEngine.TargetGroupWeight(tg1, 0)),
        info.forward());
    assertEquals(java.util.Set.of(lb), engine.loadBalancerArnsOf(tg2));
    assertEquals(tg2, engine.targetGroupArnByName("demo-tg-2").orElseThrow());
  }
}
