package org.bgwizard.setup;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * Every choice of the walkthrough, as one immutable value. Saved as JSON ({@link SpecJson}); checked by
 * {@link SpecValidator}; {@link SpecDefaults#tutorial(String, String)} fills it from a name and a region.
 */
@JsonPropertyOrder({"formatVersion", "name", "region", "network", "container", "repository", "loadBalancer",
    "ecs", "strategy", "codeDeploy", "ecsNative", "codeBuild", "source", "pipeline", "roles", "tags", "environments"})
public record SetupSpec(
    int formatVersion,
    String name,
    String region,
    Network network,
    Container container,
    ImageRepository repository,
    LoadBalancer loadBalancer,
    Ecs ecs,
    @com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include.CUSTOM,
        valueFilter = Strategy.DefaultFilter.class) Strategy strategy,
    CodeDeploy codeDeploy,
    EcsNative ecsNative,
    CodeBuild codeBuild,
    Source source,
    Pipeline pipeline,
    Roles roles,
    Map<String, String> tags,
    Environments environments) {

  public static final int FORMAT_VERSION = 1;
  /** Tag key every taggable resource of a setup carries; its value is the setup name. */
  public static final String SETUP_TAG = "bgwizard:setup";

  public SetupSpec {
    strategy = strategy == null ? Strategy.CODEDEPLOY : strategy;
    tags = tags == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(tags));
  }

  public SetupSpec withName(String v) { return new SetupSpec(formatVersion, v, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withRegion(String v) { return new SetupSpec(formatVersion, name, v, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withNetwork(Network v) { return new SetupSpec(formatVersion, name, region, v, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withContainer(Container v) { return new SetupSpec(formatVersion, name, region, network, v, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withRepository(ImageRepository v) { return new SetupSpec(formatVersion, name, region, network, container, v, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withLoadBalancer(LoadBalancer v) { return new SetupSpec(formatVersion, name, region, network, container, repository, v, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withEcs(Ecs v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, v, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withStrategy(Strategy v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, v, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withCodeDeploy(CodeDeploy v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, v, ecsNative, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withEcsNative(EcsNative v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, v, codeBuild, source, pipeline, roles, tags, environments); }
  public SetupSpec withCodeBuild(CodeBuild v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, v, source, pipeline, roles, tags, environments); }
  public SetupSpec withSource(Source v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, v, pipeline, roles, tags, environments); }
  public SetupSpec withPipeline(Pipeline v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, v, roles, tags, environments); }
  public SetupSpec withRoles(Roles v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, v, tags, environments); }
  public SetupSpec withTags(Map<String, String> v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, v, environments); }

  public SetupSpec withEnvironments(Environments v) { return new SetupSpec(formatVersion, name, region, network, container, repository, loadBalancer, ecs, strategy, codeDeploy, ecsNative, codeBuild, source, pipeline, roles, tags, v); }

  /** True when the setup has more than one environment, or one named environment. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean hasEnvironments() {
    return environments != null && !environments.list().isEmpty();
  }

  /** Tags for every taggable resource: the user's tags plus {@link #SETUP_TAG}. */
  public Map<String, String> resourceTags() {
    var all = new java.util.TreeMap<>(tags);
    all.put(SETUP_TAG, name);
    return all;
  }
}
