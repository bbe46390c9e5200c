package org.bgwizard.sandbox.codedeploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The predefined ECS deployment configurations (CodeDeploy User Guide, "Deployment configurations on an Amazon ECS
 * compute platform"; CodeDeploy API Reference, GetDeploymentConfig). Only the id of ECSLinear10PercentEvery1Minutes is
 * captured; the others follow it (unv). Custom configurations are not simulated.
 */
final class CodeDeployConfigs {
  static final String ALL_AT_ONCE = "CodeDeployDefault.ECSAllAtOnce";
  /** When the predefined ECS configurations appeared (ECS blue/green launch, November 2018). */
  static final Instant CREATED = Instant.parse("2018-11-27T00:00:00Z");

  /** type AllAtOnce, TimeBasedCanary or TimeBasedLinear; percentage and interval (minutes) for the time-based. */
  record Config(String name, String id, String type, int percentage, int intervalMinutes) {
    /** Production traffic on green after the first shift. */
    int firstStep() {
      return type.equals("AllAtOnce") ? 100 : percentage;
    }

    /** The step after {@code current} percent. */
    int stepAfter(int current) {
      return type.equals("TimeBasedLinear") ? Math.min(100, current + percentage) : 100;
    }
  }

  static final List<Config> ALL = List.of(
      new Config(ALL_AT_ONCE, "00000000-0000-0000-0000-000000000012", "AllAtOnce", 0, 0),
      new Config("CodeDeployDefault.ECSCanary10Percent15Minutes", "00000000-0000-0000-0000-000000000013",
          "TimeBasedCanary", 10, 15),
      new Config("CodeDeployDefault.ECSCanary10Percent5Minutes", "00000000-0000-0000-0000-000000000014",
          "TimeBasedCanary", 10, 5),
      new Config("CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "00000000-0000-0000-0000-000000000015",
          "TimeBasedLinear", 10, 1),
      new Config("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", "00000000-0000-0000-0000-000000000016",
          "TimeBasedLinear", 10, 3));

  private CodeDeployConfigs() {}

  static Optional<Config> find(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
