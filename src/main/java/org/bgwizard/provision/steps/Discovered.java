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
 */
public record Discovered(NetworkFacts network, List<String> problems, Map<ResourceRef, Optional<?>> found,
    AwsResources aws) {

  public Discovered {
    problems = List.copyOf(problems);
    found = Map.copyOf(found);
  }

  /** What was found for {@code ref}; empty when nothing was, or when it was not looked up. */
  public Optional<?> found(ResourceRef ref) {
    return found.getOrDefault(ref, Optional.empty());
  }
}
