package org.bgwizard.ui.pages;

import java.util.Objects;
import java.util.function.Function;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Ecs;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.ImageRepository;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.Roles.RoleRef;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.Strategy;

/**
 * Values that follow other choices until the user changes them: resource names follow the setup name, the build
 * image follows the architecture. A value still equal to what the old choice derives was not edited, so it
 * follows the new one; an edited value stays.
 */
public final class DerivedValues {
  private static final String FALLBACK_NAME = "app";
  private static final String FALLBACK_REGION = "us-east-1";

  private DerivedValues() {}

  /**
   * {@code spec} named {@code name}; every resource name still derived from the old name is derived from the new
   * one. Names of resources the user brings (existing repository, cluster, CodeCommit repository) stay.
   */
  public static SetupSpec rename(SetupSpec spec, String name) {
    var from = defaults(spec.name());
    var to = defaults(name);
    var renamer = new Renamer(from, to);
    var c = spec.container();
    var repo = spec.repository();
    var lb = spec.loadBalancer();
    var ecs = spec.ecs();
    var cd = spec.codeDeploy();
    var n = spec.ecsNative();
    var cb = spec.codeBuild();
    var src = spec.source();
    var p = spec.pipeline();
    var roles = spec.roles();
    return spec.withName(name)
        .withContainer(c == null ? null : new Container(renamer.name(c.name(), s -> s.container().name()), c.port(),
            c.cpu(), c.memory(), c.architecture(), c.environment(), c.healthCheckPath(), c.initialImage()))
        .withRepository(repo == null ? null : new ImageRepository(repo.existing() ? repo.name()
            : renamer.name(repo.name(), s -> s.repository().name()),
            repo.keepImages(), repo.scanOnPush(), repo.existing()))
        .withLoadBalancer(lb == null ? null : new LoadBalancer(lb.existingArn(),
            renamer.name(lb.name(), s -> s.loadBalancer().name()), lb.productionPort(), lb.testPort(),
            renamer.name(lb.targetGroup1(), s -> s.loadBalancer().targetGroup1()),
            renamer.name(lb.targetGroup2(), s -> s.loadBalancer().targetGroup2()), lb.healthCheck(),
            lb.deregistrationDelaySeconds()))
        .withEcs(ecs == null ? null : new Ecs(ecs.existingCluster() ? ecs.cluster()
            : renamer.name(ecs.cluster(), s -> s.ecs().cluster()), ecs.existingCluster(),
            renamer.name(ecs.service(), s -> s.ecs().service()), renamer.name(ecs.taskFamily(), s -> s.ecs().taskFamily()),
            ecs.desiredCount(), renamer.name(ecs.logGroup(), s -> s.ecs().logGroup()), ecs.logRetentionDays(),
            ecs.healthCheckGracePeriodSeconds()))
        .withCodeDeploy(cd == null ? null : new CodeDeploy(renamer.name(cd.application(), s -> s.codeDeploy().application()),
            renamer.name(cd.deploymentGroup(), s -> s.codeDeploy().deploymentGroup()), cd.deploymentConfig(),
            cd.reroute(), cd.rerouteWaitMinutes(), cd.terminationWaitMinutes(), cd.autoRollback()))
        .withEcsNative(n == null ? null : new EcsNative(n.shift(), n.stepPercent(), n.stepBakeMinutes(),
            n.bakeTimeMinutes(), n.pauseBeforeProduction(), n.pauseTimeoutMinutes(), n.onPauseTimeout(),
            renamer.role(n.infrastructureRole(), s -> s.ecsNative().infrastructureRole()),
            n.deploymentTimeoutMinutes()))
        .withCodeBuild(cb == null ? null : new CodeBuild(renamer.name(cb.project(), s -> s.codeBuild().project()),
            cb.image(), cb.computeType(), cb.privileged(), cb.taskDefinitionMode(), cb.dockerHubSecretArn(),
            cb.timeoutMinutes()))
        .withSource(src == null ? null : new Source(src.provider(), src.existingRepository() ? src.repository()
            : renamer.name(src.repository(), s -> s.source().repository()),
            src.branch(), src.existingRepository(), src.commitStarterApp(), src.s3Bucket(), src.s3ObjectKey(),
            src.connectionArn(), src.fullRepositoryId(), src.connectionName(), src.connectionProvider()))
        .withPipeline(p == null ? null : new Pipeline(renamer.name(p.name(), s -> s.pipeline().name()),
            p.artifactBucket(), p.manualApproval(), p.approvalTopicArn()))
        .withRoles(roles == null ? null : new Roles(
            renamer.role(roles.taskExecution(), s -> s.roles().taskExecution()),
            renamer.role(roles.codeDeploy(), s -> s.roles().codeDeploy()),
            renamer.role(roles.codeBuild(), s -> s.roles().codeBuild()),
            renamer.role(roles.codePipeline(), s -> s.roles().codePipeline())));
  }

