package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.SecurityGroupInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * A security group: the load balancer's admits the production and test ports from the allowed CIDR (and, in the
 * setup's own group, no longer a port a listener moved away from); the service's admits the container port from the
 * load balancer's groups only.
 */
final class SecurityGroupStep extends AwsStep<SecurityGroupInfo> {
  private static final Duration FREE_POLL = Duration.ofSeconds(15);
  private static final Duration FREE_TIMEOUT = Duration.ofMinutes(10);

  private final String description;
  private final String cidr;
  private final List<Integer> cidrPorts;
  private final int groupPort;
  private final List<ResourceRef> sourceGroupSteps;
  private final List<String> sourceGroupIds;

  private SecurityGroupStep(Setup setup, String name, String description, String cidr, List<Integer> cidrPorts,
      int groupPort, List<ResourceRef> sourceGroupSteps, List<String> sourceGroupIds) {
    super(setup, ResourceKind.SECURITY_GROUP, name, Origin.CREATE, sourceGroupSteps, Duration.ofSeconds(2));
    this.description = description;
    this.cidr = cidr;
    this.cidrPorts = List.copyOf(cidrPorts);
    this.groupPort = groupPort;
    this.sourceGroupSteps = List.copyOf(sourceGroupSteps);
    this.sourceGroupIds = List.copyOf(sourceGroupIds);
  }

  static SecurityGroupStep forLoadBalancer(Setup setup) {
    var lb = setup.spec().loadBalancer();
    return forLoadBalancer(setup, List.of(lb.productionPort(), lb.testPort()));
  }

  /** The load balancer's group admitting {@code ports}: on a load balancer environments share, every listener's. */
  static SecurityGroupStep forLoadBalancer(Setup setup, List<Integer> ports) {
    return new SecurityGroupStep(setup, ResourceTexts.loadBalancerGroupName(setup.spec()),
        ResourceTexts.loadBalancerGroupDescription(setup.spec()),
        setup.spec().network().ingressCidr(), ports, 0, List.of(), List.of());
  }

  /** The tasks' group, admitting the container port from the new load balancer's group or an existing one's. */
  static SecurityGroupStep forService(Setup setup, List<ResourceRef> loadBalancerGroupSteps,
      List<String> loadBalancerGroupIds) {
    return new SecurityGroupStep(setup, ResourceTexts.serviceGroupName(setup.spec()),
        ResourceTexts.serviceGroupDescription(setup.spec()), null, List.of(),
        setup.spec().container().port(), loadBalancerGroupSteps, loadBalancerGroupIds);
  }

  private String name() {
    return ref().name();
  }

  @Override
  Optional<SecurityGroupInfo> lookUp() throws Exception {
    String vpc = setup.network().vpcId();
    List<SecurityGroupInfo> groups = setup.lookups().once("security groups " + vpc,
        () -> setup.aws().securityGroups().list(vpc));
    return groups.stream().filter(g -> g.name().equalsIgnoreCase(name())).findFirst();
  }

  @Override
  PlanStatus compare(SecurityGroupInfo found) {
    var missing = new ArrayList<String>();
    for (int port : cidrPorts) {
      if (!found.admitsTcpFromCidr(port, cidr)) {
        missing.add("does not admit TCP " + port + " from " + cidr + ": the rule will be added");
      }
    }
    for (String source : sourceGroupIds) {
      if (!found.admitsTcpFromGroup(groupPort, source)) {
        missing.add("does not admit TCP " + groupPort + " from " + source + ": the rule will be added");
      }
    }
    for (int port : stalePorts(found)) {
      missing.add("admits TCP " + port + " from " + cidr + ", which no listener of the setup uses: the rule will be"
          + " removed from this setup's group (RevokeSecurityGroupIngress)");
    }
    return PlanStatus.update(missing);
  }

  /** Single TCP ports the load balancer's group admits from the setup's CIDR that are no listener's port now. */
  private List<Integer> stalePorts(SecurityGroupInfo found) {
    return cidr == null ? List.of() : found.singleTcpPortsFromCidr(cidr).stream()
        .filter(p -> !cidrPorts.contains(p)).toList();
  }

