package org.bgwizard.setup;

import java.util.List;
import java.util.Map;

/** The application container: name, port, Fargate size, environment, health check path, first image. */
final class ContainerRules {
  static final int MAX_ENVIRONMENT = 100;

  private ContainerRules() {}

  static void check(Container c, SetupSpec spec, Findings f) {
    f.name("container.name", c.name(), NameRule.ECS, "ecsName.invalid");
    f.range("container.port", c.port(), 1, 65535, "port.invalid");
    checkSize(c, f);
    f.present("container.architecture", c.architecture());
    checkEnvironment(c.environment(), f);
    String path = c.healthCheckPath();
    if (f.present("container.healthCheckPath", path)) {
      f.require(path.startsWith("/") && path.length() <= 1024 && path.chars().noneMatch(Character::isWhitespace),
          "container.healthCheckPath", path, "healthCheckPath.invalid", path.length());
    }
    checkImage(c.initialImage(), spec.region(), f);
  }

  private static void checkSize(Container c, Findings f) {
    if (!Fargate.isValidCpu(c.cpu())) {
      f.add("container.cpu", c.cpu(), "fargate.cpu", Findings.join(Fargate.cpuValues()));
    } else if (!Fargate.isValid(c.cpu(), c.memory())) {
      f.add("container.memory", c.memory(), "fargate.memory", String.valueOf(c.cpu()),
          shortList(Fargate.memoryValues(c.cpu())));
    }
  }

  private static void checkEnvironment(Map<String, String> env, Findings f) {
    f.require(env.size() <= MAX_ENVIRONMENT, "container.environment", env.size(), "env.tooMany");
    env.forEach((name, value) -> {
      f.require(AwsNames.isEnvironmentVariableName(name), "container.environment", name, "env.name.invalid");
      String field = "container.environment." + name;
      if (value == null) {
        f.add(field, null, "missing");
      } else {
        f.require(value.equals(value.strip()), field, value, "env.value.whitespace");
      }
    });
  }

  private static void checkImage(String image, String region, Findings f) {
    if (!f.present("container.initialImage", image)) {
      return;
    }
    if (image.length() > 255) {
      f.add("container.initialImage", image, "image.tooLong", image.length());
    } else if (!ContainerImages.isFullyQualified(image)) {
      f.add("container.initialImage", image, "image.unqualified",
          ContainerImages.ecrExample(image, AwsNames.isRegion(region) ? region : null));
    }
  }

  /** Long, evenly stepped lists read better as "first, second, …, last". */
  private static String shortList(List<Integer> values) {
    if (values.size() <= 4) {
      return Findings.join(values);
    }
    return values.get(0) + ", " + values.get(1) + ", …, " + values.get(values.size() - 1);
  }
}
