package org.bgwizard.setup;

import java.util.List;
import java.util.function.Consumer;

/**
 * Checks a {@link SetupSpec} against AWS's real limits and the traps of the failure catalogue, before anything is
 * created. Reports every problem at once, in the order of the spec's sections.
 */
public final class SpecValidator {
  private SpecValidator() {}

  public static List<Problem> validate(SetupSpec spec) {
    var f = new Findings();
    if (!f.present("spec", spec)) {
      return f.list();
    }
    f.require(spec.formatVersion() == SetupSpec.FORMAT_VERSION, "formatVersion", spec.formatVersion(),
        "formatVersion.unsupported", String.valueOf(SetupSpec.FORMAT_VERSION));
    f.name("name", spec.name(), NameRule.SETUP, "setupName.invalid");
    if (f.present("region", spec.region())) {
      f.require(AwsNames.isRegion(spec.region()), "region", spec.region(), "region.invalid");
    }
    section(f, "network", spec.network(), n -> NetworkRules.check(n, f));
    section(f, "container", spec.container(), c -> ContainerRules.check(c, spec, f));
    section(f, "repository", spec.repository(), r -> {
      f.name("repository.name", r.name(), NameRule.ECR, "ecrName.invalid");
      f.range("repository.keepImages", r.keepImages(), 1, 1000, "repository.keepImages");
    });
    section(f, "loadBalancer", spec.loadBalancer(), lb -> LoadBalancerRules.check(lb, spec, f));
    section(f, "ecs", spec.ecs(), e -> EcsRules.check(e, f));
    EcsNativeRules.checkStrategy(spec, f);
    if (spec.codeDeploy() != null) {
      CodeDeployRules.check(spec.codeDeploy(), f);
    }
    if (spec.ecsNative() != null) {
      EcsNativeRules.check(spec.ecsNative(), f);
    }
    section(f, "codeBuild", spec.codeBuild(), cb -> CodeBuildRules.check(cb, spec, f));
    section(f, "source", spec.source(), s -> SourceRules.check(s, f));
    section(f, "pipeline", spec.pipeline(), p -> PipelineRules.check(p, f));
    section(f, "roles", spec.roles(), r -> RoleRules.check(r, spec, f));
    TagRules.check(spec.tags(), f);
    EnvironmentRules.check(spec, f);
    return f.list();
  }

  /**
   * What AWS accepts but does not work as one would expect: an ecs-native deployment that can outlast the pipeline's
   * Amazon ECS action, whose DeploymentTimeout (at most 60 minutes) fails the action while ECS keeps deploying
   * (CodePipeline "Amazon Elastic Container Service deploy action reference"; catalogue row 36).
   */
  public static List<Problem> warnings(SetupSpec spec) {
    var f = new Findings();
    var n = spec == null ? null : spec.ecsNative();
    if (n != null && spec.strategy() == Strategy.ECS_NATIVE) {
      int longest = EcsNativeRules.longestMinutes(n);
      f.require(longest <= n.deploymentTimeoutMinutes(), "ecsNative.deploymentTimeoutMinutes",
          n.deploymentTimeoutMinutes(), "deploymentTimeout.exceeded", longest);
    }
    return f.list();
  }

  /**
   * The load balancer's rules for subnets whose zones were looked up (planning knows them, a spec may not): at
   * least two Availability Zones, at most one subnet in each.
   */
  public static List<Problem> subnetZones(List<Network.SubnetRef> subnets) {
    var f = new Findings();
    NetworkRules.checkZones(subnets, f);
    return f.list();
  }

  private static <T> void section(Findings f, String field, T value, Consumer<T> rules) {
    if (f.present(field, value)) {
      rules.accept(value);
    }
  }
}
