package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The role ECS assumes in an ecs-native setup to move traffic between the target groups of the listener rules:
 * trusted by ecs.amazonaws.com, with the AWS managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers attached
 * instead of an inline policy ("Amazon ECS infrastructure IAM role for load balancers", ECS developer guide).
 */
public final class InfrastructureRole {
  public static final String SLUG = "ecs-infrastructure";
  public static final String PRINCIPAL = "ecs.amazonaws.com";
  public static final String MANAGED_POLICY = "AmazonECSInfrastructureRolePolicyForLoadBalancers";

  private InfrastructureRole() {}

  public static ObjectNode trust() {
    return new PolicyDocument().trust("AllowEcsToAssumeRole", PRINCIPAL).build();
  }

  /** The managed policy's ARN in the setup's partition ({@code arn:aws:iam::aws:policy/…}). */
  public static String managedPolicyArn(String partition) {
    return "arn:" + partition + ":iam::aws:policy/" + MANAGED_POLICY;
  }
}
