package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bgwizard.artifacts.Appspec;
import org.bgwizard.aws.EcsResources.ServiceSpec;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.ServiceInfo;
import org.bgwizard.aws.TaskDefinitionInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The Fargate service with the CODE_DEPLOY deployment controller (catalogue row 10), behind the first target
 * group once the production listener forwards to it (row 13). Created with the journal's client token, so a
 * create repeated after a crash returns the first one's service.
 */
final class ServiceStep extends AwsStep<ServiceInfo> {
  private static final Duration GONE_POLL = Duration.ofSeconds(15);
  private static final Duration GONE_TIMEOUT = Duration.ofMinutes(10);
  private final ResourceRef cluster;
  private final ResourceRef taskDefinition;
  private final ResourceRef targetGroup;
  private final ResourceRef securityGroup;
  private final List<String> pair;

  /** @param listener the production listener: CreateService needs the target group behind it (row 13) */
  ServiceStep(Setup setup, ResourceRef cluster, ResourceRef taskDefinition, ResourceRef listener,
      ResourceRef targetGroup, ResourceRef securityGroup, List<String> pair) {
    super(setup, ResourceKind.SERVICE, setup.spec().ecs().service(), Origin.CREATE,
        List.of(cluster, taskDefinition, listener, targetGroup, securityGroup), Duration.ofSeconds(3));
    this.cluster = cluster;
    this.taskDefinition = taskDefinition;
    this.targetGroup = targetGroup;
    this.securityGroup = securityGroup;
    this.pair = List.copyOf(pair);
  }

  private String name() {
    return ref().name();
  }

  private String clusterName() {
    return setup.spec().ecs().cluster();
  }

  @Override
  Optional<ServiceInfo> lookUp() {
    return setup.aws().ecs().findService(clusterName(), name());
  }

  @Override
  PlanStatus compare(ServiceInfo found) {
    var problems = new ArrayList<String>();
    if (!"ACTIVE".equals(found.status())) {
      problems.add("The service " + name() + " is " + found.status() + " (being deleted); wait until it is gone");
    }
    for (String tg : found.targetGroupArns()) {
      if (!pair.contains(LoadBalancerStep.nameInArn(tg))) {
        problems.add("The service " + name() + " is behind the target group " + LoadBalancerStep.nameInArn(tg)
            + ", not " + String.join(" or ", pair));
      }
    }
    if (!problems.isEmpty()) {
      return PlanStatus.refuse(problems);
    }
    List<Change> fixed = fixedChanges(found);
    if (!fixed.isEmpty()) {
      return PlanStatus.replace(fixed, "AWS cannot change these on a service with the CODE_DEPLOY deployment"
          + " controller: UpdateService answers \"Unable to update load balancers on services with a CODE_DEPLOY"
          + " deployment controller\" (Amazon ECS API Reference, UpdateService: loadBalancers of blue/green services"
          + " change only through a CodeDeploy deployment), and a controller never becomes CODE_DEPLOY after"
          + " creation (catalogue rows 4, 5, 10)", "the service is deleted and created again: its tasks stop, and"
          + " the application is down until the new service's tasks are healthy", "aws ecs delete-service --cluster "
          + clusterName() + " --service " + name() + " --force && " + cliEquivalent());
    }
    int wanted = setup.spec().ecs().desiredCount();
    Change count = Change.of("desired count", found.desiredCount(), wanted);
    Change grace = graceChange(found);
    var changes = Stream.of(count, grace).filter(Objects::nonNull).toList();
    return PlanStatus.update(changes, "aws ecs update-service --cluster " + clusterName() + " --service " + name()
        + (count == null ? "" : " --desired-count " + wanted)
        + (grace == null ? "" : " --health-check-grace-period-seconds " + grace.to()));
  }

  /**
   * The grace period the setup asks for, when the service has another (a service created without one has AWS's
   * default, 0); none asked: left as it is.
   */
  private Change graceChange(ServiceInfo found) {
    Integer wanted = setup.spec().ecs().healthCheckGracePeriodSeconds();
    int has = found.healthCheckGracePeriodSeconds() == null ? 0 : found.healthCheckGracePeriodSeconds();
    return wanted == null ? null : Change.of("health check grace period (s)", has, wanted);
  }

  /** What only a new service changes: its deployment controller, and the container its load balancer routes to. */
  private List<Change> fixedChanges(ServiceInfo found) {
    var container = setup.spec().container();
    var out = new ArrayList<Change>();
    Stream.of(Change.of("deployment controller", found.controller(), "CODE_DEPLOY"),
        found.containerName() == null ? null : Change.of("load balancer container name", found.containerName(),
            container.name()),
        found.containerName() == null ? null : Change.of("load balancer container port", found.containerPort(),
            container.port())).filter(Objects::nonNull).forEach(out::add);
    return out;
  }

