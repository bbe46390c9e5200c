package org.bgwizard.sandbox.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated EC2 networking: plain data, saved as JSON with the whole account. */
public final class Ec2State {
  public Map<String, Vpc> vpcs = new TreeMap<>();
  public Map<String, Subnet> subnets = new TreeMap<>();
  public Map<String, InternetGateway> internetGateways = new TreeMap<>();
  public Map<String, RouteTable> routeTables = new TreeMap<>();
  public Map<String, SecurityGroup> securityGroups = new TreeMap<>();
  /** Tags of every resource, by resource id. */
  public Map<String, Map<String, String>> tags = new TreeMap<>();

  public static final class Vpc {
    public String id;
    public String cidr;
    public boolean isDefault;
    public String dhcpOptionsId;
  }

  public static final class Subnet {
    public String id;
    public String vpcId;
    public String cidr;
    public String availabilityZone;
    public String availabilityZoneId;
    public boolean defaultForAz;
    public boolean mapPublicIpOnLaunch;
    public int availableIpAddressCount;
  }

  public static final class InternetGateway {
    public String id;
    /** The VPC it is attached to, or null. */
    public String vpcId;
  }

  public static final class RouteTable {
    public String id;
    public String vpcId;
    public boolean main;
    public String mainAssociationId;
    public List<Route> routes = new ArrayList<>();
    /** Explicitly associated subnets: subnet id to association id. */
    public Map<String, String> subnetAssociations = new TreeMap<>();
  }

  public static final class Route {
    public String destination;
    /** {@code local}, or the gateway id ({@code igw-…}). */
    public String gatewayId;
  }

  public static final class SecurityGroup {
    public String id;
    public String name;
    public String description;
    public String vpcId;
    /** When CreateSecurityGroup returned it; null for the default groups, which are there from the start. */
    public Instant createdAt;
    public List<Rule> ingress = new ArrayList<>();
    public List<Rule> egress = new ArrayList<>();
  }

  /** One rule: a protocol and port range from (ingress) or to (egress) exactly one peer. */
  public static final class Rule {
    public String id;
    /** {@code tcp}, {@code udp}, {@code icmp}, {@code -1} (all) or another protocol number. */
    public String protocol;
    public Integer fromPort;
    public Integer toPort;
    public String cidr;
    public String groupId;
    public String description;
  }
}
