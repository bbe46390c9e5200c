package org.bgwizard.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task definition revision.
 *
 * @param document the revision in taskdef.json's shape (API field names), to compare with a generated one
 */
public record TaskDefinitionInfo(String arn, String family, int revision, String status, JsonNode document) {
  public TaskDefinitionInfo {
    document = document.deepCopy();
  }

  @Override
  public JsonNode document() {
    return document.deepCopy();
  }
}