  @Override
  String idOf(SecurityGroupInfo found) {
    return found.id();
  }

  @Override
  Map<String, String> tagsOf(SecurityGroupInfo found) {
    return found.tags();
  }

  @Override
  Map<String, String> identifiers(SecurityGroupInfo found) {
    return Map.of("id", found.id(), "name", found.name(), "vpcId", found.vpcId());
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var groups = setup.aws().securityGroups();
    String vpc = setup.network().vpcId();
    Optional<SecurityGroupInfo> found = call(ctx, "ec2 DescribeSecurityGroups " + name(), () -> groups.find(vpc, name()));
    String id;
    if (found.isEmpty()) {
      ctx.beforeCreate();
      id = creating(ctx, "ec2 CreateSecurityGroup " + name(), () -> groups.create(vpc, name(), description,
          setup.tags()), () -> groups.find(vpc, name()));
      ctx.created(Map.of("id", id));
    } else {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
      id = found.get().id();
    }
    for (int port : cidrPorts) {
      if (found.isEmpty() || !found.get().admitsTcpFromCidr(port, cidr)) {
        run(ctx, "ec2 AuthorizeSecurityGroupIngress " + name() + " " + port, () -> groups.allowFromCidr(id, port, cidr));
      }
    }
    if (found.isPresent() && recordedAsOurs(ctx)) {
      for (int port : stalePorts(found.get())) {
        run(ctx, "ec2 RevokeSecurityGroupIngress " + name() + " " + port, () -> groups.revokeFromCidr(id, port, cidr));
      }
    }
    for (String source : sources(ctx)) {
      if (found.isEmpty() || !found.get().admitsTcpFromGroup(groupPort, source)) {
        run(ctx, "ec2 AuthorizeSecurityGroupIngress " + name() + " " + groupPort,
            () -> groups.allowFromGroup(id, groupPort, source));
      }
    }
    return withTags(StepOutcome.of("id", id, "name", name(), "vpcId", vpc));
  }

  private List<String> sources(StepContext ctx) {
    var ids = new ArrayList<>(sourceGroupIds);
    sourceGroupSteps.forEach(ref -> ids.add(ctx.output(ref, "id")));
    return ids;
  }

  /** Waits while network interfaces of a deleted load balancer or of stopped tasks still use the group. */
  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    var groups = setup.aws().securityGroups();
    Optional<String> id = entry.output("id");
    if (id.isEmpty()) {
      id = call(ctx, "ec2 DescribeSecurityGroups " + name(), () -> groups.find(setup.network().vpcId(), name()))
          .map(SecurityGroupInfo::id);
      if (id.isEmpty()) {
        return;
      }
    }
    String groupId = id.get();
    ctx.awaitUntil(() -> {
      try {
        groups.delete(groupId);
        return true;
      } catch (RuntimeException e) {
        if (AwsCodes.is(e, AwsCodes.DEPENDENCY_VIOLATION)) {
          return false;
        }
        throw e;
      }
    }, FREE_POLL, FREE_TIMEOUT, "the security group " + name() + " to be released by network interfaces");
  }

  @Override
  public String cliEquivalent() {
    String create = "aws ec2 create-security-group --vpc-id " + setup.network().vpcId() + " --group-name " + name()
        + " --description \"" + description + "\" --tag-specifications 'ResourceType=security-group,Tags=[{"
        + setup.cliTag() + "}]'";
    String rules = cidrPorts.stream().map(p -> "aws ec2 authorize-security-group-ingress --group-id <id> --protocol tcp"
        + " --port " + p + " --cidr " + cidr).collect(Collectors.joining(" && "));
    if (groupPort > 0) {
      rules = "aws ec2 authorize-security-group-ingress --group-id <id> --protocol tcp --port " + groupPort
          + " --source-group <load balancer group id>";
    }
    return create + " && " + rules;
  }
}
