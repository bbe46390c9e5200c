package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * Finds every resource that carries a tag, service by service (list, then read tags): there is no Resource Groups
 * Tagging client here, and it would miss IAM and S3 anyway. The orphan finder compares the result with a journal.
 */
public final class TaggedResources {
  /** DescribeServices takes at most 10 services per call. */
  private static final int SERVICE_BATCH = 10;
  private static final Set<ResourceKind> ELB = EnumSet.of(ResourceKind.LOAD_BALANCER, ResourceKind.TARGET_GROUP,
      ResourceKind.LISTENER, ResourceKind.LISTENER_RULE);
  private static final Set<ResourceKind> ECS = EnumSet.of(ResourceKind.CLUSTER, ResourceKind.SERVICE,
      ResourceKind.TASK_DEFINITION);
  private static final Set<ResourceKind> CODEDEPLOY = EnumSet.of(ResourceKind.CODEDEPLOY_APPLICATION,
      ResourceKind.DEPLOYMENT_GROUP);
  private final AwsClients clients;
  private String account;

  public TaggedResources(AwsClients clients) {
    this.clients = clients;
  }

  /** Every resource of the kinds a setup creates whose tag {@code key} has {@code value}. */
  public List<TaggedResource> find(String key, String value) {
    return find(key, value, EnumSet.allOf(ResourceKind.class));
  }

  /**
   * The same among {@code kinds} only: a service none of them belongs to is not asked at all, so a setup without,
   * say, a CodeCommit source needs no CodeCommit rights for its orphan search.
   */
  public List<TaggedResource> find(String key, String value, Set<ResourceKind> kinds) {
    var out = new ArrayList<TaggedResource>();
    Function<Map<String, String>, Boolean> tagged = tags -> value.equals(tags.get(key));
    if (kinds.contains(ResourceKind.IAM_ROLE)) {
      roles(out, tagged);
    }
    if (kinds.contains(ResourceKind.ECR_REPOSITORY)) {
      repositories(out, tagged);
    }
    if (kinds.contains(ResourceKind.SECURITY_GROUP)) {
      securityGroups(out, key, value);
    }
    if (kinds.contains(ResourceKind.LOG_GROUP)) {
      logGroups(out, tagged);
    }
    if (kinds.contains(ResourceKind.BUCKET)) {
      buckets(out, tagged);
    }
    if (!Collections.disjoint(kinds, ELB)) {
      elb(out, tagged, kinds.contains(ResourceKind.LISTENER_RULE));
    }
    if (!Collections.disjoint(kinds, ECS)) {
      ecs(out, tagged);
    }
    if (!Collections.disjoint(kinds, CODEDEPLOY)) {
      codeDeploy(out, tagged);
    }
    if (kinds.contains(ResourceKind.BUILD_PROJECT)) {
      buildProjects(out, tagged);
    }
    if (kinds.contains(ResourceKind.CODECOMMIT_REPOSITORY)) {
      codeCommit(out, tagged);
    }
    if (kinds.contains(ResourceKind.PIPELINE)) {
      pipelines(out, tagged);
    }
    if (kinds.contains(ResourceKind.EVENT_RULE)) {
      eventRules(out, tagged);
    }
    if (kinds.contains(ResourceKind.SNS_TOPIC)) {
      topics(out, tagged);
    }
    return out;
  }

  private void roles(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var iam = new IamRoles(clients);
    for (RoleInfo role : iam.list()) {
      if (tagged.apply(iam.tagsOf(role.name()))) {
        out.add(new TaggedResource(ResourceKind.IAM_ROLE, role.name(), role.arn()));
      }
    }
  }

  private void repositories(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    for (RepositoryInfo repo : new Repositories(clients).list()) {
      var tags = new LinkedHashMap<String, String>();
      clients.ecr().listTagsForResource(r -> r.resourceArn(repo.arn())).tags().forEach(t -> tags.put(t.key(), t.value()));
      if (tagged.apply(tags)) {
        out.add(new TaggedResource(ResourceKind.ECR_REPOSITORY, repo.name(), repo.arn()));
      }
    }
  }

