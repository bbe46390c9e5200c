package org.bgwizard.aws;

import java.util.List;
import java.util.Map;

/** A VPC security group with its inbound rules and tags. */
public record SecurityGroupInfo(String id, String name, String vpcId, String description, List<Ingress> ingress,
    Map<String, String> tags) {

  public SecurityGroupInfo {
    ingress = List.copyOf(ingress);
    tags = Map.copyOf(tags);
  }

  /** One inbound rule: TCP {@code port} from a CIDR block or from another security group (the other is null). */
  public record Ingress(String protocol, Integer fromPort, Integer toPort, String cidr, String sourceGroupId) {
    public boolean admitsTcp(int port) {
      return ("-1".equals(protocol) || "tcp".equals(protocol))
          && (fromPort == null || (fromPort <= port && port <= toPort));
    }
  }

  public boolean admitsTcpFromCidr(int port, String cidr) {
    return ingress.stream().anyMatch(r -> r.admitsTcp(port) && cidr.equals(r.cidr()));
  }

  /** The single TCP ports admitted from {@code cidr}, one rule each, in rule order. */
  public List<Integer> singleTcpPortsFromCidr(String cidr) {
    return ingress.stream().filter(r -> "tcp".equals(r.protocol()) && cidr.equals(r.cidr()) && r.fromPort() != null
        && r.fromPort().equals(r.toPort())).map(Ingress::fromPort).distinct().toList();
  }

  public boolean admitsTcpFromGroup(int port, String groupId) {
    return ingress.stream().anyMatch(r -> r.admitsTcp(port) && groupId.equals(r.sourceGroupId()));
  }
}
