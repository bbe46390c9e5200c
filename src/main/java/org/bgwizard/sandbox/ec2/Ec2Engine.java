package org.bgwizard.sandbox.ec2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The account's network: the default VPC every new account has (subnets in three zones, an internet gateway,
 * a main route table to it, the default security group), Describe operations with EC2's filters and ids,
 * and tags. Security groups are {@link Ec2SecurityGroups}; together they are the {@link Ports.Network}.
 */
public final class Ec2Engine implements Ports.Network {
  static final String DEFAULT_CIDR = "172.31.0.0/16";
  private static final Pattern ID = Pattern.compile("([a-z]+)-([0-9a-f]{8}|[0-9a-f]{17})");
  private static final Map<String, String> NOT_FOUND = Map.of(
      "vpc", "InvalidVpcID.NotFound|The vpc ID '%s' does not exist",
      "subnet", "InvalidSubnetID.NotFound|The subnet ID '%s' does not exist",
      "igw", "InvalidInternetGatewayID.NotFound|The internetGateway ID '%s' does not exist",
      "rtb", "InvalidRouteTableID.NotFound|The routeTable ID '%s' does not exist",
      "sg", "InvalidGroup.NotFound|The security group '%s' does not exist");
  private static final Map<String, String> MALFORMED = Map.of("vpc", "InvalidVpcID.Malformed",
      "subnet", "InvalidSubnetID.Malformed", "igw", "InvalidInternetGatewayId.Malformed",
      "rtb", "InvalidRouteTableId.Malformed", "sg", "InvalidGroupId.Malformed");
  private static final Map<String, String> RESOURCE_TYPES = Map.of(
      "vpc", "vpc", "subnet", "subnet", "igw", "internet-gateway", "rtb", "route-table", "sg", "security-group");

  private final SandboxAccount account;
  final Ec2SecurityGroups securityGroups;
  final Ec2Subnets subnets;

  public Ec2Engine(SandboxAccount account) {
    this.account = account;
    this.securityGroups = new Ec2SecurityGroups(account, this);
    this.subnets = new Ec2Subnets(account, this);
  }

  Ec2State state() {
    return account.state(Ec2State.class);
  }

  // ---- the default network of a new account

  /** Creates the default VPC and what comes with it; called once, for a fresh account. */
  public void seedDefaultNetwork() {
    var vpc = new Ec2State.Vpc();
    vpc.id = "vpc-" + account.ids().hex(17);
    vpc.cidr = DEFAULT_CIDR;
    vpc.isDefault = true;
    vpc.dhcpOptionsId = "dopt-" + account.ids().hex(17);
    state().vpcs.put(vpc.id, vpc);
    List<String> zones = zoneNames();
    for (int i = 0; i < zones.size(); i++) {
      var s = new Ec2State.Subnet();
      s.id = "subnet-" + account.ids().hex(17);
      s.vpcId = vpc.id;
      s.cidr = "172.31." + (16 * i) + ".0/20";
      s.availabilityZone = zones.get(i);
      s.availabilityZoneId = zoneId(i);
      s.defaultForAz = true;
      s.mapPublicIpOnLaunch = true;
      s.availableIpAddressCount = 4091;
      state().subnets.put(s.id, s);
    }
    var igw = new Ec2State.InternetGateway();
    igw.id = "igw-" + account.ids().hex(17);
    igw.vpcId = vpc.id;
    state().internetGateways.put(igw.id, igw);
    var rtb = new Ec2State.RouteTable();
    rtb.id = "rtb-" + account.ids().hex(17);
    rtb.vpcId = vpc.id;
    rtb.main = true;
    rtb.mainAssociationId = "rtbassoc-" + account.ids().hex(17);
    rtb.routes.add(route(DEFAULT_CIDR, "local"));
    rtb.routes.add(route("0.0.0.0/0", igw.id));
    state().routeTables.put(rtb.id, rtb);
    securityGroups.createDefault(vpc.id);
  }

  private static Ec2State.Route route(String destination, String gateway) {
    var r = new Ec2State.Route();
    r.destination = destination;
    r.gatewayId = gateway;
    return r;
  }

  /** The region's zones as the sandbox offers them: {@code <region>a}, {@code b}, {@code c}. */
  List<String> zoneNames() {
    return List.of(account.region() + "a", account.region() + "b", account.region() + "c");
  }