  @Override
  String idOf(ServiceInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var ecs = setup.aws().ecs();
    String clusterName = ctx.output(cluster, "name");
    Optional<ServiceInfo> found = call(ctx, "ecs DescribeServices " + name(), () -> ecs.findService(clusterName, name()));
    found.ifPresent(this::requireUsable);
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    int desired = setup.spec().ecs().desiredCount();
    if (found.isPresent()) {
      if (found.get().desiredCount() != desired) {
        run(ctx, "ecs UpdateService " + name() + " desiredCount", () -> ecs.setDesiredCount(clusterName, name(), desired));
      }
      if (graceChange(found.get()) != null) {
        int grace = setup.spec().ecs().healthCheckGracePeriodSeconds();
        run(ctx, "ecs UpdateService " + name() + " healthCheckGracePeriodSeconds",
            () -> ecs.setHealthCheckGracePeriod(clusterName, name(), grace));
      }
      String revision = ctx.output(taskDefinition, "arn");
      boolean newer = revisionOf(revision) > revisionOf(found.get().taskDefinition());
      String groupId = ctx.output(securityGroup, "id");
      boolean moves = !networkChanges(found.get(), groupId).isEmpty();
      if (newer || moves) {
        String deployment = rollOut(ctx, newer ? revision : found.get().taskDefinition(), moves ? groupId : null);
        return withTags(StepOutcome.of("arn", found.get().arn(), "name", name(), "cluster", clusterName, "deployment",
            deployment));
      }
      return withTags(StepOutcome.of("arn", found.get().arn(), "name", name(), "cluster", clusterName));
    }
    String token = ctx.beforeCreate();
    var spec = new ServiceSpec(clusterName, name(), ctx.output(taskDefinition, "arn"), desired,
        ctx.output(targetGroup, "arn"), setup.spec().container().name(), setup.spec().container().port(),
        setup.network().subnetIds(), List.of(ctx.output(securityGroup, "id")),
        setup.spec().network().assignPublicIp(), setup.spec().ecs().healthCheckGracePeriodSeconds());
    ServiceInfo created = call(ctx, "ecs CreateService " + name(), () -> ecs.createService(spec, token, setup.tags()));
    ctx.created(Map.of("arn", created.arn()));
    return withTags(StepOutcome.of("arn", created.arn(), "name", name(), "cluster", clusterName));
  }

  /**
   * Rolls {@code revision} out the only way a CODE_DEPLOY service takes a new task definition: a CodeDeploy
   * deployment whose appspec names it (UpdateService answers "Unable to update task definition on services with a
   * CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.", catalogue row 25). With
   * {@code groupId}, the same deployment moves the service to the setup's network, which UpdateService cannot change
   * either ("If the network configuration, platform version, task definition, or load balancer need to be updated,
   * create a new CodeDeploy deployment", Amazon ECS API Reference, UpdateService). CodeDeploy takes no idempotency
   * token, so a run resuming after a lost response finds its deployment among the group's active ones by the revision
   * (and network) its appspec names; another active deployment is waited for by the user (one at a time per group).
   */
  private String rollOut(StepContext ctx, String revision, String groupId) throws Exception {
    var codeDeploy = setup.aws().codeDeploy();
    String app = setup.spec().codeDeploy().application();
    String group = setup.spec().codeDeploy().deploymentGroup();
    List<String> active = call(ctx, "codedeploy ListDeployments " + group, () -> codeDeploy.activeDeployments(app, group));
    for (String id : active) {
      Optional<String> content = call(ctx, "codedeploy GetDeployment " + id, () -> codeDeploy.appSpecContent(id));
      if (content.filter(c -> c.contains(revision) && (groupId == null
          || Stream.concat(setup.network().subnetIds().stream(), Stream.of(groupId)).allMatch(c::contains)))
          .isPresent()) {
        ctx.progress("the deployment " + id + " already rolls out " + revision);
        return id;
      }
    }
    if (!active.isEmpty()) {
      throw new IllegalStateException("The deployment " + String.join(", ", active) + " of " + group + " is running,"
          + " and CodeDeploy runs one at a time per deployment group: apply again when it has ended, to roll out "
          + revision);
    }
    String id = call(ctx, "codedeploy CreateDeployment " + group, () -> codeDeploy.createEcsDeployment(app, group,
        appSpec(revision, groupId), "bluegreen-wizard apply: " + revision));
    ctx.progress("the deployment " + id + " rolls out " + revision);
    return id;
  }

  private String appSpec(String revision, String groupId) {
    var doc = Appspec.document(setup.spec());
    ((ObjectNode) doc.path("Resources").path(0).path("TargetService").path("Properties"))
        .put("TaskDefinition", revision);
    if (groupId != null) {
      Appspec.withNetwork(doc, setup.network().subnetIds(), List.of(groupId), setup.spec().network().assignPublicIp());
    }
    return doc.toString();
  }

  ResourceRef securityGroup() {
    return securityGroup;
  }

