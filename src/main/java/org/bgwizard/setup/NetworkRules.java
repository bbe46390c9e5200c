package org.bgwizard.setup;

import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import org.bgwizard.setup.Network.SubnetRef;

/** VPC, subnets (an ALB needs two in different AZs) and who may reach the listeners. */
final class NetworkRules {
  private NetworkRules() {}

  static void check(Network n, Findings f) {
    if (!n.usesDefaultVpc()) {
      f.require(AwsNames.isVpcId(n.vpcId()), "network.vpcId", n.vpcId(), "vpcId.invalid");
    }
    checkSubnets(n, f);
    if (f.present("network.ingressCidr", n.ingressCidr())) {
      f.require(AwsNames.isIpv4Cidr(n.ingressCidr()), "network.ingressCidr", n.ingressCidr(), "cidr.invalid");
    }
  }

  private static void checkSubnets(Network n, Findings f) {
    List<SubnetRef> subnets = n.subnets();
    var firstById = new HashMap<String, String>();
    for (int i = 0; i < subnets.size(); i++) {
      String field = "network.subnets[" + i + "].id";
      String id = subnets.get(i).id();
      if (f.present(field, id)) {
        f.require(AwsNames.isSubnetId(id), field, id, "subnetId.invalid");
        String first = firstById.putIfAbsent(id, field);
        f.require(first == null, field, id, "subnet.duplicate", first);
      }
    }
    if ((!n.usesDefaultVpc() || !subnets.isEmpty()) && subnets.size() < 2) {
      f.add("network.subnets", subnets.size(), "subnets.tooFew");
      return;
    }
    if (!subnets.isEmpty() && subnets.stream().allMatch(s -> s.availabilityZone() != null)) {
      var zones = new TreeSet<String>();
      subnets.forEach(s -> zones.add(s.availabilityZone()));
      f.require(zones.size() >= 2, "network.subnets", String.join(", ", zones), "subnets.oneAz");
    }
  }
}
