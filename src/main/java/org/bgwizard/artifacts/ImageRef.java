package org.bgwizard.artifacts;

import java.util.Set;

/** What an image reference says about where the image is pulled from. */
final class ImageRef {
  private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  private ImageRef() {}

  /** True for {@code name:tag}, {@code user/name} and explicit Docker Hub hosts; false for any other registry. */
  static boolean onDockerHub(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return true;
    }
    String first = image.substring(0, slash);
    boolean isHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    return !isHost || DOCKER_HUB_HOSTS.contains(first);
  }

  static boolean inPrivateEcr(String image) {
    return image.contains(".dkr.ecr.");
  }
}
