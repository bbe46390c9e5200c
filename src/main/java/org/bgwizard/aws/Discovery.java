package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/** What already exists, for "use existing" choices and for planning. Every listing follows every page. */
public final class Discovery {
  /** DescribeClusters takes at most 100 clusters per call. */
  private static final int CLUSTER_BATCH = 100;
  private final AwsClients clients;

  public Discovery(AwsClients clients) {
    this.clients = clients;
  }

  private Ec2Client ec2() {
    return clients.ec2();
  }

  public List<VpcInfo> vpcs() {
    return ec2().describeVpcsPaginator(r -> { }).vpcs().stream().map(Discovery::info).toList();
  }

  public Optional<VpcInfo> defaultVpc() {
    return ec2().describeVpcsPaginator(r -> r.filters(Filter.builder().name("is-default").values("true").build()))
        .vpcs().stream().findFirst().map(Discovery::info);
  }

  public Optional<VpcInfo> vpc(String vpcId) {
    return ec2().describeVpcsPaginator(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
        .vpcs().stream().findFirst().map(Discovery::info);
  }

  /** The VPC's subnets with their zone and whether they are public (main route table included). */
  public List<SubnetInfo> subnets(String vpcId) {
    Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
    List<RouteTable> tables = ec2().describeRouteTablesPaginator(r -> r.filters(inVpc)).routeTables().stream()
        .toList();
    var out = new ArrayList<SubnetInfo>();
    for (Subnet s : ec2().describeSubnetsPaginator(r -> r.filters(inVpc)).subnets()) {
      out.add(new SubnetInfo(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidrBlock(),
          routesToInternet(tableOf(s.subnetId(), tables)), Boolean.TRUE.equals(s.defaultForAz())));
    }
    return out;
  }

  public List<SecurityGroupInfo> securityGroups(String vpcId) {
    return new SecurityGroups(clients).list(vpcId);
  }

  public List<LoadBalancerListing> loadBalancers() {
    var lbs = new LoadBalancers(clients);
    return lbs.loadBalancers().stream()
        .map(lb -> new LoadBalancerListing(lb, lbs.listeners(lb.arn())))
        .toList();
  }

  public List<ClusterInfo> clusters() {
    List<String> arns = new EcsResources(clients).clusterArns();
    var out = new ArrayList<ClusterInfo>();
    for (int i = 0; i < arns.size(); i += CLUSTER_BATCH) {
      var batch = arns.subList(i, Math.min(arns.size(), i + CLUSTER_BATCH));
      clients.ecs().describeClusters(r -> r.clusters(batch).include(ClusterField.TAGS)).clusters()
          .forEach(c -> out.add(new ClusterInfo(c.clusterName(), c.clusterArn(), c.status(),
              c.activeServicesCount() == null ? 0 : c.activeServicesCount())));
    }
    return out;
  }

  public List<RoleInfo> roles() {
    return new IamRoles(clients).list();
  }

  public List<RepositoryInfo> repositories() {
    return new Repositories(clients).list();
  }

  /** The subnet's explicitly associated route table, else the VPC's main one. */
  private static Optional<RouteTable> tableOf(String subnetId, List<RouteTable> tables) {
    return tables.stream()
        .filter(t -> t.associations().stream().anyMatch(a -> subnetId.equals(a.subnetId())))
        .findFirst()
        .or(() -> tables.stream()
            .filter(t -> t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())))
            .findFirst());
  }

  private static boolean routesToInternet(Optional<RouteTable> table) {
    return table.map(t -> t.routes().stream().anyMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock())
        && r.gatewayId() != null && r.gatewayId().startsWith("igw-"))).orElse(false);
  }

  private static VpcInfo info(Vpc v) {
    String name = v.tags().stream().filter(t -> t.key().equals("Name")).map(Tag::value).findFirst().orElse(null);
    return new VpcInfo(v.vpcId(), v.cidrBlock(), Boolean.TRUE.equals(v.isDefault()), name);
  }
}
