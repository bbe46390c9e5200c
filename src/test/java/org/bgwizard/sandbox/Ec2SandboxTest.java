package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.Vpc;

class Ec2SandboxTest {
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  Ec2Client ec2;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    ec2 = sandbox.ec2();
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  private String defaultVpc() {
    return ec2.describeVpcs(b -> b.filters(filter("is-default", "true"))).vpcs().get(0).vpcId();
  }

  private String createGroup(String name) {
    return ec2.createSecurityGroup(b -> b.groupName(name).description(name + " group").vpcId(defaultVpc())).groupId();
  }

  private void allowTcp(String groupId, int port, String fromGroupId) {
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(groupId).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(port).toPort(port).userIdGroupPairs(p -> p.groupId(fromGroupId)).build()));
  }

  private SecurityGroup group(String id) {
    return ec2.describeSecurityGroups(b -> b.groupIds(id)).securityGroups().get(0);
  }

  @Test
  void freshAccount_hasTheDefaultVpcWithOnePublicDefaultSubnetPerZone() {
    Vpc vpc = ec2.describeVpcs().vpcs().get(0);
    assertEquals("172.31.0.0/16", vpc.cidrBlock());
    assertTrue(vpc.isDefault());
    assertTrue(vpc.vpcId().matches("vpc-[0-9a-f]{17}"));

    List<Subnet> subnets = ec2.describeSubnets(b -> b.filters(filter("vpc-id", vpc.vpcId()))).subnets();
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"),
        subnets.stream().map(Subnet::availabilityZone).sorted().toList());
    assertEquals(List.of("172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20"),
        subnets.stream().map(Subnet::cidrBlock).sorted().toList());
    for (Subnet s : subnets) {
      assertTrue(s.defaultForAz() && s.mapPublicIpOnLaunch());
      assertEquals(4091, s.availableIpAddressCount());
      assertTrue(sandbox.ports.network.isPublic(s.subnetId()));
      assertEquals(Optional.of(s.availabilityZone()), sandbox.ports.network.availabilityZoneOf(s.subnetId()));
    }
    assertEquals(vpc.vpcId(), sandbox.ports.network.defaultVpcId());
  }

  @Test
  void freshAccount_routesTheWorldToItsInternetGateway() {
    String igw = ec2.describeInternetGateways(b -> b.filters(filter("attachment.vpc-id", defaultVpc())))
        .internetGateways().get(0).internetGatewayId();

    RouteTable main = ec2.describeRouteTables(b -> b.filters(filter("association.main", "true"))).routeTables().get(0);
    assertTrue(main.routes().stream().anyMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock())
        && igw.equals(r.gatewayId())));
    assertTrue(main.routes().stream().anyMatch(r -> "local".equals(r.gatewayId())));
  }

  @Test
  void freshAccount_defaultSecurityGroupAdmitsItselfAndAllowsAllOut() {
    SecurityGroup sg = ec2.describeSecurityGroups(b -> b.filters(filter("group-name", "default"))).securityGroups()
        .get(0);

    assertEquals("default VPC security group", sg.description());
    IpPermission in = sg.ipPermissions().get(0);
    assertEquals("-1", in.ipProtocol());
    assertEquals(sg.groupId(), in.userIdGroupPairs().get(0).groupId());
    IpPermission out = sg.ipPermissionsEgress().get(0);
    assertEquals("-1", out.ipProtocol());
    assertEquals("0.0.0.0/0", out.ipRanges().get(0).cidrIp());
    assertAwsError(Ec2Exception.class, "CannotDelete", "cannot be deleted by a user",
        () -> ec2.deleteSecurityGroup(b -> b.groupId(sg.groupId())));
  }

  @Test
  void describePaginators_walkVpcsRouteTablesAndInternetGateways() {
    assertEquals(1, ec2.describeVpcsPaginator(b -> b.maxResults(5)).vpcs().stream().count());
    assertEquals(1, ec2.describeRouteTablesPaginator(b -> b.maxResults(5).filters(filter("vpc-id", defaultVpc())))
        .routeTables().stream().count());
    assertEquals(1, ec2.describeInternetGatewaysPaginator(b -> b.maxResults(5)).internetGateways().stream().count());
    assertAwsError(Ec2Exception.class, "InvalidParameterValue", "maxResults",
        () -> ec2.describeVpcs(b -> b.maxResults(2)));
  }

  @Test
  void describeAvailabilityZones_namesZonesAfterTheRegion() {
    Sandbox tokyo = Sandbox.inMemory("ap-northeast-1", clock);

    List<AvailabilityZone> zones = tokyo.ec2().describeAvailabilityZones().availabilityZones();
    assertEquals(List.of("ap-northeast-1a", "ap-northeast-1b", "ap-northeast-1c"),
        zones.stream().map(AvailabilityZone::zoneName).toList());
    assertEquals("apne1-az2", zones.get(1).zoneId());
    assertEquals("use1-az1", ec2.describeAvailabilityZones(b -> b.zoneNames("us-east-1a")).availabilityZones()
        .get(0).zoneId());
  }

  @Test
  void describeSubnets_filtersByZoneDefaultForAzAndTag_withThePaginator() {
    List<Subnet> all = ec2.describeSubnets().subnets();
    String tagged = all.get(1).subnetId();
    ec2.createTags(b -> b.resources(tagged).tags(Tag.builder().key("tier").value("public").build()));

    assertEquals(1, ec2.describeSubnetsPaginator(b -> b.maxResults(5)
        .filters(filter("availability-zone", "us-east-1b"), filter("default-for-az", "true"))).subnets().stream()
        .count());
    assertEquals(List.of(tagged), ec2.describeSubnetsPaginator(b -> b.filters(filter("tag:tier", "pub*")))
        .subnets().stream().map(Subnet::subnetId).toList());
    assertEquals(3, ec2.describeSubnetsPaginator(b -> b.maxResults(5)).subnets().stream().count());
  }

  @Test
  void describeSubnets_unknownIdOrFilter_isRejected() {
    assertAwsError(Ec2Exception.class, "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist",
        () -> ec2.describeSubnets(b -> b.subnetIds("subnet-0123456789abcdef0")));
    assertAwsError(Ec2Exception.class, "InvalidSubnetID.Malformed", "Invalid id",
        () -> ec2.describeSubnets(b -> b.subnetIds("subnet-xyz")));
    assertAwsError(Ec2Exception.class, "InvalidParameterValue", "The filter 'colour' is invalid",
        () -> ec2.describeSubnets(b -> b.filters(filter("colour", "blue"))));
  }

  @Test
  void createSecurityGroup_sameNameInTheVpcInAnyCase_isInvalidGroupDuplicate() {
    createGroup("demo-alb");

    assertAwsError(Ec2Exception.class, "InvalidGroup.Duplicate",
        "The security group 'DEMO-alb' already exists for VPC '" + defaultVpc() + "'", () -> createGroup("DEMO-alb"));
  }

  @Test
  void createSecurityGroup_inAMissingVpc_orNamedLikeAnId_isRejected() {
    assertAwsError(Ec2Exception.class, "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist",
        () -> ec2.createSecurityGroup(b -> b.groupName("x").description("x").vpcId("vpc-0123456789abcdef0")));
    assertAwsError(Ec2Exception.class, "InvalidParameterValue", "sg-*",
        () -> ec2.createSecurityGroup(b -> b.groupName("sg-mine").description("x")));
  }

  @Test
  void createSecurityGroup_withTagSpecifications_isTagged_andAllowsAllOutbound() {
    String id = ec2.createSecurityGroup(b -> b.groupName("demo-task").description("tasks").tagSpecifications(
        t -> t.resourceType("security-group").tags(Tag.builder().key("bgwizard:setup").value("demo").build())))
        .groupId();

    SecurityGroup sg = group(id);
    assertEquals(defaultVpc(), sg.vpcId());
    assertEquals("demo", sg.tags().get(0).value());
    assertTrue(sg.ipPermissions().isEmpty());
    assertEquals("0.0.0.0/0", sg.ipPermissionsEgress().get(0).ipRanges().get(0).cidrIp());
  }

  @Test
  void authorizeIngress_sameRuleTwice_isInvalidPermissionDuplicate() {
    String alb = createGroup("demo-alb");
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(alb).ipPermissions(IpPermission.builder().ipProtocol("tcp")
        .fromPort(80).toPort(80).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build()));

    assertAwsError(Ec2Exception.class, "InvalidPermission.Duplicate",
        "peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW",
        () -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(alb).ipPermissions(IpPermission.builder()
            .ipProtocol("6").fromPort(80).toPort(80).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build())));
  }

  @Test
  void authorizeIngress_fromAnotherGroup_opensOnlyThatPortToThatGroup() {
    String alb = createGroup("demo-alb");
    String task = createGroup("demo-task");
    allowTcp(task, 80, alb);

    IpPermission p = group(task).ipPermissions().get(0);
    assertEquals(alb, p.userIdGroupPairs().get(0).groupId());
    assertTrue(sandbox.ports.network.allowsIngress(task, alb, 80));
    assertFalse(sandbox.ports.network.allowsIngress(task, alb, 8080));
    assertFalse(sandbox.ports.network.allowsIngress(alb, task, 80));
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(task).ipPermissions(IpPermission.builder().ipProtocol("tcp")
        .fromPort(8000).toPort(8100).ipRanges(r -> r.cidrIp("172.31.0.0/16")).build()));
    assertTrue(sandbox.ports.network.allowsIngress(task, alb, 8080), "a rule for the whole VPC admits the ALB");
  }

  @Test
  void authorizeIngress_badCidrOrMissingPorts_orUnknownPeer_isRejected() {
    String alb = createGroup("demo-alb");

    assertAwsError(Ec2Exception.class, "InvalidParameterValue", "CIDR block 10.0.0.300/8 is malformed",
        () -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(alb).ipPermissions(IpPermission.builder()
            .ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(r -> r.cidrIp("10.0.0.300/8")).build())));
    assertAwsError(Ec2Exception.class, "InvalidParameterValue", "Must specify both from and to ports",
        () -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(alb).ipPermissions(IpPermission.builder()
            .ipProtocol("tcp").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build())));
    assertAwsError(Ec2Exception.class, "InvalidGroup.NotFound", "sg-0123456789abcdef0",
        () -> allowTcp(alb, 80, "sg-0123456789abcdef0"));
  }

  @Test
  void revokeIngress_ruleThatDoesNotExist_isInvalidPermissionNotFound() {
    String alb = createGroup("demo-alb");

    assertAwsError(Ec2Exception.class, "InvalidPermission.NotFound", "does not exist in this security group",
        () -> ec2.revokeSecurityGroupIngress(b -> b.groupId(alb).ipPermissions(IpPermission.builder()
            .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build())));
  }

  @Test
  void deleteSecurityGroup_referencedByAnotherGroup_isDependencyViolation_untilTheRuleIsRevoked() {
    String alb = createGroup("demo-alb");
    String task = createGroup("demo-task");
    allowTcp(task, 80, alb);

    assertAwsError(Ec2Exception.class, "DependencyViolation", "resource " + alb + " has a dependent object",
        () -> ec2.deleteSecurityGroup(b -> b.groupId(alb)));
    ec2.revokeSecurityGroupIngress(b -> b.groupId(task).ipPermissions(IpPermission.builder().ipProtocol("tcp")
        .fromPort(80).toPort(80).userIdGroupPairs(p -> p.groupId(alb)).build()));
    ec2.deleteSecurityGroup(b -> b.groupId(alb));

    assertFalse(sandbox.ports.network.securityGroupExists(alb));
    assertAwsError(Ec2Exception.class, "InvalidGroup.NotFound", "The security group '" + alb + "' does not exist",
        () -> group(alb));
  }

  @Test
  void deleteSecurityGroup_usedByAnotherService_isDependencyViolation() {
    String alb = createGroup("demo-alb");
    sandbox.ports.network.addUsageCheck(id -> id.equals(alb) ? Optional.of("load balancer demo") : Optional.empty());

    assertAwsError(Ec2Exception.class, "DependencyViolation", "has a dependent object",
        () -> ec2.deleteSecurityGroup(b -> b.groupId(alb)));
    String other = createGroup("other");
    ec2.deleteSecurityGroup(b -> b.groupId(other));
  }

  @Test
  void describeSecurityGroups_paginatesWithTheSdkPaginator_andFiltersByTag() {
    for (int i = 0; i < 7; i++) {
      String id = createGroup("g" + i);
      if (i % 2 == 0) {
        ec2.createTags(b -> b.resources(id).tags(Tag.builder().key("bgwizard:setup").value("demo").build()));
      }
    }

    assertEquals(8, ec2.describeSecurityGroupsPaginator(b -> b.maxResults(5)).securityGroups().stream().count());
    assertEquals(4, ec2.describeSecurityGroupsPaginator(b -> b.maxResults(5)
        .filters(filter("tag:bgwizard:setup", "demo"))).securityGroups().stream().count());
    assertEquals(4, ec2.describeTagsPaginator(b -> b.maxResults(5).filters(filter("key", "bgwizard:setup")))
        .tags().stream().map(TagDescription::resourceTypeAsString).filter("security-group"::equals).count());
  }

  @Test
  void createTags_onMissingResource_orWithAwsPrefix_isRejected() {
    assertAwsError(Ec2Exception.class, "InvalidGroup.NotFound", "does not exist",
        () -> ec2.createTags(b -> b.resources("sg-0123456789abcdef0").tags(Tag.builder().key("a").value("b").build())));
    String vpc = defaultVpc();
    assertAwsError(Ec2Exception.class, "InvalidParameterValue", "reserved",
        () -> ec2.createTags(b -> b.resources(vpc).tags(Tag.builder().key("aws:x").value("b").build())));
  }

  @Test
  void egressRules_areAuthorizedAndRevokedByContentOrRuleId() {
    String alb = createGroup("demo-alb");
    String task = createGroup("demo-task");
    var added = ec2.authorizeSecurityGroupEgress(b -> b.groupId(alb).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(80).toPort(80).userIdGroupPairs(p -> p.groupId(task)).build()))
        .securityGroupRules().get(0);
    assertTrue(added.isEgress());
    assertTrue(added.securityGroupRuleId().matches("sgr-[0-9a-f]{17}"));

    ec2.revokeSecurityGroupEgress(b -> b.groupId(alb).securityGroupRuleIds(added.securityGroupRuleId()));
    ec2.revokeSecurityGroupEgress(b -> b.groupId(alb).ipPermissions(IpPermission.builder().ipProtocol("-1")
        .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build()));
    assertTrue(group(alb).ipPermissionsEgress().isEmpty());
    assertAwsError(Ec2Exception.class, "InvalidSecurityGroupRuleId.NotFound", added.securityGroupRuleId(),
        () -> ec2.revokeSecurityGroupEgress(b -> b.groupId(alb).securityGroupRuleIds(added.securityGroupRuleId())));
  }

  @Test
  void authorizeIngress_beyondSixtyRules_isRulesPerSecurityGroupLimitExceeded() {
    String alb = createGroup("demo-alb");
    for (int port = 1; port <= 60; port++) {
      int p = port;
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(alb).ipProtocol("tcp").fromPort(p).toPort(p).cidrIp("10.0.0.0/8"));
    }

    assertAwsError(Ec2Exception.class, "RulesPerSecurityGroupLimitExceeded", "maximum number of rules",
        () -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(alb).ipProtocol("tcp").fromPort(61).toPort(61)
            .cidrIp("10.0.0.0/8")));
  }

  @Test
  void deleteTags_removesAKeyWhateverItsValueWhenNoValueIsGiven() {
    String alb = createGroup("demo-alb");
    ec2.createTags(b -> b.resources(alb).tags(Tag.builder().key("a").value("1").build(),
        Tag.builder().key("b").value("2").build()));
    ec2.deleteTags(b -> b.resources(alb).tags(Tag.builder().key("a").build(), Tag.builder().key("b").value("x").build()));

    assertEquals(List.of("b"), group(alb).tags().stream().map(Tag::key).toList());
  }

  @Test
  void savedAccount_reopened_keepsTheSameDefaultNetworkGroupsAndTags(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    Sandbox first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE);
    String vpc = first.ec2().describeVpcs().vpcs().get(0).vpcId();
    String sg = first.ec2().createSecurityGroup(b -> b.groupName("demo-alb").description("alb")).groupId();
    first.ec2().createTags(b -> b.resources(sg).tags(Tag.builder().key("bgwizard:setup").value("demo").build()));

    Sandbox second = BasicServiceAssertions.reopen(file);
    assertEquals(List.of(vpc), second.ec2().describeVpcs().vpcs().stream().map(Vpc::vpcId).toList());
    assertEquals("demo", second.ec2().describeSecurityGroups(b -> b.groupIds(sg)).securityGroups().get(0).tags()
        .get(0).value());
    assertEquals(first.account().snapshotJson(), second.account().snapshotJson());
  }
}
