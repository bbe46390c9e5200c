package org.bgwizard.provision.steps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.provision.ResourceRef;

/**
 * What exists for one setup, looked up before planning: the network facts, problems that stop planning (no
 * default VPC, subnets in one zone…), for each step the resource found under its name, or empty, and the
 * resources that could not be looked at, with why.
 *
 * @param aws the connection the lookups used, which the plan's steps then apply with
 */
public record Discovered(NetworkFacts network, List<String> problems, Map<ResourceRef, Optional<?>> found,
    Map<ResourceRef, LookupFailure> failures, AwsResources aws) {

  public Discovered {
    problems = List.copyOf(problems);
    found = Map.copyOf(found);
    failures = Map.copyOf(failures);
  }

  /** Everything that was looked up could be. */
  public Discovered(NetworkFacts network, List<String> problems, Map<ResourceRef, Optional<?>> found,
      AwsResources aws) {
    this(network, problems, found, Map.of(), aws);
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
