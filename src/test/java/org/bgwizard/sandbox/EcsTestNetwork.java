package org.bgwizard.sandbox;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bgwizard.sandbox.core.Ports;

/** A stand-in for the EC2 engine: a default VPC with three public subnets, one private subnet, two groups. */
public final class EcsTestNetwork implements Ports.Network {
  public static final String VPC = "vpc-0123456789abcdef0";
  public static final String SUBNET_A = "subnet-0aaaaaaaaaaaaaaaa";
  static final String SUBNET_B = "subnet-0bbbbbbbbbbbbbbbb";
  public static final String SUBNET_C = "subnet-0cccccccccccccccc";
  public static final String SUBNET_PRIVATE = "subnet-0ddddddddddddddd1";
  public static final String SG_ALB = "sg-0a1b2c3d4e5f60001";
  public static final String SG_TASK = "sg-0a1b2c3d4e5f60002";
  private static final Map<String, String> ZONES = Map.of(SUBNET_A, "us-east-1a", SUBNET_B, "us-east-1b",
      SUBNET_C, "us-east-1c", SUBNET_PRIVATE, "us-east-1a");
  private static final Map<String, String> CIDRS = Map.of(SUBNET_A, "172.31.0.0/20", SUBNET_B, "172.31.16.0/20",
      SUBNET_C, "172.31.32.0/20", SUBNET_PRIVATE, "172.31.128.0/24");

  /** Ingress rules "to|from|port"; by default the task group admits the ALB group on port 80. */
  public final Set<String> ingress = new HashSet<>(Set.of(SG_TASK + "|" + SG_ALB + "|80"));

  public static List<String> publicSubnets() {
    return List.of(SUBNET_A, SUBNET_B);
  }

  @Override
  public String defaultVpcId() {
    return VPC;
  }

  @Override
  public Optional<String> availabilityZoneOf(String subnetId) {
    return Optional.ofNullable(ZONES.get(subnetId));
  }

  @Override
  public Optional<String> vpcOfSubnet(String subnetId) {
    return ZONES.containsKey(subnetId) ? Optional.of(VPC) : Optional.empty();
  }

  @Override
  public Optional<String> cidrOf(String subnetId) {
    return Optional.ofNullable(CIDRS.get(subnetId));
  }

  @Override
  public boolean isPublic(String subnetId) {
    return !subnetId.equals(SUBNET_PRIVATE);
  }

  @Override
  public boolean securityGroupExists(String groupId) {
    return groupId.equals(SG_ALB) || groupId.equals(SG_TASK);
  }

  @Override
  public boolean allowsIngress(String toGroupId, String fromGroupId, int port) {
    return ingress.contains(toGroupId + "|" + fromGroupId + "|" + port);
  }

  @Override
  public void addUsageCheck(Function<String, Optional<String>> usedBy) {}
}
