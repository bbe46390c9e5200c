package org.bgwizard.aws;

import java.util.List;

/**
 * An Application Load Balancer.
 *
 * @param state {@code provisioning}, {@code active}, {@code active_impaired} or {@code failed}
 * @param subnets the subnets it lives in, one per availability zone
 */
public record LoadBalancerInfo(String arn, String name, String dnsName, String state, String vpcId, String scheme,
    String type, List<String> securityGroups, List<String> subnets) {

  public LoadBalancerInfo {
    securityGroups = List.copyOf(securityGroups);
    subnets = List.copyOf(subnets);
  }

  public boolean active() {
    return "active".equals(state);
  }
}
