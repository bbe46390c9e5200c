package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.bgwizard.aws.LoadBalancerInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The Application Load Balancer. Apply does not wait for it to become active: AWS accepts listeners, the ECS
 * service and the CodeDeploy deployment group while it is still provisioning (Amazon ECS Developer Guide, "Creating a
 * service using a blue/green deployment": listeners are created right after the load balancer, no wait; the service and
 * deployment group inferred), so waiting there, as CloudFormation and Terraform do, would only delay everything after
 * it by two to three minutes.
 */
final class LoadBalancerStep extends AwsStep<LoadBalancerInfo> {
  private static final Duration GONE_POLL = Duration.ofSeconds(15);
  private static final Duration GONE_TIMEOUT = Duration.ofMinutes(10);
  private final String existingArn;
  private final ResourceRef securityGroup;

  /** @param securityGroup the load balancer's security group step; null for an existing load balancer */
  LoadBalancerStep(Setup setup, ResourceRef securityGroup) {
    super(setup, ResourceKind.LOAD_BALANCER, nameOf(setup), setup.spec().loadBalancer().isExisting() ? Origin.REUSE
        : Origin.CREATE, securityGroup == null ? List.of() : List.of(securityGroup), Duration.ofSeconds(3));
    this.existingArn = setup.spec().loadBalancer().isExisting() ? setup.spec().loadBalancer().existingArn() : null;
    this.securityGroup = securityGroup;
  }

  /** The name of the setup's load balancer, also of an existing one given by ARN. */
  static String nameOf(Setup setup) {
    var lb = setup.spec().loadBalancer();
    return lb.isExisting() ? nameInArn(lb.existingArn()) : lb.name();
  }

  /** {@code arn:…:loadbalancer/app/<name>/<id>} → name. */
  static String nameInArn(String loadBalancerArn) {
    String[] parts = loadBalancerArn.split("/");
    return parts.length >= 3 ? parts[parts.length - 2] : loadBalancerArn;
  }

  private String name() {
    return ref().name();
  }

  @Override
  Optional<LoadBalancerInfo> lookUp() throws Exception {
    return lookUpShared(setup);
  }

  /** The setup's load balancer, read once per discovery: its listeners' steps look it up too. */
  static Optional<LoadBalancerInfo> lookUpShared(Setup setup) throws Exception {
    var lb = setup.spec().loadBalancer();
    var elb = setup.aws().elb();
    return setup.lookups().once("load balancer " + (lb.isExisting() ? lb.existingArn() : lb.name()), () -> lb.isExisting() ? elb.findLoadBalancerByArn(lb.existingArn())
        : elb.findLoadBalancer(lb.name()));
  }

  @Override
  PlanStatus compare(LoadBalancerInfo found) {
    List<Change> fixed = Stream.of(Change.of("type", found.type(), "application"),
        Change.of("scheme", found.scheme(), "internet-facing"),
        Change.of("VPC", found.vpcId(), setup.network().vpcId())).filter(Objects::nonNull).toList();
    if (fixed.isEmpty()) {
      return PlanStatus.update(List.of());
    }
    if (origin() == Origin.REUSE) {
      var problems = new ArrayList<String>();
      if (!"application".equals(found.type())) {
        problems.add("The load balancer " + name() + " is of type " + found.type() + "; blue/green with test traffic"
            + " needs an Application Load Balancer");
      }
      if (!setup.network().vpcId().equals(found.vpcId())) {
        problems.add("The load balancer " + name() + " is in " + found.vpcId() + ", but the setup's tasks run in "
            + setup.network().vpcId());
      }
      return problems.isEmpty() ? PlanStatus.update(List.of()) : PlanStatus.refuse(problems);
    }
    return PlanStatus.replace(fixed, "AWS cannot change a load balancer's type, scheme or VPC: CreateLoadBalancer"
        + " sets them for good, and no Modify call takes them (Elastic Load Balancing API Reference,"
        + " CreateLoadBalancer, SetSubnets)", "a new load balancer with a new DNS name: the production URL http://"
        + found.dnsName() + "/ stops working and every client must use the new one; its listeners are made again"
        + " and the deployment group follows them", "aws elbv2 delete-load-balancer --load-balancer-arn "
        + found.arn() + " && " + cliEquivalent());
  }

  @Override
  String idOf(LoadBalancerInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var elb = setup.aws().elb();
    Optional<LoadBalancerInfo> found = call(ctx, "elbv2 DescribeLoadBalancers " + name(), () -> existingArn != null
        ? elb.findLoadBalancerByArn(existingArn) : elb.findLoadBalancer(name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    if (origin() == Origin.REUSE) {
      return withTags(outcome(found.orElseThrow(() -> new IllegalStateException("The load balancer " + existingArn
          + " does not exist"))));
    }
    if (found.isPresent()) {
      return withTags(outcome(found.get()));
    }
    ctx.beforeCreate();
    String group = ctx.output(securityGroup, "id");
    LoadBalancerInfo lb = call(ctx, "elbv2 CreateLoadBalancer " + name(),
        () -> elb.createLoadBalancer(name(), setup.network().subnetIds(), List.of(group), setup.tags()));
    ctx.created(Map.of("arn", lb.arn(), "dnsName", lb.dnsName()));
    return withTags(outcome(lb));
  }

  private static StepOutcome outcome(LoadBalancerInfo lb) {
    return StepOutcome.of("arn", lb.arn(), "name", lb.name(), "dnsName", lb.dnsName(), "securityGroups",
        String.join(",", lb.securityGroups()));
  }

  /** Deletes it and waits until it is gone, so that its security group and target groups can go too. */
  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    var elb = setup.aws().elb();
    Optional<String> arn = entry.output("arn");
    if (arn.isEmpty()) {
      arn = call(ctx, "elbv2 DescribeLoadBalancers " + name(), () -> elb.findLoadBalancer(name()))
          .map(LoadBalancerInfo::arn);
    }
    if (arn.isEmpty()) {
      return;
    }
    String lbArn = arn.get();
    run(ctx, "elbv2 DeleteLoadBalancer " + name(), () -> elb.deleteLoadBalancer(lbArn));
    ctx.awaitUntil(() -> elb.findLoadBalancerByArn(lbArn).isEmpty(), GONE_POLL, GONE_TIMEOUT,
        "the load balancer " + name() + " to be deleted");
  }

  @Override
  public String cliEquivalent() {
    if (existingArn != null) {
      return "aws elbv2 describe-load-balancers --load-balancer-arns " + existingArn;
    }
    return "aws elbv2 create-load-balancer --name " + name() + " --type application --scheme internet-facing"
        + " --subnets " + String.join(" ", setup.network().subnetIds()) + " --security-groups <" + securityGroup.name()
        + " id> --tags " + setup.cliTag();
  }
}