  private void securityGroups(List<TaggedResource> out, String key, String value) {
    clients.ec2().describeSecurityGroupsPaginator(r -> r.filters(Filter.builder().name("tag:" + key).values(value)
        .build())).securityGroups().forEach(g -> out.add(new TaggedResource(ResourceKind.SECURITY_GROUP,
            g.groupName(), g.securityGroupArn() != null ? g.securityGroupArn() : g.groupId())));
  }

  private void logGroups(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    clients.logs().describeLogGroupsPaginator(r -> { }).logGroups().forEach(g -> {
      String arn = g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn();
      if (tagged.apply(clients.logs().listTagsForResource(r -> r.resourceArn(arn)).tags())) {
        out.add(new TaggedResource(ResourceKind.LOG_GROUP, g.logGroupName(), arn));
      }
    });
  }

  private void buckets(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var buckets = new Buckets(clients);
    for (String name : buckets.listNames()) {
      if (tagged.apply(buckets.tagsOf(name))) {
        out.add(new TaggedResource(ResourceKind.BUCKET, name, "arn:" + partition() + ":s3:::" + name));
      }
    }
  }

  /** @param rules also the listeners' rules (an ecs-native setup has them; a CodeDeploy one costs no call for them) */
  private void elb(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged, boolean rules) {
    var elb = new LoadBalancers(clients);
    List<LoadBalancerInfo> lbs = elb.loadBalancers();
    List<TargetGroupInfo> tgs = elb.targetGroups();
    var names = new LinkedHashMap<String, TaggedResource>();
    lbs.forEach(lb -> names.put(lb.arn(), new TaggedResource(ResourceKind.LOAD_BALANCER, lb.name(), lb.arn())));
    tgs.forEach(tg -> names.put(tg.arn(), new TaggedResource(ResourceKind.TARGET_GROUP, tg.name(), tg.arn())));
    for (LoadBalancerInfo lb : lbs) {
      for (ListenerInfo l : elb.listeners(lb.arn())) {
        names.put(l.arn(), new TaggedResource(ResourceKind.LISTENER, listenerName(lb.name(), l.port()), l.arn()));
        if (rules) {
          elb.rules(l.arn()).forEach(r -> names.put(r.arn(), new TaggedResource(ResourceKind.LISTENER_RULE,
              listenerName(lb.name(), l.port()) + ":rule-" + r.priority(), r.arn())));
        }
      }
    }
    elb.tagsOf(new ArrayList<>(names.keySet())).forEach((arn, tags) -> {
      if (tagged.apply(tags)) {
        out.add(names.get(arn));
      }
    });
  }

  /** The tags of one resource of a setup's kinds, by its name and ARN (a security group: its id). */
  public Map<String, String> tagsOf(ResourceKind kind, String name, String arn) {
    return new ResourceTags(clients).of(kind, name, arn);
  }

  /**
   * Adds {@code add} to (or replaces their values on) the resource, and removes the keys {@code remove}, leaving every
   * other tag as it is.
   */
  public void retag(ResourceKind kind, String name, String arn, Map<String, String> add, Set<String> remove) {
    new ResourceRetagging(clients).retag(kind, name, arn, add, remove);
  }

  /** How plans and reports name a listener: its load balancer and port. */
  public static String listenerName(String loadBalancerName, int port) {
    return loadBalancerName + ":" + port;
  }

