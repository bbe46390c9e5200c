package org.bgwizard.sandbox.ec2;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.SandboxAccount;

/**
 * CreateSubnet in an existing VPC, so that practice and tests can have a VPC with several subnets in one zone (an
 * ALB takes at most one per zone). Error codes follow the EC2 API reference's error list (InvalidSubnet.Range,
 * InvalidSubnet.Conflict); the message texts are moto's, marked uncertain. A new subnet is not the zone's default,
 * maps no public IP, and routes through the VPC's main route table.
 */
final class Ec2Subnets {
  private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private final SandboxAccount account;
  private final Ec2Engine ec2;

  Ec2Subnets(SandboxAccount account, Ec2Engine ec2) {
    this.account = account;
    this.ec2 = ec2;
  }

  Ec2State.Subnet create(String vpcId, String cidr, String zone) {
    Ec2State.Vpc vpc = vpcId == null ? null : ec2.state().vpcs.get(vpcId);
    if (vpc == null) {
      throw vpcId == null ? ec2.error("MissingParameter", "The request must contain the parameter VpcId")
          : ec2.notFound("vpc", vpcId);
    }
    long[] block = parse(cidr);
    long[] vpcBlock = parse(vpc.cidr);
    if (block == null || block[1] < 16 || block[1] > 28 || !contains(vpcBlock, block)) {
      throw ec2.error("InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
    }
    boolean overlaps = ec2.state().subnets.values().stream().filter(s -> s.vpcId.equals(vpcId))
        .map(s -> parse(s.cidr)).anyMatch(other -> contains(other, block) || contains(block, other));
    if (overlaps) {
      throw ec2.error("InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
    }
    List<String> zones = ec2.zoneNames();
    String z = zone == null ? zones.get(0) : zone;
    if (!zones.contains(z)) {
      throw ec2.error("InvalidParameterValue", "Value (" + z + ") for parameter availabilityZone is invalid. Subnets"
          + " can currently only be created in the following availability zones: " + String.join(", ", zones) + ".");
    }
    var s = new Ec2State.Subnet();
    s.id = "subnet-" + account.ids().hex(17);
    s.vpcId = vpcId;
    s.cidr = cidr;
    s.availabilityZone = z;
    s.availabilityZoneId = ec2.zoneId(zones.indexOf(z));
    s.availableIpAddressCount = (int) (1L << (32 - block[1])) - 5;
    ec2.state().subnets.put(s.id, s);
    return s;
  }

  /** {first address, prefix length}, or null when {@code cidr} is not an IPv4 block on its own boundary. */
  private static long[] parse(String cidr) {
    Matcher m = cidr == null ? null : CIDR.matcher(cidr);
    if (m == null || !m.matches()) {
      return null;
    }
    long address = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return null;
      }
      address = address << 8 | octet;
    }
    int prefix = Integer.parseInt(m.group(5));
    if (prefix > 32 || (address & ((1L << (32 - prefix)) - 1)) != 0) {
      return null;
    }
    return new long[] {address, prefix};
  }

  private static boolean contains(long[] outer, long[] inner) {
    if (outer == null || inner == null || inner[1] < outer[1]) {
      return false;
    }
    long mask = ((1L << 32) - 1) ^ ((1L << (32 - outer[1])) - 1);
    return (inner[0] & mask) == outer[0];
  }
}
