package org.bgwizard.sandbox.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;

/** EC2 networking: the default VPC, subnets, zones, routes, security groups and tags. */
public final class SandboxEc2Client implements Ec2Client {
  private final SandboxAccount account;
  private final Ec2Engine engine;
  private final Ec2SecurityGroups groups;

  public SandboxEc2Client(SandboxAccount account, Ec2Engine engine) {
    this.account = account;
    this.engine = engine;
    this.groups = engine.securityGroups;
  }

  @Override
  public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest r) {
    return account.call(Service.EC2, "DescribeVpcs", () -> {
      var page = page(engine.vpcs(r.vpcIds(), filters(r.filters())), v -> v.id, r.nextToken(), r.maxResults());
      return DescribeVpcsResponse.builder().vpcs(page.items().stream().map(this::vpc).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest r) {
    return account.call(Service.EC2, "DescribeSubnets", () -> {
      var page = page(engine.subnets(r.subnetIds(), filters(r.filters())), s -> s.id, r.nextToken(), r.maxResults());
      return DescribeSubnetsResponse.builder().subnets(page.items().stream().map(this::subnet).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public CreateSubnetResponse createSubnet(CreateSubnetRequest r) {
    return account.call(Service.EC2, "CreateSubnet", () -> CreateSubnetResponse.builder()
        .subnet(subnet(engine.subnets.create(r.vpcId(), r.cidrBlock(), r.availabilityZone()))).build());
  }

  @Override
  public DescribeAvailabilityZonesResponse describeAvailabilityZones(DescribeAvailabilityZonesRequest r) {
    return account.call(Service.EC2, "DescribeAvailabilityZones", () -> {
      List<Integer> indexes = new ArrayList<>();
      List<String> names = engine.zoneNames();
      for (int i = 0; i < names.size(); i++) {
        indexes.add(i);
      }
      Map<String, Function<Integer, List<String>>> attrs = new LinkedHashMap<>();
      attrs.put("zone-name", i -> List.of(names.get(i)));
      attrs.put("zone-id", i -> List.of(engine.zoneId(i)));
      attrs.put("state", i -> List.of("available"));
      attrs.put("region-name", i -> List.of(account.region()));
      attrs.put("zone-type", i -> List.of("availability-zone"));
      List<Filter> fs = new ArrayList<>(r.filters());
      if (!r.zoneNames().isEmpty()) {
        fs.add(Filter.builder().name("zone-name").values(r.zoneNames()).build());
      }
      if (!r.zoneIds().isEmpty()) {
        fs.add(Filter.builder().name("zone-id").values(r.zoneIds()).build());
      }
      List<Integer> selected = Ec2Filters.apply(indexes, filters(fs), attrs, i -> Map.of(),
          n -> engine.error("InvalidParameterValue", "The filter '" + n + "' is invalid"));
      return DescribeAvailabilityZonesResponse.builder().availabilityZones(selected.stream()
          .map(i -> AvailabilityZone.builder().zoneName(names.get(i)).zoneId(engine.zoneId(i))
              .regionName(account.region()).state("available").optInStatus("opt-in-not-required")
              .groupName(account.region()).networkBorderGroup(account.region()).zoneType("availability-zone")
              .messages(List.of()).build())
          .toList()).build();
    });
  }

  @Override
  public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest r) {
    return account.call(Service.EC2, "DescribeRouteTables", () -> {
      var page = page(engine.routeTables(r.routeTableIds(), filters(r.filters())), t -> t.id, r.nextToken(),
          r.maxResults());
      return DescribeRouteTablesResponse.builder().routeTables(page.items().stream().map(this::routeTable).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DescribeInternetGatewaysResponse describeInternetGateways(DescribeInternetGatewaysRequest r) {
    return account.call(Service.EC2, "DescribeInternetGateways", () -> {
      var page = page(engine.internetGateways(r.internetGatewayIds(), filters(r.filters())), g -> g.id,
          r.nextToken(), r.maxResults());
      return DescribeInternetGatewaysResponse.builder().internetGateways(page.items().stream()
          .map(g -> InternetGateway.builder().internetGatewayId(g.id).ownerId(account.accountId())
              .attachments(g.vpcId == null ? List.of() : List.of(InternetGatewayAttachment.builder()
                  .vpcId(g.vpcId).state("available").build()))
              .tags(tags(g.id)).build())
          .toList()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest r) {
    return account.call(Service.EC2, "CreateSecurityGroup", () -> {
      Ec2State.SecurityGroup g = groups.create(r.groupName(), r.description(), r.vpcId(),
          specTags(r.tagSpecifications(), "security-group"));
      return CreateSecurityGroupResponse.builder().groupId(g.id).securityGroupArn(arn(g.id))
          .tags(tags(g.id)).build();
    });
  }

  @Override
  public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest r) {
    return account.call(Service.EC2, "DescribeSecurityGroups", () -> {
      var page = page(groups.describe(r.groupIds(), r.groupNames(), filters(r.filters())), g -> g.id,
          r.nextToken(), r.maxResults());
      return DescribeSecurityGroupsResponse.builder()
          .securityGroups(page.items().stream().map(this::securityGroup).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest r) {
    return account.call(Service.EC2, "AuthorizeSecurityGroupIngress", () -> {
      Ec2State.SecurityGroup g = groups.resolve(r.groupId(), r.groupName());
      List<Ec2State.Rule> wanted = rules(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
          r.sourceSecurityGroupName(), false);
      List<Ec2State.Rule> added = groups.authorize(g, wanted, false);
      return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true)
          .securityGroupRules(added.stream().map(x -> rule(g, x, false)).toList()).build();
    });
  }

  @Override
  public AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest r) {
    return account.call(Service.EC2, "AuthorizeSecurityGroupEgress", () -> {
      Ec2State.SecurityGroup g = groups.resolve(r.groupId(), null);
      List<Ec2State.Rule> wanted = rules(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
          r.sourceSecurityGroupName(), false);
      List<Ec2State.Rule> added = groups.authorize(g, wanted, true);
      return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true)
          .securityGroupRules(added.stream().map(x -> rule(g, x, true)).toList()).build();
    });
  }

  @Override
  public RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest r) {
    return account.call(Service.EC2, "RevokeSecurityGroupIngress", () -> {
      Ec2State.SecurityGroup g = groups.resolve(r.groupId(), r.groupName());
      List<Ec2State.Rule> wanted = rules(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
          r.sourceSecurityGroupName(), !r.securityGroupRuleIds().isEmpty());
      List<Ec2State.Rule> removed = groups.revoke(g, wanted, r.securityGroupRuleIds(), false);
      return RevokeSecurityGroupIngressResponse.builder().returnValue(true)
          .revokedSecurityGroupRules(removed.stream().map(x -> revoked(g, x, false)).toList()).build();
    });
  }

  @Override
  public RevokeSecurityGroupEgressResponse revokeSecurityGroupEgress(RevokeSecurityGroupEgressRequest r) {
    return account.call(Service.EC2, "RevokeSecurityGroupEgress", () -> {
      Ec2State.SecurityGroup g = groups.resolve(r.groupId(), null);
      List<Ec2State.Rule> wanted = rules(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
          r.sourceSecurityGroupName(), !r.securityGroupRuleIds().isEmpty());
      List<Ec2State.Rule> removed = groups.revoke(g, wanted, r.securityGroupRuleIds(), true);
      return RevokeSecurityGroupEgressResponse.builder().returnValue(true)
          .revokedSecurityGroupRules(removed.stream().map(x -> revoked(g, x, true)).toList()).build();
    });
  }

  @Override
  public DeleteSecurityGroupResponse deleteSecurityGroup(DeleteSecurityGroupRequest r) {
    return account.call(Service.EC2, "DeleteSecurityGroup", () -> {
      String id = groups.resolve(r.groupId(), r.groupName()).id;
      groups.delete(r.groupId(), r.groupName());
      return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(id).build();
    });
  }

  @Override
  public CreateTagsResponse createTags(CreateTagsRequest r) {
    return account.call(Service.EC2, "CreateTags", () -> {
      engine.createTags(r.resources(), tagMap(r.tags()));
      return CreateTagsResponse.builder().build();
    });
  }

  @Override
  public DeleteTagsResponse deleteTags(DeleteTagsRequest r) {
    return account.call(Service.EC2, "DeleteTags", () -> {
      engine.deleteTags(r.resources(), tagMap(r.tags()));
      return DeleteTagsResponse.builder().build();
    });
  }

  @Override
  public DescribeTagsResponse describeTags(DescribeTagsRequest r) {
    return account.call(Service.EC2, "DescribeTags", () -> {
      var page = page(engine.describeTags(filters(r.filters())), t -> t.resourceId() + "\u0000" + t.key(),
          r.nextToken(), r.maxResults());
      return DescribeTagsResponse.builder().tags(page.items().stream().map(t -> TagDescription.builder()
          .resourceId(t.resourceId()).resourceType(t.resourceType()).key(t.key()).value(t.value()).build()).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  // ---- request translation

  /** The one-peer rules a request describes; {@code byIdsToo} when rule ids may stand in for them. */
  private List<Ec2State.Rule> rules(List<IpPermission> permissions, String protocol, Integer from, Integer to,
      String cidr, String sourceGroupName, boolean byIdsToo) {
    List<Ec2State.Rule> out = new ArrayList<>();
    if (cidr != null || sourceGroupName != null) {
      String source = sourceGroupName == null ? null : groups.resolve(null, sourceGroupName).id;
      out.add(groups.rule(protocol == null ? "-1" : protocol, from, to, cidr, source, null));
    }
    for (IpPermission p : permissions) {
      if (!p.ipv6Ranges().isEmpty() || !p.prefixListIds().isEmpty()) {
        throw engine.error("InvalidParameterValue", "IPv6 ranges and prefix lists are not simulated by the sandbox");
      }
      if (p.ipRanges().isEmpty() && p.userIdGroupPairs().isEmpty()) {
        throw engine.error("MissingParameter", "The request must contain the parameter ipRanges or groups");
      }
      for (IpRange range : p.ipRanges()) {
        out.add(groups.rule(p.ipProtocol(), p.fromPort(), p.toPort(), range.cidrIp(), null, range.description()));
      }
      for (UserIdGroupPair pair : p.userIdGroupPairs()) {
        String id = pair.groupId() != null ? pair.groupId() : groups.resolve(null, pair.groupName()).id;
        out.add(groups.rule(p.ipProtocol(), p.fromPort(), p.toPort(), null, id, pair.description()));
      }
    }
    if (out.isEmpty() && !byIdsToo) {
      throw engine.error("MissingParameter", "The request must contain the parameter ipPermissions");
    }
    return out;
  }

  private static List<Ec2Filters.Filter> filters(List<Filter> filters) {
    return filters.stream().map(f -> new Ec2Filters.Filter(f.name(), f.values())).toList();
  }

  private <T> ListPage<T> page(List<T> all, Function<T, String> key, String token, Integer maxResults) {
    if (maxResults != null && (maxResults < 5 || maxResults > 1000)) {
      throw engine.error("InvalidParameterValue", "Value ( " + maxResults
          + " ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
    }
    int max = maxResults == null && token == null ? Integer.MAX_VALUE : maxResults == null ? 1000 : maxResults;
    return ListPage.of(all, key, token, max,
        () -> engine.error("InvalidParameterValue", "Invalid value '" + token + "' for nextToken"));
  }

  private static Map<String, String> tagMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private Map<String, String> specTags(List<TagSpecification> specs, String resourceType) {
    Map<String, String> out = new LinkedHashMap<>();
    for (TagSpecification s : specs) {
      if (s.resourceTypeAsString() != null && !s.resourceTypeAsString().equals(resourceType)) {
        throw engine.error("InvalidParameterValue", "'" + s.resourceTypeAsString()
            + "' is not a valid taggable resource type for this operation.");
      }
      out.putAll(tagMap(s.tags()));
    }
    return out;
  }

  // ---- response translation

  private List<Tag> tags(String resourceId) {
    return new TreeMap<>(engine.tagsOf(resourceId)).entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private String arn(String sgId) {
    return "arn:aws:ec2:" + account.region() + ":" + account.accountId() + ":security-group/" + sgId;
  }

  private Vpc vpc(Ec2State.Vpc v) {
    return Vpc.builder().vpcId(v.id).cidrBlock(v.cidr).isDefault(v.isDefault).state("available")
        .instanceTenancy("default").dhcpOptionsId(v.dhcpOptionsId).ownerId(account.accountId())
        .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder().cidrBlock(v.cidr)
            .associationId("vpc-cidr-assoc-" + v.id.substring(4))
            .cidrBlockState(s -> s.state("associated")).build())
        .tags(tags(v.id)).build();
  }

  private Subnet subnet(Ec2State.Subnet s) {
    return Subnet.builder().subnetId(s.id).vpcId(s.vpcId).cidrBlock(s.cidr).availabilityZone(s.availabilityZone)
        .availabilityZoneId(s.availabilityZoneId).defaultForAz(s.defaultForAz)
        .mapPublicIpOnLaunch(s.mapPublicIpOnLaunch).availableIpAddressCount(s.availableIpAddressCount)
        .state("available").ownerId(account.accountId()).assignIpv6AddressOnCreation(false)
        .subnetArn("arn:aws:ec2:" + account.region() + ":" + account.accountId() + ":subnet/" + s.id)
        .tags(tags(s.id)).build();
  }

  private RouteTable routeTable(Ec2State.RouteTable t) {
    List<RouteTableAssociation> assocs = new ArrayList<>();
    if (t.main) {
      assocs.add(RouteTableAssociation.builder().main(true).routeTableAssociationId(t.mainAssociationId)
          .routeTableId(t.id).associationState(s -> s.state("associated")).build());
    }
    t.subnetAssociations.forEach((subnet, assoc) -> assocs.add(RouteTableAssociation.builder().main(false)
        .routeTableAssociationId(assoc).routeTableId(t.id).subnetId(subnet)
        .associationState(s -> s.state("associated")).build()));
    return RouteTable.builder().routeTableId(t.id).vpcId(t.vpcId).ownerId(account.accountId())
        .routes(t.routes.stream().map(x -> Route.builder().destinationCidrBlock(x.destination).gatewayId(x.gatewayId)
            .state("active").origin(x.gatewayId.equals("local") ? "CreateRouteTable" : "CreateRoute").build()).toList())
        .associations(assocs).tags(tags(t.id)).build();
  }

  private SecurityGroup securityGroup(Ec2State.SecurityGroup g) {
    return SecurityGroup.builder().groupId(g.id).groupName(g.name).description(g.description).vpcId(g.vpcId)
        .ownerId(account.accountId()).securityGroupArn(arn(g.id))
        .ipPermissions(permissions(g.ingress)).ipPermissionsEgress(permissions(g.egress))
        .tags(tags(g.id)).build();
  }

  /** Groups one-peer rules back into IpPermissions the way EC2 reports them: one per protocol and port range. */
  private List<IpPermission> permissions(List<Ec2State.Rule> rules) {
    Map<String, List<Ec2State.Rule>> byRange = new LinkedHashMap<>();
    for (Ec2State.Rule r : rules) {
      byRange.computeIfAbsent(r.protocol + "/" + r.fromPort + "/" + r.toPort, k -> new ArrayList<>()).add(r);
    }
    List<IpPermission> out = new ArrayList<>();
    for (List<Ec2State.Rule> same : byRange.values()) {
      Ec2State.Rule first = same.get(0);
      out.add(IpPermission.builder().ipProtocol(first.protocol).fromPort(first.fromPort).toPort(first.toPort)
          .ipRanges(same.stream().filter(r -> r.cidr != null)
              .map(r -> IpRange.builder().cidrIp(r.cidr).description(r.description).build()).toList())
          .userIdGroupPairs(same.stream().filter(r -> r.groupId != null)
              .map(r -> UserIdGroupPair.builder().groupId(r.groupId).userId(account.accountId())
                  .description(r.description).build()).toList())
          .ipv6Ranges(List.of()).prefixListIds(List.of())
          .build());
    }
    return out;
  }

  private SecurityGroupRule rule(Ec2State.SecurityGroup g, Ec2State.Rule r, boolean egress) {
    return SecurityGroupRule.builder().securityGroupRuleId(r.id).groupId(g.id).groupOwnerId(account.accountId())
        .isEgress(egress).ipProtocol(r.protocol)
        .fromPort(r.fromPort == null ? -1 : r.fromPort).toPort(r.toPort == null ? -1 : r.toPort)
        .cidrIpv4(r.cidr).description(r.description)
        .referencedGroupInfo(r.groupId == null ? null
            : ReferencedSecurityGroup.builder().groupId(r.groupId).userId(account.accountId()).build())
        .securityGroupRuleArn("arn:aws:ec2:" + account.region() + ":" + account.accountId()
            + ":security-group-rule/" + r.id)
        .build();
  }

  private static RevokedSecurityGroupRule revoked(Ec2State.SecurityGroup g, Ec2State.Rule r, boolean egress) {
    return RevokedSecurityGroupRule.builder().securityGroupRuleId(r.id).groupId(g.id).isEgress(egress)
        .ipProtocol(r.protocol).fromPort(r.fromPort == null ? -1 : r.fromPort)
        .toPort(r.toPort == null ? -1 : r.toPort).cidrIpv4(r.cidr).referencedGroupId(r.groupId)
        .description(r.description).build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
