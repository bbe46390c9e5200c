package org.bgwizard.setup;

import java.util.Arrays;
import java.util.Set;
import org.bgwizard.setup.Container.Architecture;

/** Rules about image references: where a reference is pulled from, and what a build image runs on. */
public final class ContainerImages {
  private static final Set<String> ARM_TOKENS = Set.of("aarch64", "arm64", "arm");

  private ContainerImages() {}

  /**
   * True when the reference names its registry: Docker reads the first path segment as a host only when it has
   * a {@code .} or {@code :} or is {@code localhost}; otherwise the image comes from Docker Hub (catalogue row 18).
   */
  public static boolean isFullyQualified(String image) {
    if (image == null || !image.contains("/")) {
      return false;
    }
    String first = image.substring(0, image.indexOf('/'));
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  /** Where an ECR image of {@code image} would live, with the account left as a placeholder. */
  public static String ecrExample(String image, String region) {
    return "<account>.dkr.ecr." + (region == null ? "<region>" : region) + ".amazonaws.com/" + image;
  }

  /** The architecture a CodeBuild image runs on, read from its name ({@code aarch64}/{@code arm} = ARM64). */
  public static Architecture buildImageArchitecture(String image) {
    boolean arm = image != null && Arrays.stream(image.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+"))
        .anyMatch(ARM_TOKENS::contains);
    return arm ? Architecture.ARM64 : Architecture.X86_64;
  }
}
