package org.bgwizard.setup;

import java.util.Map;

/**
 * The application container: one name and one port used everywhere (task definition, appspec, service,
 * target groups — catalogue rows 4 and 5).
 *
 * @param cpu Fargate task CPU units (256, 512, 1024, …)
 * @param memory Fargate task memory in MiB, a valid pair with {@code cpu}
 * @param healthCheckPath the path the target groups' health check requests
 * @param initialImage the image the first task definition runs, before the pipeline's first build has pushed
 *     one to the repository; a public image (ECR Public) by default
 */
public record Container(
    String name,
    int port,
    int cpu,
    int memory,
    Architecture architecture,
    Map<String, String> environment,
    String healthCheckPath,
    String initialImage) {

  public Container {
    environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(environment));
  }

  public enum Architecture {
    X86_64("linux/amd64"),
    ARM64("linux/arm64");

    private final String dockerPlatform;

    Architecture(String dockerPlatform) {
      this.dockerPlatform = dockerPlatform;
    }

    /** The value for {@code docker build --platform}. */
    public String dockerPlatform() {
      return dockerPlatform;
    }
  }
}
