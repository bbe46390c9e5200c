package org.bgwizard.setup;

import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bgwizard.setup.Network.SubnetRef;

/**
 * VPC, subnets and who may reach the listeners. The subnets are the load balancer's: at least two Availability
 * Zones and at most one subnet per zone, or CreateLoadBalancer refuses them ("At least two subnets in two
 * different Availability Zones must be specified"; "A load balancer cannot be attached to multiple subnets in the
 * same Availability Zone").
 */
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
        f.require(first == null, field, id, "subnet.duplicate", first == null ? null : new FieldLabel(first));
      }
    }
    if ((!n.usesDefaultVpc() || !subnets.isEmpty()) && subnets.size() < 2) {
      f.add("network.subnets", subnets.size(), "subnets.tooFew");
      return;
    }
    if (!subnets.isEmpty() && subnets.stream().allMatch(s -> s.availabilityZone() != null)) {
      checkZones(subnets, f);
    }
  }

  /** Subnets whose zones are known: at least two zones, one subnet in each. */
  static void checkZones(List<SubnetRef> subnets, Findings f) {
    var byZone = new TreeMap<String, List<String>>();
    subnets.forEach(s -> byZone.computeIfAbsent(s.availabilityZone(), z -> new java.util.ArrayList<>()).add(s.id()));
    if (byZone.size() < 2) {
      f.add("network.subnets", String.join(", ", new TreeSet<>(byZone.keySet())), "subnets.oneAz");
      return;
    }
    byZone.forEach((zone, ids) -> f.require(ids.size() == 1, "network.subnets", String.join(", ", ids),
        "subnets.sameAz", zone));
  }
}
