package org.bgwizard.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** How one environment's setup is derived from the setup ({@link Environments#expand}). */
final class EnvironmentNames {
  private EnvironmentNames() {}

  /** A name derived for an environment, the AWS limit on its length, and which service sets it. */
  record Derived(String field, String value, int limit, String limitSource) {}

  static SetupSpec forEnvironment(SetupSpec spec, Environments envs, int index) {
    Environment e = envs.list().get(index);
    String sfx = "-" + e.name();
    var c = spec.container();
    var container = c == null ? null : new Container(c.name(), c.port(), e.cpu() != null ? e.cpu() : c.cpu(),
        e.memory() != null ? e.memory() : c.memory(), c.architecture(), c.environment(), c.healthCheckPath(),
        c.initialImage());
    var r = spec.repository();
    var repository = r == null ? null : new ImageRepository(suffixed(r.name(), sfx), r.keepImages(), r.scanOnPush(),
        r.existing());
    var lb = spec.loadBalancer();
    var loadBalancer = lb == null ? null : new LoadBalancer(lb.existingArn(),
        envs.sharedLoadBalancer() ? lb.name() : suffixed(lb.name(), sfx), envs.productionPort(spec, index),
        envs.testPort(spec, index), suffixed(lb.targetGroup1(), sfx), suffixed(lb.targetGroup2(), sfx),
        lb.healthCheck(), lb.deregistrationDelaySeconds());
    var ecs = spec.ecs();
    var ecsEnv = ecs == null ? null : new Ecs(ecs.cluster(), ecs.existingCluster(), suffixed(ecs.service(), sfx),
        suffixed(ecs.taskFamily(), sfx), e.desiredCount() != null ? e.desiredCount() : ecs.desiredCount(),
        suffixed(ecs.logGroup(), sfx), ecs.logRetentionDays(), ecs.healthCheckGracePeriodSeconds());
    var cd = spec.codeDeploy();
    var codeDeploy = cd == null ? null : new CodeDeploy(cd.application(), suffixed(cd.deploymentGroup(), sfx),
        cd.deploymentConfig(), cd.reroute(), cd.rerouteWaitMinutes(), cd.terminationWaitMinutes(), cd.autoRollback());
    var p = spec.pipeline();
    var topic = envs.approvalTopic();
    var pipeline = p == null ? null : new Pipeline(suffixed(p.name(), sfx), p.artifactBucket(), e.approval(),
        e.approval() && topic != null && topic.isExisting() ? topic.existingArn() : null);
    var tags = new TreeMap<>(spec.tags());
    tags.put(Environments.ENVIRONMENT_TAG, e.name());
    return spec.withContainer(container).withRepository(repository).withLoadBalancer(loadBalancer).withEcs(ecsEnv)
        .withCodeDeploy(codeDeploy).withSource(source(spec.source(), e)).withPipeline(pipeline).withTags(tags)
        .withEnvironments(null);
  }

  private static Source source(Source s, Environment e) {
    if (s == null) {
      return null;
    }
    if (s.provider() == Source.Provider.S3) {
      return new Source(s.provider(), s.repository(), s.branch(), s.existingRepository(), s.commitStarterApp(),
          s.s3Bucket(), s.s3ObjectKey() == null ? null : e.name() + "/" + s.s3ObjectKey(), s.connectionArn(),
          s.fullRepositoryId(), s.connectionName(), s.connectionProvider());
    }
    return new Source(s.provider(), s.repository(), e.branch(), s.existingRepository(), s.commitStarterApp(),
        s.s3Bucket(), s.s3ObjectKey(), s.connectionArn(), s.fullRepositoryId(), s.connectionName(),
        s.connectionProvider());
  }

  private static String suffixed(String name, String sfx) {
    return name == null ? null : name + sfx;
  }

  /**
   * Every name an environment adds to, with its limit (the services' API References): what decides how long an
   * environment name may be.
   */
  static List<Derived> derived(SetupSpec env, boolean sharedLoadBalancer) {
    var out = new ArrayList<Derived>();
    var lb = env.loadBalancer();
    if (lb != null) {
      if (!sharedLoadBalancer && !lb.isExisting()) {
        out.add(new Derived("loadBalancer.name", lb.name(), 32, "Elastic Load Balancing"));
      }
      out.add(new Derived("loadBalancer.targetGroup1", lb.targetGroup1(), 32, "Elastic Load Balancing"));
      out.add(new Derived("loadBalancer.targetGroup2", lb.targetGroup2(), 32, "Elastic Load Balancing"));
    }
    if (env.pipeline() != null) {
      out.add(new Derived("pipeline.name", env.pipeline().name(), 100, "AWS CodePipeline"));
    }
    if (env.codeDeploy() != null) {
      out.add(new Derived("codeDeploy.deploymentGroup", env.codeDeploy().deploymentGroup(), 100, "AWS CodeDeploy"));
    }
    if (env.ecs() != null) {
      out.add(new Derived("ecs.service", env.ecs().service(), 255, "Amazon ECS"));
      out.add(new Derived("ecs.taskFamily", env.ecs().taskFamily(), 255, "Amazon ECS"));
      out.add(new Derived("ecs.logGroup", env.ecs().logGroup(), 512, "Amazon CloudWatch Logs"));
    }
    if (env.repository() != null) {
      out.add(new Derived("repository.name", env.repository().name(), 256, "Amazon ECR"));
    }
    out.removeIf(d -> d.value() == null);
    return out;
  }
}
