package org.bgwizard.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Converts between the API's JSON shapes (taskdef.json, a pipeline declaration) and SDK model objects, through
 * the SDK's serializable builders: field names are the API's, so a document generated as data becomes a request
 * without a hand-written mapping, and an unknown field is an error rather than silently dropped.
 */
final class SdkJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .serializationInclusion(JsonInclude.Include.NON_EMPTY)
      .build();

  private SdkJson() {}

  /** The builder of {@code serializableBuilderClass} (e.g. {@code PipelineDeclaration.serializableBuilderClass()}). */
  static <B> B builder(JsonNode document, Class<?> serializableBuilderClass, Class<B> builderType) {
    try {
      return builderType.cast(MAPPER.treeToValue(document, serializableBuilderClass));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("The document does not fit the API's shape: " + e.getOriginalMessage(), e);
    }
  }

  /** The model object as the API's JSON, without null or empty fields. */
  static JsonNode json(ToCopyableBuilder<?, ?> model) {
    if (!(model instanceof SdkPojo)) {
      throw new IllegalArgumentException(model.getClass() + " is not an SDK model object");
    }
    return MAPPER.valueToTree(model.toBuilder());
  }
}