  /**
   * {@code spec} with the container on {@code architecture}; a build image that was the default for the old
   * architecture becomes the default for the new one, so the image is built for the CPU it runs on (row 20).
   */
  public static SetupSpec architecture(SetupSpec spec, Architecture architecture) {
    var c = spec.container();
    var cb = spec.codeBuild();
    if (c == null || c.architecture() == architecture) {
      return spec;
    }
    var next = spec.withContainer(new Container(c.name(), c.port(), c.cpu(), c.memory(), architecture,
        c.environment(), c.healthCheckPath(), c.initialImage()));
    if (cb == null || c.architecture() == null || architecture == null
        || !SpecDefaults.buildImageFor(c.architecture()).equals(cb.image())) {
      return next;
    }
    return next.withCodeBuild(new CodeBuild(cb.project(), SpecDefaults.buildImageFor(architecture), cb.computeType(),
        cb.privileged(), cb.taskDefinitionMode(), cb.dockerHubSecretArn(), cb.timeoutMinutes()));
  }

  /**
   * {@code spec} with every missing section (a setup file may lack some) filled with the tutorial's, so each
   * page has something to edit; sections that are present are kept as they are.
   */
  public static SetupSpec withMissingSections(SetupSpec spec) {
    var d = tutorial(spec, spec.strategy());
    var lb = spec.loadBalancer();
    var roles = spec.roles();
    return spec
        .withNetwork(or(spec.network(), d.network()))
        .withContainer(or(spec.container(), d.container()))
        .withRepository(or(spec.repository(), d.repository()))
        .withLoadBalancer(lb == null ? d.loadBalancer() : lb.healthCheck() != null ? lb
            : new LoadBalancer(lb.existingArn(), lb.name(), lb.productionPort(), lb.testPort(), lb.targetGroup1(),
                lb.targetGroup2(), d.loadBalancer().healthCheck(), lb.deregistrationDelaySeconds()))
        .withEcs(or(spec.ecs(), d.ecs()))
        .withCodeDeploy(or(spec.codeDeploy(), d.codeDeploy()))
        .withEcsNative(or(spec.ecsNative(), d.ecsNative()))
        .withCodeBuild(or(spec.codeBuild(), d.codeBuild()))
        .withSource(or(spec.source(), d.source()))
        .withPipeline(or(spec.pipeline(), d.pipeline()))
        .withRoles(roles == null ? d.roles() : new Roles(or(roles.taskExecution(), d.roles().taskExecution()),
            or(roles.codeDeploy(), d.roles().codeDeploy()), or(roles.codeBuild(), d.roles().codeBuild()),
            or(roles.codePipeline(), d.roles().codePipeline())));
  }

  /**
   * {@code spec} deployed by {@code strategy}: the other strategy's sections go, this one's are the tutorial's
   * (CodeDeploy application, group and role, or ECS's blue/green settings with its infrastructure role); the rest
   * of the setup stays.
   */
  public static SetupSpec strategy(SetupSpec spec, Strategy strategy) {
    if (spec.strategy() == strategy) {
      return spec;
    }
    var d = tutorial(spec, strategy);
    var r = spec.roles() == null ? d.roles() : spec.roles();
    return spec.withStrategy(strategy).withCodeDeploy(d.codeDeploy()).withEcsNative(d.ecsNative())
        .withRoles(new Roles(r.taskExecution(), d.roles().codeDeploy(), r.codeBuild(), r.codePipeline()));
  }

  private static SetupSpec tutorial(SetupSpec spec, Strategy strategy) {
    return SpecDefaults.tutorial(spec.name() == null ? FALLBACK_NAME : spec.name(),
        spec.region() == null ? FALLBACK_REGION : spec.region(), strategy);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** The names derived from {@code name}, of both strategies' sections. */
  private static SetupSpec defaults(String name) {
    String n = name == null ? "" : name;
    return SpecDefaults.tutorial(n, FALLBACK_REGION)
        .withEcsNative(SpecDefaults.tutorial(n, FALLBACK_REGION, Strategy.ECS_NATIVE).ecsNative());
  }

  /** Maps each value derived from the old name to the same value derived from the new name. */
  private record Renamer(SetupSpec from, SetupSpec to) {
    String name(String current, Function<SetupSpec, String> derived) {
      return Objects.equals(current, derived.apply(from)) ? derived.apply(to) : current;
    }

    RoleRef role(RoleRef current, Function<SetupSpec, RoleRef> derived) {
      if (current == null || current.isExisting()) {
        return current;
      }
      return new RoleRef(name(current.name(), s -> derived.apply(s).name()), current.existingArn());
    }
  }
}
