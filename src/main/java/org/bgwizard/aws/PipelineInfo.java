package org.bgwizard.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pipeline.
 *
 * @param declaration its structure in the API's JSON shape (as {@code get-pipeline} prints it)
 */
public record PipelineInfo(String name, String arn, int version, JsonNode declaration) {
  public PipelineInfo {
    declaration = declaration.deepCopy();
  }

  @Override
  public JsonNode declaration() {
    return declaration.deepCopy();
  }
}