  /** e.g. {@code use1-az1} for the first zone of us-east-1, {@code apne1-az2} for ap-northeast-1's second. */
  String zoneId(int index) {
    String[] parts = account.region().split("-");
    var sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length - 1; i++) {
      sb.append(switch (parts[i]) {
        case "northeast" -> "ne";
        case "northwest" -> "nw";
        case "southeast" -> "se";
        case "southwest" -> "sw";
        default -> parts[i].substring(0, 1);
      });
    }
    return sb.append(parts[parts.length - 1]).append("-az").append(index + 1).toString();
  }

  // ---- describe

  List<Ec2State.Vpc> vpcs(Collection<String> ids, List<Ec2Filters.Filter> filters) {
    Map<String, Function<Ec2State.Vpc, List<String>>> attrs = new LinkedHashMap<>();
    attrs.put("vpc-id", v -> List.of(v.id));
    attrs.put("is-default", v -> List.of(String.valueOf(v.isDefault)));
    attrs.put("cidr", v -> List.of(v.cidr));
    attrs.put("cidr-block-association.cidr-block", v -> List.of(v.cidr));
    attrs.put("state", v -> List.of("available"));
    attrs.put("owner-id", v -> List.of(account.accountId()));
    attrs.put("dhcp-options-id", v -> List.of(v.dhcpOptionsId));
    return describe(state().vpcs, ids, "vpc", filters, attrs, v -> v.id);
  }

  List<Ec2State.Subnet> subnets(Collection<String> ids, List<Ec2Filters.Filter> filters) {
    Map<String, Function<Ec2State.Subnet, List<String>>> attrs = new LinkedHashMap<>();
    attrs.put("vpc-id", s -> List.of(s.vpcId));
    attrs.put("subnet-id", s -> List.of(s.id));
    attrs.put("default-for-az", s -> List.of(String.valueOf(s.defaultForAz)));
    attrs.put("defaultForAz", s -> List.of(String.valueOf(s.defaultForAz)));
    attrs.put("availability-zone", s -> List.of(s.availabilityZone));
    attrs.put("availabilityZone", s -> List.of(s.availabilityZone));
    attrs.put("availability-zone-id", s -> List.of(s.availabilityZoneId));
    attrs.put("cidr-block", s -> List.of(s.cidr));
    attrs.put("map-public-ip-on-launch", s -> List.of(String.valueOf(s.mapPublicIpOnLaunch)));
    attrs.put("state", s -> List.of("available"));
    attrs.put("owner-id", s -> List.of(account.accountId()));
    return describe(state().subnets, ids, "subnet", filters, attrs, s -> s.id);
  }

  List<Ec2State.RouteTable> routeTables(Collection<String> ids, List<Ec2Filters.Filter> filters) {
    Map<String, Function<Ec2State.RouteTable, List<String>>> attrs = new LinkedHashMap<>();
    attrs.put("vpc-id", r -> List.of(r.vpcId));
    attrs.put("route-table-id", r -> List.of(r.id));
    attrs.put("association.main", r -> List.of(String.valueOf(r.main)));
    attrs.put("association.subnet-id", r -> List.copyOf(r.subnetAssociations.keySet()));
    attrs.put("route.gateway-id", r -> r.routes.stream().map(x -> x.gatewayId).toList());
    attrs.put("route.destination-cidr-block", r -> r.routes.stream().map(x -> x.destination).toList());
    return describe(state().routeTables, ids, "rtb", filters, attrs, r -> r.id);
  }

  List<Ec2State.InternetGateway> internetGateways(Collection<String> ids, List<Ec2Filters.Filter> filters) {
    Map<String, Function<Ec2State.InternetGateway, List<String>>> attrs = new LinkedHashMap<>();
    attrs.put("internet-gateway-id", g -> List.of(g.id));
    attrs.put("attachment.vpc-id", g -> g.vpcId == null ? List.of() : List.of(g.vpcId));
    attrs.put("attachment.state", g -> g.vpcId == null ? List.of() : List.of("available"));
    attrs.put("owner-id", g -> List.of(account.accountId()));
    return describe(state().internetGateways, ids, "igw", filters, attrs, g -> g.id);
  }

  /** Describe by ids (each must exist) then filters, ordered by id. */
  <T> List<T> describe(Map<String, T> all, Collection<String> ids, String prefix, List<Ec2Filters.Filter> filters,
      Map<String, Function<T, List<String>>> attrs, Function<T, String> idOf) {
    List<T> selected = new ArrayList<>();
    if (ids == null || ids.isEmpty()) {
      selected.addAll(all.values());
    } else {
      for (String id : new java.util.TreeSet<>(ids)) {
        T item = all.get(id);
        if (item == null) {
          throw notFound(prefix, id);
        }
        selected.add(item);
      }
    }
    return Ec2Filters.apply(selected, filters, attrs, x -> tagsOf(idOf.apply(x)),
        name -> error("InvalidParameterValue", "The filter '" + name + "' is invalid"));
  }

  // ---- tags

  Map<String, String> tagsOf(String resourceId) {
    return state().tags.getOrDefault(resourceId, Map.of());
  }

  void createTags(Collection<String> resourceIds, Map<String, String> tags) {
    for (String id : resourceIds) {
      requireResource(id);
    }
    checkTags(tags);
    for (String id : resourceIds) {
      Map<String, String> current = state().tags.computeIfAbsent(id, k -> new TreeMap<>());
      long added = tags.keySet().stream().filter(k -> !current.containsKey(k)).count();
      if (current.size() + added > 50) {
        throw error("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
      }
      tags.forEach((k, v) -> current.put(k, v == null ? "" : v));
    }
  }

  void checkTags(Map<String, String> tags) {
    for (var e : tags.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > 127) {
        throw error("InvalidParameterValue", "Tag key exceeds the maximum length of 127 characters");
      }
      if (e.getKey().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw error("InvalidParameterValue", "Tag keys starting with 'aws:' are reserved for internal use");
      }
      if (e.getValue() != null && e.getValue().length() > 255) {
        throw error("InvalidParameterValue", "Tag value exceeds the maximum length of 255 characters");
      }
    }
  }

  /** Removes tags; a null value removes the key whatever its value, a non-null one only when it matches. */
  void deleteTags(Collection<String> resourceIds, Map<String, String> tags) {
    for (String id : resourceIds) {
      requireResource(id);
      Map<String, String> current = state().tags.get(id);
      if (current == null) {
        continue;
      }
      tags.forEach((k, v) -> {
        if (v == null || v.equals(current.get(k))) {
          current.remove(k);
        }
      });
      if (current.isEmpty()) {
        state().tags.remove(id);
      }
    }
  }

  /** One tag of one resource, as DescribeTags lists it. */
  record TagRow(String resourceId, String resourceType, String key, String value) {}

  List<TagRow> describeTags(List<Ec2Filters.Filter> filters) {
    List<TagRow> rows = new ArrayList<>();
    state().tags.forEach((id, tags) -> tags.forEach((k, v) -> rows.add(new TagRow(id, resourceType(id), k, v))));
    Map<String, Function<TagRow, List<String>>> attrs = new LinkedHashMap<>();
    attrs.put("resource-id", r -> List.of(r.resourceId()));
    attrs.put("resource-type", r -> List.of(r.resourceType()));
    attrs.put("key", r -> List.of(r.key()));
    attrs.put("value", r -> List.of(r.value()));
    return Ec2Filters.apply(rows, filters, attrs, r -> Map.of(),
        name -> error("InvalidParameterValue", "The filter '" + name + "' is invalid"));
  }

  private String resourceType(String id) {
    return RESOURCE_TYPES.get(id.substring(0, id.indexOf('-')));
  }

  /** Fails as EC2 does for an id that is malformed or names nothing. */
  void requireResource(String id) {
    var m = id == null ? null : ID.matcher(id);
    if (m == null || !m.matches() || !RESOURCE_TYPES.containsKey(m.group(1))) {
      throw error("InvalidID", "The ID '" + id + "' is not valid");
    }
    Map<String, ?> all = switch (m.group(1)) {
      case "vpc" -> state().vpcs;
      case "subnet" -> state().subnets;
      case "igw" -> state().internetGateways;
      case "rtb" -> state().routeTables;
      default -> state().securityGroups;
    };
    if (!all.containsKey(id)) {
      throw notFound(m.group(1), id);
    }
  }

  // ---- Ports.Network

  @Override
  public String defaultVpcId() {
    return state().vpcs.values().stream().filter(v -> v.isDefault).map(v -> v.id).findFirst().orElse(null);
  }

  @Override
  public Optional<String> availabilityZoneOf(String subnetId) {
    return Optional.ofNullable(state().subnets.get(subnetId)).map(s -> s.availabilityZone);
  }

  @Override
  public Optional<String> cidrOf(String subnetId) {
    return Optional.ofNullable(state().subnets.get(subnetId)).map(s -> s.cidr);
  }

  @Override
  public Optional<String> vpcOfSubnet(String subnetId) {
    return Optional.ofNullable(state().subnets.get(subnetId)).map(s -> s.vpcId);
  }

  @Override
  public boolean isPublic(String subnetId) {
    Ec2State.Subnet subnet = state().subnets.get(subnetId);
    if (subnet == null) {
      return false;
    }
    Ec2State.RouteTable table = state().routeTables.values().stream()
        .filter(r -> r.subnetAssociations.containsKey(subnetId)).findFirst()
        .orElseGet(() -> state().routeTables.values().stream().filter(r -> r.main && r.vpcId.equals(subnet.vpcId))
            .findFirst().orElse(null));
    return table != null && table.routes.stream()
        .anyMatch(r -> r.destination.equals("0.0.0.0/0") && r.gatewayId.startsWith("igw-"));
  }

  @Override
  public boolean securityGroupExists(String groupId) {
    return securityGroups.visible(groupId) != null;
  }

  @Override
  public boolean allowsIngress(String toGroupId, String fromGroupId, int port) {
    return securityGroups.allowsIngress(toGroupId, fromGroupId, port);
  }

  @Override
  public void addUsageCheck(Function<String, Optional<String>> usedBy) {
    securityGroups.addUsageCheck(usedBy);
  }

  // ---- errors

  AwsServiceException notFound(String prefix, String id) {
    String[] codeAndMessage = NOT_FOUND.get(prefix).split("\\|");
    var m = ID.matcher(id);
    if (!m.matches() || !m.group(1).equals(prefix)) {
      return error(MALFORMED.get(prefix), "Invalid id: \"" + id + "\" (expecting \"" + prefix + "-...\")");
    }
    return error(codeAndMessage[0], String.format(codeAndMessage[1], id));
  }

  AwsServiceException error(String code, String message) {
    return account.error(Ec2Exception.builder(), Service.EC2, code, message);
  }
}
