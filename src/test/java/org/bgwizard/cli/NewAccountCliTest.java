package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * apply on a simulated new account: ECS's service-linked role is created by the run and propagates for a while
 * (catalogue row 14), and each new security group stays invisible to other calls for a few seconds (row 32).
 */
class NewAccountCliTest extends SandboxCliTest {
  @BeforeEach
  void newAccount() throws Exception {
    Sandbox account = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    account.account().settings().ecsServiceLinkedRoleMissing = true;
    account.account().settings().securityGroupVisibilitySeconds = 5;
    account.account().save();
  }

  @Test
  void apply_onANewAccount_succeedsInOneRun_andSaysWhatItWaitedFor() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    String log = err.toString();
    assertTrue(log.contains("ok ecs-service/demo-service: done"), log);
    assertTrue(log.contains("ecs-cluster/demo-cluster: ecs CreateCluster demo-cluster failed while a new IAM role"
        + " propagates; retrying in"), log);
    assertTrue(log.contains("ec2-security-group/demo-alb: ec2 AuthorizeSecurityGroupIngress demo-alb 80 failed: a"
        + " resource created moments ago is not visible to other calls yet; retrying in"), log);
    assertEquals(0, sandbox("status"), err::toString);
  }
}
