package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 security groups: find by VPC and name, create with tags, inbound TCP rules, delete. */
public final class SecurityGroups {
  static final String DUPLICATE_RULE = "InvalidPermission.Duplicate";
  private final AwsClients clients;

  public SecurityGroups(AwsClients clients) {
    this.clients = clients;
  }

  private Ec2Client ec2() {
    return clients.ec2();
  }

  public Optional<SecurityGroupInfo> find(String vpcId, String name) {
    return ec2().describeSecurityGroupsPaginator(r -> r.filters(
            Filter.builder().name("vpc-id").values(vpcId).build(),
            Filter.builder().name("group-name").values(name).build()))
        .securityGroups().stream().findFirst().map(SecurityGroups::info);
  }

  public List<SecurityGroupInfo> list(String vpcId) {
    return ec2().describeSecurityGroupsPaginator(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
        .securityGroups().stream().map(SecurityGroups::info).toList();
  }

  /** Creates the group; returns its id. A new group admits nothing and may send anything. */
  public String create(String vpcId, String name, String description, Map<String, String> tags) {
    return ec2().createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(description)
        .tagSpecifications(t -> t.resourceType(ResourceType.SECURITY_GROUP).tags(tags.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))).groupId();
  }

  /** Admits TCP {@code port} from {@code cidr}; a rule that is already there counts as done. */
  public void allowFromCidr(String groupId, int port, String cidr) {
    authorize(groupId, IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
        .ipRanges(r -> r.cidrIp(cidr)).build());
  }

  /** Admits TCP {@code port} from members of {@code sourceGroupId}; an existing rule counts as done. */
  public void allowFromGroup(String groupId, int port, String sourceGroupId) {
    authorize(groupId, IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
        .userIdGroupPairs(p -> p.groupId(sourceGroupId)).build());
  }

  /**
   * Stops admitting TCP {@code port} from {@code cidr}; a rule already gone counts as done (EC2 API Reference,
   * RevokeSecurityGroupIngress: InvalidPermission.NotFound).
   */
  public void revokeFromCidr(String groupId, int port, String cidr) {
    try {
      ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
          .fromPort(port).toPort(port).ipRanges(i -> i.cidrIp(cidr)).build()));
    } catch (AwsServiceException e) {
      if (e.awsErrorDetails() == null || !"InvalidPermission.NotFound".equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
    }
  }

  private void authorize(String groupId, IpPermission permission) {
    try {
      ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission));
    } catch (AwsServiceException e) {
      if (e.awsErrorDetails() == null || !DUPLICATE_RULE.equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
    }
  }

  public void delete(String groupId) {
    ec2().deleteSecurityGroup(r -> r.groupId(groupId));
  }

  private static SecurityGroupInfo info(SecurityGroup g) {
    var rules = new ArrayList<SecurityGroupInfo.Ingress>();
    for (IpPermission p : g.ipPermissions()) {
      p.ipRanges().forEach(r -> rules.add(new SecurityGroupInfo.Ingress(p.ipProtocol(), p.fromPort(), p.toPort(),
          r.cidrIp(), null)));
      p.userIdGroupPairs().forEach(pair -> rules.add(new SecurityGroupInfo.Ingress(p.ipProtocol(), p.fromPort(),
          p.toPort(), null, pair.groupId())));
    }
    var tags = new TreeMap<String, String>();
    g.tags().forEach(t -> tags.put(t.key(), t.value()));
    return new SecurityGroupInfo(g.groupId(), g.groupName(), g.vpcId(), g.description(), rules, tags);
  }
}
