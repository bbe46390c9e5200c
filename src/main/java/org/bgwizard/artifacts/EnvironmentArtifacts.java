package org.bgwizard.artifacts;

import java.util.List;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;

/**
 * What the generated files of a setup with environments share (ENVIRONMENTS.md). One source repository serves every
 * environment, each on its own branch, and promotion merges one branch into the next; so every file in it is the same
 * on every branch: the buildspec reads the environment's own values from variables the pipeline's build action passes
 * ({@link Buildspec#actionEnvironment}), and each environment's task definition is its own file
 * {@code taskdef-<env>.json}, named by that environment's deploy action.
 */
public final class EnvironmentArtifacts {
  private EnvironmentArtifacts() {}

  /** The environment an expanded spec is for (its {@code bgwizard:environment} tag), or null for any other spec. */
  public static String environmentOf(SetupSpec spec) {
    return spec.tags().get(Environments.ENVIRONMENT_TAG);
  }

  /** {@code taskdef-<env>.json}: an environment's task definition in the shared repository. */
  public static String taskdefPath(String environment) {
    return "taskdef-" + environment + ".json";
  }

  /** The task definition file the deploy action of {@code spec} reads: its environment's, else taskdef.json. */
  public static String taskdefPathOf(SetupSpec spec) {
    String env = environmentOf(spec);
    return env == null ? FileNames.TASKDEF : taskdefPath(env);
  }

  /**
   * The approval topic's ARN when an environment is gated: the existing topic's, else the one the setup creates,
   * {@code arn:<partition>:sns:<region>:<account>:<name>} ("Amazon SNS topic ARN", Amazon SNS API Reference
   * CreateTopic: TopicArn). Null when no environment has an approval or no topic is named.
   */
  public static String approvalTopicArn(SetupSpec setup, Target target) {
    Environments envs = setup.environments();
    if (envs == null || envs.list().stream().noneMatch(e -> e.approval()) || envs.approvalTopic() == null) {
      return null;
    }
    if (envs.approvalTopic().isExisting()) {
      return envs.approvalTopic().existingArn();
    }
    String name = envs.approvalTopic().name();
    if (name == null || name.isBlank()) {
      return null;
    }
    return "arn:" + target.partition() + ":sns:" + target.region() + ":" + target.accountId() + ":" + name;
  }

  /** Each environment's own spec (Environments.expand), in promotion order. */
  static List<EnvironmentSpec> expanded(SetupSpec setup) {
    return Environments.expand(setup).stream().filter(e -> e.environment() != null).toList();
  }
}
