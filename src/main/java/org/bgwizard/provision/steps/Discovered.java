package org.bgwizard.provision.steps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.provision.ResourceRef;

/**
 * What exists for one setup, looked up before planning: the network facts, problems that stop planning (no
 * default VPC, subnets in one zone…), and for each step the resource found under its name, or empty.
 *
 * @param aws the connection the lookups used, which the plan's steps then apply with
 * @param warnings what the lookups found worth saying without stopping the plan (catalogue row 28's risk)
 */
public record Discovered(NetworkFacts network, List<String> problems, Map<ResourceRef, Optional<?>> found,
    AwsResources aws, List<String> warnings) {

  public Discovered {
    problems = List.copyOf(problems);
    found = Map.copyOf(found);
    warnings = List.copyOf(warnings);
  }

  public Discovered(NetworkFacts network, List<String> problems, Map<ResourceRef, Optional<?>> found,
      AwsResources aws) {
    this(network, problems, found, aws, List.of());
  }

  /** What was found for {@code ref}; empty when nothing was, or when it was not looked up. */
  public Optional<?> found(ResourceRef ref) {
    return found.getOrDefault(ref, Optional.empty());
  }
}