  /**
   * How the service's awsvpc configuration differs from the setup's subnets and public IP and the tasks' group
   * {@code groupId}; the order of subnets and groups does not matter.
   */
  List<Change> networkChanges(ServiceInfo found, String groupId) {
    if (found.subnets().isEmpty()) {
      return List.of();
    }
    var out = new ArrayList<Change>();
    Stream.of(setChange("subnets", found.subnets(), setup.network().subnetIds()),
        setChange("security groups", found.securityGroups(), List.of(groupId)),
        found.assignPublicIp() == null ? null : Change.of("assign public IP", found.assignPublicIp(), publicIp()))
        .filter(Objects::nonNull).forEach(out::add);
    return out;
  }

  private String publicIp() {
    return setup.spec().network().assignPublicIp() ? "ENABLED" : "DISABLED";
  }

  private static Change setChange(String field, List<String> found, List<String> wanted) {
    return new TreeSet<>(found).equals(new TreeSet<>(wanted)) ? null
        : new Change(field, String.join(", ", found), String.join(", ", wanted));
  }

  /** {@code …:task-definition/demo-task:7} → 7; 0 when there is none. */
  static int revisionOf(String taskDefinitionArn) {
    if (taskDefinitionArn == null || taskDefinitionArn.lastIndexOf(':') < 0) {
      return 0;
    }
    try {
      return Integer.parseInt(taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * {@code status} with a CodeDeploy deployment added: of a new task definition revision when {@code newRevision}
   * (apply registers it) or {@code pending} (registered but not yet deployed, as after a run stopped between the two),
   * and of the {@code network} changes towards the tasks' group {@code groupId}; one deployment carries both.
   */
  PlanStatus withRollout(PlanStatus status, ServiceInfo found, boolean newRevision, TaskDefinitionInfo pending,
      List<Change> network, String groupId) {
    var changes = new ArrayList<>(status.changes());
    String family = setup.spec().ecs().taskFamily();
    String by = ", rolled out by a new CodeDeploy deployment";
    String revision = "the running " + shortName(found.taskDefinition());
    if (newRevision || pending != null) {
      changes.add(new Change("task definition", shortName(found.taskDefinition()), (pending == null
          ? "a new revision of " + family : shortName(pending.arn())) + by));
      revision = "the " + (pending == null ? "new" : shortName(pending.arn())) + " revision ARN";
    }
    network.forEach(c -> changes.add(new Change("network " + c.field(), c.from(), c.to() + by)));
    var cd = setup.spec().codeDeploy();
    String deploy = "aws deploy create-deployment --application-name " + cd.application() + " --deployment-group-name "
        + cd.deploymentGroup() + " --revision '{\"revisionType\":\"AppSpecContent\",\"appSpecContent\":{\"content\":"
        + "\"<appspec.yaml with TaskDefinition: " + revision + (network.isEmpty() ? "" : "; NetworkConfiguration:"
        + " AwsvpcConfiguration: Subnets: [" + String.join(", ", setup.network().subnetIds()) + "], SecurityGroups: ["
        + groupId + "], AssignPublicIp: " + publicIp()) + ">\"}}'";
    return PlanStatus.update(changes, status.changes().isEmpty() ? deploy : status.updateCommand() + " && " + deploy);
  }

  private static String shortName(String taskDefinitionArn) {
    return taskDefinitionArn == null ? "none" : taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
  }

  /** Scales to zero, deletes, and waits until the service is gone so that its cluster and groups can go too. */
  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    var ecs = setup.aws().ecs();
    Optional<ServiceInfo> found = call(ctx, "ecs DescribeServices " + name(), () -> ecs.findService(clusterName(), name()));
    if (found.isEmpty()) {
      return;
    }
    if ("ACTIVE".equals(found.get().status())) {
      run(ctx, "ecs UpdateService " + name() + " desiredCount 0", () -> ecs.setDesiredCount(clusterName(), name(), 0));
      run(ctx, "ecs DeleteService " + name(), () -> ecs.deleteService(clusterName(), name()));
    }
    ctx.awaitUntil(() -> ecs.findService(clusterName(), name()).isEmpty(), GONE_POLL, GONE_TIMEOUT,
        "the service " + name() + " to drain and become inactive");
  }

  @Override
  public String cliEquivalent() {
    var c = setup.spec().container();
    return "aws ecs create-service --cluster " + clusterName() + " --service-name " + name()
        + " --task-definition " + setup.spec().ecs().taskFamily() + " --desired-count " + setup.spec().ecs().desiredCount()
        + " --launch-type FARGATE --deployment-controller type=CODE_DEPLOY --load-balancers targetGroupArn=<"
        + targetGroup.name() + " arn>,containerName=" + c.name() + ",containerPort=" + c.port()
        + " --network-configuration 'awsvpcConfiguration={subnets=[" + String.join(",", setup.network().subnetIds())
        + "],securityGroups=[<" + securityGroup.name() + " id>],assignPublicIp="
        + (setup.spec().network().assignPublicIp() ? "ENABLED" : "DISABLED") + "}' --client-token <journal token>"
        + (setup.spec().ecs().healthCheckGracePeriodSeconds() == null ? "" : " --health-check-grace-period-seconds "
            + setup.spec().ecs().healthCheckGracePeriodSeconds())
        + " --propagate-tags SERVICE --tags " + setup.cliEcsTag();
  }
}
