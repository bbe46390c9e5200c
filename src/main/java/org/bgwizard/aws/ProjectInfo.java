package org.bgwizard.aws;

import java.util.Map;

/** A CodeBuild project, with what the provisioner compares; {@code environment} holds plain-text variables. */
public record ProjectInfo(String name, String arn, String serviceRole, String image, String computeType,
    boolean privileged, Map<String, String> environment, String sourceType, Integer timeoutMinutes,
    Map<String, String> tags) {

  public ProjectInfo {
    environment = Map.copyOf(environment);
    tags = Map.copyOf(tags);
  }
}
