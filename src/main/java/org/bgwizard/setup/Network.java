package org.bgwizard.setup;

import java.util.List;

/**
 * Where the load balancer and tasks live. {@code vpcId} null means the region's default VPC and its default
 * subnets; otherwise the VPC and subnets are the user's own ("use existing") and never modified or deleted.
 *
 * @param subnets subnets for the load balancer and tasks; empty = the default VPC's default subnets
 * @param assignPublicIp give tasks a public IP (needed in public subnets without NAT, catalogue row 19)
 * @param ingressCidr who may reach the production and test listeners
 */
public record Network(String vpcId, List<SubnetRef> subnets, boolean assignPublicIp, String ingressCidr) {
  public Network {
    subnets = subnets == null ? List.of() : List.copyOf(subnets);
  }

  public boolean usesDefaultVpc() {
    return vpcId == null || vpcId.isBlank();
  }

  /** A subnet chosen by id; {@code availabilityZone} is known once discovered, else null. */
  public record SubnetRef(String id, String availabilityZone) {}
}
