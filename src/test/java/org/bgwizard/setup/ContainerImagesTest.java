package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgwizard.setup.Container.Architecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerImagesTest {

  @ParameterizedTest
  @ValueSource(strings = {"public.ecr.aws/nginx/nginx:stable", "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo:1",
      "localhost/demo", "registry:5000/demo", "docker.io/library/nginx"})
  void referenceWithRegistryHost_isFullyQualified(String image) {
    assertTrue(ContainerImages.isFullyQualified(image));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nginx", "nginx:latest", "library/nginx:1.27", "my-org/app@sha256:abc"})
  void referenceWithoutRegistryHost_resolvesToDockerHub(String image) {
    assertFalse(ContainerImages.isFullyQualified(image));
  }

  @ParameterizedTest
  @CsvSource({"aws/codebuild/amazonlinux-aarch64-standard:3.0, ARM64", "aws/codebuild/amazonlinux2-aarch64-standard:2.0, ARM64",
      "my/arm-builder:1, ARM64", "aws/codebuild/standard:7.0, X86_64", "aws/codebuild/amazonlinux-x86_64-standard:5.0, X86_64",
      "my/charm-builder:1, X86_64"})
  void buildImageArchitecture_isReadFromTheName(String image, Architecture expected) {
    assertEquals(expected, ContainerImages.buildImageArchitecture(image));
  }
}
