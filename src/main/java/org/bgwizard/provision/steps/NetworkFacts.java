package org.bgwizard.provision.steps;

import java.util.List;
import org.bgwizard.aws.SubnetInfo;

/**
 * What a plan needs to know before it can name its steps' inputs: the VPC and subnets the setup runs in (the
 * default VPC's default subnets, or the user's choice) and, for a load balancer the user brought, its security
 * groups (the tasks' group admits traffic from them).
 */
public record NetworkFacts(String vpcId, List<SubnetInfo> subnets, List<String> loadBalancerSecurityGroups) {
  public NetworkFacts {
    subnets = List.copyOf(subnets);
    loadBalancerSecurityGroups = List.copyOf(loadBalancerSecurityGroups);
  }

  public List<String> subnetIds() {
    return subnets.stream().map(SubnetInfo::id).toList();
  }

  public long availabilityZones() {
    return subnets.stream().map(SubnetInfo::availabilityZone).distinct().count();
  }
}
