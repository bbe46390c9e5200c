package org.bgwizard.sandbox.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bgwizard.sandbox.EcsFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

/**
 * ModifyListener changes a listener's port in place, keeping its ARN and actions, and answers DuplicateListener when
 * another listener of the load balancer has the port (Elastic Load Balancing API Reference, ModifyListener).
 */
class ElbModifyListenerTest {
  private final EcsFixture f = new EcsFixture();
  private final ElasticLoadBalancingV2Client elb = f.sandbox.elbv2();
  private final EcsFixture.BlueGreen bg = f.blueGreen(EcsFixture.NGINX);

  private Listener describe(String arn) {
    return elb.describeListeners(r -> r.listenerArns(arn)).listeners().get(0);
  }

  @Test
  void modifyListener_port_movesTheSameListener_withItsForwardAction() {
    Listener moved = elb.modifyListener(r -> r.listenerArn(bg.test()).port(9090)).listeners().get(0);

    assertEquals(bg.test(), moved.listenerArn());
    assertEquals(9090, describe(bg.test()).port());
    assertEquals(bg.targetGroup2(), describe(bg.test()).defaultActions().get(0).targetGroupArn());
  }

  @Test
  void modifyListener_toThePortOfAnotherListener_isDuplicateListener_andChangesNothing() {
    var e = assertThrows(DuplicateListenerException.class,
        () -> elb.modifyListener(r -> r.listenerArn(bg.test()).port(80)));

    assertEquals("DuplicateListener", e.awsErrorDetails().errorCode());
    assertEquals(8080, describe(bg.test()).port());
  }
}
