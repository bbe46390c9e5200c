package org.bgwizard.aws;

import java.util.Map;

/**
 * A CodeBuild project, with what the provisioner compares; {@code environment} holds plain-text variables.
 *
 * @param buildspec the source's inline buildspec; null when the build reads buildspec.yml from the source
 * @param logGroup the CloudWatch Logs group of its logs config; null when it has none or they are disabled
 */
public record ProjectInfo(String name, String arn, String serviceRole, String image, String computeType,
    boolean privileged, Map<String, String> environment, String sourceType, Integer timeoutMinutes,
    Map<String, String> tags, String buildspec, String logGroup) {

  public ProjectInfo {
    environment = Map.copyOf(environment);
    tags = Map.copyOf(tags);
  }
}
