package org.bgwizard.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The environments of a setup (1 to {@link #MAX}), in promotion order: a change reaches the first one, and
 * {@code deploy promote} moves it to the next. A setup without this section is a one-environment setup, exactly
 * as before environments existed.
 *
 * @param list the environments, in promotion order
 * @param sharedLoadBalancer one load balancer for every environment, each with its own listener ports (one ALB's
 *     hourly charge instead of one per environment); false: each environment has its own load balancer
 * @param approvalTopic where approval requests go; null when no environment has an approval
 */
public record Environments(List<Environment> list, boolean sharedLoadBalancer, ApprovalTopic approvalTopic) {
  public static final int MAX = 5;
  /** Tag key that names the environment of a resource that belongs to one. */
  public static final String ENVIRONMENT_TAG = "bgwizard:environment";

  public Environments {
    list = list == null ? List.of() : List.copyOf(list);
  }

  /**
   * The SNS topic approval requests are published to: created as {@code name}, or the existing topic
   * {@code existingArn} used as it is.
   *
   * @param email optional: an e-mail subscription to the topic; AWS first sends a confirmation mail that must be
   *     answered before any message arrives (Amazon SNS "Email notifications")
   */
  public record ApprovalTopic(String name, String existingArn, String email) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isExisting() {
      return existingArn != null && !existingArn.isBlank();
    }
  }

  /** The environment named {@code name}. */
  public Optional<Environment> find(String name) {
    return list.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The environment after {@code name} in promotion order, if any. */
  public Optional<Environment> next(String name) {
    for (int i = 0; i + 1 < list.size(); i++) {
      if (list.get(i).name().equals(name)) {
        return Optional.of(list.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** The environment before {@code name} in promotion order, if any. */
  public Optional<Environment> previous(String name) {
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i).name().equals(name)) {
        return Optional.of(list.get(i - 1));
      }
    }
    return Optional.empty();
  }

  public List<String> names() {
    return list.stream().map(Environment::name).toList();
  }

  /**
   * An environment's production listener port: its own, or on a shared load balancer the setup's port plus the
   * environment's position (80, 81, 82…); with a load balancer each, the setup's port.
   */
  public int productionPort(SetupSpec spec, int index) {
    Environment e = list.get(index);
    if (e.productionPort() != null) {
      return e.productionPort();
    }
    return spec.loadBalancer().productionPort() + (sharedLoadBalancer ? index : 0);
  }

  /** An environment's test listener port, derived like {@link #productionPort}. */
  public int testPort(SetupSpec spec, int index) {
    Environment e = list.get(index);
    if (e.testPort() != null) {
      return e.testPort();
    }
    return spec.loadBalancer().testPort() + (sharedLoadBalancer ? index : 0);
  }

  /**
   * Each environment's own setup: the setup with every per-environment name suffixed with {@code -<env>} and the
   * environment's branch, sizes, ports and approval. The shared parts (cluster, roles, CodeBuild projects, source
   * repository, artifact bucket, CodeDeploy application, the ECS infrastructure role) keep their names. A setup
   * without environments expands to itself alone.
   */
  public static List<EnvironmentSpec> expand(SetupSpec spec) {
    if (spec.environments() == null || spec.environments().list().isEmpty()) {
      return List.of(new EnvironmentSpec(null, 0, spec));
    }
    var out = new ArrayList<EnvironmentSpec>();
    var envs = spec.environments();
    for (int i = 0; i < envs.list().size(); i++) {
      out.add(new EnvironmentSpec(envs.list().get(i), i, EnvironmentNames.forEnvironment(spec, envs, i)));
    }
    return List.copyOf(out);
  }

  /** The one environment {@code name} of {@code spec}, expanded. */
  public static Optional<EnvironmentSpec> expand(SetupSpec spec, String name) {
    return expand(spec).stream().filter(e -> e.environment() != null && e.environment().name().equals(name))
        .findFirst();
  }
}
