package org.bgwizard.provision.steps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.provision.ResourceRef;

/**
 * What exists for one setup, looked up before planning: the network facts, problems that stop planning (no
 * default VPC, subnets in one zone…), for each step the resource found under its name, or empty, the resources
 * that could not be looked at, with why, and what the lookups found worth saying without stopping the plan.
 *
 * @param aws the connection the lookups used, which the plan's steps then apply with
 * @param warnings what the lookups found worth saying without stopping the plan (catalogue row 28's risk)
 */
public record Discovered(NetworkFacts network, List<String> problems, Map<ResourceRef, Optional<?>> found,
    Map<ResourceRef, LookupFailure> failures, AwsResources aws, List<String> warnings) {

  public Discovered {
    problems = List.copyOf(problems);
    found = Map.copyOf(found);
    failures = Map.copyOf(failures);
    warnings = List.copyOf(warnings);
  }

  /** Everything that was looked up could be, and nothing is worth a warning. */
  public Discovered(NetworkFacts network, List<String> problems, Map<ResourceRef, Optional<?>> found,
      AwsResources aws) {
    this(network, problems, found, Map.of(), aws, List.of());
  }

  /** What was found for {@code ref}; empty when nothing was, when it was not looked up, or when it could not be. */
  public Optional<?> found(ResourceRef ref) {
    return found.getOrDefault(ref, Optional.empty());
  }

  /** Why {@code ref} could not be looked at; empty when it was looked at (or not looked up). */
  public Optional<LookupFailure> failure(ResourceRef ref) {
    return Optional.ofNullable(failures.get(ref));
  }
}