  private void ecs(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var ecs = new EcsResources(clients);
    for (ClusterInfo cluster : new Discovery(clients).clusters()) {
      if (tagged.apply(ecs.tagsOf(cluster.arn()))) {
        out.add(new TaggedResource(ResourceKind.CLUSTER, cluster.name(), cluster.arn()));
      }
      List<String> services = ecs.serviceArns(cluster.arn());
      for (int i = 0; i < services.size(); i += SERVICE_BATCH) {
        var batch = services.subList(i, Math.min(services.size(), i + SERVICE_BATCH));
        clients.ecs().describeServices(r -> r.cluster(cluster.arn()).services(batch).include(ServiceField.TAGS))
            .services().forEach(s -> {
              var tags = new LinkedHashMap<String, String>();
              s.tags().forEach(t -> tags.put(t.key(), t.value()));
              if (tagged.apply(tags)) {
                out.add(new TaggedResource(ResourceKind.SERVICE, s.serviceName(), s.serviceArn()));
              }
            });
      }
    }
    var families = new LinkedHashMap<String, String>();
    for (String arn : ecs.activeTaskDefinitionArns()) {
      String family = EcsResources.familyOf(arn);
      if (!families.containsKey(family) && tagged.apply(ecs.taskDefinitionTags(arn))) {
        families.put(family, arn);
      }
    }
    families.forEach((family, arn) -> out.add(new TaggedResource(ResourceKind.TASK_DEFINITION, family, arn)));
  }

  private void codeDeploy(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var codeDeploy = new CodeDeployResources(clients);
    for (String app : codeDeploy.applications()) {
      String appArn = arn("codedeploy", "application:" + app);
      if (tagged.apply(codeDeploy.tagsOf(appArn))) {
        out.add(new TaggedResource(ResourceKind.CODEDEPLOY_APPLICATION, app, appArn));
      }
      for (String group : clients.codeDeploy().listDeploymentGroupsPaginator(r -> r.applicationName(app))
          .deploymentGroups()) {
        String groupArn = arn("codedeploy", "deploymentgroup:" + app + "/" + group);
        if (tagged.apply(codeDeploy.tagsOf(groupArn))) {
          out.add(new TaggedResource(ResourceKind.DEPLOYMENT_GROUP, group, groupArn));
        }
      }
    }
  }

  private void buildProjects(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    new BuildProjects(clients).list().stream().filter(p -> tagged.apply(p.tags()))
        .forEach(p -> out.add(new TaggedResource(ResourceKind.BUILD_PROJECT, p.name(), p.arn())));
  }

  private void codeCommit(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var repos = new CodeCommitRepos(clients);
    for (String name : repos.listNames()) {
      repos.find(name).filter(repo -> tagged.apply(repos.tagsOf(repo.arn())))
          .ifPresent(repo -> out.add(new TaggedResource(ResourceKind.CODECOMMIT_REPOSITORY, name, repo.arn())));
    }
  }

  private void pipelines(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var pipelines = new Pipelines(clients);
    for (String name : pipelines.names()) {
      String arn = arn("codepipeline", name);
      if (tagged.apply(pipelines.tagsOf(arn))) {
        out.add(new TaggedResource(ResourceKind.PIPELINE, name, arn));
      }
    }
  }

  private void eventRules(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var rules = new EventRules(clients);
    for (String name : rules.names(null)) {
      String arn = arn("events", "rule/" + name);
      if (tagged.apply(rules.tagsOf(arn))) {
        out.add(new TaggedResource(ResourceKind.EVENT_RULE, name, arn));
      }
    }
  }

  /** The approval topics (a setup with environments): ListTopics, then each topic's ListTagsForResource. */
  private void topics(List<TaggedResource> out, Function<Map<String, String>, Boolean> tagged) {
    var topics = new Topics(clients);
    for (String arn : topics.arns()) {
      if (tagged.apply(topics.tagsOf(arn))) {
        out.add(new TaggedResource(ResourceKind.SNS_TOPIC, arn.substring(arn.lastIndexOf(':') + 1), arn));
      }
    }
  }

  private String arn(String service, String resource) {
    return "arn:" + partition() + ":" + service + ":" + clients.region() + ":" + account() + ":" + resource;
  }

  private String account() {
    if (account == null) {
      account = clients.whoAmI().account();
    }
    return account;
  }

  private String partition() {
    String region = clients.region();
    return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
