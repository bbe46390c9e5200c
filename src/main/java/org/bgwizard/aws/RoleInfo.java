package org.bgwizard.aws;

import java.util.Map;

/**
 * An IAM role as the provisioner compares it.
 *
 * @param trustPolicy the trust policy as JSON text (decoded: IAM returns it URL-encoded)
 * @param tags the role's tags; empty when they were not read
 */
public record RoleInfo(String name, String arn, String trustPolicy, Map<String, String> tags) {
  public RoleInfo {
    tags = Map.copyOf(tags);
  }
}
