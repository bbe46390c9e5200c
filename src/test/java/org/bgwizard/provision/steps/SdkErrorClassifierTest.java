package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.bgwizard.provision.TransientErrorClassifier.Kind;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

/** Which of AWS's answers the engine retries: the simulated account's errors, as the SDK raises them. */
class SdkErrorClassifierTest {
  private final SdkErrorClassifier classifier = new SdkErrorClassifier();
  private final ManualClock clock = ManualClock.startingAt("2026-01-05T09:00:00Z");
  private final Sandbox sandbox = Sandbox.inMemory("us-east-1", clock);

  private static AwsServiceException ecs(String message) {
    return InvalidParameterException.builder().message(message).statusCode(400).awsErrorDetails(AwsErrorDetails
        .builder().errorCode("InvalidParameterException").errorMessage(message).build()).build();
  }

  @Test
  void aNewSecurityGroupNotYetVisible_toEc2AndElb_isNotYetVisible() {
    sandbox.account().settings().securityGroupVisibilitySeconds = 5;
    String vpc = sandbox.ec2().describeVpcs().vpcs().get(0).vpcId();
    String id = sandbox.ec2().createSecurityGroup(r -> r.groupName("demo-alb").description("alb").vpcId(vpc)).groupId();
    var subnets = sandbox.ec2().describeSubnets().subnets().stream().map(s -> s.subnetId()).limit(2).toList();

    var ec2 = assertThrows(AwsServiceException.class, () -> sandbox.ec2().authorizeSecurityGroupIngress(r -> r
        .groupId(id).ipProtocol("tcp").fromPort(80).toPort(80).cidrIp("0.0.0.0/0")));
    var elb = assertThrows(AwsServiceException.class, () -> sandbox.elbv2().createLoadBalancer(r -> r.name("demo-alb")
        .subnets(subnets).securityGroups(id)));

    assertEquals(Kind.NOT_YET_VISIBLE, classifier.classify(ec2));
    assertEquals(Kind.NOT_YET_VISIBLE, classifier.classify(elb));
    assertEquals(Kind.NOT_YET_VISIBLE, classifier.classify(ecs("Error retrieving security group information for ["
        + id + "]: The security group '" + id + "' does not exist (Service: AmazonEC2; Status Code: 400; Error Code:"
        + " InvalidGroup.NotFound)")));
  }

  @Test
  void theServiceLinkedRoleRace_isPropagation_andOtherEcsErrorsArePermanent() {
    sandbox.account().settings().ecsServiceLinkedRoleMissing = true;
    sandbox.iam().createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com"));
    var race = assertThrows(AwsServiceException.class, () -> sandbox.ecs().createCluster(r -> r.clusterName("demo")));

    assertEquals(Kind.PROPAGATION, classifier.classify(race));
    assertEquals(Kind.PERMANENT, classifier.classify(ecs("The container web does not exist in the task definition.")));
    clock.advance(Duration.ofSeconds(10));
    sandbox.account().advanceToNow();
    assertEquals("ACTIVE", sandbox.ecs().createCluster(r -> r.clusterName("demo")).cluster().status());
  }
}
